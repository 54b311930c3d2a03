import { monthDays } from '@qiangji/domain';
import type { Params } from '../../common/sql';
import { belowTargetSql, childSql, periodSql } from './visit.sql';

/** The dimension and key of a row grouped by GROUPING SETS over (child, unit, month). */
export const GROUPED = (columns: readonly string[]) => {
  const bits = columns.map(
    (c, i) => `CASE WHEN GROUPING(${c}) = 0 THEN '${['child', 'unit', 'month'][i]}' END`,
  );
  return `coalesce(${bits.join(', ')}, 'total') AS dim, coalesce(${columns.map((c) => `${c}::text`).join(', ')}) AS key`;
};

/**
 * cadreStats' figures of visits and households (visits, households visited, never visited, poor households visited
 * on schedule, disputes, cadres below target): its CTEs (given the SQL of the subtree's households) and its rows
 * (given the SQL of "this visit's dispute was mediated"), shaped as `dim, key, f`. The statement's parameters are
 * $1 path, $2 from, $3 to, $4 the current children, $5 every child, $6 the region's code; the figures add theirs.
 */
export interface VisitFigures {
  ctes(households: string): string;
  figures(mediated: string): string;
}

const child = (column: string) => childSql(column, '$1::ltree');

/**
 * Any range of days: the period's visits themselves (a scan of the subtree's visits of the period), with the poor
 * households' period in `months`, the `periods` of [from, to] and the cadres' target.
 */
export function visitFiguresScanned(
  p: Params,
  t: { months: number; periods: number; cadreTarget: number },
): VisitFigures {
  const [months, periods, target] = [
    p.param(t.months, 'int'),
    p.param(t.periods, 'int'),
    p.param(t.cadreTarget, 'int'),
  ];
  return {
    ctes: (households) => `visits AS (
      SELECT v.cadre_id, v.work_unit_id AS unit, v.household_id, v.visited_on, v.dispute_case_id,
        to_char(v.visited_on, 'YYYY-MM') AS month, ${child('v.region_path')} AS child
      FROM visit v WHERE v.region_path <@ $1::ltree AND v.visited_on BETWEEN $2::date AND $3::date
    ),
    homes AS (
      SELECT h.id, h.poor, ${child('h.region_path')} AS child,
        EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.visited_on <= $3::date) AS visited
      FROM (${households}) h
    ),
    on_schedule AS (
      SELECT h.id, h.child FROM homes h JOIN visits v ON v.household_id = h.id WHERE h.poor
      GROUP BY h.id, h.child HAVING count(DISTINCT ${periodSql('v.visited_on', '$2::date', months)}) = ${periods}
    ),
    behind AS (
      SELECT c.cadre_id FROM (SELECT DISTINCT cadre_id FROM posted) c
      LEFT JOIN visits v ON v.cadre_id = c.cadre_id GROUP BY c.cadre_id HAVING count(v.cadre_id) < ${target}
    )`,
    figures: (
      mediated,
    ) => `SELECT ${GROUPED(['child', 'unit', 'month'])}, jsonb_build_object('visits', count(*),
      'householdsVisited', count(DISTINCT household_id), 'disputesReported', count(dispute_case_id),
      'disputesResolved', count(*) FILTER (WHERE dispute_case_id IS NOT NULL AND ${mediated}))
    FROM visits GROUP BY GROUPING SETS ((), (child), (unit), (month))
    UNION ALL
    SELECT ${GROUPED(['child'])}, jsonb_build_object('households', count(*),
      'poorHouseholds', count(*) FILTER (WHERE poor), 'householdsNeverVisited', count(*) FILTER (WHERE NOT visited))
    FROM homes GROUP BY GROUPING SETS ((), (child))
    UNION ALL
    SELECT ${GROUPED(['child'])}, jsonb_build_object('poorVisitedOnSchedule', count(*))
    FROM on_schedule GROUP BY GROUPING SETS ((), (child))
    UNION ALL
    SELECT 'total', NULL, jsonb_build_object('cadresBelowTarget', count(*)) FROM behind`,
  };
}

/** The work unit of the chains over every unit's visits (1765870000000-cadre-stats-rollups). */
const ANY_UNIT = `'00000000-0000-0000-0000-000000000000'::uuid`;
const MONTH_KEY = `to_char(r.month, 'YYYY-MM')`;
const UNIT_KEY = 'r.work_unit_id::text';
const MONTHS = `r.month BETWEEN date_trunc('month', $2::date)::date AND $3::date`;

/**
 * A rollup's rows of the region ('total') and of each of its children ('child', keyed by code) that `where` selects,
 * summed into `figures` (over `r`); a region whose sum `nonzero` is 0 has no row, as it had no facts.
 */
function byRegionSql(table: string, figures: string, where: string, nonzero: string): string {
  return `SELECT CASE WHEN r.region_code = $6::varchar THEN 'total' ELSE 'child' END AS dim,
      CASE WHEN r.region_code <> $6::varchar THEN r.region_code::text END AS key, ${figures} AS f
    FROM ${table} r WHERE r.region_code = ANY ($5::varchar[] || $6::varchar) AND ${where}
    GROUP BY 1, 2 HAVING ${nonzero} <> 0`;
}

