import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, chinaMonth as month, createRollupTable, monthlyRollup } from '../rollup';

// The domain's lists as they were when this ran (@qiangji/domain: SERVICE_CLOCK_STATES, GRID_EVENT_CLOCK_STATES,
// CLOSED_GRID_EVENT_STATES, REPORTED_CASE_CATEGORIES, MODEL_REQUIRED_KINDS).
const SERVICE_CLOCK = `('SUBMITTED', 'ACCEPTED', 'APPOINTMENT_BOOKED', 'HANDLED_ON_SITE')`;
const GRID_CLOCK = `('DISPATCHED', 'IN_DISPOSAL', 'DISPOSED', 'VERIFIED')`;
const GRID_CLOSED = `('CLOSED', 'EVALUATED')`;
const REPORTED = `('CRIMINAL', 'PUBLIC_ORDER')`;
const MODEL_KINDS = `'{PARTY_BRANCH,COOPERATIVE,TRADE_UNION,SERVICE_CENTRE}'::text[]`;

const APPLICATIONS = monthlyRollup('service_application_rollup', {
  submitted: 'applications submitted in the month (China time)',
  completed: 'of those, completed',
  completed_on_time: 'of those, completed within the time limit',
  open_due: 'of those, with the clock running and a due time',
});

const GRID_EVENTS = monthlyRollup('grid_event_rollup', {
  reported: 'grid events reported in the month (China time)',
  closed: 'of those, closed',
  closed_on_time: 'of those, closed within their deadline',
  open_due: 'of those, with the clock running and a deadline',
});

const REPORTED_CASES = monthlyRollup('security_case_rollup', {
  reported: 'reported cases (criminal and public order) of the month',
});

const VISITS = monthlyRollup('visit_rollup', { visits: 'stationed cadres’ household visits in the month' });

/** A view of yearly figures read like a rollup: the caller's row-level security applies to the tables below. */
const yearlyView = (name: string, select: string) =>
  `CREATE VIEW ${name} WITH (security_invoker = true) AS ${select}`;

/**
 * The rollups and yearly figures the command view reads for villages, public services, grid and security
 * (issue 13): applications, grid events, reported cases and visits by region (and every region above) and month,
 * kept by triggers in the facts' transaction; the villages' yearly figures (model adoption, per-capita income) and
 * the sense-of-security survey as views over their few-row tables, one row per region (with ancestors for the
 * villages) and year, its first day in `month`.
 */
export class AreaRollups1765000000000 implements MigrationInterface {
  name = 'AreaRollups1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, APPLICATIONS);
    await addRollupSource(q, APPLICATIONS, {
      fact: 'service_application',
      ancestors: true,
      contributions: [
        {
          keys: { month: month('f.submitted_at') },
          measures: {
            submitted: '1',
            completed: `(f.state = 'COMPLETED')::int`,
            completed_on_time: `(f.state = 'COMPLETED' AND f.on_time)::int`,
            open_due: `(f.state IN ${SERVICE_CLOCK} AND f.due_at IS NOT NULL)::int`,
          },
        },
      ],
    });

    await createRollupTable(q, GRID_EVENTS);
    await addRollupSource(q, GRID_EVENTS, {
      fact: 'grid_event',
      ancestors: true,
      contributions: [
        {
          keys: { month: month('f.reported_at') },
          measures: {
            reported: '1',
            closed: `(f.state IN ${GRID_CLOSED})::int`,
            closed_on_time: `(f.state IN ${GRID_CLOSED} AND f.closed_at <= f.due_at)::int`,
            open_due: `(f.state IN ${GRID_CLOCK} AND f.due_at IS NOT NULL)::int`,
          },
        },
      ],
    });

    // Each branch keeps its statistics at one level (the service refuses a region beside one inside it), so the
    // ancestors' sums count every case once.
    await createRollupTable(q, REPORTED_CASES);
    await addRollupSource(q, REPORTED_CASES, {
      fact: 'security_statistic',
      ancestors: true,
      contributions: [
        { keys: { month: 'f.month' }, where: `f.category IN ${REPORTED}`, measures: { reported: 'f.cases' } },
      ],
    });

    await createRollupTable(q, VISITS);
    await addRollupSource(q, VISITS, {
      fact: 'visit',
      ancestors: true,
      contributions: [
        { keys: { month: `date_trunc('month', f.visited_on)::date` }, measures: { visits: '1' } },
      ],
    });

    // Every village not abolished before a year's end, for each year with profiles, under each region above it:
    // whether it had the model's organisations that day, and its per-capita income weighted by population.
    await q.query(
      yearlyView(
        'village_year_figures',
        `WITH years AS (SELECT DISTINCT i.year FROM village_indicator i),
         villages AS (
           SELECT v.code, v.path, y.year, make_date(y.year, 12, 31) AS year_end FROM region v CROSS JOIN years y
           WHERE v.level = 'VILLAGE' AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31))),
         adopting AS (
           SELECT v.code, v.year FROM villages v
           JOIN village_organization o ON o.region_code = v.code AND o.kind = ANY(${MODEL_KINDS})
             AND o.founded_on <= v.year_end AND (o.dissolved_on IS NULL OR o.dissolved_on > v.year_end)
           GROUP BY v.code, v.year HAVING count(DISTINCT o.kind) = cardinality(${MODEL_KINDS}))
         SELECT ltree2text(subpath(v.path, k - 1, 1))::varchar(15) AS region_code, subpath(v.path, 0, k) AS region_path,
           make_date(v.year, 1, 1) AS month, 1 AS villages, (a.code IS NOT NULL)::int AS adopting,
           coalesce(i.per_capita_net_income * i.population, 0)::bigint AS income,
           coalesce(i.population, 0) AS income_population
         FROM villages v
         LEFT JOIN adopting a ON a.code = v.code AND a.year = v.year
         LEFT JOIN village_indicator i ON i.region_code = v.code AND i.year = v.year
         CROSS JOIN LATERAL generate_series(1, nlevel(v.path)) k`,
      ),
    );
    // The survey team's share of the public feeling safe, per region surveyed (not summed: a share of its own).
    await q.query(
      yearlyView(
        'security_satisfaction_year',
        `SELECT r.region_code, r.region_path, make_date(r.year, 1, 1) AS month, 1 AS surveys,
           (r.satisfied * 100000)::int AS satisfied_e5
         FROM survey_result r WHERE r.question = 'SENSE_OF_SECURITY' AND r.respondent_group = 'PUBLIC'`,
      ),
    );
    for (const view of ['village_year_figures', 'security_satisfaction_year'])
      await q.query(`GRANT SELECT ON ${view} TO qiangji_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW security_satisfaction_year`);
    await q.query(`DROP VIEW village_year_figures`);
    for (const [table, fact] of [
      ['visit_rollup', 'visit'],
      ['security_case_rollup', 'security_statistic'],
      ['grid_event_rollup', 'grid_event'],
      ['service_application_rollup', 'service_application'],
    ] as const) {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER ${table}_from_${fact}_${event} ON ${fact}`);
      await q.query(`DROP FUNCTION ${table}_from_${fact}()`);
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
