import type { Config } from '../config';
import type { Logger } from '../logger';
import { devSecrets } from '../secrets';
import { createDataSource, migrate, pendingMigrations, type AppDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { assertApiRole, provisionDatabase, warnUnlessLeakproof } from './roles';
import { seedIfEmpty, type SeedOptions } from './seed';
import { SetupError } from './setup-error';

const EMBEDDED_DATABASE = 'qiangji';

export interface OpenDatabase {
  /** The pool of the role asked for: the API's by default, the owner's for the CLI. */
  dataSource: AppDataSource;
  url: string;
  /** The owner's URL, for migrations and the seed, when this process has one. */
  ownerUrl: string | null;
  close(): Promise<void>;
}

/**
 * DATABASE_URL (and MIGRATION_DATABASE_URL) when set; otherwise the embedded PostgreSQL, started here (or
 * found running) with its roles created, and stopped by close() if this process started it.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  opts: { as: 'api' | 'owner' } = { as: 'api' },
): Promise<OpenDatabase> {
  const embedded = config.database.url
    ? null
    : await startEmbeddedPostgres({ ...config.database.embedded, logger, ephemeral: config.env === 'test' });
  try {
    const urls: { apiUrl: string; ownerUrl: string | null } = embedded
      ? await provisionDatabase(embedded.url, EMBEDDED_DATABASE, (await devSecrets(config)).databasePasswords)
      : {
          apiUrl: config.database.url!,
          // The CLI falls back to DATABASE_URL: a one-URL deployment from before the roles still migrates.
          ownerUrl: config.database.migrationUrl ?? (opts.as === 'owner' ? config.database.url! : null),
        };
    const url = opts.as === 'owner' ? urls.ownerUrl! : urls.apiUrl;
    const dataSource = await connect(url, opts.as === 'owner' ? 2 : config.database.poolSize);
    return {
      dataSource,
      url,
      ownerUrl: urls.ownerUrl,
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

/**
 * Before the API serves: migrations and the seed as the owner when this process has its URL (otherwise
 * nothing may be pending), then a check that the API's own role cannot bypass row-level security.
 */
export async function prepareDatabase(
  database: OpenDatabase,
  opts: { logger: Logger; seed: SeedOptions | null },
): Promise<void> {
  if (database.ownerUrl) {
    const owner = await connect(database.ownerUrl, 2);
    try {
      const applied = await migrate(owner);
      if (applied.length) opts.logger.info({ applied }, 'migrations applied');
      if (opts.seed) await seedIfEmpty(owner, opts.logger, opts.seed);
    } finally {
      await owner.destroy();
    }
  } else {
    const pending = await pendingMigrations(database.dataSource).catch(() => ['all']);
    if (pending.length) {
      throw new SetupError(
        `The database has migrations pending (${pending.join(', ')}) and MIGRATION_DATABASE_URL is not set: ` +
          `run npm run db:migrate with it (docs/deploy.md), or give it to the API too.`,
      );
    }
  }
  await assertApiRole(database.dataSource);
  await warnUnlessLeakproof(database.dataSource, opts.logger);
}

/** Connects a pool, or says in one sentence why it cannot. */
async function connect(url: string, poolSize: number): Promise<AppDataSource> {
  try {
    return await createDataSource(url, poolSize).initialize();
  } catch (err) {
    throw connectionError(url, err);
  }
}

function connectionError(url: string, err: unknown): Error {
  const { code, message } = err as { code?: string; message?: string };
  const where = new URL(url);
  const target = `${where.username || 'PostgreSQL'}@${where.host}${where.pathname}`;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return new SetupError(
        `No PostgreSQL answers at ${where.host} (${code}): start it, or correct the URL.`,
      );
    case '28P01':
    case '28000':
      return new SetupError(
        `PostgreSQL refused the login ${target} (${message}): check the user and password in the URL.`,
      );
    case '3D000':
      return new SetupError(`The database of ${target} does not exist: create it as docs/deploy.md says.`);
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}
