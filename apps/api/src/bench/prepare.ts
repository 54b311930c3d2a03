import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gridUnitCode } from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../common/personal-data';
import { parseConfig } from '../config';
import { createDataSource, migrate } from '../database/data-source';
import { createLogger } from '../logger';
import { createAdmin } from '../modules/access/access.seed';
import { seedGrid } from '../modules/grid/grid.seed';
import { seedMediation } from '../modules/mediation/mediation.seed';
import { seedSecurity } from '../modules/security/security.seed';
import { importDivisions } from '../modules/region/region-import';
import { demoRegions } from '../modules/region/region.seed';
import { writeRegions } from '../modules/region/region.writer';
import { seedResidents } from '../modules/resident/resident.seed';
import { seedServices } from '../modules/service/service.seed';
import { SHANGHONG } from '../modules/service/service.seed-data';
import { seedVillages } from '../modules/village/village.seed';
import { loadSecrets } from '../secrets';
import { createContext, createServices } from '../server/context';

/**
 * The data of `npm run bench` (apps/bench), loaded once into the database of DATABASE_URL with the keys the API
 * will run with (DATA_KEY, JWT_SECRET): the real Harbin division list (`--villages-per-street`: a part of its
 * communities and villages) with four grid units under every community and village, synthetic households, the demo
 * data of every area (its facts repeated `--scale` times), and one city-wide CITY_ADMIN (`bench-admin`, password BENCH_ADMIN_PASSWORD) through whom
 * the bench creates its other accounts over the API. Prints one JSON line with the counts.
 */
