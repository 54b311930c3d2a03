/** What the benchmark hands each peer server it starts: where to listen, the database and the caller's identity. */
export interface ServerEnv {
  port: number;
  databaseUrl: string;
  poolSize: number;
  /** Switch to the database role `qiangji_app` (row-level security), as Qiangji's `inScope()` does. */
  rls: boolean;
  /** The caller's jurisdiction as an ltree path: what Qiangji reads from its principal. */
  scope: string;
  /** Who writes the audit and timeline rows of a command. */
  actor: { id: string; name: string; roles: string[] };
}

export const SERVER_ENV = 'BENCH_SERVER';

export function serverEnv(): ServerEnv {
  const raw = process.env[SERVER_ENV];
  if (!raw) throw new Error(`${SERVER_ENV} is not set: the benchmark starts this server`);
  return JSON.parse(raw) as ServerEnv;
}

/**
 * The peers' sessions count days in China as Qiangji's pool does (apps/api/src/database/data-source.ts), so that
 * `current_date` is the day the regions' validity names whatever zone PostgreSQL runs in.
 */
export const SESSION_OPTIONS = '-c TimeZone=Asia/Shanghai';
