import { deadlineTiles, type KpiSource, type KpiTile, type RunningFacts } from '../../common/command-view';
import { notYetDueSql } from './service-application.sql';

/** Applications by the month submitted: serviceStats' cohort, so the tiles and its figures agree. */
export const APPLICATIONS: KpiSource & { running: RunningFacts } = {
  rollup: 'service_application_rollup',
  measures: ['submitted', 'completed', 'completed_on_time', 'open_due'],
  running: {
    fact: 'service_application',
    notYetDue: notYetDueSql('c'),
    at: 'submitted_at',
    measure: 'not_yet_due',
  },
};

/** Public services' tiles on the command view (issue 13): serviceStats' `onTimeRate` and `overdue`. */
export const SERVICE_KPIS: readonly KpiTile[] = deadlineTiles({
  area: 'service',
  action: 'service:read',
  source: APPLICATIONS,
  onTime: {
    key: 'applicationsOnTime',
    label: { zh: '按时办结率', en: 'Applications completed on time' },
    finished: 'completed',
    inTime: 'completed_on_time',
  },
  overdue: {
    key: 'overdueApplications',
    label: { zh: '超期办件', en: 'Overdue applications' },
    alert: {
      kind: 'OVERDUE_APPLICATIONS',
      resource: 'serviceApplications',
      filter: (regionCode, days) => ({
        regionCode,
        overdue: true,
        submittedFrom: days.from,
        submittedTo: days.to,
      }),
    },
  },
});