const SHARED_DATA =
  process.env.QIANGJI_SHARED_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      households: { type: 'string', default: '20000' },
      'villages-per-street': { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  const households = Number(values.households);
  if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale must be 1 or more');
  if (!Number.isInteger(households) || households < 0) throw new Error('--households must be 0 or more');
  const perStreet = Number(values['villages-per-street'] ?? Infinity);
  if (!(perStreet >= 1)) throw new Error('--villages-per-street must be 1 or more');
  const password = process.env.BENCH_ADMIN_PASSWORD;
  if (!password) throw new Error('BENCH_ADMIN_PASSWORD is required');

  const config = parseConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const secrets = await loadSecrets(config);
  const logger = createLogger('warn');
  const db = await createDataSource(config.database.url, 4).initialize();
  try {
    await migrate(db);
    const ctx = createContext({
      db,
      logger,
      services: createServices({ secrets, auth: config.auth, timeLimits: config.timeLimits }),
    });
    const csv = villagesPerStreet(
      await readFile(path.join(SHARED_DATA, 'harbin-divisions.csv'), 'utf8'),
      perStreet,
    );
    const started = performance.now();
    const imported = await importDivisions(ctx, csv);
    const importMs = Math.round(performance.now() - started);
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
    const people = await db.transaction((m) =>
      seedResidents(m, new PersonalDataCipher(secrets.dataKey), { households, seed: 1 }),
    );
    // Grand mediation runs on the demo tree's places (generated streets and villages under the real districts).
    await db.transaction((m) => writeRegions(m, demoRegions(), 'insert-missing'));
    const mediation = await db.transaction((m) => seedMediation(m, { seed: 1 }));
    // Public services on the same tree: the catalogue, 上红社区's map and a year of applications (nearby, queue).
    await db.transaction((m) => seedServices(m, new PersonalDataCipher(secrets.dataKey), ctx.services));
    // Grid events and reported cases for the grid-event queue and securityStats (issue 12).
    await db.transaction((m) => seedGrid(m));
    await db.transaction((m) => seedSecurity(m));
    await db.transaction((m) => seedVillages(m, { yishanUserId: null, seed: 1 }));
    if (scale > 1) await repeatFacts(db, scale);
    await createAdmin(db, 'bench-admin', '230100', password);
    await db.query('VACUUM ANALYZE');
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM dispute_case) AS cases,
         (SELECT count(*)::int FROM dispute_party) AS parties, (SELECT count(*)::int FROM dispute_case_event) AS events,
         (SELECT count(*)::int FROM visit) AS visits, (SELECT count(*)::int FROM service_application) AS applications,
         (SELECT count(*)::int FROM grid_event) AS "gridEvents"`,
    );
    console.log(
      JSON.stringify({
        ...counts,
        officialDivisions: imported.inserted,
        importMs,
        households: people.households,
        residents: people.residents,
        organizations: mediation.organizations,
        mediators: mediation.mediators,
        seededCases: mediation.cases,
        scale,
      }),
    );
  } finally {
    await db.destroy();
  }
}

/**
 * The official list with at most `perStreet` communities and villages under each street, in the list's order, and
 * 上红社区, where the residents' seed puts its first household: the CI's tiny run, whose grid and public-security
 * demo (four grid units on every village, figures on every village) would otherwise take most of its time. The list
 * has no quoted fields.
 */
function villagesPerStreet(csv: string, perStreet: number): string {
  if (perStreet === Infinity) return csv;
  const [header, ...lines] = csv.split(/\r?\n/);
  const columns = header.split(',');
  const [code, level, parent] = ['code', 'level', 'parent_code'].map((c) => columns.indexOf(c));
  const kept = new Map<string, number>();
  const keep = (line: string) => {
    const fields = line.split(',');
    if (fields[level] !== 'community_or_village' || fields[code] === SHANGHONG) return true;
    const n = (kept.get(fields[parent]) ?? 0) + 1;
    kept.set(fields[parent], n);
    return n <= perStreet;
  };
  return [header, ...lines.filter(keep)].join('\n');
}

/**
 * The facts of every area `scale − 1` more times, each copy with its children: dispute cases (parties, timeline),
 * petitions, service applications and grid events (timelines), and household visits, each copy at the same place,
 * dates and state, with new ids (derived, so reruns match), numbers and no idempotency key. A copy's reference to
 * another copied fact (a visit's or a grid event's dispute case, a duplicate's original) points at the copy of the
 * same round. The reported-case figures are one row per region, month and category, so their counts are multiplied
 * instead. The rollups follow through their triggers. Columns are read from the catalogue, so new ones are copied.
 */
async function repeatFacts(db: DataSource, scale: number) {
  const copyId = (column: string) => `md5(${column}::text || '-' || k)::uuid`;
  const numbered = (sequence: string) =>
    `split_part(t.number, '-', 1) || '-' || lpad(nextval('${sequence}')::text, 7, '0')`;
  const fresh = { idempotency_key: 'NULL', idempotency_hash: 'NULL' };
  await db.transaction(async (m) => {
    const copy = async (table: string, replaced: Record<string, string>) => {
      const rows: { column_name: string }[] = await m.query(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'NO' AND is_generated = 'NEVER'
         ORDER BY ordinal_position`,
        [table],
      );
      const columns = rows.map((r) => r.column_name);
      await m.query(
        `INSERT INTO ${table} (${columns.join(', ')})
         SELECT ${columns.map((c) => replaced[c] ?? `t.${c}`).join(', ')}
         FROM ${table} t, generate_series(2, $1::int) k`,
        [scale],
      );
    };
    await copy('dispute_case', { id: copyId('t.id'), number: numbered('dispute_case_number') });
    await copy('dispute_party', { id: copyId('t.id'), case_id: copyId('t.case_id') });
    await copy('dispute_case_event', { case_id: copyId('t.case_id') });
    await copy('petition_case', { id: copyId('t.id') });
    await copy('service_application', {
      id: copyId('t.id'),
      number: numbered('service_application_number'),
      ...fresh,
    });
    await copy('service_application_event', { application_id: copyId('t.application_id') });
    await copy('grid_event', {
      id: copyId('t.id'),
      number: numbered('grid_event_number'),
      duplicate_of_id: copyId('t.duplicate_of_id'),
      dispute_case_id: copyId('t.dispute_case_id'),
      ...fresh,
    });
    await copy('grid_event_step', { event_id: copyId('t.event_id') });
    await copy('visit', { id: copyId('t.id'), dispute_case_id: copyId('t.dispute_case_id'), ...fresh });
    await m.query(`UPDATE security_statistic SET cases = cases * $1`, [scale]);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
