import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const TEMPLATE_DATABASE = 'qiangji_test_template';
/** The template with the whole demo seed in it, made once per run by the first file that asks (test-app.ts). */
export const SEEDED_TEMPLATE_DATABASE = 'qiangji_test_seeded';

/** A database of the test server as the owner (migrations, factories) and as the API's login. */
export function testDatabaseUrls(database: string) {
  const as = (url: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();
  return {
    ownerUrl: as(process.env.QIANGJI_TEST_OWNER_URL!),
    apiUrl: as(process.env.QIANGJI_TEST_API_URL!),
  };
}

/** ../shared/data beside the repository: third-party files that tests read in place and never copy. */
export const SHARED_DATA_DIR =
  process.env.QIANGJI_SHARED_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');

/** The variables through which global-setup.ts hands every test process the run's keys. */
export const RUN_KEY_ENV = { DATA_KEY: 'QIANGJI_TEST_DATA_KEY', JWT_SECRET: 'QIANGJI_TEST_JWT_SECRET' };

/**
 * Keys for the whole run, so that the demo seeded once (its personal data encrypted) reads the same in every file;
 * a server process started by a test gets the same ones.
 */
export const TEST_SECRETS_ENV = {
  DATA_KEY: process.env[RUN_KEY_ENV.DATA_KEY] ?? randomBytes(32).toString('base64'),
  JWT_SECRET: process.env[RUN_KEY_ENV.JWT_SECRET] ?? randomBytes(48).toString('base64url'),
};
