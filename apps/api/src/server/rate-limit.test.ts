import type { AddressInfo } from 'node:net';
import { parseConfig } from '../config';
import { regionTree } from '../test/factories';
import { serverLogger } from '../test/log-capture';
import { startTestApp, type TestApp } from '../test/test-app';
import { TEST_SECRETS_ENV } from '../test/test-env';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createApp, type App } from './app';
import { RateLimiter } from './rate-limit';

/** One request every 2 s sustained, 10 at once; counts merged every 100 ms. */
const LIMITS = { RATE_LIMIT_PER_MINUTE: '30', RATE_LIMIT_BURST: '10', RATE_LIMIT_SYNC_MS: '100' };
/** Requests the sustained rate adds over a time, plus one for the edges. */
const refills = (ms: number) => Math.ceil(ms / 2000) + 1;
const ME = JSON.stringify({ query: '{ me { id } }' });

describe('the rate limit per credential (case 60)', () => {
  let app: TestApp;
  let district: string;
  let keys = 0;

  beforeAll(async () => {
    app = await startTestApp(LIMITS);
    district = (await regionTree(app.db, { streets: 1, communities: 1, grids: 1 })).districtCode;
  });
  afterAll(() => app.close());

  /** A fresh READ key of the district, made through the API by a fresh administrator (with a budget of its own). */
  async function apiKey(): Promise<string> {
    const admin = await app.signIn({ roles: ['CITY_ADMIN'] });
    const res = await admin.gql<{ createApiKey: { secret: string } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { name: `限流测试${++keys}`, regionCode: district, scopes: ['READ'] } },
    );
    return res.data!.createApiKey.secret;
  }

  function send(key: string, baseUrl = app.baseUrl) {
    return fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: ME,
    }).then(async (res) => ({
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] },
    }));
  }

  it('when a key sends more than its burst at once, then the rest get 429 with Retry-After and RATE_LIMITED, and after that wait it is served again', async () => {
    const key = await apiKey();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 30 }, () => send(key)));
    const served = answers.filter((a) => a.status === 200).length;
    expect(served).toBeGreaterThanOrEqual(10);
    expect(served).toBeLessThanOrEqual(10 + refills(Date.now() - started));
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.length).toBe(30 - served);
    for (const a of refused) {
      expect(a.status).toBe(429);
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(a.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^Too many requests/),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(a.retryAfter) },
          },
        ],
      });
    }
    await new Promise((r) => setTimeout(r, Number(refused[0].retryAfter) * 1000));
    expect((await send(key)).status).toBe(200);
  });

  it('when the counts reach PostgreSQL seconds after the requests, then the shared timestamp counts from the requests, not from the merge', async () => {
    const limiter = new RateLimiter(
      (app.db.driver as PostgresDriver).master,
      {
        perMinute: 30,
        burst: 10,
        syncMs: 60_000,
      },
      serverLogger(),
    );
    const credential = `API_KEY:late-merge-${Date.now()}`;
    const sentAt = Date.now() - 5_000;
    for (let i = 0; i < 10; i++) expect(limiter.take(credential, sentAt).allowed).toBe(true);
    expect(limiter.take(credential, sentAt)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    await limiter.sync();
    const [shared] = await app.db.query(
      `SELECT extract(epoch FROM tat)::float8 * 1000 AS tat FROM rate_limit_bucket WHERE credential = $1`,
      [credential],
    );
    expect(Math.abs(shared.tat - (sentAt + 20_000))).toBeLessThan(5);
    // One interval after the burst, one more request fits, as the Retry-After said: the merge added no delay.
    expect(limiter.take(credential, sentAt + 2_000).allowed).toBe(true);
  });

  it('when one key floods the API, then another key and a signed-in user are served as usual', async () => {
    const noisy = await apiKey();
    const quiet = await apiKey();
    const user = await app.signIn({ roles: ['SUPERVISOR'] });
    let flooding = true;
    const flood = (async () => {
      const statuses: number[] = [];
      while (flooding && statuses.length < 2_000) {
        const batch = await Promise.all(Array.from({ length: 10 }, () => send(noisy)));
        statuses.push(...batch.map((a) => a.status));
      }
      return statuses;
    })();
    const quietTimes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = Date.now();
      expect((await send(quiet)).status).toBe(200);
      expect((await user.gql(`{ me { id } }`)).errors).toBeUndefined();
      quietTimes.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    const stillFlooding = flooding;
    flooding = false;
    const statuses = await flood;
    expect(stillFlooding).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(statuses.length / 2);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    // The flood shares this process's CPU and pool (a refused key is still looked up), never the quiet ones' budget.
    expect(Math.max(...quietTimes)).toBeLessThan(2_000);
  });

  it('when a key uses its burst on one replica, then a second replica on the same database refuses it too', async () => {
    const config = parseConfig({
      NODE_ENV: 'test',
      DATABASE_URL: app.databaseUrl,
      ...TEST_SECRETS_ENV,
      ...LIMITS,
    });
    const second: App = await createApp({ config, db: app.db, logger: serverLogger(), secrets: app.secrets });
    await new Promise<void>((resolve) => second.httpServer.listen(0, '127.0.0.1', resolve));
    const secondUrl = `http://127.0.0.1:${(second.httpServer.address() as AddressInfo).port}`;
    try {
      const key = await apiKey();
      const first = await Promise.all(Array.from({ length: 10 }, () => send(key)));
      expect(first.every((a) => a.status === 200)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      const elsewhere: number[] = [];
      const started = Date.now();
      for (let i = 0; i < 10; i++) {
        elsewhere.push((await send(key, secondUrl)).status);
        await new Promise((r) => setTimeout(r, 60));
      }
      // Alone, the second replica would serve all ten; it learns the first one's count at its next sync.
      expect(elsewhere.filter((s) => s === 200).length).toBeLessThanOrEqual(
        1 + refills(Date.now() - started),
      );
      expect(elsewhere.slice(-5)).toEqual(expect.arrayContaining([429]));
    } finally {
      await second.stop();
    }
  });

  it('when 50 requests of 5 credentials arrive at once, then the counts reach PostgreSQL in a few statements, not one per request', async () => {
    await app.db.query(`CREATE TABLE rate_limit_statement (at timestamptz DEFAULT clock_timestamp())`);
    // The trigger runs as the API's login, which may only write what it is granted.
    await app.db.query(`GRANT INSERT ON rate_limit_statement TO qiangji_app`);
    await app.db.query(`
      CREATE FUNCTION count_rate_limit_statement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO rate_limit_statement DEFAULT VALUES; RETURN NULL; END $$`);
    await app.db.query(`
      CREATE TRIGGER count_rate_limit_statement AFTER INSERT ON rate_limit_bucket
      FOR EACH STATEMENT EXECUTE FUNCTION count_rate_limit_statement()`);
    try {
      const credentials = await Promise.all(Array.from({ length: 5 }, () => apiKey()));
      await new Promise((r) => setTimeout(r, 300));
      await app.db.query(`DELETE FROM rate_limit_statement`);
      const started = Date.now();
      const answers = await Promise.all(
        credentials.flatMap((key) => Array.from({ length: 10 }, () => send(key))),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      const elapsed = Date.now() - started;
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM rate_limit_statement`);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
      const rows = await app.db.query(
        `SELECT credential FROM rate_limit_bucket WHERE credential LIKE 'API_KEY:%'`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(5);
    } finally {
      await app.db.query(`DROP TRIGGER count_rate_limit_statement ON rate_limit_bucket`);
      await app.db.query(`DROP FUNCTION count_rate_limit_statement(); DROP TABLE rate_limit_statement`);
    }
  });
});
