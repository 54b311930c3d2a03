import { randomBytes } from 'node:crypto';
import { chinaDay } from '@qiangji/domain';
import type { Client } from 'pg';
import { ADMIN, createAccounts, refreshTokens } from './accounts';
import { benchSchemaSql } from './bench-schema';
import { ask, checkSameAnswers, cursorAfter } from './check';
import { requestFor, type Credentials } from './client';
import { connect, createDatabase, prepareData, type Cluster } from './cluster';
import { measure, nextCursor, type Sample } from './measure';
import {
  OPERATIONS,
  SYSTEMS,
  type Fixtures,
  type Operation,
  type ServerKind,
  type SystemKey,
} from './operations';
import { capturePlans, type Plan } from './plans';
import { startServer, type Server } from './systems';
import { registerWritePool, type WritePool } from './write-pool';

export interface Settings {
  rounds: number;
  seconds: number;
  /** Requests per measurement instead of a time (the CI's tiny run). */
  amount?: number;
  warmupSeconds: number;
  connections: number;
  households: number;
  /** Only so many of the official communities and villages under each street (the CI's tiny run); all when unset. */
  villagesPerStreet?: number;
  poolSize: number;
  /** How many pages of a chained operation (the export) the check compares; all of them when unset. */
  checkPages?: number;
  /** Print progress lines. */
  log: (line: string) => void;
}

/** What the operations of one part share: the data's fixtures, Qiangji's credentials, the servers. */
export interface Bench {
  fixtures: Fixtures;
  credentials: Credentials;
  servers: Map<ServerKind, Server>;
  monitor: Client;
  cluster: Cluster;
  settings: Settings;
  write: WritePool | null;
}

export interface OperationResult {
  op: Operation;
  /** The median of the rounds, per system, and every round. */
  systems: Partial<Record<SystemKey, { median: Sample; rounds: Sample[] }>>;
}

export interface PartResult {
  scale: number;
  data: Record<string, number>;
  operations: OperationResult[];
  plans: Plan[];
}

/** The operations whose plans are captured (Qiangji's point lookup and list), and the systems compared. */
const PLANNED = ['case-by-id', 'cases-page-1', 'cases-page-21'];
const PLANNED_SYSTEMS: SystemKey[] = ['qiangji', 'postgraphile', 'floor'];

/** One database at one size, its data loaded and its servers started, and the operations it measures. */
export interface OpenPart {
  scale: number;
  data: Record<string, number>;
  operations: Operation[];
  bench: Bench;
  close(): Promise<void>;
}

