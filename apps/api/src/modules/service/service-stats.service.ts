import {
  appointmentKeptRate,
  onTimeRate,
  SERVICE_APPLICATION_STATES,
  SERVICE_CATEGORIES,
  type ServiceApplicationState,
  type ServiceCategory,
} from '@qiangji/domain';
import { cohortStats, statsRange } from '../../common/cohort-stats';
import { inScope } from '../../common/authz';
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
    const range = await statsRange(ctx, 'service:read', regionCode, fromValue, toValue);
    const { from, to } = range;
    const { totals, byKind, ...breakdowns } = await inScope(ctx, (m) =>
      cohortStats(
        m,
        {
          table: 'service_application',
          alias: 'a',
          timestamp: 'submitted_at',
          kind: 'category',
          kinds: SERVICE_CATEGORIES,
          figureColumns: FIGURE_COLUMNS,
          zeroColumns: ZERO_COLUMNS,
        },
        range,
        (r: Row) => figures(r),
      ),
    );
    return { ...totals, regionCode, from, to, byCategory: byKind, ...breakdowns };
  }
}
