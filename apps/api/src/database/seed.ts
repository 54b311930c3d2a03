import type { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../common/personal-data';
import type { Logger } from '../logger';
import { seedDemoAccounts } from '../modules/access/access.seed';
import { seedMediation } from '../modules/mediation/mediation.seed';
import { demoRegions } from '../modules/region/region.seed';
import { writeRegions } from '../modules/region/region.writer';
import { seedResidents } from '../modules/resident/resident.seed';
import type { Secrets } from '../secrets';

export interface SeedOptions {
  secrets: Secrets;
  /** The demo accounts and their well-known password exist on the embedded development database only. */
  accounts: boolean;
}

/** Adds the demo data in one transaction; regions that exist are kept, people are added once. */
export async function seedDemoData(db: DataSource, logger: Logger, opts: SeedOptions) {
  const result = await db.transaction(async (m) => {
    const regions = await writeRegions(m, demoRegions(), 'insert-missing');
    const [{ empty }] = await m.query('SELECT NOT EXISTS (SELECT 1 FROM household) AS empty');
    const people = empty ? await seedResidents(m, new PersonalDataCipher(opts.secrets.dataKey)) : null;
    const accounts = opts.accounts ? await seedDemoAccounts(m) : 0;
    const [{ noMediation }] = await m.query(
      'SELECT NOT EXISTS (SELECT 1 FROM mediation_organization) AS "noMediation"',
    );
    if (noMediation) logger.info(await seedMediation(m), 'mediation demo data seeded');
    return { regions, people, accounts };
  });
  logger.info(result, 'demo data seeded');
  return result;
}

export async function seedIfEmpty(db: DataSource, logger: Logger, opts: SeedOptions) {
  const [{ empty }] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM region) AS empty');
  if (empty) await seedDemoData(db, logger, opts);
}
