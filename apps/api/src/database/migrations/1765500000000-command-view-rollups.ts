import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, addStatementTriggers, createRollupTable, type RollupTable } from '../rollup';
import { addScopedTable } from '../scoped-table';

// The domain's MODEL_REQUIRED_KINDS as they were when this ran.
const MODEL_KINDS = `'{PARTY_BRANCH,COOPERATIVE,TRADE_UNION,SERVICE_CENTRE}'::text[]`;

const UNITS: RollupTable = {
  table: 'grid_unit_validity',
  keys: { valid_from: 'date', valid_to: 'date' },
  measures: {
    units: 'grid units valid from valid_from until valid_to (infinity: not retired), under the region',
  },
};

const VILLAGE_YEARS: RollupTable = {
  table: 'village_year_figures',
  keys: { month: 'date' },
  measures: {
    villages: 'villages not abolished before the end of the year (its first day in month)',
    adopting: 'of those, with every organisation of the “1+3+N” model on the last day of the year',
    income: 'the villages’ per-capita net income of the year times their population (yuan)',
    income_population: 'the population of the villages with a profile that year',
  },
  bigint: ['income'],
};

const CADRE_VISITS: RollupTable = {
  table: 'cadre_visit_rollup',
  keys: { month: 'date', cadre_id: 'uuid' },
  measures: { visits: 'the cadre’s household visits in the month, under the region' },
};

/** The figures of the villages `codes` in every year, and of every village in the years `years`, as they are. */
const VILLAGE_YEAR_OF = `
  CREATE FUNCTION village_year_of(codes varchar[], years integer[])
  RETURNS TABLE (region_code varchar, year integer, adopting boolean, income bigint, income_population integer)
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    WITH all_years AS (SELECT DISTINCT i.year FROM village_indicator i),
    pairs AS (
      SELECT v.code, y.year FROM region v CROSS JOIN all_years y
      WHERE v.code IN (SELECT unnest(codes)) AND v.level = 'VILLAGE'
        AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31))
      UNION
      SELECT v.code, y.year FROM region v JOIN all_years y ON y.year = ANY(years) WHERE v.level = 'VILLAGE'
        AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31)))
    SELECT p.code, p.year,
      (SELECT count(DISTINCT o.kind) FROM village_organization o
       WHERE o.region_code = p.code AND o.kind = ANY(${MODEL_KINDS}) AND o.founded_on <= make_date(p.year, 12, 31)
         AND (o.dissolved_on IS NULL OR o.dissolved_on > make_date(p.year, 12, 31))) = cardinality(${MODEL_KINDS}),
      coalesce(i.per_capita_net_income * i.population, 0)::bigint, coalesce(i.population, 0)
    FROM pairs p LEFT JOIN village_indicator i ON i.region_code = p.code AND i.year = p.year
  $$`;

/**
 * A function `${table}_refresh(args)` that brings the rows of `table` in `reach` (over its alias `y`) to what the
 * set-returning `desired` says: a row that differs or went is deleted, a missing one inserted, an equal one left
 * alone (so the rollup's triggers above see only what changed).
 */
function refreshFunction(t: {
  table: string;
  args: string;
  reach: string;
  desired: string;
  key: readonly string[];
  columns: readonly string[];
}): string {
  const of = (alias: string, names: readonly string[]) => names.map((c) => `${alias}.${c}`).join(', ');
  // EXCEPT by hashing, not NOT EXISTS: a refresh of every unit compares tens of thousands of rows with as many.
  const reached = `SELECT ${of('y', t.columns)} FROM ${t.table} y WHERE ${t.reach}`;
  const desired = `SELECT ${of('d', t.columns)} FROM ${t.desired} d`;
  return `
    CREATE FUNCTION ${t.table}_refresh(${t.args}) RETURNS void LANGUAGE sql SET search_path = public, pg_temp AS $$
      DELETE FROM ${t.table} y USING (${reached} EXCEPT ${desired}) x WHERE (${of('y', t.key)}) = (${of('x', t.key)});
      INSERT INTO ${t.table} (${t.columns.join(', ')}) ${desired} EXCEPT ${reached};
    $$`;
}

const VILLAGE_YEAR_REFRESH = refreshFunction({
  table: 'village_year',
  args: 'codes varchar[], years integer[]',
  reach: '(y.region_code IN (SELECT unnest(codes)) OR y.year = ANY(years))',
  desired: 'village_year_of(codes, years)',
  key: ['region_code', 'year'],
  columns: ['region_code', 'year', 'adopting', 'income', 'income_population'],
});

