import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addRollupSource,
  addStatementTriggers,
  createRollupTable,
  dropRollup,
  type RollupTable,
} from '../rollup';
import { addScopedTable } from '../scoped-table';

/** The work unit of a chain over every unit's visits (work_unit_id is a key, so it cannot be NULL). */
const ANY_UNIT = `'00000000-0000-0000-0000-000000000000'::uuid`;

const month = (day: string) => `date_trunc('month', ${day})::date`;

/**
 * The chains of the households `households`: for every region a visit lies in or under, every household-month
 * with a visit there (by any unit), the previous such month ('-infinity' for the first) and the first month of
 * its run of consecutive visited months, with where the household lives now seen from that region (`home`: the
 * child region it lies under, '' on the region itself, NULL outside it) and whether it is poor now. A household
 * visited there by one work unit only has that unit in `only_unit` (its chain by unit is the same); one visited by
 * several has a chain by each unit besides.
 */
const CHAIN_OF = `
  CREATE FUNCTION household_visit_chain_of(households uuid[])
  RETURNS TABLE (region_code varchar, region_path ltree, work_unit_id uuid, household_id uuid, month date,
    previous date, run_start date, home varchar, poor boolean, only_unit uuid)
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    WITH months AS (
      SELECT ltree2text(subpath(v.region_path, i - 1, 1)) AS code,
        (array_agg(subpath(v.region_path, 0, i)))[1] AS path, u.unit, v.household_id,
        ${month('v.visited_on')} AS month
      FROM visit v
      CROSS JOIN generate_series(1, nlevel(v.region_path)) i
      CROSS JOIN LATERAL (VALUES (v.work_unit_id), (${ANY_UNIT})) u (unit)
      WHERE v.household_id IN (SELECT unnest(households))
      GROUP BY 1, 3, 4, 5),
    units AS (
      SELECT m.code, m.household_id, CASE WHEN count(DISTINCT m.unit) = 1 THEN (array_agg(m.unit))[1] END AS only
      FROM months m WHERE m.unit <> ${ANY_UNIT} GROUP BY 1, 2),
    linked AS (
      SELECT m.*, lag(m.month) OVER w AS previous,
        extract(year FROM m.month)::int * 12 + extract(month FROM m.month)::int - row_number() OVER w AS island
      FROM months m WINDOW w AS (PARTITION BY m.code, m.unit, m.household_id ORDER BY m.month))
    SELECT l.code, l.path, l.unit, l.household_id, l.month, coalesce(l.previous, '-infinity'::date),
      min(l.month) OVER (PARTITION BY l.code, l.unit, l.household_id, l.island),
      CASE WHEN NOT h.region_path <@ l.path THEN NULL WHEN nlevel(h.region_path) = nlevel(l.path) THEN ''
        ELSE ltree2text(subpath(h.region_path, nlevel(l.path), 1)) END,
      'POOR_HOUSEHOLD' = ANY(h.tags), CASE WHEN l.unit = ${ANY_UNIT} THEN u.only END
    FROM linked l JOIN household h ON h.id = l.household_id
    JOIN units u ON (u.code, u.household_id) = (l.code, l.household_id)
    WHERE l.unit = ${ANY_UNIT} OR u.only IS NULL
  $$`;

/** The first visited month (anywhere) of the households, where they live now: household_first_visit's rows. */
const FIRST_VISIT_OF = `(SELECT v.household_id, ${month('min(v.visited_on)')} AS month, h.region_path
  FROM visit v JOIN household h ON h.id = v.household_id
  WHERE v.household_id IN (SELECT unnest(households)) GROUP BY v.household_id, h.region_path) d`;

const CHAIN_COLUMNS = [
  'region_code',
  'region_path',
  'work_unit_id',
  'household_id',
  'month',
  'previous',
  'run_start',
  'home',
  'poor',
  'only_unit',
].join(', ');

/**
 * Brings the chains and the first visited month of the households `households` to what their visits say. A chain
 * row that differs or went is deleted and a missing one inserted; equal rows stay (a visit in a month already
 * visited changes none), so the rollups' triggers see only what changed; the same for the first visited months.
 * Households without chains yet (the seed's bulk insert) get theirs in one INSERT.
 */