/** A rollup's rows of the region itself by `dim` ('month', 'unit'), the key `key` over `r`. */
function ofRegionSql(t: {
  table: string;
  dim: string;
  key: string;
  figures: string;
  where: string;
  nonzero?: string;
}) {
  return `SELECT '${t.dim}', ${t.key}, ${t.figures} FROM ${t.table} r WHERE r.region_code = $6::varchar AND ${t.where}
    GROUP BY ${t.key}${t.nonzero ? ` HAVING ${t.nonzero} <> 0` : ''}`;
}

/** Whether [from, to] (ISO days) runs from the first day of a month to the last day of a month. */
export function isWholeMonths(from: string, to: string): boolean {
  return from === monthDays(from.slice(0, 7)).from && to === monthDays(to.slice(0, 7)).to;
}

/**
 * Whole months [from, to] with monthly targets for the poor: the same figures from the rollups (a row per region,
 * month and previous month, or per cadre and year, never per visit):
 * - visits: `visit_rollup` by region and month, `visit_unit_rollup` by work unit;
 * - households visited: the household-months of [from, to] whose previous visited month there is before `from`
 *   (`household_visit_chain_rollup`); in one month, every household-month of it;
 * - never visited: the households (`household_rollup`) less those first visited by `to`
 *   (`household_first_visit_rollup`);
 * - poor households visited every month: those of `to`'s month whose run of visited months began by `from`
 *   (`poor_visit_run_rollup`, by where they live now);
 * - cadres below target: `belowTargetSql` over the cadres' yearly and monthly rollups;
 * - disputes: the period's visits with a dispute (a partial index), whose case's outcome no rollup of visits sees.
 */
export function visitFiguresFromRollups(
  p: Params,
  s: { path: string; from: string; to: string; regionCode: string; cadreTarget: number },
): VisitFigures {
  const households = `jsonb_build_object('householdsVisited', sum(r.households))`;
  const visits = `jsonb_build_object('visits', sum(r.visits))`;
  const first = `r.previous < $2::date`;
  const anyUnit = `r.work_unit_id = ${ANY_UNIT}`;
  return {
    ctes: () => `disputes AS (
      SELECT v.work_unit_id AS unit, v.dispute_case_id, ${child('v.region_path')} AS child
      FROM visit v WHERE v.dispute_case_id IS NOT NULL AND v.visited_on BETWEEN $2::date AND $3::date
        AND v.region_path <@ $1::ltree
    )`,
    figures: (mediated) =>
      [
        byRegionSql('visit_rollup', visits, MONTHS, 'sum(r.visits)'),
        ofRegionSql({ table: 'visit_rollup', dim: 'month', key: MONTH_KEY, figures: visits, where: MONTHS }),
        ofRegionSql({
          table: 'visit_unit_rollup',
          dim: 'unit',
          key: UNIT_KEY,
          figures: visits,
          where: MONTHS,
          nonzero: 'sum(r.visits)',
        }),
        byRegionSql(
          'household_visit_chain_rollup',
          households,
          `${anyUnit} AND ${MONTHS} AND ${first}`,
          'sum(r.households)',
        ),
        ofRegionSql({
          table: 'household_visit_chain_rollup',
          dim: 'month',
          key: MONTH_KEY,
          figures: households,
          where: `${anyUnit} AND ${MONTHS}`,
        }),
        ofRegionSql({
          table: 'household_visit_chain_rollup',
          dim: 'unit',
          key: UNIT_KEY,
          figures: households,
          where: `r.work_unit_id <> ${ANY_UNIT} AND ${MONTHS} AND ${first}`,
          nonzero: 'sum(r.households)',
        }),
        `SELECT CASE WHEN h.region_code = $6::varchar THEN 'total' ELSE 'child' END,
           CASE WHEN h.region_code <> $6::varchar THEN h.region_code::text END,
           jsonb_build_object('households', h.households, 'poorHouseholds', h.poor,
             'householdsNeverVisited', h.households - coalesce(v.households, 0))
         FROM (SELECT r.region_code, sum(r.households) AS households,
             coalesce(sum(r.households) FILTER (WHERE r.poor), 0) AS poor
           FROM household_rollup r WHERE r.region_code = ANY ($5::varchar[] || $6::varchar)
           GROUP BY 1 HAVING sum(r.households) <> 0) h
         LEFT JOIN (SELECT r.region_code, sum(r.households) AS households FROM household_first_visit_rollup r
           WHERE r.region_code = ANY ($5::varchar[] || $6::varchar) AND r.month <= $3::date GROUP BY 1) v
           ON v.region_code = h.region_code`,
        `SELECT CASE WHEN GROUPING(r.home) = 1 THEN 'total' ELSE 'child' END,
           CASE WHEN GROUPING(r.home) = 0 THEN nullif(r.home, '') END,
           jsonb_build_object('poorVisitedOnSchedule', sum(r.households))
         FROM poor_visit_run_rollup r
         WHERE r.region_code = $6::varchar AND r.month = date_trunc('month', $3::date)::date AND r.run_start <= $2::date
         GROUP BY GROUPING SETS ((), (r.home)) HAVING sum(r.households) <> 0`,
        `SELECT ${GROUPED(['child', 'unit'])}, jsonb_build_object('disputesReported', count(*),
           'disputesResolved', count(*) FILTER (WHERE ${mediated}))
         FROM disputes GROUP BY GROUPING SETS ((), (child), (unit))`,
        `SELECT 'total', NULL, jsonb_build_object('cadresBelowTarget', count(*))
         FROM (${belowTargetSql(p, s.path, s.from, s.to, s.cadreTarget, s.regionCode)}) b`,
      ].join('\n UNION ALL\n'),
  };
}
