import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Pool } from 'pg';
import { ACCEPT, CASE_BY_ID, CASES_PAGE, DISTRICTS, EXPORT_PAGE, STATS } from './floor-sql';
import { SESSION_OPTIONS, serverEnv } from './server-env';

/**
 * The floor: `node:http` and `pg`, one hand-written statement per operation that builds the JSON in PostgreSQL,
 * inside the same `BEGIN; set_config(…); …; COMMIT` as Qiangji's `inScope()` (the role is not switched in the run
 * without row-level security). Whatever Qiangji does beyond this is what its layers cost.
 */
const env = serverEnv();
const pool = new Pool({
  connectionString: env.databaseUrl,
  max: env.poolSize,
  options: SESSION_OPTIONS,
  application_name: 'bench-floor',
});
const SETTINGS = env.rls
  ? `SELECT set_config('role', 'qiangji_app', true), set_config('qiangji.scope', $1, true)`
  : `SELECT set_config('qiangji.scope', $1, true)`;

type Vars = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Route {
  /** The root field the answer goes under, as in Qiangji's `data`. */
  field: string;
  sql(v: Vars): { text: string; values: unknown[] };
}

/** `received_at|id` of the last row: what the floor's pages hand out as endCursor. */
function keyset(after: string | null | undefined) {
  return after ? after.split('|') : [];
}

const page = (sql: { first: string; after: string }, values: unknown[], after: string | null) => ({
  text: after ? sql.after : sql.first,
  values: [...values, ...keyset(after)],
});

const ROUTES: Record<string, Route> = {
  case: { field: 'disputeCase', sql: (v) => ({ text: CASE_BY_ID, values: [v.id] }) },
  cases: { field: 'disputeCases', sql: (v) => page(CASES_PAGE, [v.code, v.first, v.states], v.after) },
  districts: { field: 'region', sql: (v) => ({ text: DISTRICTS, values: [v.code, 50] }) },
  stats: { field: 'mediationStats', sql: (v) => ({ text: STATS, values: [v.code, v.from, v.to] }) },
  export: { field: 'disputeCases', sql: (v) => page(EXPORT_PAGE, [v.from, 200, v.to], v.after) },
  accept: {
    field: 'acceptDisputeCase',
    sql: (v) => ({
      text: ACCEPT,
      values: [v.id, v.version, env.actor.id, env.actor.name, env.actor.roles, randomUUID(), '127.0.0.1'],
    }),
  },
};

async function answer(route: Route, vars: Vars): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SETTINGS, [env.scope]);
    const { text, values } = route.sql(vars);
    const { rows } = await client.query(text, values);
    await client.query('COMMIT');
    const json = rows[0]?.json;
    if (json == null) return JSON.stringify({ data: null, errors: [{ message: 'Not found.' }] });
    return `{"data":{"${route.field}":${json}}}`;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const route = ROUTES[(req.url ?? '').slice(1)];
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (!route || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    answer(route, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (err: Error) =>
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: err.message }] })),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(env.port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
