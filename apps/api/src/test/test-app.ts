import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { parseConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { createLogger } from '../logger';
import { createApp, type App } from '../server/app';
import { TEMPLATE_DATABASE } from './test-env';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; field?: string } & Record<string, unknown>;
  }[];
}

export interface TestApp {
  baseUrl: string;
  databaseUrl: string;
  db: DataSource;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

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
  const config = parseConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, PORT: '0', ...env });
  const db = await createDataSource(databaseUrl, 4).initialize();
  const app: App = await createApp({
    config,
    db,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;

  return {
    baseUrl,
    databaseUrl,
    db,
    async gql(query, variables) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async close() {
      await app.stop();
      await db.destroy();
      await admin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
