import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { API_DIR, apiModule } from './api-dist';

/**
 * One embedded PostgreSQL for the whole run (the API's own starter), with pg_stat_statements to count statements
 * and auto_explain, idle until the plans are captured. Its log is read only while a plan is being captured.
 */
export interface Cluster {
  serverUrl: string;
  postmasterPid: number;
  /** Collects the server's log until the returned function is called, which gives it back. */
  tapLog(): () => string;
  stop(): Promise<void>;
}

interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}
type Starter = (opts: {
  dir: string;
  port: number;
  logger: unknown;
  ephemeral?: boolean;
  settings?: Record<string, string>;
}) => Promise<EmbeddedDatabase>;

/** `ephemeral`: without fsync, for the CI's tiny run; measured runs keep PostgreSQL's durable defaults. */
export async function startCluster(dir: string, port: number, ephemeral: boolean): Promise<Cluster> {
  const { startEmbeddedPostgres } = apiModule<{ startEmbeddedPostgres: Starter }>(
    'database/embedded-postgres.js',
  );
  let tap: string[] | null = null;
  const quiet = () => undefined;
  const logger = {
    debug: (entry: { postgres?: string }) => tap?.push(entry.postgres ?? ''),
    info: quiet,
    warn: quiet,
    error: (entry: unknown, message: string) => console.error(message, entry),
  };
  const pg = await startEmbeddedPostgres({
    dir,
    port,
    logger,
    ephemeral,
    settings: {
      shared_preload_libraries: 'pg_stat_statements,auto_explain',
      'pg_stat_statements.track': 'top',
      'pg_stat_statements.max': '10000',
      // Both sizes' servers stay up together (their rounds alternate): twice the pools of one size.
      max_connections: '300',
    },
  });
  const postmasterPid = Number((await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return {
    serverUrl: pg.url,
    postmasterPid,
    tapLog() {
      tap = [];
      return () => {
        const text = (tap ?? []).join('\n');
        tap = null;
        return text;
      };
    },
    stop: () => pg.stop(),
  };
}

/** The URLs of one bench database: the API's roles of production, and the superuser's for the monitor. */
export interface DatabaseUrls {
  /** The owner (`qiangji_owner`): migrations and the data. */
  ownerUrl: string;
  /** The API's login (`qiangji_api`, a member of `qiangji_app`): Qiangji and the peers measured with RLS. */
  apiUrl: string;
  /** The superuser, who row-level security does not bind: the monitor and the peers measured without RLS. */
  superUrl: string;
}

/**
 * The roles are the cluster's, shared by its databases: one password each for the whole run, or provisioning the
 * second size would lock the first size's servers out.
 */
const ROLE_PASSWORDS = {
  owner: randomBytes(18).toString('base64url'),
  api: randomBytes(18).toString('base64url'),
};

export async function createDatabase(serverUrl: string, name: string): Promise<DatabaseUrls> {
  const { provisionDatabase } = apiModule<{
    provisionDatabase(
      url: string,
      name: string,
      passwords: { owner: string; api: string },
    ): Promise<{ ownerUrl: string; apiUrl: string }>;
  }>('database/roles.js');
  const urls = await provisionDatabase(serverUrl, name, ROLE_PASSWORDS);
  const superUrl = new URL(serverUrl);
  superUrl.pathname = `/${name}`;
  return { ...urls, superUrl: superUrl.toString() };
}

/** The API's prepare step (apps/api/src/bench/prepare.ts) against one database. */
export async function prepareData(
  databaseUrl: string,
  env: Record<string, string>,
  opts: { scale: number; households: number; villagesPerStreet?: number },
): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.join(API_DIR, 'dist/bench/prepare.js'),
      '--scale',
      String(opts.scale),
      '--households',
      String(opts.households),
      ...(opts.villagesPerStreet ? ['--villages-per-street', String(opts.villagesPerStreet)] : []),
    ],
    { env: { PATH: process.env.PATH, ...env, DATABASE_URL: databaseUrl }, maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export async function connect(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-monitor' });
  await client.connect();
  return client;
}

/** Clock ticks of a process: its own, and those of its children that have exited. */
async function ticksOf(pid: number): Promise<{ own: number; children: number; ppid: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
}

let tickMs = 10;
export async function initClock() {
  const { stdout } = await promisify(execFile)('getconf', ['CLK_TCK']);
  tickMs = 1000 / Number(stdout.trim());
}

/** CPU milliseconds of this process and of its children that have exited (prepare steps, stopped servers). */
export async function benchCpuMs(): Promise<number> {
  const t = await ticksOf(process.pid);
  return ((t?.own ?? 0) + (t?.children ?? 0)) * tickMs;
}

/** CPU milliseconds a process has used so far. */
export async function cpuMsOf(pid: number): Promise<number> {
  return ((await ticksOf(pid))?.own ?? 0) * tickMs;
}

/**
 * CPU milliseconds PostgreSQL has used so far: the postmaster, its backends that have exited (counted into it when
 * reaped) and those still running.
 */
export async function postgresCpuMs(postmasterPid: number): Promise<number> {
  // A backend that exits between the reading of the postmaster and of its children would be missed: read again.
  for (;;) {
    const before = await backendsOf(postmasterPid);
    const postmaster = await ticksOf(postmasterPid);
    const after = await backendsOf(postmasterPid);
    if (!postmaster) return 0;
    if (before.size !== after.size || [...after.keys()].some((pid) => !before.has(pid))) continue;
    let ticks = postmaster.own + postmaster.children;
    for (const own of after.values()) ticks += own;
    return ticks * tickMs;
  }
}

/** The postmaster's children (backends, workers) and their own clock ticks. */
async function backendsOf(postmasterPid: number): Promise<Map<number, number>> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  const stats = await Promise.all(pids.map(async (pid) => [pid, await ticksOf(pid)] as const));
  return new Map(stats.filter(([, s]) => s?.ppid === postmasterPid).map(([pid, s]) => [pid, s!.own]));
}

/** Busy clock ticks of the whole machine (all cores) so far, in milliseconds. */
export async function machineBusyMs(): Promise<number> {
  const cpu = (await readFile('/proc/stat', 'utf8')).split('\n')[0].split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu;
  return (user + nice + system + irq + softirq + steal) * tickMs;
}

export interface Statements {
  calls: Map<string, { calls: number; query: string; ms: number }>;
}

/** pg_stat_statements of this database, without the monitor's own statements. */
export async function statements(monitor: Client): Promise<Statements> {
  const { rows } = await monitor.query(
    `SELECT userid || ':' || queryid || ':' || toplevel AS id, calls::float8 AS calls, total_exec_time AS ms, query
     FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  const calls = new Map<string, { calls: number; query: string; ms: number }>();
  for (const r of rows) if (!r.query.includes('pg_stat_statements')) calls.set(r.id, r);
  return { calls };
}

/**
 * Transaction control (savepoints too) and the opening's scope settings with the versions of the reference data, or
 * those versions read alone by a request that has not opened its transaction (yet): counted apart from the
 * statements that do the work.
 */
const TRANSACTION =
  /^\s*(begin|start transaction|commit|rollback|end|savepoint|release)\b|^\s*select\s+set_config\(|^\s*select\s+\(select json_object_agg\(name, version\) from reference_version\) as versions$/i;
/**
 * The rate limiter's merge into `rate_limit_bucket`: one statement per interval (RATE_LIMIT_SYNC_MS) for all the
 * requests admitted in it, so per request it only measures how long requests take; left out of the work (it was
 * most of the command views' and the grid queue's "occasional fourth statement").
 */
const BACKGROUND = /rate_limit_bucket/;
/**
 * The caller's principal (roles, jurisdiction), read when its credential's cache entry has expired or was dropped:
 * once every few seconds for all the requests of a credential, so it is authentication shared by them, not the
 * operation's work (`statement-count.test.ts` counts the work with the principal cached). Counted apart.
 */
const PRINCIPAL = /FROM auth_(user|api_key)_principal\(/;

export function statementDelta(before: Statements, after: Statements) {
  let work = 0;
  let transaction = 0;
  let principal = 0;
  let execMs = 0;
  for (const [id, s] of after.calls) {
    const prior = before.calls.get(id);
    const calls = s.calls - (prior?.calls ?? 0);
    execMs += s.ms - (prior?.ms ?? 0);
    if (TRANSACTION.test(s.query)) transaction += calls;
    else if (PRINCIPAL.test(s.query)) principal += calls;
    else if (!BACKGROUND.test(s.query)) work += calls;
  }
  return { work, transaction, principal, execMs };
}
