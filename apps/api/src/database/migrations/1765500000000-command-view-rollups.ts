import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, createRollupTable, type RollupTable } from '../rollup';
import { addScopedTable } from '../scoped-table';

// The domain's MODEL_REQUIRED_KINDS as they were when this ran.
const MODEL_KINDS = `'{PARTY_BRANCH,COOPERATIVE,TRADE_UNION,SERVICE_CENTRE}'::text[]`;

const UNITS: RollupTable = {
  table: 'grid_unit_validity',
  keys: { valid_from: 'date', valid_to: 'date' },
  measures: { units: 'grid units valid from valid_from until valid_to (infinity: not retired), under the region' },
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
      SELECT v.code, y.year FROM region v CROSS JOIN all_years y WHERE v.code = ANY(codes) AND v.level = 'VILLAGE'
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
 * Brings the rows of `village_year` in reach of `codes` and `years` to what `village_year_of` says: a row that
 * differs or went is deleted, a missing one inserted, an equal one left alone (so the rollup's triggers see only
 * what changed).
 */
const VILLAGE_YEAR_REFRESH = `
  CREATE FUNCTION village_year_refresh(codes varchar[], years integer[]) RETURNS void
  LANGUAGE sql SET search_path = public, pg_temp AS $$
    DELETE FROM village_year y WHERE (y.region_code = ANY(codes) OR y.year = ANY(years))
      AND NOT EXISTS (SELECT 1 FROM village_year_of(codes, years) d
        WHERE (d.region_code, d.year, d.adopting, d.income, d.income_population)
          = (y.region_code, y.year, y.adopting, y.income, y.income_population));
    INSERT INTO village_year (region_code, year, adopting, income, income_population)
    SELECT d.* FROM village_year_of(codes, years) d
    WHERE NOT EXISTS (SELECT 1 FROM village_year y WHERE y.region_code = d.region_code AND y.year = d.year);
  $$`;

/** What a statement on each fact puts in reach: its villages in every year, or every village in its years. */
const VILLAGE_FACTS = [
  // A profile's year may be the first or the last of its year: every village counts in the years that exist.
  ['village_indicator', `'{}'`, (rows: string) => `ARRAY(SELECT DISTINCT f.year FROM ${rows} f)`],
  ['village_organization', (rows: string) => `ARRAY(SELECT DISTINCT f.region_code FROM ${rows} f)`, `'{}'`],
  [
    'region',
    (rows: string) => `ARRAY(SELECT DISTINCT f.code FROM ${rows} f WHERE f.level = 'VILLAGE')`,
    `'{}'`,
  ],
] as const;

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

const arg = (a: string | ((rows: string) => string), rows: string) => (typeof a === 'string' ? a : a(rows));

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
 */
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
    for (const [fact, codes, years] of VILLAGE_FACTS) {
      const refresh = (rows: string) => `PERFORM village_year_refresh(${arg(codes, rows)}, ${arg(years, rows)})`;
      await q.query(`
        CREATE FUNCTION village_year_from_${fact}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN ${refresh('new_rows')};
          ELSIF TG_OP = 'UPDATE' THEN ${refresh('old_rows')}; ${refresh('new_rows')};
          ELSE ${refresh('old_rows')};
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`REVOKE ALL ON FUNCTION village_year_from_${fact}() FROM PUBLIC`);
      for (const [event, tables] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ])
        await q.query(`
          CREATE TRIGGER village_year_from_${fact}_${event.toLowerCase()} AFTER ${event} ON ${fact}
          REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION village_year_from_${fact}()`);
    }
    await q.query(`SELECT village_year_refresh(ARRAY(SELECT code FROM region WHERE level = 'VILLAGE'), '{}')`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    const dropSource = async (fn: string, fact: string) => {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${fn}_${event} ON ${fact}`);
      await q.query(`DROP FUNCTION ${fn}()`);
    };
    await dropSource('cadre_visit_rollup_from_visit', 'visit');
    await q.query(`DROP TABLE cadre_visit_rollup`);
    // Back to the views computed on every request, as 1765000000000 and 1765400000000 made them.
    await dropSource('village_year_figures_from_village_year', 'village_year');
    await q.query(`DROP TABLE village_year_figures`);
    for (const [fact] of VILLAGE_FACTS) await dropSource(`village_year_from_${fact}`, fact);
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
