import { chinaDay, OPEN_GRID_EVENT_STATES, type MonthRange } from '@qiangji/domain';
import {
  deadlineTiles,
  periodDays,
  type CountAlert,
  type KpiSource,
  type KpiTile,
  type RunningFacts,
} from '../../common/command-view';
import { notYetDueSql } from './grid-event.sql';

/** Grid events by the month reported: loopFigures' cohort, so the tiles and its figures agree. */
export const EVENTS: KpiSource & { running: RunningFacts } = {
  rollup: 'grid_event_rollup',
  measures: ['reported', 'closed', 'closed_on_time', 'open_due'],
  running: { fact: 'grid_event', notYetDue: notYetDueSql('c'), at: 'reported_at', measure: 'not_yet_due' },
};

/** Grid management's tiles on the command view (issue 13): loopFigures' `onTimeRate` and `overdue`. */
export const GRID_KPIS: readonly KpiTile[] = [
  ...deadlineTiles({
    area: 'grid',
    action: 'grid:read',
    source: EVENTS,
    onTime: {
      key: 'gridEventsOnTime',
      label: { zh: '网格事件按期办结率', en: 'Grid events closed on time' },
      finished: 'closed',
      inTime: 'closed_on_time',
    },
    overdue: {
      key: 'overdueGridEvents',
      label: { zh: '超期网格事件', en: 'Overdue grid events' },
      // The list's `overdue` also counts the closed events that were late: the open states narrow it to these.
      alert: {
        kind: 'OVERDUE_EVENTS',
        resource: 'gridEvents',
        filter: (regionCode, days) => ({
          regionCode,
          overdue: true,
          state: [...OPEN_GRID_EVENT_STATES],
          reportedFrom: days.from,
          reportedTo: days.to,
        }),
      },
    },
  }),
  {
    key: 'coverageGaps',
    area: 'grid',
    label: { zh: '网格日报覆盖缺口（网格·日）', en: 'Coverage gaps (unit-days)' },
    unit: 'COUNT',
    higherIsBetter: false,
    action: 'grid:read',
    // gridCoverage's unit-days less its covered ones: the days valid units had neither an event nor a zero report.
    // Only days within their unit's validity count as covered (1765820000000), so the gap is never negative.
    source: { rollup: 'grid_coverage_figures', measures: ['unit_days', 'covered'] },
    value: (w) => w.sum('unit_days') - w.sum('covered'),
  },
];

const DAY_MS = 86_400_000;

/** The period's last week up to today (the whole last week of a period still to come). */
function lastWeek(period: MonthRange): { from: string; to: string } {
  const days = periodDays(period);
  const today = chinaDay();
  const to = today >= days.from && today < days.to ? today : days.to;
  const from = chinaDay(Date.parse(`${to}T12:00:00+08:00`) - 6 * DAY_MS);
  return { from: from < days.from ? days.from : from, to };
}

/** The grid units valid today without an event or a zero report in the period's last week: the unit list's filter. */
export const GRID_ALERTS: readonly CountAlert[] = [
  {
    kind: 'GRID_UNITS_WITHOUT_REPORTS',
    action: 'grid:read',
    resource: 'gridUnits',
    // The units valid today whose one run of days without reports spans the whole week: the list's units (valid
    // today, no unit-day in the week), counted from the region's few runs that end after the week's start.
    count: (p, { regionCode, period }) => {
      const week = lastWeek(period);
      return `SELECT coalesce(sum(g.units), 0) FROM grid_unit_gap_rollup g WHERE g.region_code = ${p.param(regionCode)}
        AND g.gap_to >= ${p.param(week.to, 'date')} AND g.gap_from <= ${p.param(week.from, 'date')}
        AND g.valid_from <= current_date AND g.valid_to > current_date`;
    },
    filter: ({ regionCode, period }) => {
      const week = lastWeek(period);
      return { regionCode, unreportedFrom: week.from, unreportedTo: week.to };
    },
  },
];
