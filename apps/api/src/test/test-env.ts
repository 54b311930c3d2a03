import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const TEMPLATE_DATABASE = 'qiangji_test_template';

/** ../shared/data beside the repository: third-party files that tests read in place and never copy. */
export const SHARED_DATA_DIR =
  process.env.QIANGJI_SHARED_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');

/** Keys for this test process; a server process started by a test gets the same ones. */
export const TEST_SECRETS_ENV = {
  DATA_KEY: randomBytes(32).toString('base64'),
  JWT_SECRET: randomBytes(48).toString('base64url'),
};
