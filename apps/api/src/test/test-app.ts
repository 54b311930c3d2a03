import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Role } from '@qiangji/domain';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { parseConfig, type Config } from '../config';
import { createDataSource } from '../database/data-source';
import { OWNER_ROLE } from '../database/roles';
import { seedDemoData } from '../database/seed';
import { createLogger, flushLogs } from '../logger';
import { hashPassword } from '../modules/access/passwords';
import { loadSecrets, type Secrets } from '../secrets';
import { createApp, type App } from '../server/app';
import { createContext, createServices, type RequestContext } from '../server/context';
import { serverLogger } from './log-capture';
import { assertNoPersonalData } from './personal-data-guard';
import { SEEDED_TEMPLATE_DATABASE, TEMPLATE_DATABASE, TEST_SECRETS_ENV, testDatabaseUrls } from './test-env';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; field?: string } & Record<string, unknown>;
  }[];
}

export interface GqlClient {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
}

export interface SignedIn extends GqlClient {
  userId: string;
  username: string;
  accessToken: string;
  refreshToken: string;
}

export interface TestApp extends GqlClient {
  baseUrl: string;
  /** The API's login (qiangji_api), which the server uses. */
  databaseUrl: string;
  /** The owner's login (qiangji_owner), for a CLI started by a test. */
  ownerDatabaseUrl: string;
  /** DATABASE_URL and MIGRATION_DATABASE_URL for a server or CLI process started by a test. */
  databaseEnv: { DATABASE_URL: string; MIGRATION_DATABASE_URL: string };
  /** The owner's pool, as the CLI has it: for factories and for looking at what the API wrote. */
  db: DataSource;
  /** The server's own pool (the API's login). */
  apiDb: DataSource;
  secrets: Secrets;
  /** A fresh user with these roles and jurisdiction, signed in through the real login mutation. */
  signIn(opts?: { roles?: Role[]; jurisdiction?: string }): Promise<SignedIn>;
  /** A context outside any request, as the CLI has: for calling services directly. */
  context(): RequestContext;
  /** A client that sends this credential (an access token or an API key). */
  withCredential(credential: string, header?: CredentialHeader): GqlClient;
  /** A second API server on the same database, with its own pool and principal cache. */
  replica(): Promise<{
    withCredential(credential: string, header?: CredentialHeader): GqlClient;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

type CredentialHeader = 'authorization' | 'x-api-key';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;
let users = 0;

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A copy of the run's seeded demo (see `startTestApp`'s `seeded`) and the city's supervisor, signed in. */
export async function seededDemo(): Promise<{ app: TestApp; supervisor: SignedIn }> {
  const app = await startTestApp({}, { seeded: true });
  return { app, supervisor: await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' }) };
}

/** Whoever holds it is making the seeded template; the others wait for it. */
const SEED_LOCK = 20261202;

/**
 * The seeded template, made by the first file that asks for it in this run: a clone of the migrated template
 * with the whole demo seed (without the demo accounts), renamed only once complete. The seed then runs once per
 * run instead of once in every file that reads the demo; a file that tests the seed itself seeds its own.
 */
async function seededTemplate(secrets: Secrets): Promise<string> {
  await admin(async (c) => {
    // Session-level: released when this connection closes, however the seed ends.
    await c.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      SEEDED_TEMPLATE_DATABASE,
    ]);
    if (rowCount) return;
    const building = `${SEEDED_TEMPLATE_DATABASE}_building`;
    await c.query(`DROP DATABASE IF EXISTS ${building}`);
    await c.query(`CREATE DATABASE ${building} TEMPLATE ${TEMPLATE_DATABASE} OWNER ${OWNER_ROLE}`);
    const db = await createDataSource(testDatabaseUrls(building).ownerUrl, 2).initialize();
    try {
      await seedDemoData(db, createLogger('silent'), { secrets, accounts: false });
    } finally {
      await db.destroy();
    }
    await c.query(`ALTER DATABASE ${building} RENAME TO ${SEEDED_TEMPLATE_DATABASE}`);
  });
  return SEEDED_TEMPLATE_DATABASE;
}