const REFRESH = `
  CREATE FUNCTION household_visit_chain_refresh(households uuid[]) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
  DECLARE desired household_visit_chain[];
  BEGIN
    IF EXISTS (SELECT 1 FROM household_visit_chain c WHERE c.household_id IN (SELECT unnest(households))) THEN
      desired := ARRAY(SELECT ROW(d.region_code, d.work_unit_id, d.household_id, d.month, d.previous, d.run_start,
        d.home, d.poor, d.only_unit, d.region_path)::household_visit_chain FROM household_visit_chain_of(households) d);
      DELETE FROM household_visit_chain c USING (
        SELECT y.* FROM household_visit_chain y WHERE y.household_id IN (SELECT unnest(households))
        EXCEPT SELECT * FROM unnest(desired)) x
      WHERE (c.region_code, c.work_unit_id, c.household_id, c.month)
        = (x.region_code, x.work_unit_id, x.household_id, x.month);
      INSERT INTO household_visit_chain SELECT * FROM unnest(desired)
      EXCEPT SELECT y.* FROM household_visit_chain y WHERE y.household_id IN (SELECT unnest(households));
    ELSE
      INSERT INTO household_visit_chain (${CHAIN_COLUMNS}) SELECT * FROM household_visit_chain_of(households);
    END IF;
    DELETE FROM household_first_visit f USING (
      SELECT y.* FROM household_first_visit y WHERE y.household_id IN (SELECT unnest(households))
      EXCEPT SELECT * FROM ${FIRST_VISIT_OF}) x
    WHERE f.household_id = x.household_id;
    INSERT INTO household_first_visit SELECT * FROM ${FIRST_VISIT_OF}
    EXCEPT SELECT y.* FROM household_first_visit y WHERE y.household_id IN (SELECT unnest(households));
  END $$`;

/** The households whose rows in `rows` (`new_rows`, `old_rows`) changed in `columns` between old and new. */
const changed = (key: string, household: string, columns: readonly string[]) => {
  const of = (alias: string) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;
  return `SELECT n.${household} FROM old_rows o JOIN new_rows n ON n.${key} = o.${key}
    WHERE ${of('o')} IS DISTINCT FROM ${of('n')}
    UNION SELECT o.${household} FROM old_rows o JOIN new_rows n ON n.${key} = o.${key}
    WHERE ${of('o')} IS DISTINCT FROM ${of('n')}`;
};
const refresh = (households: string) => `PERFORM household_visit_chain_refresh(ARRAY(${households}))`;

/** A rollup of households by region and `keys`, with what it counts. */
const households = (table: string, keys: RollupTable['keys'], meaning: string): RollupTable => ({
  table,
  keys,
  measures: { households: meaning },
});

const CHAINS = households(
  'household_visit_chain_rollup',
  { work_unit_id: 'uuid', month: 'date', previous: 'date' },
  'households visited in the month under the region (by the unit; any unit: the nil uuid) whose previous visited month there is previous',
);
const RUNS = households(
  'poor_visit_run_rollup',
  { month: 'date', run_start: 'date', home: 'varchar(15)' },
  'poor households living in the region (home: the child region, or empty on the region itself) visited under it in every month from run_start through the month',
);
const FIRST_VISITS = households(
  'household_first_visit_rollup',
  { month: 'date' },
  'households of the region whose first visit anywhere was in the month',
);

const UNIT_VISITS: RollupTable = {
  table: 'visit_unit_rollup',
  keys: { work_unit_id: 'uuid', month: 'date' },
  measures: { visits: 'the work unit’s cadres’ household visits in the month, under the region' },
};

/**
 * cadreStats over whole months from rollups, not a scan of the period's visits (issues 10 and 13): its figures
 * that are counts of distinct households over a range of months read a row per region, month and previous
 * month, kept by triggers in the visits' transaction.
 *
 * - `household_visit_chain`: per region a visit lies in or under, household and month with a visit (by any unit,
 *   and by each unit where several visited it), the household's previous visited month there and the start of its
 *   run of consecutive visited months. A statement on visits (logged, moved to another day, household, unit or place, deleted, or carried by a
 *   region move) or on households (moved, tagged poor or no longer) recomputes the chains of the households it
 *   reaches. The households visited in [F, T] are the months of [F, T] whose previous month is before F; the poor
 *   households visited in every month of [F, T] are those of T's month whose run began by F.
 * - `household_first_visit`: each household's first visited month (anywhere), for the households never visited.
 * - Rollups of those by region and months, and `visit_unit_rollup`: visits by region above, work unit and month.
 * - `visit_dispute`: the few visits with a dispute by day, whose cases' outcomes the figures read as they are.
 */