/**
 * The days without an event or a zero report of the grid units `codes`: each maximal run of them between two
 * covered days (from '-infinity' before the first, to 'infinity' after the last; a unit never covered is one run),
 * with the unit's validity.
 */
const GRID_UNIT_GAP_OF = `
  CREATE FUNCTION grid_unit_gap_of(codes varchar[])
  RETURNS TABLE (region_code varchar, gap_from date, gap_to date, valid_from date, valid_to date)
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    WITH units AS (
      SELECT u.code, u.valid_from, coalesce(u.valid_to, 'infinity'::date) AS valid_to FROM region u
      WHERE u.code IN (SELECT unnest(codes)) AND u.level = 'GRID'),
    bounds AS (
      SELECT d.region_code AS code, lag(d.day) OVER (PARTITION BY d.region_code ORDER BY d.day) AS before,
        d.day AS after
      FROM grid_unit_day d WHERE d.region_code IN (SELECT code FROM units)
      UNION ALL
      SELECT u.code, max(d.day), NULL FROM units u LEFT JOIN grid_unit_day d ON d.region_code = u.code GROUP BY 1)
    SELECT u.code, coalesce(b.before + 1, '-infinity'::date), coalesce(b.after - 1, 'infinity'::date),
      u.valid_from, u.valid_to
    FROM bounds b JOIN units u ON u.code = b.code
    WHERE b.before IS NULL OR b.after IS NULL OR b.after - b.before > 1
  $$`;

const GRID_UNIT_GAP_REFRESH = refreshFunction({
  table: 'grid_unit_gap',
  args: 'codes varchar[]',
  reach: 'y.region_code IN (SELECT unnest(codes))',
  desired: 'grid_unit_gap_of(codes)',
  key: ['region_code', 'gap_from'],
  columns: ['region_code', 'gap_from', 'gap_to', 'valid_from', 'valid_to'],
});

const GAPS: RollupTable = {
  table: 'grid_unit_gap_rollup',
  keys: { gap_to: 'date', gap_from: 'date', valid_from: 'date', valid_to: 'date' },
  measures: {
    units: 'grid units with no event and no zero report from gap_from to gap_to, under the region',
  },
};

const codesOf = (level: string) => (rows: string) =>
  `ARRAY(SELECT DISTINCT f.code FROM ${rows} f WHERE f.level = '${level}')`;
const regionCodesOf = (rows: string) => `ARRAY(SELECT DISTINCT f.region_code FROM ${rows} f)`;

/** What a statement on each fact puts in reach of a refresh: `[refreshed table, fact, its arguments of the rows]`. */
const REFRESHES: readonly [string, string, readonly ((rows: string) => string)[]][] = [
  // A profile's year may be the first or the last of its year: every village counts in the years that exist.
  [
    'village_year',
    'village_indicator',
    [() => `'{}'`, (rows) => `ARRAY(SELECT DISTINCT f.year FROM ${rows} f)`],
  ],
  ['village_year', 'village_organization', [regionCodesOf, () => `'{}'`]],
  ['village_year', 'region', [codesOf('VILLAGE'), () => `'{}'`]],
  ['grid_unit_gap', 'grid_unit_day', [regionCodesOf]],
  ['grid_unit_gap', 'region', [codesOf('GRID')]],
];

/**
 * The unit-days to cover, by the month of the day, from the grid units counted by region and validity (`units`),
 * through the end of next year (the periods a picker offers), beside the covered unit-days of the rollup.
 */
const coverageView = (units: string) => `
  CREATE VIEW grid_coverage_figures WITH (security_invoker = true) AS
  SELECT c.region_code, c.region_path, c.month, 0 AS unit_days, c.covered FROM grid_coverage_rollup c
  UNION ALL
  SELECT g.region_code, g.region_path, m.month::date,
    (g.units * (least((m.month + interval '1 month')::date, g.valid_to) - greatest(m.month::date, g.valid_from)))::int,
    0
  FROM ${units} g
  CROSS JOIN LATERAL generate_series(date_trunc('month', g.valid_from),
    least(g.valid_to - 1, (date_trunc('year', current_date) + interval '2 years - 1 day')::date),
    interval '1 month') m (month)`;

