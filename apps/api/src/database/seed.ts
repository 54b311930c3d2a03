import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { demoRegions } from '../modules/region/region.seed';
import { writeRegions } from '../modules/region/region.writer';

/** Adds the demo data; rows that already exist are left as they are, so it can run again. */
export async function seedDemoData(db: DataSource, logger: Logger) {
  const regions = await db.transaction((manager) => writeRegions(manager, demoRegions(), 'insert-missing'));
  logger.info({ regions }, 'demo data seeded');
  return { regions };
}

export async function seedIfEmpty(db: DataSource, logger: Logger) {
  const [{ empty }] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM region) AS empty');
  if (empty) await seedDemoData(db, logger);
}
