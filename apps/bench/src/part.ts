import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { benchSchemaSql } from './bench-schema';
import { requestFor, send, signIn, qiangji, type Credentials } from './client';
import { connect, createDatabase, prepareData, type Cluster } from './cluster';
import { measure, nextCursor, type Load, type Sample, type Window } from './measure';
import {
  canonical,
  OPERATIONS,
  SYSTEMS,
  type Data,
  type Fixtures,
  type Operation,
  type ServerKind,
  type SystemKey,
} from './operations';
import { capturePlans, type Plan } from './plans';
import { startServer, type Server } from './systems';

export interface Settings {
  rounds: number;
  seconds: number;
  /** Requests per measurement instead of a time (the CI's tiny run). */
  amount?: number;
  warmupSeconds: number;
  connections: number;
  households: number;
  poolSize: number;
  /** How many pages of a chained operation (the export) the check compares; all of them when unset. */
  checkPages?: number;
  /** Print progress lines. */
  log: (line: string) => void;
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

const ADMIN_PASSWORD = 'bench-admin-password-1';
const SUPERVISOR = { username: 'bench-supervisor', password: 'bench-supervisor-password-1' };
/** The operations whose plans are captured (Qiangji's list and point lookup), and the systems compared. */
const PLANNED = ['case-by-id', 'cases-page-1', 'cases-page-21'];
const PLANNED_SYSTEMS: SystemKey[] = ['qiangji', 'postgraphile', 'floor'];

/**
 * One database at one size: the data loaded once, the five servers started on it, each operation checked (every
 * system gives the same answer) and then measured in alternating rounds.
 */
export async function runPart(
  cluster: Cluster,
  scale: number,
  operations: Operation[],
  settings: Settings,
  runSecrets: Record<string, string>,
): Promise<PartResult> {
  const databaseUrl = await createDatabase(cluster.serverUrl, `bench_x${scale}`);
  settings.log(`scale ${scale}: loading the data`);
  const data = await prepareData(
    databaseUrl,
    { ...runSecrets, BENCH_ADMIN_PASSWORD: ADMIN_PASSWORD },
    { casesScale: scale, households: settings.households },
  );
  const monitor = await connect(databaseUrl);
  const servers = new Map<ServerKind, Server>();
  try {
    await monitor.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const f = await fixtures(monitor);
    const setup = { databaseUrl, secrets: runSecrets, poolSize: settings.poolSize };
    const kinds = new Set(operations.flatMap((op) => op.systems.map((s) => SYSTEMS[s].server)));
    const q = await startServer('qiangji', {
      ...setup,
      scope: f.scope,
      actor: { id: '', name: '', roles: [] },
    });
    servers.set('qiangji', q);
    const { credentials, actor } = await accounts(q.base);
    for (const sql of benchSchemaSql(actor)) await monitor.query(sql);
    const peers = [...kinds].filter((kind) => kind !== 'qiangji');
    const started = await Promise.all(
      peers.map((kind) => startServer(kind, { ...setup, scope: f.scope, actor })),
    );
    for (const server of started) servers.set(server.kind, server);
    const write = operations.some((op) => op.rate)
      ? await writePool(q.base, credentials, monitor, settings)
      : null;
    if (write) f.nextWriteCase = write.next;

    const results: OperationResult[] = [];
    const plans: Plan[] = [];
    for (const op of operations) {
      settings.log(`scale ${scale}: ${op.key}`);
      await refreshTokens(q.base, credentials);
      if (op.key === 'cases-page-21')
        for (const s of op.systems) f.page21After[s] = await cursorAfter(op, s, f, credentials, servers, 20);
      await check(op, f, credentials, servers, monitor, settings.checkPages);
      settings.log(`scale ${scale}: ${op.key} checked`);
      await write?.reset();
      results.push(await measureOperation(op, f, credentials, servers, monitor, cluster, settings, write));
      settings.log(`scale ${scale}: ${op.key} measured`);
      if (PLANNED.includes(op.key))
        plans.push(
          await capturePlans(
            cluster,
            monitor,
            op,
            scale,
            PLANNED_SYSTEMS.map((s) => [
              s,
              () => send(serverOf(servers, s).base, requestFor(op, s, f, credentials)),
            ]),
          ),
        );
    }
    return { scale, data, operations: results, plans };
  } finally {
    await Promise.all([...servers.values()].map((s) => s.stop()));
    await monitor.end();
  }
}

async function fixtures(monitor: Client): Promise<Fixtures & { scope: string }> {
  const one = async (sql: string) => Object.values((await monitor.query(sql)).rows[0])[0] as string;
  const county = '230129';
  return {
    city: '230100',
    county,
    scope: await one(`SELECT path::text FROM region WHERE code = '230100'`),
    // The deepest placed case of the county with a mediator and parties: the longest ancestor list.
    caseId: await one(`SELECT c.id FROM dispute_case c
      WHERE c.region_path <@ (SELECT path FROM region WHERE code = '${county}') AND c.mediator_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM dispute_party p WHERE p.case_id = c.id)
      ORDER BY nlevel(c.region_path) DESC, c.number LIMIT 1`),
    township: await one(`SELECT subpath(region_path, 2, 1)::text FROM dispute_case
      WHERE region_path <@ (SELECT path FROM region WHERE code = '${county}')
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
    today: await one(`SELECT current_date::text`),
    page21After: {},
    nextWriteCase: () => {
      throw new Error('no write pool');
    },
  };
}

/**
 * The bench's accounts, made through the API as its administrator: a city-wide SUPERVISOR (the reads) and a
 * district system's READ key (the export). The administrator accepts the cases (a supervisor may not).
 */
async function accounts(base: string) {
  const admin = await signIn(base, 'bench-admin', ADMIN_PASSWORD);
  await qiangji(
    base,
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        ...SUPERVISOR,
        displayName: 'bench supervisor',
        roles: ['SUPERVISOR'],
        jurisdictionCode: '230100',
      },
    },
    admin.accessToken,
  );
  const key = await qiangji(
    base,
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    { input: { name: 'bench export', regionCode: '230100', scopes: ['READ'] } },
    admin.accessToken,
  );
  const credentials: Credentials = { admin: '', supervisor: '', apiKey: key.createApiKey.secret };
  await refreshTokens(base, credentials);
  return { credentials, actor: { id: admin.user.id, name: admin.user.username, roles: ['CITY_ADMIN'] } };
}

/** Access tokens live 15 minutes by default and a run is longer: sign in again when they are 5 minutes old. */
const TOKEN_AGE_MS = 5 * 60_000;
const signedInAt = new WeakMap<Credentials, number>();

async function refreshTokens(base: string, credentials: Credentials) {
  if (Date.now() - (signedInAt.get(credentials) ?? 0) < TOKEN_AGE_MS) return;
  credentials.admin = (await signIn(base, 'bench-admin', ADMIN_PASSWORD)).accessToken;
  credentials.supervisor = (await signIn(base, SUPERVISOR.username, SUPERVISOR.password)).accessToken;
  signedInAt.set(credentials, Date.now());
}

function serverOf(servers: Map<ServerKind, Server>, system: SystemKey) {
  return servers.get(SYSTEMS[system].server)!;
}

async function cursorAfter(
  op: Operation,
  system: SystemKey,
  f: Fixtures,
  credentials: Credentials,
  servers: Map<ServerKind, Server>,
  pages: number,
): Promise<string> {
  f.page21After[system] = undefined;
  let after: string | undefined;
  for (let i = 0; i < pages; i++) {
    f.page21After[system] = after;
    const data = await send(serverOf(servers, system).base, requestFor(op, system, f, credentials));
    after = (Object.values(data)[0] as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
  }
  return after!;
}

/** The answer of one system in comparable form; a chained operation is paged through to the end. */
async function answer(
  op: Operation,
  system: SystemKey,
  f: Fixtures,
  credentials: Credentials,
  servers: Map<ServerKind, Server>,
  maxPages = Infinity,
): Promise<unknown> {
  const base = serverOf(servers, system).base;
  const normalise = op.normalise?.[SYSTEMS[system].api] ?? ((d: Data) => d);
  if (!op.pages) return canonical(normalise(await send(base, requestFor(op, system, f, credentials))));
  const edges: unknown[] = [];
  for (let after: string | null = null, n = 0; (n === 0 || after) && n < maxPages; n++) {
    const page = op.pages(await send(base, requestFor(op, system, f, credentials, after)));
    edges.push(...page.edges);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  }
  return canonical({ rows: edges.length, edges });
}

/** Every system must give the same answer before any is measured. */
async function check(
  op: Operation,
  f: Fixtures,
  credentials: Credentials,
  servers: Map<ServerKind, Server>,
  monitor: Client,
  maxPages?: number,
) {
  const [first, ...others] = op.systems;
  const expected = await answer(op, first, f, credentials, servers, maxPages);
  for (const system of others) {
    const actual = await answer(op, system, f, credentials, servers, maxPages);
    const where = firstDifference(expected, actual, '');
    if (where !== null)
      throw new Error(
        `${op.key}: ${system} does not answer as ${first} at ${where || 'the top'}:\n` +
          `${first}: ${JSON.stringify(expected).slice(0, 1500)}\n${system}: ${JSON.stringify(actual).slice(0, 1500)}`,
      );
  }
  if (op.rate) await checkWrites(monitor);
}

/** The write's check: each accepted case has its timeline row and its audit row. */
async function checkWrites(monitor: Client) {
  const { rows } = await monitor.query(
    `SELECT c.id, (SELECT count(*)::int FROM dispute_case_event e WHERE e.case_id = c.id AND e.command = 'accept') AS events,
       (SELECT count(*)::int FROM audit_event a WHERE a.entity_id = c.id::text AND a.action = 'disputeCase.accept') AS audits
     FROM dispute_case c WHERE c.title = $1 AND c.state = 'ACCEPTED'`,
    [WRITE_TITLE],
  );
  const bad = rows.filter((r) => r.events !== 1 || r.audits !== 1);
  if (!rows.length || bad.length)
    throw new Error(`accept: cases without exactly one timeline and one audit row: ${JSON.stringify(bad)}`);
}

export function firstDifference(a: unknown, b: unknown, at: string): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at;
  if (Array.isArray(a) !== Array.isArray(b)) return at;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return `${at}.length`;
  for (const k of keys) {
    const d = firstDifference((a as Data)[k], (b as Data)[k], `${at}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

const WRITE_TITLE = '邻里漏水纠纷（基准）';

/**
 * Cases in RECEIVED for the write, registered through the API. Each measurement takes them in turn from the start,
 * after `reset()` has put them back as they were registered (state, deadline, version): a measurement never runs
 * out of cases, and the pool stays small beside the seeded ones.
 */
async function writePool(base: string, credentials: Credentials, monitor: Client, settings: Settings) {
  // autocannon prepares one request more per connection than it sends.
  const rate = Math.max(...OPERATIONS.map((op) => op.rate ?? 0));
  const size =
    (settings.amount ?? Math.ceil(rate * Math.max(settings.seconds, settings.warmupSeconds) * 1.2)) +
    2 * settings.connections +
    10;
  const {
    rows: [{ code }],
  } = await monitor.query(
    `SELECT region_code AS code FROM mediation_organization
     WHERE kind = 'PEOPLES_COMMITTEE' AND length(region_code) = 12 AND region_code LIKE '230129%'
     ORDER BY region_code LIMIT 1`,
  );
  const input = {
    channel: 'WALK_IN',
    type: 'NEIGHBOURHOOD',
    title: WRITE_TITLE,
    description: '楼上漏水殃及楼下，双方就维修费用争执不下。',
    regionCode: code,
    parties: [
      { role: 'APPLICANT', name: '王某', contact: '13800001234' },
      { role: 'RESPONDENT', name: '李某' },
    ],
    peopleInvolved: 2,
    householdsInvolved: 2,
  };
  const ids: string[] = [];
  for (let i = 0; i < size; i += 5)
    await Promise.all(
      Array.from({ length: Math.min(5, size - i) }, async () => {
        const data = await qiangji(
          base,
          `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id } }`,
          { input },
          credentials.admin,
        );
        ids.push(data.registerDisputeCase.id);
      }),
    );
  const { rows: registered } = await monitor.query(
    `SELECT id, version, due_at, at_risk_at FROM dispute_case WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  let next = 0;
  return {
    next() {
      const row = registered[next++ % registered.length];
      return { id: row.id as string, version: row.version as number };
    },
    async reset() {
      next = 0;
      await monitor.query(
        `UPDATE dispute_case d SET state = 'RECEIVED', accepted_at = NULL, due_at = s.due_at, at_risk_at = s.at_risk_at,
           version = s.version
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[]) AS s(id, version, due_at, at_risk_at)
         WHERE d.id = s.id`,
        [
          registered.map((r) => r.id),
          registered.map((r) => r.version),
          registered.map((r) => r.due_at),
          registered.map((r) => r.at_risk_at),
        ],
      );
    },
  };
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

async function measureOperation(
  op: Operation,
  f: Fixtures,
  credentials: Credentials,
  servers: Map<ServerKind, Server>,
  monitor: Client,
  cluster: Cluster,
  settings: Settings,
  write: { reset(): Promise<void> } | null,
): Promise<OperationResult> {
  const loadOf = (system: SystemKey): Load => {
    const server = serverOf(servers, system);
    return {
      base: server.base,
      serverPid: server.pid,
      next: (state) => requestFor(op, system, f, credentials, state.after ?? null),
      follow: op.pages ? nextCursor : undefined,
      dynamic: Boolean(op.pages || op.rate),
    };
  };
  const run = async (system: SystemKey, seconds: number, amount?: number) => {
    if (op.rate) await write!.reset();
    const window: Window = { seconds, amount, connections: settings.connections, rate: op.rate };
    const { sample, firstError } = await measure(loadOf(system), window, monitor, cluster.postmasterPid);
    if (firstError)
      throw new Error(`${op.key}: ${system} answered with errors (${sample.errors}): ${firstError}`);
    return sample;
  };
  if (settings.warmupSeconds > 0) for (const system of op.systems) await run(system, settings.warmupSeconds);
  const rounds = new Map<SystemKey, Sample[]>(op.systems.map((s) => [s, []]));
  for (let r = 0; r < settings.rounds; r++) {
    const order = op.systems.map((_, i) => op.systems[(i + r) % op.systems.length]);
    for (const system of order)
      rounds.get(system)!.push(await run(system, settings.seconds, settings.amount));
  }
  return {
    op,
    systems: Object.fromEntries(
      [...rounds].map(([system, samples]) => [system, { median: medianSample(samples), rounds: samples }]),
    ),
  };
}

export function newSecrets(): Record<string, string> {
  return { DATA_KEY: randomBytes(32).toString('base64'), JWT_SECRET: randomBytes(48).toString('base64url') };
}