/**
 * A fresh migrated database and the real HTTP server on a free port, for one test file. `seeded`: a copy of the
 * demo data, seeded once per run with the run's keys (a file that sets its own DATA_KEY cannot have it).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { seeded?: boolean } = {},
): Promise<TestApp> {
  const name = `qiangji_test_${randomBytes(6).toString('hex')}`;
  const { ownerUrl, apiUrl } = testDatabaseUrls(name);
  const databaseEnv = { DATABASE_URL: apiUrl, MIGRATION_DATABASE_URL: ownerUrl };
  const config = parseConfig({
    NODE_ENV: 'test',
    ...databaseEnv,
    DATABASE_POOL_SIZE: '4',
    PORT: '0',
    // A test file is one caller at machine speed; server/rate-limit.test.ts sets the limit it tests.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '100000',
    ...TEST_SECRETS_ENV,
    ...env,
  });
  const secrets = await loadSecrets(config);
  if (opts.seeded && env.DATA_KEY) throw new Error('The seeded demo is encrypted with the run’s DATA_KEY.');
  const template = opts.seeded ? await seededTemplate(secrets) : TEMPLATE_DATABASE;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${OWNER_ROLE}`));
  const db = await createDataSource(ownerUrl, 4).initialize();
  const server = await serve(config, secrets);
  const { apiDb, client } = server;
  const anonymous = client({});

  return {
    ...anonymous,
    baseUrl: server.baseUrl,
    databaseUrl: apiUrl,
    ownerDatabaseUrl: ownerUrl,
    databaseEnv,
    db,
    apiDb,
    secrets,
    context: () =>
      createContext({
        db,
        logger: serverLogger(),
        services: createServices({ secrets, auth: config.auth, timeLimits: config.timeLimits }),
      }),
    withCredential: (credential, header) => client(credentialHeaders(credential, header)),
    async replica() {
      const other = await serve(config, secrets);
      return {
        withCredential: (credential, header) => other.client(credentialHeaders(credential, header)),
        close: other.close,
      };
    },
    async signIn({ roles = ['CITY_ADMIN'], jurisdiction = '230100' } = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const username = `user${process.pid}-${++users}`;
      const [user] = await db.query(
        `INSERT INTO app_user (username, display_name, password_hash, roles, jurisdiction_code)
         VALUES ($1, $1, $2, $3, $4) RETURNING id`,
        [username, await passwordHash, roles, jurisdiction],
      );
      const res = await anonymous.gql<{ login: { accessToken: string; refreshToken: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }`,
        { u: username, p: TEST_PASSWORD },
      );
      if (!res.data) throw new Error(`signIn failed: ${JSON.stringify(res.errors)}`);
      const { accessToken, refreshToken } = res.data.login;
      return {
        ...client({ authorization: `Bearer ${accessToken}` }),
        userId: user.id,
        username,
        accessToken,
        refreshToken,
      };
    },
    async close() {
      await server.close();
      await db.destroy();
      await admin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}

function credentialHeaders(
  credential: string,
  header: CredentialHeader = 'authorization',
): Record<string, string> {
  return header === 'authorization' ? { authorization: `Bearer ${credential}` } : { 'x-api-key': credential };
}

/** The real HTTP server on a free port, with its own pool as the API's login. */
async function serve(config: Config, secrets: Secrets) {
  const apiDb = await createDataSource(config.database.url!, config.database.poolSize).initialize();
  const logger = serverLogger();
  const app: App = await createApp({ config, db: apiDb, secrets, logger });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const client = (headers: Record<string, string>): GqlClient => ({
    async gql(query, variables) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      assertNoPersonalData(query, text);
      return { status: res.status, ...(JSON.parse(text) as object) };
    },
  });
  return {
    apiDb,
    baseUrl,
    client,
    async close() {
      await app.stop();
      flushLogs(logger);
      await apiDb.destroy();
    },
  };
}
