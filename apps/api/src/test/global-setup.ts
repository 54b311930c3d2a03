import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource, migrate } from '../database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres';
import { provisionDatabase } from '../database/roles';
import { createLogger } from '../logger';
import { RUN_KEY_ENV, SEEDED_TEMPLATE_DATABASE, TEMPLATE_DATABASE } from './test-env';
import { LOG_DIR_ENV } from './log-capture';

declare global {
  var __QIANGJI_PG__: { db: EmbeddedDatabase; dir: string } | undefined;
  var __QIANGJI_LOG_DIR__: string | undefined;
}

/**
 * One PostgreSQL for the whole run and one migrated template database; each test file clones
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds and isolates the files.
 * The roles are those of production: the template is migrated as qiangji_owner, servers log in as
 * qiangji_api. TEST_DATABASE_URL points the suite at another server instead (a superuser's URL).
 */
export default async function globalSetup() {
  // The servers' logs of the whole run, scanned for personal data by global-teardown.ts (case 40).
  process.env[LOG_DIR_ENV] ??= globalThis.__QIANGJI_LOG_DIR__ = await mkdtemp(
    path.join(os.tmpdir(), 'qiangji-test-logs-'),
  );
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-test-pg-'));
    await chmod(dir, 0o755);
    const db = await startEmbeddedPostgres({
      dir: path.join(dir, 'data'),
      port: 20000 + Math.floor(Math.random() * 20000),
      logger: createLogger('warn'),
      ephemeral: true,
    });
    globalThis.__QIANGJI_PG__ = { db, dir };
    serverUrl = db.url;
  }
  process.env[RUN_KEY_ENV.DATA_KEY] ??= randomBytes(32).toString('base64');
  process.env[RUN_KEY_ENV.JWT_SECRET] ??= randomBytes(48).toString('base64url');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  // The seeded template of an earlier run on the same server was made from an older schema, with other keys.
  for (const name of [SEEDED_TEMPLATE_DATABASE, `${SEEDED_TEMPLATE_DATABASE}_building`, TEMPLATE_DATABASE])
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
  const urls = await provisionDatabase(serverUrl, TEMPLATE_DATABASE, {
    owner: randomBytes(18).toString('base64url'),
    api: randomBytes(18).toString('base64url'),
  });
  const dataSource = await createDataSource(urls.ownerUrl, 1).initialize();
  await migrate(dataSource);
  await dataSource.destroy();
  process.env.QIANGJI_TEST_SERVER_URL = serverUrl;
  process.env.QIANGJI_TEST_OWNER_URL = urls.ownerUrl;
  process.env.QIANGJI_TEST_API_URL = urls.apiUrl;
}
