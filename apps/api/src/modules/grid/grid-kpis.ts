import { OPEN_GRID_EVENT_STATES } from '@qiangji/domain';
import { deadlineTiles, type KpiSource, type KpiTile, type RunningFacts } from '../../common/command-view';
import { notYetDueSql } from './grid-event.sql';

/** Grid events by the month reported: loopFigures' cohort, so the tiles and its figures agree. */
const EVENTS: KpiSource & { running: RunningFacts } = {
  rollup: 'grid_event_rollup',
  measures: ['reported', 'closed', 'closed_on_time', 'open_due'],
  running: { fact: 'grid_event', notYetDue: notYetDueSql('c'), at: 'reported_at', measure: 'not_yet_due' },
};

/** Grid management's tiles on the command view (issue 13): loopFigures' `onTimeRate` and `overdue`. */
export const GRID_KPIS: readonly KpiTile[] = deadlineTiles({
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
});