/**
 * The command view's yearly, unit-day and cadre-visit figures as trigger-kept rollups (issue 13), instead of views that
 * expanded every village × year × region above and every grid unit × month on each request:
 *
 * - `grid_unit_validity`: the grid units (regions of level GRID) counted by region above them and validity
 *   interval, kept by triggers on `region` (a unit drawn, redrawn, retired or moved). The unit-days to cover are
 *   the month arithmetic over these few rows at read time (`grid_coverage_figures`), through the end of next
 *   year by today's date, so the calendar turning needs no writer.
 * - `village_year`: each village's figures of each year with profiles (model adoption on the year's last day,
 *   income weighted by population), recomputed for what a statement on profiles, organisations or villages
 *   reaches; `village_year_figures` rolls them up to every region above, as the view did.
 * - `cadre_visit_rollup`: visits by region above them, month and cadre, for the alert of cadres below their visit
 *   target over whole months (a row per cadre and month of the region, not every visit of its subtree).
 * - `grid_unit_gap`: each grid unit's runs of days without an event or a zero report, kept from `grid_unit_day`
 *   and the units; `grid_unit_gap_rollup` counts them by region above, run and validity. The units without
 *   reports over some days are those with one run around all of them: a few rows of the region (the runs that
 *   end after those days), not a probe per unit.
 */
/** The statement triggers that refresh `table` for what a statement on `fact` reaches. */
async function refreshFrom(q: QueryRunner, table: string, fact: string): Promise<void> {
  const [, , args] = REFRESHES.find(([t, f]) => t === table && f === fact)!;
  const refresh = (rows: string) => `PERFORM ${table}_refresh(${args.map((a) => a(rows)).join(', ')})`;
  // A bulk load (the seed, an import) brings the planner's statistics up first: planned for the empty tables
  // they were, the refresh's joins took nested loops over every unit-day, for minutes.
  const analyzed = `IF (SELECT count(*) FROM new_rows) >= 1000 THEN ANALYZE ${fact}, ${table}; END IF`;
  await addStatementTriggers(q, `${table}_from_${fact}`, fact, {
    insert: `${analyzed}; ${refresh('new_rows')}`,
    update: `${refresh('old_rows')}; ${refresh('new_rows')}`,
    remove: refresh('old_rows'),
  });
}

export class CommandViewRollups1765500000000 implements MigrationInterface {
  name = 'CommandViewRollups1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, UNITS);
    await addRollupSource(q, UNITS, {
      fact: 'region',
      path: 'f.path',
      ancestors: true,
      contributions: [
        {
          keys: { valid_from: 'f.valid_from', valid_to: `coalesce(f.valid_to, 'infinity'::date)` },
          where: `f.level = 'GRID'`,
          measures: { units: '1' },
        },
      ],
    });
    await q.query(`DROP VIEW grid_coverage_figures`);
    await q.query(coverageView(`(SELECT * FROM grid_unit_validity WHERE units <> 0)`));
    await q.query(`GRANT SELECT ON grid_coverage_figures TO qiangji_app`);

    await q.query(`DROP VIEW village_year_figures`);
    await q.query(`
      CREATE TABLE village_year (
        region_code varchar(15) NOT NULL REFERENCES region (code),
        year integer NOT NULL,
        adopting boolean NOT NULL,
        income bigint NOT NULL,
        income_population integer NOT NULL,
        PRIMARY KEY (region_code, year)
      )`);
    await q.query(`CREATE INDEX village_year_year ON village_year (year)`);
    await addScopedTable(q, 'village_year', { pathFromRegionCode: true, grants: ['SELECT'] });
    await q.query(VILLAGE_YEAR_OF);
    await q.query(VILLAGE_YEAR_REFRESH);
    for (const fn of ['village_year_of(varchar[], integer[])', 'village_year_refresh(varchar[], integer[])'])
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    for (const [table, fact] of REFRESHES.filter(([t]) => t === 'village_year'))
      await refreshFrom(q, table, fact);
    await q.query(
      `SELECT village_year_refresh(ARRAY(SELECT code FROM region WHERE level = 'VILLAGE'), '{}')`,
    );
    await createRollupTable(q, VILLAGE_YEARS);
    await addRollupSource(q, VILLAGE_YEARS, {
      fact: 'village_year',
      ancestors: true,
      contributions: [
        {
          keys: { month: 'make_date(f.year, 1, 1)' },
          measures: {
            villages: '1',
            adopting: 'f.adopting::int',
            income: 'f.income',
            income_population: 'f.income_population',
          },
        },
      ],
    });

