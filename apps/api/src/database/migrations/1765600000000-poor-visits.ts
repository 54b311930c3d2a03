import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addScopedTable } from '../scoped-table';
import { addRollupSource, createRollupTable, monthlyRollup, type RollupTable } from '../rollup';

/** Whether a household's tags make it poor now (the register's `POOR_HOUSEHOLD`). */
const poor = (tags: string) => `('POOR_HOUSEHOLD' = ANY(${tags}))`;

const VISITED = monthlyRollup('household_visit_rollup', {
  households_visited: 'households with at least one stationed cadre’s visit in the month',
  poor_visited: 'poor households (tagged so now) with at least one visit in the month',
});

const HOUSEHOLDS: RollupTable = {
  table: 'household_rollup',
  keys: { poor: 'boolean' },
  measures: { households: 'households registered in the region, poor (tagged so now) or not' },
};

/**
 * Adds the signed visit counts of `deltas` (a SELECT of household_id, visited_on, sign) to their household-months:
 * a household-month with visits is one row, with its household's poverty and place; one left without visits goes.
 * Set-based and without a look at the other visits, so the seed's bulk insert is one cheap statement.
 */
const apply = (deltas: string) => `
  INSERT INTO household_visit_month (household_id, month, visits, poor, region_path)
  SELECT d.household_id, d.month, d.visits, ${poor('h.tags')}, h.region_path
  FROM (
    SELECT household_id, date_trunc('month', visited_on)::date AS month, sum(sign)::int AS visits
    FROM (${deltas}) d GROUP BY 1, 2 HAVING sum(sign) <> 0) d
  JOIN household h ON h.id = d.household_id
  ON CONFLICT (household_id, month) DO UPDATE SET visits = household_visit_month.visits + excluded.visits;
  DELETE FROM household_visit_month WHERE visits = 0`;

const signed = (rows: string, sign: 1 | -1) =>
  `SELECT household_id, visited_on, ${sign} AS sign FROM ${rows}`;

const definer = (name: string, body: string) => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS $$ BEGIN ${body}; RETURN NULL; END $$`;

const TRIGGERS = [
  ['household_visit_month_from_visit', 'visit', ['INSERT', 'UPDATE', 'DELETE']],
  ['household_visit_month_from_household', 'household', ['UPDATE']],
] as const;

/**
 * The command view's "poor households visited on schedule" (贫困户按期走访率, `onScheduleVisitRate` in
 * @qiangji/domain: poor household-months visited ÷ due) and cadreStats' `poorVisitMonths`, without a scan of
 * the visits (issue 13). `household_visit_month` holds each household-month with a visit once, kept by
 * triggers on `visit` in its transaction (a logged, moved or deleted visit adds to or takes from its household-month) and on
 * `household` (a household tagged poor or no longer, or moved, carries its months along). Its rollup counts
 * them by region (and every region above) and month; `household_rollup` counts the households, poor or not, by
 * region. `poor_visit_figures` is what the tile reads: the months visited, and the months due (today's poor
 * households in every month from the first month with a visit through the end of next year, the periods a
 * picker offers).
 */
export class PoorVisits1765600000000 implements MigrationInterface {
  name = 'PoorVisits1765600000000';

  async up(q: QueryRunner): Promise<void> {
    // No CHECK on visits: a removal reaches ON CONFLICT as a proposed row of minus visits, which a CHECK refuses.
    await q.query(`
      CREATE TABLE household_visit_month (
        household_id uuid NOT NULL REFERENCES household (id),
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        visits integer NOT NULL,
        poor boolean NOT NULL,
        PRIMARY KEY (household_id, month)
      )`);
    await addScopedTable(q, 'household_visit_month', { pathFromRegionCode: false, grants: ['SELECT'] });
    await q.query(`CREATE INDEX household_visit_month_poor ON household_visit_month (month) WHERE poor`);
    // The household-months a deleted or moved visit left empty, for the DELETE that follows it: none at rest.
    await q.query(
      `CREATE INDEX household_visit_month_empty ON household_visit_month (household_id) WHERE visits = 0`,
    );
    const onVisit = `
      IF TG_OP = 'INSERT' THEN ${apply(signed('new_rows', 1))};
      ELSIF TG_OP = 'UPDATE' THEN ${apply(`${signed('old_rows', -1)} UNION ALL ${signed('new_rows', 1)}`)};
      ELSE ${apply(signed('old_rows', -1))};
      END IF`;
    const onHousehold = `
      UPDATE household_visit_month m SET poor = ${poor('n.tags')}, region_path = n.region_path
      FROM new_rows n
      WHERE m.household_id = n.id AND (m.poor <> ${poor('n.tags')} OR m.region_path <> n.region_path)`;
    for (const [fn, table, events] of TRIGGERS) {
      await q.query(definer(fn, fn.endsWith('visit') ? onVisit : onHousehold));
      await q.query(`REVOKE ALL ON FUNCTION ${fn}() FROM PUBLIC`);
      for (const event of events)
        await q.query(`
          CREATE TRIGGER ${fn}_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${event === 'INSERT' ? '' : 'OLD TABLE AS old_rows'} ${event === 'DELETE' ? '' : 'NEW TABLE AS new_rows'}
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    for (const statement of apply(signed('visit', 1)).split(';')) await q.query(statement);

    await createRollupTable(q, VISITED);
    await q.query(`CREATE INDEX household_visit_rollup_month ON household_visit_rollup (month)`);
    await addRollupSource(q, VISITED, {
      fact: 'household_visit_month',
      ancestors: true,
      contributions: [
        { keys: { month: 'f.month' }, measures: { households_visited: '1', poor_visited: 'f.poor::int' } },
      ],
    });
    await createRollupTable(q, HOUSEHOLDS);
    await addRollupSource(q, HOUSEHOLDS, {
      fact: 'household',
      ancestors: true,
      contributions: [{ keys: { poor: poor('f.tags') }, measures: { households: '1' } }],
    });
    await q.query(`
      CREATE VIEW poor_visit_figures WITH (security_invoker = true) AS
      SELECT v.region_code, v.region_path, v.month, v.poor_visited AS visited, 0 AS due FROM household_visit_rollup v
      UNION ALL
      SELECT h.region_code, h.region_path, m.month::date, 0, h.households
      FROM household_rollup h
      CROSS JOIN LATERAL generate_series((SELECT min(f.month) FROM household_visit_rollup f),
        (date_trunc('year', current_date) + interval '2 years - 1 day')::date, interval '1 month') m (month)
      WHERE h.poor`);
    await q.query(`GRANT SELECT ON poor_visit_figures TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW poor_visit_figures`);
    for (const [rollup, fact] of [
      ['household_rollup', 'household'],
      ['household_visit_rollup', 'household_visit_month'],
    ]) {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER ${rollup}_from_${fact}_${event} ON ${fact}`);
      await q.query(`DROP FUNCTION ${rollup}_from_${fact}()`);
      await q.query(`DROP TABLE ${rollup}`);
    }
    for (const [fn, table, events] of TRIGGERS) {
      for (const event of events) await q.query(`DROP TRIGGER ${fn}_${event.toLowerCase()} ON ${table}`);
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    await q.query(`DROP TABLE household_visit_month`);
  }
}
