import type { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../common/personal-data';
import type { Logger } from '../logger';
import { createServices } from '../server/context';
import { MODULES } from '../server/modules';
import type { Secrets } from '../secrets';

export interface SeedOptions {
  secrets: Secrets;
  /** The demo accounts and their well-known password exist on the embedded development database only. */
  accounts: boolean;
}

/** Adds each module's demo data, in the modules' order, in one transaction; what exists is kept. */
export async function seedDemoData(db: DataSource, logger: Logger, opts: SeedOptions) {
  const cipher = new PersonalDataCipher(opts.secrets.dataKey);
  // Seeds use the services' own rules; none of them signs a token or caches a principal, so the auth settings are placeholders.
  const services = createServices({
    secrets: opts.secrets,
    auth: { accessTokenTtl: 60, refreshTokenTtl: 300, principalCacheTtl: 0 },
  });
  const started = performance.now();
  const result = await db.transaction(async (m) => {
    const seeded: Record<string, unknown> = {};
    for (const module of MODULES) {
      const added = await module.seed?.({ m, services, cipher, logger, accounts: opts.accounts });
      if (added != null) seeded[module.name] = added;
    }
    return seeded;
  });
  logger.info({ ...result, ms: Math.round(performance.now() - started) }, 'demo data seeded');
  return result;
}

export async function seedIfEmpty(db: DataSource, logger: Logger, opts: SeedOptions) {
  const [{ empty }] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM region) AS empty');
  if (empty) await seedDemoData(db, logger, opts);
}
