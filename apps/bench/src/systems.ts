import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { API_DIR } from './api-dist';
import type { DatabaseUrls } from './cluster';
import type { ServerKind } from './operations';
import { SERVER_ENV, type ServerEnv } from './server-env';

/** A server under test: its own process, so that its CPU time is its own. */
export interface Server {
  kind: ServerKind;
  base: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerSetup {
  urls: DatabaseUrls;
  /** DATA_KEY and JWT_SECRET, shared with the prepare step. */
  secrets: Record<string, string>;
  poolSize: number;
}

/** What a peer takes on trust, where Qiangji reads it from its caller: the jurisdiction and the actor. */
export type PeerIdentity = Pick<ServerEnv, 'scope' | 'actor'>;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `BENCH_PROFILE_DIR=dir`: Qiangji writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
function profiling(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function launch(kind: ServerKind, port: number, setup: ServerSetup, peer?: PeerIdentity): ChildProcess {
  const common = { PATH: process.env.PATH, NODE_ENV: 'production' };
  if (kind === 'qiangji')
    // As in production (the Docker image): the default log level, one line per request on stdout.
    return spawn(process.execPath, [...profiling(), path.join(API_DIR, 'dist/main.js')], {
      env: {
        ...common,
        ...setup.secrets,
        DATABASE_URL: setup.urls.apiUrl,
        // One signed-in supervisor drives the whole load: the per-credential limit would measure itself.
        RATE_LIMIT_PER_MINUTE: '10000000',
        RATE_LIMIT_BURST: '10000000',
        DATABASE_POOL_SIZE: String(setup.poolSize),
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_IF_EMPTY: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  if (!peer) throw new Error(`${kind} needs the identity it serves`);
  const env: ServerEnv = {
    port,
    // Without RLS as the superuser, whom no policy binds; with it as the API's own login.
    databaseUrl: kind.endsWith('-norls') ? setup.urls.superUrl : setup.urls.apiUrl,
    poolSize: setup.poolSize,
    rls: !kind.endsWith('-norls'),
    ...peer,
  };
  const script = kind.startsWith('postgraphile') ? 'postgraphile-server.js' : 'floor-server.js';
  return spawn(process.execPath, [path.join(__dirname, script)], {
    env: { ...common, [SERVER_ENV]: JSON.stringify(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Answers that say a server is up: Qiangji's readiness probe, a GraphQL answer, the floor's 404 for `/`. */
async function isUp(kind: ServerKind, base: string): Promise<boolean> {
  const request = kind.startsWith('postgraphile')
    ? fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      })
    : fetch(kind === 'qiangji' ? `${base}/readyz` : base);
  return request.then(
    (r) => r.status === 200 || (kind.startsWith('floor') && r.status === 404),
    () => false,
  );
}

export async function startServer(
  kind: ServerKind,
  setup: ServerSetup,
  peer?: PeerIdentity,
): Promise<Server> {
  const port = await freePort();
  const child = launch(kind, port, setup, peer);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  // stdout is read and dropped, as a log collector would take it; the tail is kept for errors.
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await isUp(kind, base)); i++) {
    if (child.exitCode !== null || i > 600)
      throw new Error(`${kind} did not start:\n${output.join('').slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    kind,
    base,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
