import { onTimeRate } from '@qiangji/domain';
import { periodDays, type KpiSource, type KpiTile } from '../../common/command-view';
import { notYetDueSql } from './service-application.sql';

/** Applications by the month submitted: serviceStats' cohort, so the tiles and its figures agree. */
const APPLICATIONS: KpiSource = {
  rollup: 'service_application_rollup',
  measures: ['submitted', 'completed', 'completed_on_time', 'open_due'],
  running: {
    fact: 'service_application',
    notYetDue: notYetDueSql('c'),
    at: 'submitted_at',
    measure: 'not_yet_due',
  },
};

/** Public services' tiles on the command view (issue 13). */
export const SERVICE_KPIS: readonly KpiTile[] = [
  {
    key: 'applicationsOnTime',
    area: 'service',
    label: { zh: '按时办结率', en: 'Applications completed on time' },
    unit: 'PERCENT',
    higherIsBetter: true,
    action: 'service:read',
    source: APPLICATIONS,
    value: (w) => onTimeRate(w.sum('completed_on_time'), w.sum('completed')),
  },
  {
    key: 'overdueApplications',
    area: 'service',
    label: { zh: '超期办件', en: 'Overdue applications' },
    unit: 'COUNT',
    higherIsBetter: false,
    action: 'service:read',
    source: APPLICATIONS,
    // Of the period's applications, those whose clock runs past their deadline now (serviceStats' `overdue`).
    value: (w) => w.sum('open_due') - w.sum('not_yet_due'),
    alert: {
      kind: 'OVERDUE_APPLICATIONS',
      resource: 'serviceApplications',
      filter: ({ regionCode, period }) => {
        const days = periodDays(period);
        return { regionCode, overdue: true, submittedFrom: days.from, submittedTo: days.to };
      },
    },
  },
];
