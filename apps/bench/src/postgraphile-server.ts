import http from 'node:http';
import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import { makeAddPgTableConditionPlugin } from 'graphile-utils';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import ConnectionFilterPlugin from 'postgraphile-plugin-connection-filter';
import { BENCH_SCHEMA } from './bench-schema';
import { SESSION_OPTIONS, serverEnv } from './server-env';

/**
 * PostGraphile 4 as a district integrator would run it in production: a library in a bare `node:http` server,
 * the tables of `public` and the benchmark's functions, the connection filter and the simple inflector. Every
 * request runs in a transaction with the same settings as Qiangji's `inScope()`: the database role (omitted for the
 * run without row-level security) and the caller's jurisdiction as `qiangji.scope`.
 */
const env = serverEnv();
const pool = new Pool({
  connectionString: env.databaseUrl,
  max: env.poolSize,
  options: SESSION_OPTIONS,
  application_name: 'bench-postgraphile',
});
const settings: Record<string, string> = { 'qiangji.scope': env.scope };
if (env.rls) settings.role = 'qiangji_app';

/** `condition: { withinRegion: code }`: the cases of a region's subtree, by its path, as Qiangji filters them. */
const WithinRegionPlugin = makeAddPgTableConditionPlugin(
  'public',
  'dispute_case',
  'withinRegion',
  (build) => ({ type: build.graphql.GraphQLString }),
  (code, { sql, sqlTableAlias }) =>
    code == null
      ? null
      : sql.fragment`${sqlTableAlias}.region_path <@ (SELECT path FROM public.region WHERE code = ${sql.value(code)})`,
);

const handler = postgraphile(pool, ['public', BENCH_SCHEMA], {
  appendPlugins: [PgSimplifyInflectorPlugin, ConnectionFilterPlugin, WithinRegionPlugin],
  pgSettings: settings,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  disableDefaultMutations: true,
  disableQueryLog: true,
  enableQueryBatching: false,
  graphiql: false,
  retryOnInitFail: false,
  legacyRelations: 'omit',
});

const server = http.createServer(handler);
server.keepAliveTimeout = 65_000;
server.listen(env.port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
