import { OPEN_GRID_EVENT_STATES, onTimeRate } from '@qiangji/domain';
import { periodDays, type KpiSource, type KpiTile } from '../../common/command-view';
import { notYetDueSql } from './grid-event.sql';

/** Grid events by the month reported: loopFigures' cohort, so the tiles and its figures agree. */
const EVENTS: KpiSource = {
  rollup: 'grid_event_rollup',
  measures: ['reported', 'closed', 'closed_on_time', 'open_due'],
  running: { fact: 'grid_event', notYetDue: notYetDueSql('c'), at: 'reported_at', measure: 'not_yet_due' },
};

/** Grid management's tiles on the command view (issue 13). */
export const GRID_KPIS: readonly KpiTile[] = [
  {
    key: 'gridEventsOnTime',
    area: 'grid',
    label: { zh: '网格事件按期办结率', en: 'Grid events closed on time' },
    unit: 'PERCENT',
    higherIsBetter: true,
    action: 'grid:read',
    source: EVENTS,
    value: (w) => onTimeRate(w.sum('closed_on_time'), w.sum('closed')),
  },
  {
    key: 'overdueGridEvents',
    area: 'grid',
    label: { zh: '超期网格事件', en: 'Overdue grid events' },
    unit: 'COUNT',
    higherIsBetter: false,
    action: 'grid:read',
    source: EVENTS,
    // Of the period's events, the open ones past their deadline now (loopFigures' `overdue`).
    value: (w) => w.sum('open_due') - w.sum('not_yet_due'),
    alert: {
      kind: 'OVERDUE_EVENTS',
      resource: 'gridEvents',
      filter: ({ regionCode, period }) => {
        const days = periodDays(period);
        return {
          regionCode,
          overdue: true,
          state: [...OPEN_GRID_EVENT_STATES],
          reportedFrom: days.from,
          reportedTo: days.to,
        };
      },
    },
  },
];
