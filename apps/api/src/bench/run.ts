import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gridUnitCode } from '@qiangji/domain';
import { createDataSource, migrate } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { provisionDatabase } from '../database/roles';
import { createLogger } from '../logger';
import { importDivisions } from '../modules/region/region-import';
import { writeRegions } from '../modules/region/region.writer';
import { parseConfig } from '../config';
import { hashPassword } from '../modules/access/passwords';
import { createContext, createServices } from '../server/context';
import { loadSecrets } from '../secrets';
import { PersonalDataCipher } from '../common/personal-data';
import { seedResidents } from '../modules/resident/resident.seed';
import { seedMediation } from '../modules/mediation/mediation.seed';
import { demoRegions } from '../modules/region/region.seed';

/**
 * `npm run bench`: the real Harbin division list (3,528 units) plus four grid units under every
 * community and village, the API as its own process in production mode, and a load generator
 * with a fixed number of requests per scenario. Prints a Markdown table for docs/benchmarks.md.
 */
const SHARED_DATA =
  process.env.QIANGJI_SHARED_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const BENCH_PASSWORD = 'bench-password-1';
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 20000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const SCENARIOS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'the 18 districts of 哈尔滨市',
    query: `{ region(code: "230100") { name children(first: 50) { totalCount edges { node { code name level } } } } }`,
  },
  {
    name: 'communities within 道里区, page of 50',
    query: `{ regions(filter: { withinCode: "230102", level: [COMMUNITY] }, first: 50) { totalCount pageInfo { endCursor } edges { node { code name } } } }`,
  },
  {
    name: 'grid units within 五常市, 4th page of 50 (keyset)',
    query: `query($after: String) { regions(filter: { withinCode: "230184", level: [GRID] }, first: 50, after: $after) { edges { node { code } } } }`,
    variables: { after: 'FROM_PAGE_3' },
  },
  {
    name: 'name search 村 (trigram index), page of 50',
    query: `{ regions(filter: { nameContains: "村" }, first: 50) { totalCount edges { node { code name } } } }`,
  },
  {
    // 50, not 100: a page of 100 costs more than the 20,000 that graphql-armor allows one query.
    name: '50 villages with parent, ancestors, counts and 5 children each',
    query: `{ regions(filter: { level: [VILLAGE] }, first: 50) { edges { node { code parent { name } ancestors { name }
      descendantCounts { level count } children(first: 5) { totalCount edges { node { name } } } } } } }`,
  },
  {
    name: 'descendant counts of the whole city',
    query: `{ region(code: "230100") { descendantCounts { level count } } }`,
  },
  {
    name: 'residents within 道里区, page of 50 (row-level security, audited)',
    query: `{ residents(filter: { regionCode: "230102" }, first: 50) { totalCount edges { node { name idNumber phone tags } } } }`,
  },
  {
    name: '20 households of 五常市 with their members and regions',
    query: `{ households(filter: { regionCode: "230184" }, first: 20) { edges { node { address region { name } members { name idNumber } } } } }`,
  },
  {
    name: 'open dispute cases of 延寿县 by deadline, page of 50, with organisation and mediator',
    query: `{ disputeCases(filter: { regionCode: "230129", state: [RECEIVED, ACCEPTED, MEDIATOR_ASSIGNED, IN_MEDIATION] }, orderBy: { field: DUE_AT }, first: 50) { totalCount edges { node { number title state deadlineStatus organization { name } mediator { name } } } } }`,
  },
  {
    name: 'closed dispute cases of the city in 2012, page of 50',
    query: `{ disputeCases(filter: { acceptedFrom: "2012-01-01", acceptedTo: "2012-12-31", state: [CLOSED] }, first: 50) { totalCount edges { node { number type risk region { name } } } } }`,
  },
  {
    name: 'mediationStats of the city for 2012, by type, month and district',
    query: `{ mediationStats(regionCode: "230100", from: "2012-01-01", to: "2012-12-31") { accepted mediated mediationRate medianDaysToConclude byType { type accepted } byMonth { month accepted } byChildRegion { regionCode accepted mediated } petitionBacklog { resolutionRate } legalClinics { clinics peopleServed } } }`,
  },
];