export class CadreStatsRollups1765870000000 implements MigrationInterface {
  name = 'CadreStatsRollups1765870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE household_visit_chain (
        region_code varchar(15) NOT NULL,
        work_unit_id uuid NOT NULL,
        household_id uuid NOT NULL REFERENCES household (id),
        month date NOT NULL,
        previous date NOT NULL CHECK (previous < month),
        run_start date NOT NULL CHECK (run_start <= month),
        home varchar(15),
        poor boolean NOT NULL,
        only_unit uuid CHECK (only_unit IS NULL OR work_unit_id = ${ANY_UNIT}),
        PRIMARY KEY (region_code, work_unit_id, household_id, month)
      )`);
    await addScopedTable(q, 'household_visit_chain', { pathFromRegionCode: false, grants: ['SELECT'] });
    // Read by the triggers alone, by household; the rollups above it are what the API reads by region.
    await q.query(`DROP INDEX household_visit_chain_region_path_gist`);
    await q.query(`CREATE INDEX household_visit_chain_household ON household_visit_chain (household_id)`);
    await q.query(`
      CREATE TABLE household_first_visit (
        household_id uuid PRIMARY KEY REFERENCES household (id),
        month date NOT NULL
      )`);
    await addScopedTable(q, 'household_first_visit', { pathFromRegionCode: false, grants: ['SELECT'] });
    await q.query(CHAIN_OF);
    await q.query(REFRESH);
    for (const fn of ['household_visit_chain_of(uuid[])', 'household_visit_chain_refresh(uuid[])'])
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);

    const visitColumns = ['household_id', 'work_unit_id', 'visited_on', 'region_path'];
    await addStatementTriggers(q, 'household_visit_chain_from_visit', 'visit', {
      insert: refresh('SELECT DISTINCT household_id FROM new_rows'),
      update: refresh(changed('id', 'household_id', visitColumns)),
      remove: refresh('SELECT DISTINCT household_id FROM old_rows'),
    });
    await q.query(`
      CREATE FUNCTION household_visit_chain_from_household() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      BEGIN ${refresh(changed('id', 'id', ['region_path', 'tags']))}; RETURN NULL; END $$`);
    await q.query(`REVOKE ALL ON FUNCTION household_visit_chain_from_household() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER household_visit_chain_from_household_update AFTER UPDATE ON household
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION household_visit_chain_from_household()`);
    await q.query(`SELECT household_visit_chain_refresh(ARRAY(SELECT DISTINCT household_id FROM visit))`);

    const chain = { fact: 'household_visit_chain', ancestors: false };
    await createRollupTable(q, CHAINS);
    await addRollupSource(q, CHAINS, {
      ...chain,
      contributions: [
        {
          keys: { work_unit_id: 'f.work_unit_id', month: 'f.month', previous: 'f.previous' },
          measures: { households: '1' },
        },
        {
          keys: { work_unit_id: 'f.only_unit', month: 'f.month', previous: 'f.previous' },
          where: 'f.only_unit IS NOT NULL',
          measures: { households: '1' },
        },
      ],
    });
    await createRollupTable(q, RUNS);
    await addRollupSource(q, RUNS, {
      ...chain,
      contributions: [
        {
          keys: { month: 'f.month', run_start: 'f.run_start', home: 'f.home' },
          where: `f.work_unit_id = ${ANY_UNIT} AND f.poor AND f.home IS NOT NULL`,
          measures: { households: '1' },
        },
      ],
    });
    await createRollupTable(q, FIRST_VISITS);
    await addRollupSource(q, FIRST_VISITS, {
      fact: 'household_first_visit',
      ancestors: true,
      contributions: [{ keys: { month: 'f.month' }, measures: { households: '1' } }],
    });
    await createRollupTable(q, UNIT_VISITS);
    await addRollupSource(q, UNIT_VISITS, {
      fact: 'visit',
      ancestors: true,
      contributions: [
        {
          keys: { work_unit_id: 'f.work_unit_id', month: month('f.visited_on') },
          measures: { visits: '1' },
        },
      ],
    });
    await q.query(`CREATE INDEX visit_dispute ON visit (visited_on) WHERE dispute_case_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX visit_dispute`);
    await dropRollup(q, 'visit_unit_rollup', ['visit']);
    await dropRollup(q, 'household_first_visit_rollup', ['household_first_visit']);
    await dropRollup(q, 'poor_visit_run_rollup', ['household_visit_chain']);
    await dropRollup(q, 'household_visit_chain_rollup', ['household_visit_chain']);
    await q.query(`DROP TRIGGER household_visit_chain_from_household_update ON household`);
    await q.query(`DROP FUNCTION household_visit_chain_from_household()`);
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER household_visit_chain_from_visit_${event} ON visit`);
    await q.query(`DROP FUNCTION household_visit_chain_from_visit()`);
    await q.query(`DROP FUNCTION household_visit_chain_refresh(uuid[])`);
    await q.query(`DROP FUNCTION household_visit_chain_of(uuid[])`);
    await q.query(`DROP TABLE household_first_visit`);
    await q.query(`DROP TABLE household_visit_chain`);
  }
}
