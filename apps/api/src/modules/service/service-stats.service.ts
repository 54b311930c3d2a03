import {
  appointmentKeptRate,
  onTimeRate,
  SERVICE_APPLICATION_STATES,
  SERVICE_CATEGORIES,
  type ServiceApplicationState,
  type ServiceCategory,
} from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { inScope, requireAction, scopePath } from '../../common/authz';
import { DAY_AFTER, DAY_START, isoDay } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import { overdueSql } from './service-application.sql';
import type { ServiceFigures, ServiceStats } from './service-stats.types';

const COUNTS = {
  submitted: 'true',
  completed: `a.state = 'COMPLETED'`,
  completedOnTime: `a.state = 'COMPLETED' AND a.on_time`,
  overdue: overdueSql('a'),
  appointmentsKept: 'a.handled_on_site_at IS NOT NULL',
};
const FIGURE_COLUMNS = [
  ...Object.entries(COUNTS).map(([name, where]) => `count(*) FILTER (WHERE ${where})::int AS "${name}"`),
  ...SERVICE_APPLICATION_STATES.map((s) => `count(*) FILTER (WHERE a.state = '${s}')::int AS "s_${s}"`),
  `coalesce(sum(a.no_shows), 0)::int AS "appointmentsMissed"`,
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY a.working_days) FILTER (WHERE a.state = 'COMPLETED')
     AS "medianWorkingDays"`,
].join(',\n  ');
const ZERO_COLUMNS = [
  // In FIGURE_COLUMNS' order: UNION ALL matches columns by position.
  ...Object.keys(COUNTS).map((n) => `0 AS "${n}"`),
  ...SERVICE_APPLICATION_STATES.map((s) => `0 AS "s_${s}"`),
  '0 AS "appointmentsMissed"',
  'NULL::float8 AS "medianWorkingDays"',
].join(', ');

// GROUPING(category, month, child): a bit is set for each column the row is NOT grouped by.
const TOTAL = 0b111;
const BY_CATEGORY = 0b011;
const BY_MONTH = 0b101;
const BY_CHILD = 0b110;

type Row = Record<keyof typeof COUNTS | 'appointmentsMissed' | `s_${ServiceApplicationState}`, number> & {
  g: number;
  category: ServiceCategory | null;
  month: string | null;
  child: string | null;
  medianWorkingDays: number | null;
};

function figures(r: Row): ServiceFigures {
  return {
    submitted: r.submitted,
    byState: SERVICE_APPLICATION_STATES.map((state) => ({ state, count: r[`s_${state}`] })),
    completed: r.completed,
    completedOnTime: r.completedOnTime,
    onTimeRate: onTimeRate(r.completedOnTime, r.completed),
    medianWorkingDays: r.medianWorkingDays,
    overdue: r.overdue,
    appointmentsKept: r.appointmentsKept,
    appointmentsMissed: r.appointmentsMissed,
    appointmentKeptRate: appointmentKeptRate(r.appointmentsKept, r.appointmentsKept + r.appointmentsMissed),
  };
}

/**
 * serviceStats: the applications submitted in the period in a subtree, as one statement (FILTER clauses and
 * GROUPING SETS, never a loop over applications); rates from @qiangji/domain. City supervision reads the same
 * method for its tile: `onTimeRate` (completed within the time limit) and `overdue` (its alerts).
 */
export class ServiceStatsService {
  async stats(
    ctx: RequestContext,
    regionCode: string,
    fromValue: Date | string,
    toValue: Date | string,
  ): Promise<ServiceStats> {
    requireAction(ctx, 'service:read');
    const from = isoDay(fromValue);
    const to = isoDay(toValue);
    if (from > to) throw AppError.badInput('`to` must be on or after `from`.', 'to');
    const path = await scopePath(ctx, regionCode);
    const rows: Row[] = await inScope(ctx, (m) =>
      m.query(
        `WITH cohort AS (
           SELECT a.*, to_char(a.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
             CASE WHEN nlevel(a.region_path) > nlevel($1::ltree)
               THEN ltree2text(subpath(subpath(a.region_path, 0, nlevel($1::ltree) + 1), -1)) END AS child
           FROM service_application a
           WHERE a.region_path <@ $1::ltree
             AND a.submitted_at >= ${DAY_START('$2')} AND a.submitted_at < ${DAY_AFTER('$3')}
         ),
         figures AS (
           SELECT GROUPING(a.category, a.month, a.child)::int AS g, a.category, a.month, a.child, ${FIGURE_COLUMNS}
           FROM cohort a
           GROUP BY GROUPING SETS ((), (a.category), (a.month), (a.child))
         )
         SELECT * FROM figures
         UNION ALL
         SELECT ${BY_CHILD}, NULL, NULL, r.code, ${ZERO_COLUMNS} FROM region r
         WHERE r.parent_code = $4 AND r.valid_from <= current_date
           AND (r.valid_to IS NULL OR r.valid_to > current_date)
           AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.g = ${BY_CHILD} AND f.child = r.code)`,
        [path, from, to, regionCode],
      ),
    );
    const total = rows.find((r) => r.g === TOTAL)!;
    const order = (c: ServiceCategory | null) => SERVICE_CATEGORIES.indexOf(c!);
    return {
      ...figures(total),
      regionCode,
      from,
      to,
      byCategory: rows
        .filter((r) => r.g === BY_CATEGORY)
        .sort((a, b) => order(a.category) - order(b.category))
        .map((r) => ({ category: r.category!, ...figures(r) })),
      byMonth: rows
        .filter((r) => r.g === BY_MONTH)
        .sort((a, b) => a.month!.localeCompare(b.month!))
        .map((r) => ({ month: r.month!, ...figures(r) })),
      byChildRegion: rows
        .filter((r) => r.g === BY_CHILD && r.child !== null)
        .sort((a, b) => a.child!.localeCompare(b.child!))
        .map((r) => ({ regionCode: r.child!, ...figures(r) })),
    };
  }
}