async function main() {
  const logger = createLogger('warn');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-bench-'));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    port: 40000 + Math.floor(Math.random() * 10000),
    logger,
  });
  // The roles of production: the bench data is written as the owner, the API signs in as qiangji_api.
  const { ownerUrl, apiUrl } = await provisionDatabase(pg.url, 'qiangji_bench', {
    owner: randomBytes(18).toString('base64url'),
    api: randomBytes(18).toString('base64url'),
  });
  const db = await createDataSource(ownerUrl, 4).initialize();
  let api: ReturnType<typeof spawn> | undefined;
  try {
    await migrate(db);
    const secretsEnv = {
      DATA_KEY: randomBytes(32).toString('base64'),
      JWT_SECRET: randomBytes(48).toString('base64url'),
    };
    const config = parseConfig({ ...secretsEnv, DATABASE_URL: apiUrl });
    const services = createServices({
      secrets: await loadSecrets(config),
      auth: config.auth,
      timeLimits: config.timeLimits,
    });
    const ctx = createContext({ db, logger, services });
    const csv = await readFile(path.join(SHARED_DATA, 'harbin-divisions.csv'), 'utf8');
    const started = performance.now();
    const imported = await importDivisions(ctx, csv);
    const importMs = performance.now() - started;
    const villages: { code: string }[] = await db.query(`SELECT code FROM region WHERE length(code) = 12`);
    const grids = villages.flatMap(({ code }) =>
      [1, 2, 3, 4].map((n) => ({
        code: gridUnitCode(code, n),
        name: `第${n}网格`,
        level: 'GRID' as const,
        parentCode: code,
      })),
    );
    await db.transaction((m) => writeRegions(m, grids, 'insert-missing'));
    const secrets = await loadSecrets(config);
    const people = await db.transaction((m) =>
      seedResidents(m, new PersonalDataCipher(secrets.dataKey), { households: HOUSEHOLDS, seed: 1 }),
    );
    // Grand mediation runs on the demo tree's places (generated streets and villages under the real districts).
    await db.transaction((m) => writeRegions(m, demoRegions(), 'insert-missing'));
    const mediation = await db.transaction((m) => seedMediation(m, { seed: 1 }));
    await db.query('ANALYZE');
    const [{ total }] = await db.query('SELECT count(*)::int AS total FROM region');

    const port = 40000 + Math.floor(Math.random() * 10000);
    api = spawn(process.execPath, [path.resolve(__dirname, '../main.js')], {
      env: {
        PATH: process.env.PATH,
        ...secretsEnv,
        DATABASE_URL: apiUrl,
        PORT: String(port),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        SEED_IF_EMPTY: 'false',
        // One supervisor drives the whole load: the per-credential limit would measure itself.
        RATE_LIMIT_PER_MINUTE: '10000000',
        RATE_LIMIT_BURST: '10000000',
      },
      stdio: 'inherit',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base);
    // Every query needs a caller: a supervisor of the whole city, signed in once.
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, roles, jurisdiction_code)
       VALUES ('bench', 'bench', $1, '{SUPERVISOR}', '230100')`,
      [await hashPassword(BENCH_PASSWORD)],
    );
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(username: "bench", password: "${BENCH_PASSWORD}") { accessToken } }`,
      }),
    });
    const { accessToken } = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login;
    const post = async (query: string, variables?: Record<string, unknown>) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { errors?: unknown; data?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as Record<string, { pageInfo?: { endCursor: string } }>;
    };
    // The keyset scenario starts where page 3 ended.
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const data = await post(
        `query($after: String) { regions(filter: { withinCode: "230184", level: [GRID] }, first: 50, after: $after) { pageInfo { endCursor } } }`,
        { after },
      );
      after = data.regions.pageInfo!.endCursor;
    }

    const rows: string[] = [];
    for (const s of SCENARIOS) {
      const variables = s.variables ? { after } : undefined;
      for (let i = 0; i < 50; i++) await post(s.query, variables); // warm-up
      const latencies: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < REQUESTS) {
            const t = performance.now();
            await post(s.query, variables);
            latencies.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      const q = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
      rows.push(`| ${s.name} | ${(REQUESTS / seconds).toFixed(0)} | ${q(0.5)} | ${q(0.95)} | ${q(0.99)} |`);
    }
    console.log(
      `\nRegions: ${total} (official list ${imported.inserted} + grid units); ${people.households} households, ` +
        `${people.residents} residents; ${mediation.organizations} mediation organisations, ${mediation.mediators} ` +
        `mediators, ${mediation.cases} dispute cases, ${mediation.events} timeline rows. ` +
        `Import of the official list: ${importMs.toFixed(0)} ms.`,
    );
    console.log(
      `${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent, API in its own process (NODE_ENV=production).\n`,
    );
    console.log('| scenario | req/s | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |');
    console.log(rows.join('\n'));
  } finally {
    api?.kill('SIGTERM');
    if (api) await new Promise((r) => api!.on('exit', r));
    await db.destroy();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitReady(base: string) {
  for (let i = 0; i < 300; i++) {
    if (
      (await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
