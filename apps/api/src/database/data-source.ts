import 'reflect-metadata';
import { DataSource, MigrationExecutor } from 'typeorm';
import { MODULES } from '../server/modules';
import { RegionTree1764169200000 } from './migrations/1764169200000-region-tree';
import { AccessResidentsAudit1764190000000 } from './migrations/1764190000000-access-residents-audit';
import { Mediation1764210000000 } from './migrations/1764210000000-mediation';
import { RateLimit1764300000000 } from './migrations/1764300000000-rate-limit';

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: MODULES.flatMap((m) => m.entities ?? []),
    migrations: [
      RegionTree1764169200000,
      AccessResidentsAudit1764190000000,
      Mediation1764210000000,
      RateLimit1764300000000,
    ],
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: poolSize, application_name: 'qiangji-api' },
  });
}

/** Any constant: replicas starting together take turns instead of racing on the same migration. */
const MIGRATION_LOCK = 20130601;

/**
 * Applies pending migrations, each in its own transaction, on one connection that holds a session
 * advisory lock meanwhile (one connection, so a pool of one cannot deadlock against itself).
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Names of the migrations this build knows that the database has not applied; read-only, for /readyz. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query('SELECT name FROM migrations');
  const applied = new Set(rows.map((r) => r.name));
  return dataSource.migrations.map((m) => m.name!).filter((name) => !applied.has(name));
}
