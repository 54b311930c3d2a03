import type { PeriodKind } from '@qiangji/domain';
import type { Params } from '../../common/sql';

/**
 * SQL twins of the domain's visit rules (`isOnSchedule`, `targetPeriods`), tested against them in
 * `village-stats.test.ts`: the period of `months` calendar months, counted from the month of `from`, a day falls in.
 */
export function periodSql(day: string, from: string, months: string): string {
  const month = (d: string) => `(extract(year FROM ${d})::int * 12 + extract(month FROM ${d})::int)`;
  return `((${month(day)} - ${month(from)}) / ${months}::int)`;
}

/** The child of the region at `path` (an ltree expression) that a row's path lies in; NULL on the region itself. */
export function childSql(rowPath: string, path: string): string {
  return `CASE WHEN nlevel(${rowPath}) > nlevel(${path}) THEN ltree2text(subpath(${rowPath}, nlevel(${path}), 1)) END`;
}

/**
 * A rollup's figures (`figures`, a jsonb of sums over `r`) over the months that [from, to] touch, for the region
 * `code` (dim 'total') and each of its children `children` (an array of their codes, from the region tree; dim
 * 'child', keyed by code): a region's row counts its subtree, so this reads one row per region and month, never the
 * facts below. Rows shaped like cadreStats' GROUPING SETS.
 */
export function rollupByChildSql(
  table: string,
  figures: string,
  code: string,
  children: string,
  from: string,
  to: string,
): string {
  return `SELECT CASE WHEN r.region_code = ${code} THEN 'total' ELSE 'child' END AS dim,
      CASE WHEN r.region_code <> ${code} THEN r.region_code::text END AS key, ${figures} AS f
    FROM ${table} r
    WHERE r.region_code = ANY (${children} || ${code})
      AND r.month BETWEEN date_trunc('month', ${from})::date AND ${to}
    GROUP BY 1, 2`;
}

/** The whole years within [from, to], as the first day of the first and the last day of the last; null if none. */
function wholeYears(from: string, to: string): { first: string; last: string } | null {
  const first = Number(from.slice(0, 4)) + (from.slice(5) === '01-01' ? 0 : 1);
  const last = Number(to.slice(0, 4)) - (to.slice(5) === '12-31' ? 0 : 1);
  return first <= last ? { first: `${first}-01-01`, last: `${last}-12-31` } : null;
}

/**
 * The visits of each cadre under the region `code` over whole months [F, T] from the rollups: the whole years
 * from `cadre_visit_year_rollup` (a row per cadre and year), the months around them from `cadre_visit_rollup`.
 */
function rollupVisitsSql(p: Params, code: string, from: string, to: string, F: string, T: string): string {
  const R = p.param(code);
  const months = (a: string, b: string) =>
    `SELECT r.cadre_id, r.visits FROM cadre_visit_rollup r WHERE r.region_code = ${R} AND r.month BETWEEN ${a} AND ${b}`;
  const years = wholeYears(from, to);
  if (!years) return months(F, T);
  const [Y1, Y2] = [p.param(years.first, 'date'), p.param(years.last, 'date')];
  return [
    `SELECT r.cadre_id, r.visits FROM cadre_visit_year_rollup r WHERE r.region_code = ${R} AND r.year BETWEEN ${Y1} AND ${Y2}`,
    months(F, `${Y1} - 1`),
    months(`${Y2} + 1`, T),
  ].join(' UNION ALL ');
}

/**
 * The cadres posted in the subtree of `path` on some day of [from, to] whose visits there on those days fall
 * short of `target` (`cadreVisitTarget`): cadreStats' cadres below target. The visits are counted apart (OFFSET 0):
 * joined per cadre, the planner walked the subtree's visits once for every cadre of the city. Given `rollupOf`,
 * the code of the region at `path`, and whole months ([from, to] from a month's first day to a month's last), they
 * are read from the rollups instead: the same counts, a row per cadre and year (or month) rather than per visit.
 */
export function belowTargetSql(
  p: Params,
  path: string,
  from: string,
  to: string,
  target: number,
  rollupOf?: string,
): string {
  const [P, F, T] = [p.param(path, 'ltree'), p.param(from, 'date'), p.param(to, 'date')];
  const visits = rollupOf
    ? `SELECT r.cadre_id, sum(r.visits) AS visits FROM (${rollupVisitsSql(p, rollupOf, from, to, F, T)}) r
      GROUP BY r.cadre_id OFFSET 0`
    : `SELECT v.cadre_id, count(*) AS visits FROM visit v
      WHERE v.visited_on BETWEEN ${F} AND ${T} AND v.region_path <@ ${P} GROUP BY v.cadre_id OFFSET 0`;
  return `SELECT c.cadre_id FROM (
      SELECT DISTINCT p.cadre_id FROM posting p
      WHERE p.region_path <@ ${P} AND p.starts_on <= ${T} AND (p.ends_on IS NULL OR p.ends_on >= ${F})) c
    LEFT JOIN (${visits}) v ON v.cadre_id = c.cadre_id
    WHERE coalesce(v.visits, 0) < ${p.param(target, 'int')}`;
}

/** The grain letter of the kept counts' periods. */
const GRAIN: Record<Exclude<PeriodKind, 'CUSTOM'>, string> = { MONTH: 'M', QUARTER: 'Q', YEAR: 'Y' };

/**
 * The cadres below `target` over a whole month, quarter or year (`kind`) starting on `start`, under the region
 * `code`, from the kept counts (`1765850000000-cadre-target-rollups`): the cadres posted there in the period (runs
 * started by it less those ended before it) less those who made `target` visits there. The same cadres as
 * `belowTargetSql`, in a few rows per region rather than one per cadre.
 */
export function keptBelowTargetSql(
  p: Params,
  code: string,
  kind: Exclude<PeriodKind, 'CUSTOM'>,
  start: string,
  target: number,
): string {
  const [R, G, P] = [p.param(code), p.param(GRAIN[kind]), p.param(start, 'date')];
  return `SELECT (SELECT coalesce(sum(s.starts), 0) - coalesce(sum(s.ends) FILTER (WHERE s.period < ${P}), 0)
      FROM cadre_posted_rollup s WHERE s.region_code = ${R} AND s.grain = ${G} AND s.period <= ${P})
    - (SELECT coalesce(sum(h.cadres), 0) FROM cadre_period_visit_rollup h
      WHERE h.region_code = ${R} AND h.grain = ${G} AND h.period = ${P} AND h.visits >= ${p.param(target, 'int')})`;
}
