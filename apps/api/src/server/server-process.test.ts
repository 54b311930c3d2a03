import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { regionTree } from '../test/factories';
import { LOG_DIR_ENV } from '../test/log-capture';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/test-app';
import { TEST_SECRETS_ENV } from '../test/test-env';

const MAIN = path.resolve(__dirname, '../../dist/main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
  output(): string;
}

/** The built server (`node dist/main.js`) as production runs it: its own process, JSON logs to the run's folder. */
async function startServer(env: Record<string, string>): Promise<Running> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build -w @qiangji/api\` first`);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SEED_IF_EMPTY: 'false',
      ...TEST_SECRETS_ENV,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const dir = process.env[LOG_DIR_ENV];
  const file = dir ? createWriteStream(path.join(dir, `server-process.${child.pid}.log`)) : undefined;
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (d) => {
      output += d;
      file?.write(d);
    });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => (file?.end(), resolve(code))),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const status = await fetch(`${base}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, base, exited, output: () => output };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not get ready:\n${output.slice(-3000)}`);
}

interface Answer {
  status: number;
  connection: string | undefined;
  retryAfter: string | undefined;
  body: string;
}

/** A request over the given agent (keep-alive when it is one), as a load balancer or a district system sends it. */
function request(
  base: string,
  agent: http.Agent | false,
  opts: { path?: string; body?: object; token?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const body = opts.body ? JSON.stringify(opts.body) : undefined;
    const req = http.request(
      `${base}${opts.path ?? '/graphql'}`,
      {
        method: body ? 'POST' : 'GET',
        agent,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            connection: res.headers.connection,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the built server in its own process', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
  });
  afterAll(() => app.close());

  it('when it gets SIGTERM under keep-alive load, then /readyz turns 503 for the grace period, every request is answered, idle connections are closed cleanly, and it exits 0 (case 50)', async () => {
    const graceMs = 1500;
    const server = await startServer({ DATABASE_URL: app.databaseUrl, SHUTDOWN_GRACE_MS: String(graceMs) });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const answers: (Answer & { afterSignal: boolean; afterNotReady: boolean })[] = [];
    const failures: unknown[] = [];
    let signalled = false;
    let notReady = false;
    let sending = true;
    // Bounded whatever happens: the load stops after 10 s, or at the first failed request.
    const deadline = setTimeout(() => (sending = false), 10_000);
    const clients = Array.from({ length: 4 }, async (_, i) => {
      while (sending) {
        // Sign-in attempts run argon2 for tens of milliseconds: some are in flight when the signal lands.
        const body =
          i === 0
            ? { query: 'mutation { login(username: "nobody", password: "wrong-password") { accessToken } }' }
            : { query: '{ __typename }' };
        const [afterSignal, afterNotReady] = [signalled, notReady];
        await request(server.base, agent, { body }).then(
          (a) => answers.push({ ...a, afterSignal, afterNotReady }),
          (err) => {
            failures.push(err);
            sending = false;
          },
        );
      }
    });

    // One keep-alive connection that is idle when the server stops: it must be closed, not reset.
    const idle = net.connect(Number(new URL(server.base).port), '127.0.0.1');
    let idleResponse = '';
    idle.on('data', (d) => (idleResponse += d));
    const idleClosed = new Promise<string>((resolve) => {
      idle.on('end', () => resolve('end'));
      idle.on('error', (err) => resolve(`error ${(err as NodeJS.ErrnoException).code}`));
    });
    idle.write('GET /healthz HTTP/1.1\r\nHost: qiangji\r\nConnection: keep-alive\r\n\r\n');

    // The balancer: polls /readyz and stops routing a little after it turns 503, as a real one lags behind.
    const readiness: { status: number; afterSignal: boolean }[] = [];
    const balancer = (async () => {
      while (sending) {
        const a = await request(server.base, false, { path: '/readyz' }).catch(() => undefined);
        if (a) readiness.push({ status: a.status, afterSignal: signalled });
        if (a?.status === 503 && !notReady) {
          notReady = true;
          setTimeout(() => (sending = false), 300);
        }
        await sleep(100);
      }
    })();

    await sleep(800);
    const signalledAt = Date.now();
    signalled = true;
    server.child.kill('SIGTERM');
    await Promise.all([...clients, balancer]);
    clearTimeout(deadline);
    const code = await server.exited;
    const exitedAfter = Date.now() - signalledAt;
    agent.destroy();

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(readiness.filter((r) => !r.afterSignal).every((r) => r.status === 200)).toBe(true);
    expect(readiness.filter((r) => r.afterSignal).map((r) => r.status)).toContain(503);
    expect(answers.filter((a) => a.afterSignal).length).toBeGreaterThan(0);
    // Once the server says it is not ready, each answer closes its connection: clients reconnect elsewhere.
    const late = answers.filter((a) => a.afterNotReady);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((a) => a.connection === 'close')).toBe(true);
    expect(await idleClosed).toBe('end');
    expect(idleResponse).toMatch(/^HTTP\/1.1 200 OK/);
    expect(exitedAfter).toBeGreaterThanOrEqual(graceMs);
    expect(exitedAfter).toBeLessThan(graceMs + 8000);
    expect(server.output()).toMatch(/"msg":"shutting down"/);
    expect(server.output()).toMatch(/"msg":"stopped"/);
  });

  describe('a production build run with DATABASE_URL and no NODE_ENV', () => {
    let server: Running;
    let proxy: ReturnType<typeof tcpProxy>;
    let token: string;

    beforeAll(async () => {
      const db = new URL(app.databaseUrl);
      proxy = tcpProxy(Number(db.port), await freePort());
      await proxy.start();
      db.port = String(proxy.port);
      server = await startServer({
        DATABASE_URL: db.toString(),
        DATABASE_POOL_SIZE: '2',
        SHUTDOWN_GRACE_MS: '0',
      });
      const user = await app.signIn({ roles: ['SUPERVISOR'] });
      const res = await request(server.base, false, {
        body: {
          query: `mutation { login(username: "${user.username}", password: "${TEST_PASSWORD}") { accessToken } }`,
        },
      });
      token = JSON.parse(res.body).data.login.accessToken;
    });
    afterAll(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      await proxy.stop();
    });

    it('when a signed-in caller asks for the schema or misspells a field, then no schema, no suggestion and no stack trace (cases 1, 2)', async () => {
      const schema = await request(server.base, false, {
        token,
        body: { query: '{ __schema { types { name } } }' },
      });
      expect(schema.status).toBe(400);
      expect(schema.body).not.toMatch(/"Resident"|"Query"/);
      const typo = await request(server.base, false, {
        token,
        body: { query: '{ regionz { totalCount } }' },
      });
      expect(typo.body).not.toMatch(/Did you mean|stacktrace|\.js:/);
      const anonymous = await request(server.base, false, { body: { query: '{ regionz { totalCount } }' } });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).not.toMatch(/stacktrace|\.js:/);
    });

    it('when PostgreSQL cannot be reached, then queries answer 503 with Retry-After, /readyz 503 and /healthz 200, and it recovers when PostgreSQL is back (case 47)', async () => {
      await proxy.stop();
      const me = await request(server.base, false, { token, body: { query: '{ me { id } }' } });
      const login = await request(server.base, false, {
        body: { query: 'mutation { login(username: "nobody", password: "wrong-password") { accessToken } }' },
      });
      for (const a of [me, login]) {
        expect(a.status).toBe(503);
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
        expect(JSON.parse(a.body).errors[0]).toMatchObject({
          message: 'The database is unavailable. Try again in a few seconds.',
          extensions: { code: 'INTERNAL' },
        });
      }
      expect((await request(server.base, false, { path: '/readyz' })).status).toBe(503);
      expect((await request(server.base, false, { path: '/healthz' })).status).toBe(200);

      await proxy.start();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await request(server.base, false, { token, body: { query: '{ me { id } }' } })).status;
        if (status !== 200) await sleep(100);
      }
      expect(status).toBe(200);
    });
  });
});

/** A loopback TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
function tcpProxy(targetPort: number, port: number) {
  let server: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  return {
    port,
    async start() {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
      server = undefined;
    },
  };
}
