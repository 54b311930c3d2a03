import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addScopedTable } from '../scoped-table';
import { addRollupSource, createRollupTable, type RollupTable } from '../rollup';

const COVERED: RollupTable = {
  table: 'grid_coverage_rollup',
  keys: { month: 'date' },
  measures: { covered: 'grid unit-days with an event or a zero report, by the month of the day' },
};

/** Each fact's unit-day (China time), added once: the first event or zero report of a unit-day covers it. */
const FIRSTS = [
  ['grid_event', `(f.reported_at AT TIME ZONE 'Asia/Shanghai')::date`],
  ['zero_report', 'f.day'],
] as const;

/**
 * The command view's coverage gaps (issue 13), without a scan of the unit-days: `grid_unit_day` holds each covered
 * unit-day once, kept by triggers on events and zero reports in their transaction (neither is ever deleted);
 * its rollup counts them by region (and every region above) and month. `grid_coverage_figures` adds the unit-days
 * to cover: the grid units grouped by region above them and validity (few rows: a grid is redrawn rarely), each
 * group's valid days by month, through the end of next year (the periods a picker offers).
 */
export class GridCoverage1765400000000 implements MigrationInterface {
  name = 'GridCoverage1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grid_unit_day (
        region_code varchar(15) NOT NULL REFERENCES region (code),
        day date NOT NULL,
        PRIMARY KEY (region_code, day)
      )`);
    await addScopedTable(q, 'grid_unit_day', { pathFromRegionCode: true, grants: ['SELECT'] });
    for (const [fact, day] of FIRSTS) {
      const firsts = (rows: string) =>
        `INSERT INTO grid_unit_day (region_code, day) SELECT DISTINCT f.region_code, ${day} FROM ${rows} f
         ON CONFLICT DO NOTHING`;
      await q.query(`
        CREATE FUNCTION grid_unit_day_from_${fact}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$ BEGIN ${firsts('new_rows')}; RETURN NULL; END $$`);
      await q.query(`REVOKE ALL ON FUNCTION grid_unit_day_from_${fact}() FROM PUBLIC`);
      await q.query(`
        CREATE TRIGGER grid_unit_day_from_${fact} AFTER INSERT ON ${fact}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grid_unit_day_from_${fact}()`);
      await q.query(firsts(fact));
    }
    await createRollupTable(q, COVERED);
    await addRollupSource(q, COVERED, {
      fact: 'grid_unit_day',
      ancestors: true,
      contributions: [{ keys: { month: `date_trunc('month', f.day)::date` }, measures: { covered: '1' } }],
    });
    await q.query(`
      CREATE VIEW grid_coverage_figures WITH (security_invoker = true) AS
      SELECT c.region_code, c.region_path, c.month, 0 AS unit_days, c.covered FROM grid_coverage_rollup c
      UNION ALL
      SELECT g.region_code, g.region_path, m.month::date,
        (g.units * (least((m.month + interval '1 month')::date, g.valid_to) - greatest(m.month::date, g.valid_from)))::int,
        0
      FROM (
        SELECT ltree2text(subpath(u.path, k - 1, 1))::varchar(15) AS region_code, subpath(u.path, 0, k) AS region_path,
          u.valid_from, coalesce(u.valid_to, 'infinity'::date) AS valid_to, count(*) AS units
        FROM region u CROSS JOIN LATERAL generate_series(1, nlevel(u.path)) k
        WHERE u.level = 'GRID' GROUP BY 1, 2, 3, 4) g
      CROSS JOIN LATERAL generate_series(date_trunc('month', g.valid_from),
        least(g.valid_to - 1, (date_trunc('year', current_date) + interval '2 years - 1 day')::date),
        interval '1 month') m (month)`);
    await q.query(`GRANT SELECT ON grid_coverage_figures TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW grid_coverage_figures`);
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER grid_coverage_rollup_from_grid_unit_day_${event} ON grid_unit_day`);
    await q.query(`DROP FUNCTION grid_coverage_rollup_from_grid_unit_day()`);
    await q.query(`DROP TABLE grid_coverage_rollup`);
    for (const [fact] of FIRSTS) {
      await q.query(`DROP TRIGGER grid_unit_day_from_${fact} ON ${fact}`);
      await q.query(`DROP FUNCTION grid_unit_day_from_${fact}()`);
    }
    await q.query(`DROP TABLE grid_unit_day`);
  }
}
