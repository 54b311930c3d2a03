import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, type RollupTable } from '../rollup';

const COVERED: RollupTable = {
  table: 'grid_coverage_rollup',
  keys: { month: 'date' },
  measures: { covered: 'grid unit-days with an event or a zero report, by the month of the day' },
};

/** Whether `day` lies in the validity of the unit `u`: [valid_from, valid_to), as the unit-days to cover count it. */
const validOn = (day: string, u: string) =>
  `(${day} >= ${u}.valid_from AND (${u}.valid_to IS NULL OR ${day} < ${u}.valid_to))`;

/** Each fact's unit-day (China time), added once, with whether its unit was valid that day. */
const FIRSTS = [
  ['grid_event', `(f.reported_at AT TIME ZONE 'Asia/Shanghai')::date`],
  ['zero_report', 'f.day'],
] as const;

const firsts = (day: string, withValidity: boolean) =>
  withValidity
    ? `INSERT INTO grid_unit_day (region_code, day, valid)
       SELECT DISTINCT f.region_code, ${day}, ${validOn(day, 'u')} FROM new_rows f JOIN region u ON u.code = f.region_code
       ON CONFLICT DO NOTHING`
    : `INSERT INTO grid_unit_day (region_code, day) SELECT DISTINCT f.region_code, ${day} FROM new_rows f
       ON CONFLICT DO NOTHING`;

const replaceFirsts = async (q: QueryRunner, withValidity: boolean) => {
  for (const [fact, day] of FIRSTS)
    await q.query(`
      CREATE OR REPLACE FUNCTION grid_unit_day_from_${fact}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$ BEGIN ${firsts(day, withValidity)}; RETURN NULL; END $$`);
};

const dropCoveredSource = async (q: QueryRunner) => {
  for (const event of ['insert', 'update', 'delete'])
    await q.query(`DROP TRIGGER grid_coverage_rollup_from_grid_unit_day_${event} ON grid_unit_day`);
  await q.query(`DROP FUNCTION grid_coverage_rollup_from_grid_unit_day()`);
  await q.query(`DELETE FROM grid_coverage_rollup`);
};

/**
 * The covered unit-days of the coverage tile count only the days their unit was valid, as the unit-days to cover
 * do (issue 13): an event or zero report dated before its unit's validity (an import backfilling a new unit) or
 * after its retirement covered a day nobody had to cover, and the gap went negative. `grid_unit_day.valid` says
 * whether the day lies in its unit's validity, set when the day is first covered and kept by a trigger on `region`
 * when a unit is redrawn or retired; the rollup counts the valid days only, through its own update trigger.
 */
export class CoverageValidDays1765820000000 implements MigrationInterface {
  name = 'CoverageValidDays1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await dropCoveredSource(q);
    // Valid unless shown otherwise: only the few days outside their unit's validity are written (and refreshed).
    await q.query(`ALTER TABLE grid_unit_day ADD COLUMN valid boolean NOT NULL DEFAULT true`);
    await q.query(`UPDATE grid_unit_day d SET valid = false FROM region u
      WHERE u.code = d.region_code AND NOT ${validOn('d.day', 'u')}`);
    await q.query(`ALTER TABLE grid_unit_day ALTER COLUMN valid DROP DEFAULT`);
    await replaceFirsts(q, true);
    await q.query(`
      CREATE FUNCTION grid_unit_day_validity() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$ BEGIN
        UPDATE grid_unit_day d SET valid = ${validOn('d.day', 'n')}
        FROM new_rows n JOIN old_rows o ON o.code = n.code
        WHERE d.region_code = n.code AND (o.valid_from, o.valid_to) IS DISTINCT FROM (n.valid_from, n.valid_to)
          AND d.valid <> ${validOn('d.day', 'n')};
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION grid_unit_day_validity() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER grid_unit_day_validity AFTER UPDATE ON region
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grid_unit_day_validity()`);
    await addRollupSource(q, COVERED, {
      fact: 'grid_unit_day',
      ancestors: true,
      contributions: [
        { keys: { month: `date_trunc('month', f.day)::date` }, where: 'f.valid', measures: { covered: '1' } },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropCoveredSource(q);
    await q.query(`DROP TRIGGER grid_unit_day_validity ON region`);
    await q.query(`DROP FUNCTION grid_unit_day_validity()`);
    await replaceFirsts(q, false);
    await q.query(`ALTER TABLE grid_unit_day DROP COLUMN valid`);
    await addRollupSource(q, COVERED, {
      fact: 'grid_unit_day',
      ancestors: true,
      contributions: [{ keys: { month: `date_trunc('month', f.day)::date` }, measures: { covered: '1' } }],
    });
  }
}
