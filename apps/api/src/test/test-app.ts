import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Role } from '@qiangji/domain';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { parseConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { flushLogs } from '../logger';
import { hashPassword } from '../modules/access/passwords';
import { loadSecrets, type Secrets } from '../secrets';
import { createApp, type App } from '../server/app';
import { createContext, createServices, type RequestContext } from '../server/context';
import { serverLogger } from './log-capture';
import { assertNoPersonalData } from './personal-data-guard';
import { TEMPLATE_DATABASE, TEST_SECRETS_ENV } from './test-env';

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
  databaseUrl: string;
  db: DataSource;
  secrets: Secrets;
  /** A fresh user with these roles and jurisdiction, signed in through the real login mutation. */
  signIn(opts?: { roles?: Role[]; jurisdiction?: string }): Promise<SignedIn>;
  /** A context outside any request, as the CLI has: for calling services directly. */
  context(): RequestContext;
  /** A client that sends this credential (an access token or an API key). */
  withCredential(credential: string, header?: 'authorization' | 'x-api-key'): GqlClient;
  close(): Promise<void>;
}

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

/** A fresh migrated database and the real HTTP server on a free port, for one test file. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const name = `qiangji_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = new URL(process.env.QIANGJI_TEST_SERVER_URL!);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    // A test file is one caller at machine speed; server/rate-limit.test.ts sets the limit it tests.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '100000',
    ...TEST_SECRETS_ENV,
    ...env,
  });
  const secrets = await loadSecrets(config);
  const logger = serverLogger();
  const db = await createDataSource(databaseUrl, 4).initialize();
  const app: App = await createApp({
    config,
    db,
    secrets,
    logger,
  });
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
  const anonymous = client({});

  return {
    ...anonymous,
    baseUrl,
    databaseUrl,
    db,
    secrets,
    context: () =>
      createContext({
        db,
        logger,
        services: createServices({ secrets, auth: config.auth, timeLimits: config.timeLimits }),
      }),
    withCredential: (credential, header = 'authorization') =>
      client(
        header === 'authorization' ? { authorization: `Bearer ${credential}` } : { 'x-api-key': credential },
      ),
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
      await app.stop();
      flushLogs(logger);
      await db.destroy();
      await admin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
