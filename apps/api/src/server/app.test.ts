import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { regionTree } from '../test/factories';
import { startTestApp, type GqlClient, type TestApp } from '../test/test-app';
import { TEST_SECRETS_ENV } from '../test/test-env';

const MAIN = path.resolve(__dirname, '../../dist/main.js');

describe('the HTTP server', () => {
  let app: TestApp;
  let api: GqlClient;
  beforeAll(async () => {
    app = await startTestApp();
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    api = await app.signIn();
  });
  afterAll(() => app.close());

  it('when probed, then /healthz and /readyz answer 200 and every response carries a request id', async () => {
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await fetch(`${app.baseUrl}/readyz`, { headers: { 'X-Request-Id': 'district-sync-42' } });
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(ready.headers.get('x-request-id')).toBe('district-sync-42');
  });

  it('when a migration is pending, then /readyz answers 503', async () => {
    const [last] = await app.db.query(`SELECT * FROM migrations ORDER BY id DESC LIMIT 1`);
    await app.db.query(`DELETE FROM migrations WHERE id = $1`, [last.id]);
    try {
      const res = await fetch(`${app.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'migrations pending' });
    } finally {
      await app.db.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [
        last.id,
        last.timestamp,
        last.name,
      ]);
    }
  });

  it('when a browser form posts a simple request, then CSRF prevention refuses it', async () => {
    const res = await fetch(`${app.baseUrl}/graphql?query=%7B__typename%7D`);
    expect(res.status).toBe(400);
  });

  it('when the body is over 1 MB, then it is refused with 413', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [
        { message: 'The request body is too large (limit 1 MB).', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
  });

  it('when the body is not JSON, then the error has the GraphQL shape and no stack', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('when the database fails under a query, then the client gets INTERNAL with no SQL and no stack', async () => {
    await app.db.query(`ALTER TABLE region RENAME TO region_moved`);
    try {
      const res = await api.gql(`{ regions { totalCount } }`);
      expect(res.errors).toEqual([
        expect.objectContaining({ message: 'Internal server error.', extensions: { code: 'INTERNAL' } }),
      ]);
      expect(JSON.stringify(res)).not.toMatch(/region_moved|relation|SELECT/i);
    } finally {
      await app.db.query(`ALTER TABLE region_moved RENAME TO region`);
    }
  });
});

describe('the dashboard files', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-dashboard-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>强基</title>');
    await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await startTestApp({ DASHBOARD_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when a browser loads the dashboard, then the page is revalidated and hashed assets are cached for good', async () => {
    const page = await fetch(`${app.baseUrl}/`);
    expect(await page.text()).toContain('强基');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${app.baseUrl}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('the server in production mode', () => {
  let app: TestApp;
  // Signed in: anonymous callers are refused before validation (safe-defaults.test.ts).
  let api: GqlClient;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    api = await app.signIn();
  });
  afterAll(() => app.close());

  it('when a client asks for the schema, then introspection is refused', async () => {
    const res = await api.gql(`{ __schema { types { name } } }`);
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.data).toBeUndefined();
  });

  it('when a field is misspelt, then the error neither suggests names nor carries a stack trace', async () => {
    const res = await api.gql(`{ regionz { totalCount } }`);
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('the server process', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  function start(env: Record<string, string>) {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', SEED_IF_EMPTY: 'false', ...TEST_SECRETS_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, exited, output: () => output };
  }

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/qiangji'],
    ['LOG_LEVEL', 'loud'],
  ])('when %s is %p, then the server stops with one line naming the variable', async (name, value) => {
    const proc = start({ DATABASE_URL: app.databaseUrl, [name]: value });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim().split('\n')).toEqual([
      expect.stringContaining(`Invalid environment variable ${name}`),
    ]);
  });

  it('when it receives SIGTERM while serving, then it finishes the request and exits 0', async () => {
    const port = String(30000 + Math.floor(Math.random() * 20000));
    const proc = start({ DATABASE_URL: app.databaseUrl, PORT: port, NODE_ENV: 'production' });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const inFlight = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A login runs argon2 for tens of milliseconds: long enough to be in flight when SIGTERM lands.
      body: JSON.stringify({
        query: 'mutation { login(username: "nobody", password: "wrong-password") { accessToken } }',
      }),
    });
    await new Promise((r) => setTimeout(r, 5));
    proc.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await proc.exited).toBe(0);
  });
});
