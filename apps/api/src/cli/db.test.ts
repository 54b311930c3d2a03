import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { SHARED_DATA_DIR } from '../test/test-env';

const DIST = path.resolve(__dirname, '../../dist');
const DIVISIONS = path.join(SHARED_DATA_DIR, 'harbin-divisions.csv');

/**
 * First-time user: `npm start` in one terminal (the embedded PostgreSQL), `npm run db:import` in another.
 * The built server and CLI, each on its own temporary data folder and ports.
 */
describe('the CLI beside the embedded database', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let pgPort: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-cli-'));
    await chmod(dir, 0o755);
    pgPort = 20000 + Math.floor(Math.random() * 20000);
    env = {
      PATH: process.env.PATH,
      EMBEDDED_PG_DIR: path.join(dir, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      SEED_IF_EMPTY: 'false',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    promisify(execFile)(process.execPath, [path.join(DIST, 'cli/db.js'), ...args], {
      env: { ...env, ...extra },
    });
  const regions = async () => {
    const client = new Client({
      connectionString: `postgres://postgres:qiangji-dev@127.0.0.1:${pgPort}/qiangji`,
    });
    await client.connect();
    try {
      return (await client.query('SELECT count(*)::int AS n FROM region')).rows[0].n as number;
    } finally {
      await client.end();
    }
  };
  const portIsFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('connect', () => resolve(socket.destroy() && false));
      socket.on('error', () => resolve(true));
    });

  async function startServer(): Promise<ChildProcess> {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const server = spawn(process.execPath, [path.join(DIST, 'main.js')], {
      env: { ...env, PORT: port },
      stdio: 'inherit',
    });
    for (let i = 0; i < 600; i++) {
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return server;
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not become ready');
  }

  it('when divisions are imported while the server runs, then the CLI uses its database and leaves it running', async () => {
    const server = await startServer();
    try {
      const { stdout, stderr } = await cli(['import', 'divisions', DIVISIONS]);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^divisions: \{"inserted":3528,"updated":0,"unchanged":0\} in \d+ ms\n$/);
      expect(await regions()).toBe(3528);
      expect(await portIsFree(pgPort)).toBe(false);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(server.exitCode).toBe(0);
  });

  it('when the server is not running, then the CLI starts the database itself and stops it afterwards', async () => {
    expect(await portIsFree(pgPort)).toBe(true);
    const { stdout } = await cli(['import', 'divisions', DIVISIONS]);
    expect(stdout).toMatch(/"inserted":0,"updated":0,"unchanged":3528/);
    expect(await portIsFree(pgPort)).toBe(true);
  });

  it('when the port belongs to something else, then the CLI says so in a sentence and what to set', async () => {
    const squatter = net.createServer((socket) => socket.end('hello\n'));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as net.AddressInfo).port;
    try {
      const run = cli(['import', 'divisions', DIVISIONS], { EMBEDDED_PG_PORT: String(port) });
      const failure = await run.then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^Port ${port} answers, but not as the embedded PostgreSQL of .*: set EMBEDDED_PG_PORT`),
        ),
      ]);
    } finally {
      squatter.close();
    }
  });

  it('when the file does not exist, then the CLI names it and starts nothing', async () => {
    const failure = await cli(['import', 'divisions', 'no-such-file.csv']).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toMatch(/^Cannot read .*no-such-file\.csv \(ENOENT\): check the path\.$/);
    expect(failure?.stderr).not.toContain('undefined');
  });
});
