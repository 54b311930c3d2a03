import { mediationRate, resolutionRate } from '@qiangji/domain';
import {
  overdueTile,
  type AlertSource,
  type KpiSource,
  type KpiTile,
  type RunningFacts,
} from '../../common/command-view';
import { notYetDueSql } from './dispute-case.sql';

/** Cases by the month accepted: the cohort of mediationStats, so the tiles and the overview agree. */
export const CASES: KpiSource & { running: RunningFacts } = {
  rollup: 'dispute_case_rollup',
  measures: ['accepted', 'mediated', 'open', 'open_due'],
  running: { fact: 'dispute_case', notYetDue: notYetDueSql('c'), at: 'accepted_at', measure: 'not_yet_due' },
};

/** Petitions by month: the backlog counts from the first petition on, the years before from the yearly twin. */
export const PETITIONS: KpiSource = {
  rollup: 'petition_case_rollup',
  measures: ['registered', 'resolved'],
  history: { years: 'petition_case_year_rollup' },
};

/** Grand mediation's tiles on the command view (issue 13): the article's 95.7% and 80%. */
export const MEDIATION_KPIS: readonly KpiTile[] = [
  {
    key: 'mediationRate',
    area: 'mediation',
    label: { zh: '调解率', en: 'Mediation rate' },
    unit: 'PERCENT',
    higherIsBetter: true,
    action: 'dispute:read',
    source: CASES,
    value: (w) => mediationRate(w.sum('mediated'), w.sum('accepted')),
  },
  {
    key: 'openDisputes',
    area: 'mediation',
    label: { zh: '未办结纠纷', en: 'Open disputes' },
    unit: 'COUNT',
    higherIsBetter: false,
    action: 'dispute:read',
    source: CASES,
    value: (w) => w.sum('open'),
  },
  overdueTile({
    key: 'overdueDisputes',
    area: 'mediation',
    label: { zh: '超期纠纷', en: 'Overdue disputes' },
    action: 'dispute:read',
    source: CASES,
    // mediationStats' `overdue`: of the cases accepted in the period, those overdue now.
    alert: {
      kind: 'OVERDUE_DISPUTES',
      resource: 'disputeCases',
      filter: (regionCode, days) => ({
        regionCode,
        overdue: true,
        acceptedFrom: days.from,
        acceptedTo: days.to,
      }),
    },
  }),
  {
    key: 'petitionResolutionRate',
    area: 'mediation',
    label: { zh: '信访积案化解率', en: 'Petition backlog resolution' },
    unit: 'PERCENT',
    higherIsBetter: true,
    action: 'dispute:read',
    source: PETITIONS,
    // The backlog of the period: registered by its end and not resolved before its start (mediationStats').
    value: (w) => resolutionRate(w.sum('resolved'), w.through('registered') - w.before('resolved')),
  },
];

export const MEDIATION_ALERTS: readonly AlertSource[] = [
  { action: 'dispute:read', read: (ctx, scope) => ctx.services.mediationCommandView.alerts(ctx, scope) },
];
