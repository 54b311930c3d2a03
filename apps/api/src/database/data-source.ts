import 'reflect-metadata';
import { DataSource, MigrationExecutor } from 'typeorm';
import { MODULES } from '../server/modules';
import { RegionTree1764169200000 } from './migrations/1764169200000-region-tree';
import { AccessResidentsAudit1764190000000 } from './migrations/1764190000000-access-residents-audit';
import { Mediation1764210000000 } from './migrations/1764210000000-mediation';
import { RolesAndAccountSecurity1764220000000 } from './migrations/1764220000000-roles-and-account-security';
import { PreparingClient } from './preparing-client';
import { adoptObjects, OWNER_ROLE } from './roles';
import { SetupError } from './setup-error';
import { RateLimit1764300000000 } from './migrations/1764300000000-rate-limit';
import { ScopedTables1764400000000 } from './migrations/1764400000000-scoped-tables';
import { Villages1764500000000 } from './migrations/1764500000000-villages';
import { PublicServices1764600000000 } from './migrations/1764600000000-public-services';
import { GridSecurity1764700000000 } from './migrations/1764700000000-grid-security';
import { MediationRollups1764800000000 } from './migrations/1764800000000-mediation-rollups';
import { MonthlyReport1764900000000 } from './migrations/1764900000000-monthly-report';
import { AreaRollups1765000000000 } from './migrations/1765000000000-area-rollups';
import { WorkCalendar1765300000000 } from './migrations/1765300000000-work-calendar';
import { ServiceEligibility1765310000000 } from './migrations/1765310000000-service-eligibility';
import { SecurityRollup1765320000000 } from './migrations/1765320000000-security-rollup';
import { GridCoverage1765400000000 } from './migrations/1765400000000-grid-coverage';
import { CommandViewRollups1765500000000 } from './migrations/1765500000000-command-view-rollups';
import { PoorVisits1765600000000 } from './migrations/1765600000000-poor-visits';
import { WorkCalendarDelete1765700000000 } from './migrations/1765700000000-work-calendar-delete';
import { CoverageValidDays1765820000000 } from './migrations/1765820000000-coverage-valid-days';
import { YearlyRollups1765830000000 } from './migrations/1765830000000-yearly-rollups';
import { ReportRollups1765840000000 } from './migrations/1765840000000-report-rollups';
import { CadreTargetRollups1765850000000 } from './migrations/1765850000000-cadre-target-rollups';
import { SecurityCaseRollup1765851000000 } from './migrations/1765851000000-security-case-rollup';
import { CadreStatsRollups1765870000000 } from './migrations/1765870000000-cadre-stats-rollups';

/** A DataSource that also closes what was opened beside its pool (a LISTEN connection) when it is destroyed. */
export class AppDataSource extends DataSource {
  private readonly closers: (() => Promise<void>)[] = [];

  /** The URL the pool connects with, for connections of its own beside the pool. */
  get url(): string {
    return (this.options as { url: string }).url;
  }

  onDestroy(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  override async destroy(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((close) => close()));
    await super.destroy();
  }
}

export function createDataSource(url: string, poolSize = 10): AppDataSource {
  return new AppDataSource({
    type: 'postgres',
    url,
    entities: MODULES.flatMap((m) => m.entities ?? []),
    migrations: [
      RegionTree1764169200000,
      AccessResidentsAudit1764190000000,
      Mediation1764210000000,
      RolesAndAccountSecurity1764220000000,
      RateLimit1764300000000,
      ScopedTables1764400000000,
      Villages1764500000000,
      PublicServices1764600000000,
      GridSecurity1764700000000,
      MediationRollups1764800000000,
      MonthlyReport1764900000000,
      AreaRollups1765000000000,
      WorkCalendar1765300000000,
      ServiceEligibility1765310000000,
      SecurityRollup1765320000000,
      GridCoverage1765400000000,
      CommandViewRollups1765500000000,
      PoorVisits1765600000000,
      WorkCalendarDelete1765700000000,
      CoverageValidDays1765820000000,
      YearlyRollups1765830000000,
      ReportRollups1765840000000,
      CadreTargetRollups1765850000000,
      SecurityCaseRollup1765851000000,
      CadreStatsRollups1765870000000,
    ],
    migrationsTableName: 'migrations',
    synchronize: false,
    // The days of this system are China's: `current_date` (a region's validity, its default `valid_from`) must name
    // the same day as the domain's `chinaDay()`, whatever zone the database server was installed with.
    extra: {
      max: poolSize,
      application_name: 'qiangji-api',
      options: '-c TimeZone=Asia/Shanghai',
      Client: PreparingClient,
    },
  });
}

/** Any constant: replicas starting together take turns instead of racing on the same migration. */
const MIGRATION_LOCK = 20130601;

/**
 * Applies pending migrations, each in its own transaction, on one connection that holds a session
 * advisory lock meanwhile (one connection, so a pool of one cannot deadlock against itself). They run as
 * the owner role: a login that is not the owner itself (a superuser, an administrator that is a member)
 * first hands the owner what it created before the roles existed, then acts as the owner.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const [{ login, owner }] = await runner.query(
      `SELECT current_user AS login, (SELECT oid FROM pg_roles WHERE rolname = $1) IS NOT NULL AS owner`,
      [OWNER_ROLE],
    );
    if (login !== OWNER_ROLE) {
      const fail = (why: string) =>
        new SetupError(
          `Migrations run as the role ${OWNER_ROLE}, and ${login} ${why}: ` +
            `create the roles as docs/deploy.md says and point MIGRATION_DATABASE_URL at ${OWNER_ROLE}.`,
        );
      if (!owner) throw fail(`cannot act as it because it does not exist`);
      await adoptObjects(runner).catch((err: Error) => {
        throw fail(`cannot hand it the existing tables (${err.message})`);
      });
      await runner.query(`SET ROLE ${OWNER_ROLE}`).catch(() => {
        throw fail(`is not a member of it`);
      });
    }
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('RESET ROLE').catch(() => undefined);
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
