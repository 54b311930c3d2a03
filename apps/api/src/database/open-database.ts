import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

const EMBEDDED_DATABASE = 'qiangji';

export interface OpenDatabase {
  dataSource: DataSource;
  url: string;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL, started here and stopped by close(). */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  const embedded = config.database.url
    ? null
    : await startEmbeddedPostgres({ ...config.database.embedded, logger, ephemeral: config.env === 'test' });
  try {
    const url = config.database.url ?? (await ensureDatabase(embedded!.url, EMBEDDED_DATABASE));
    const dataSource = await createDataSource(url, config.database.poolSize).initialize();
    return {
      dataSource,
      url,
      async close() {
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/** Creates the database on a server if it is missing and returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