/** Loads one database at one size and starts every server its operations compare on it. */
export async function openPart(
  cluster: Cluster,
  scale: number,
  operations: Operation[],
  settings: Settings,
  secrets: Record<string, string>,
): Promise<OpenPart> {
  const urls = await createDatabase(cluster.serverUrl, `bench_x${scale}`);
  settings.log(`scale ${scale}: loading the data`);
  const data = await prepareData(
    urls.ownerUrl,
    { ...secrets, BENCH_ADMIN_PASSWORD: ADMIN.password },
    { scale, households: settings.households, villagesPerStreet: settings.villagesPerStreet },
  );
  const monitor = await connect(urls.superUrl);
  const servers = new Map<ServerKind, Server>();
  const close = async () => {
    await Promise.all([...servers.values()].map((s) => s.stop()));
    await monitor.end();
  };
  try {
    await monitor.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const { scope, ...fixtures } = await findFixtures(monitor);
    const setup = { urls, secrets, poolSize: settings.poolSize };
    const q = await startServer('qiangji', setup);
    servers.set('qiangji', q);
    const { credentials, actor } = await createAccounts(q.base);
    for (const sql of benchSchemaSql(actor)) await monitor.query(sql);
    const peers = new Set(operations.flatMap((op) => op.systems.map((s) => SYSTEMS[s].server)));
    peers.delete('qiangji');
    for (const server of await Promise.all(
      [...peers].map((kind) => startServer(kind, setup, { scope, actor })),
    ))
      servers.set(server.kind, server);
    const write = operations.some((op) => op.rate)
      ? await registerWritePool(q.base, credentials.admin, monitor, writePoolSize(settings))
      : null;
    if (write) fixtures.nextWriteCase = write.next;
    const bench: Bench = { fixtures, credentials, servers, monitor, cluster, settings, write };
    return { scale, data, operations, bench, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Every operation of the parts, each checked (every system gives the same answer) and then measured in rounds in
 * which the systems take turns and, for an operation measured at several sizes, the sizes too: a machine whose
 * speed drifts (a shared VM) then slows every size of an operation alike, and the ratios between sizes hold.
 */
export async function runParts(parts: OpenPart[]): Promise<PartResult[]> {
  const results = new Map(parts.map((p) => [p, [] as OperationResult[]]));
  const plans = new Map(parts.map((p) => [p, [] as Plan[]]));
  for (const op of parts[0].operations) {
    const here = parts.filter((p) => p.operations.includes(op));
    for (const { scale, bench } of here) {
      bench.settings.log(`scale ${scale}: ${op.key}`);
      await refreshTokens(bench.servers.get('qiangji')!.base, bench.credentials);
      if (op.key === 'cases-page-21')
        for (const s of op.systems) bench.fixtures.page21After[s] = await cursorAfter(bench, op, s, 20);
      await checkSameAnswers(bench, op, bench.settings.checkPages);
    }
    const measured = await measureOperation(
      here.map((p) => p.bench),
      op,
    );
    for (const [i, part] of here.entries()) {
      results.get(part)!.push(measured[i]);
      if (PLANNED.includes(op.key))
        plans.get(part)!.push(
          await capturePlans(
            part.bench.cluster,
            part.bench.monitor,
            op,
            part.scale,
            PLANNED_SYSTEMS.map((s) => [s, () => ask(part.bench, op, s)]),
          ),
        );
    }
  }
  return parts.map((p) => ({
    scale: p.scale,
    data: p.data,
    operations: results.get(p)!,
    plans: plans.get(p)!,
  }));
}

async function findFixtures(monitor: Client): Promise<Fixtures & { scope: string }> {
  const one = async (sql: string) => Object.values((await monitor.query(sql)).rows[0])[0] as string;
  const county = '230129';
  const township = await one(`SELECT subpath(region_path, 2, 1)::text FROM dispute_case
      WHERE region_path <@ (SELECT path FROM region WHERE code = '${county}')
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  return {
    city: '230100',
    county,
    scope: await one(`SELECT path::text FROM region WHERE code = '230100'`),
    // The deepest placed case of the county with a mediator and parties: the longest ancestor list.
    caseId: await one(`SELECT c.id FROM dispute_case c
      WHERE c.region_path <@ (SELECT path FROM region WHERE code = '${county}') AND c.mediator_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM dispute_party p WHERE p.case_id = c.id)
      ORDER BY nlevel(c.region_path) DESC, c.number LIMIT 1`),
    // The county's township with the most cases, and its village or community with the most.
    township,
    village: await one(`SELECT subpath(region_path, 3, 1)::text FROM dispute_case
      WHERE region_path <@ (SELECT path FROM region WHERE code = '${township}') AND nlevel(region_path) > 3
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
    // An urban community (社区, the region's level): of the district whose communities have the most cases, the
    // community with the most.
    community: await one(`WITH c AS (SELECT r.code, r.path, count(*) AS cases FROM region r
        JOIN dispute_case d ON d.region_path <@ r.path WHERE r.level = 'COMMUNITY' GROUP BY r.code, r.path)
      SELECT c.code FROM c JOIN (SELECT subpath(path, 1, 1) AS district, sum(cases) AS cases FROM c GROUP BY 1) d
        ON subpath(c.path, 1, 1) = d.district
      ORDER BY d.cases DESC, d.district, c.cases DESC, c.code LIMIT 1`),
    householdId: await one(`SELECT household_id FROM visit GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
    // China's day, as the API's (and the regions' valid_from) is, whatever zone this PostgreSQL runs in.
    today: chinaDay(),
    page21After: {},
    nextWriteCase: () => {
      throw new Error('no write pool');
    },
  };
}

/** Enough cases for the longest measurement at the write's rate; autocannon prepares one more per connection. */
function writePoolSize(settings: Settings) {
  const rate = Math.max(...OPERATIONS.map((op) => op.rate ?? 0));
  const requests = settings.amount ?? Math.ceil(rate * Math.max(settings.seconds, settings.warmupSeconds));
  return requests + 2 * settings.connections + 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianSample(samples: Sample[]): Sample {
  const keys = Object.keys(samples[0]) as (keyof Sample)[];
  return Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]))])) as unknown as Sample;
}

/**
 * Warm-up for every system at every size, then the rounds: each runs every system at every size once, starting one
 * system and, with several sizes, one size further along each time.
 */
async function measureOperation(benches: Bench[], op: Operation): Promise<OperationResult[]> {
  const { settings } = benches[0];
  const run = async (bench: Bench, system: SystemKey, seconds: number, amount?: number) => {
    if (op.rate) await bench.write!.reset();
    const server = bench.servers.get(SYSTEMS[system].server)!;
    const load = {
      base: server.base,
      serverPid: server.pid,
      next: (state: { after?: string | null }) =>
        requestFor(op, system, bench.fixtures, bench.credentials, state.after ?? null),
      follow: op.pages ? nextCursor : undefined,
      dynamic: Boolean(op.pages || op.rate),
    };
    const window = { seconds, amount, connections: settings.connections, rate: op.rate };
    const { sample, firstError } = await measure(load, window, bench.monitor, bench.cluster.postmasterPid);
    if (firstError)
      throw new Error(`${op.key}: ${system} answered with errors (${sample.errors}): ${firstError}`);
    return sample;
  };
  const turns = benches.flatMap((bench, b) => op.systems.map((system) => ({ b, bench, system })));
  if (settings.warmupSeconds > 0)
    for (const { bench, system } of turns) await run(bench, system, settings.warmupSeconds);
  const rounds = benches.map(() => new Map<SystemKey, Sample[]>(op.systems.map((s) => [s, []])));
  const step = benches.length > 1 ? op.systems.length + 1 : 1;
  for (let r = 0; r < settings.rounds; r++)
    for (let i = 0; i < turns.length; i++) {
      const { b, bench, system } = turns[(i + r * step) % turns.length];
      rounds[b].get(system)!.push(await run(bench, system, settings.seconds, settings.amount));
    }
  return rounds.map((bySystem) => ({
    op,
    systems: Object.fromEntries(
      [...bySystem].map(([system, samples]) => [system, { median: medianSample(samples), rounds: samples }]),
    ),
  }));
}

export function newSecrets(): Record<string, string> {
  return { DATA_KEY: randomBytes(32).toString('base64'), JWT_SECRET: randomBytes(48).toString('base64url') };
}