    // By month first: a region's cadres of a period are one range of the key.
    await createRollupTable(q, CADRE_VISITS);
    await addRollupSource(q, CADRE_VISITS, {
      fact: 'visit',
      ancestors: true,
      contributions: [
        {
          keys: { month: `date_trunc('month', f.visited_on)::date`, cadre_id: 'f.cadre_id' },
          measures: { visits: '1' },
        },
      ],
    });

    await q.query(`
      CREATE TABLE grid_unit_gap (
        region_code varchar(15) NOT NULL REFERENCES region (code),
        gap_from date NOT NULL,
        gap_to date NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        PRIMARY KEY (region_code, gap_from)
      )`);
    await addScopedTable(q, 'grid_unit_gap', { pathFromRegionCode: true, grants: ['SELECT'] });
    await q.query(GRID_UNIT_GAP_OF);
    await q.query(GRID_UNIT_GAP_REFRESH);
    for (const fn of ['grid_unit_gap_of(varchar[])', 'grid_unit_gap_refresh(varchar[])'])
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    for (const [table, fact] of REFRESHES.filter(([t]) => t === 'grid_unit_gap'))
      await refreshFrom(q, table, fact);
    await q.query(`SELECT grid_unit_gap_refresh(ARRAY(SELECT code FROM region WHERE level = 'GRID'))`);
    // By the gap's end first: the gaps around a recent week are one short range of the key.
    await createRollupTable(q, GAPS);
    await addRollupSource(q, GAPS, {
      fact: 'grid_unit_gap',
      ancestors: true,
      contributions: [
        {
          keys: {
            gap_to: 'f.gap_to',
            gap_from: 'f.gap_from',
            valid_from: 'f.valid_from',
            valid_to: 'f.valid_to',
          },
          measures: { units: '1' },
        },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    const dropSource = async (fn: string, fact: string) => {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER ${fn}_${event} ON ${fact}`);
      await q.query(`DROP FUNCTION ${fn}()`);
    };
    await dropSource('grid_unit_gap_rollup_from_grid_unit_gap', 'grid_unit_gap');
    await q.query(`DROP TABLE grid_unit_gap_rollup`);
    for (const [table, fact] of REFRESHES) await dropSource(`${table}_from_${fact}`, fact);
    await q.query(`DROP FUNCTION grid_unit_gap_refresh(varchar[])`);
    await q.query(`DROP FUNCTION grid_unit_gap_of(varchar[])`);
    await q.query(`DROP TABLE grid_unit_gap`);
    await dropSource('cadre_visit_rollup_from_visit', 'visit');
    await q.query(`DROP TABLE cadre_visit_rollup`);
    // Back to the views computed on every request, as 1765000000000 and 1765400000000 made them.
    await dropSource('village_year_figures_from_village_year', 'village_year');
    await q.query(`DROP TABLE village_year_figures`);
    await q.query(`DROP FUNCTION village_year_refresh(varchar[], integer[])`);
    await q.query(`DROP TABLE village_year`);
    await q.query(`GRANT EXECUTE ON FUNCTION village_year_of(varchar[], integer[]) TO qiangji_app`);
    await q.query(`
      CREATE VIEW village_year_figures WITH (security_invoker = true) AS
      SELECT ltree2text(subpath(v.path, k - 1, 1))::varchar(15) AS region_code, subpath(v.path, 0, k) AS region_path,
        make_date(d.year, 1, 1) AS month, 1 AS villages, d.adopting::int AS adopting, d.income, d.income_population
      FROM village_year_of(ARRAY(SELECT code FROM region WHERE level = 'VILLAGE'), '{}') d
      JOIN region v ON v.code = d.region_code CROSS JOIN LATERAL generate_series(1, nlevel(v.path)) k`);
    await q.query(`DROP VIEW grid_coverage_figures`);
    await q.query(
      coverageView(`(
        SELECT ltree2text(subpath(u.path, k - 1, 1))::varchar(15) AS region_code, subpath(u.path, 0, k) AS region_path,
          u.valid_from, coalesce(u.valid_to, 'infinity'::date) AS valid_to, count(*) AS units
        FROM region u CROSS JOIN LATERAL generate_series(1, nlevel(u.path)) k
        WHERE u.level = 'GRID' GROUP BY 1, 2, 3, 4)`),
    );
    for (const view of ['village_year_figures', 'grid_coverage_figures'])
      await q.query(`GRANT SELECT ON ${view} TO qiangji_app`);
    await dropSource('grid_unit_validity_from_region', 'region');
    await q.query(`DROP TABLE grid_unit_validity`);
  }
}
