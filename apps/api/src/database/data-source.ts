import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Region } from '../modules/region/region.entity';
import { RegionTree1764169200000 } from './migrations/1764169200000-region-tree';

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [Region],
    migrations: [RegionTree1764169200000],
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: poolSize, application_name: 'qiangji-api' },
  });
}

/** Applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
