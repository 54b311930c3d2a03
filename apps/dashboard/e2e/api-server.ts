import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO = path.resolve(__dirname, '../../..');
const API_MAIN = path.join(REPO, 'apps/api/dist/main.js');
const API_CLI = path.join(REPO, 'apps/api/dist/cli/db.js');
const DASHBOARD_INDEX = path.join(REPO, 'apps/dashboard/dist/index.html');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** Where the global setup left the seeded database that every file copies (global-setup.ts). */
export const TEMPLATE_ENV = 'QIANGJI_E2E_TEMPLATE';

export interface ApiOptions {
  /**
   * The API's CLI (`npm run db:…`, apps/api/dist/cli/db.js) on the copy before the API starts, as an operator
   * would run it: e.g. `['import', 'boundaries', file]`.
   */
  cli?: readonly (readonly string[])[];
}

export interface RunningApi {
  baseUrl: string;
  /** SIGTERM, wait for the exit, then delete the database folder. */
  stop(): Promise<void>;
}

/**
 * Starts the real API as production would run it, on its own embedded PostgreSQL in a fresh folder: a copy of
 * the one the global setup migrated and seeded, so the API finds nothing to do but serve GraphQL and the built
 * dashboard. Each file's copy is its own: what one file writes, no other sees.
 */
export async function startApi(opts: ApiOptions = {}): Promise<RunningApi> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run the e2e tests through jest's e2e project.`);
  const tempDir = await newDatabaseFolder();
  // `cp -a` keeps the owner: as root the server runs as `postgres`, who must own its data folder.
  await promisify(execFile)('cp', ['-a', `${template}/.`, tempDir]);
  for (const args of opts.cli ?? []) await runCli(tempDir, args);
  const api = await runApi(tempDir);
  return {
    baseUrl: api.baseUrl,
    async stop() {
      await api.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * The global setup's one full start, in a folder of its own: initdb, migrations and the whole demo seed, then a
 * clean stop, so that the folder can be copied for each file. Returns the folder.
 */
export async function seedTemplate(): Promise<string> {
  for (const [file, workspace] of [
    [API_MAIN, '@qiangji/api'],
    [DASHBOARD_INDEX, '@qiangji/dashboard'],
  ]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing; run \`npm run build -w ${workspace}\` first.`);
  }
  const dir = await newDatabaseFolder();
  try {
    await (await runApi(dir)).stop();
    // PostgreSQL removes its pid file last, after the shutdown checkpoint: without it a copy would need recovery.
    if (existsSync(path.join(dir, 'postgres/postmaster.pid')))
      throw new Error(`The seeded PostgreSQL in ${dir} did not stop cleanly.`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

async function newDatabaseFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qiangji-e2e-'));
  // As root the API runs PostgreSQL as user `postgres`, who must be able to enter mkdtemp's 0700 folder.
  if (process.getuid?.() === 0) await chmod(dir, 0o755);
  return dir;
}

/** What the API and its CLI run with on the embedded PostgreSQL in `dir` (its data and dev secrets). */
function apiEnv(dir: string, pgPort: number, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(port && { PORT: String(port) }),
    EMBEDDED_PG_DIR: path.join(dir, 'postgres'),
    EMBEDDED_PG_PORT: String(pgPort),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    // No balancer watches /readyz here: the grace period would only add seconds to every file.
    SHUTDOWN_GRACE_MS: '0',
  };
  delete env.DATABASE_URL;
  return env;
}

/** One CLI command on the database in `dir`: it starts the embedded PostgreSQL, does its work and stops it. */
async function runCli(dir: string, args: readonly string[]): Promise<void> {
  const [pgPort] = await freePorts(1);
  await promisify(execFile)(process.execPath, [API_CLI, ...args], { env: apiEnv(dir, pgPort) });
}

/** The built API on the embedded PostgreSQL in `dir`, once /readyz answers. */
async function runApi(dir: string): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const [port, pgPort] = await freePorts(2);
  const env = apiEnv(dir, pgPort, port);

  const child = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;

  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    // A hung shutdown must not leave the test run (or a PostgreSQL) behind.
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, running);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nAPI output:\n${output.join('').slice(-5000)}`);
  }
  return { baseUrl, stop };
}

async function waitUntilReady(baseUrl: string, running: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running()) throw new Error('The API exited before it was ready.');
    const status = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`GET ${baseUrl}/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s.`);
}

/** Ports the OS just handed out; all held open at once so the same one is not returned twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
        }),
    ),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
