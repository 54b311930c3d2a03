import { rateTile, type KpiTile } from '../../common/command-view';

/** Public security's tiles on the command view (issue 13): the article's −19.8% and 92.9% (+0.4 points). */
export const SECURITY_KPIS: readonly KpiTile[] = [
  {
    key: 'reportedCases',
    area: 'security',
    label: { zh: '发案总量', en: 'Reported cases' },
    unit: 'COUNT',
    higherIsBetter: false,
    action: 'security:read',
    source: { rollup: 'security_case_rollup', measures: ['reported'] },
    value: (w) => w.sum('reported'),
  },
  rateTile({
    key: 'senseOfSecurity',
    area: 'security',
    label: { zh: '群众安全感满意度', en: 'Sense of security' },
    action: 'security:read',
    source: { rollup: 'security_satisfaction_year', measures: ['surveys', 'satisfied_e5'], grain: 'year' },
    // The survey of the period's last year for the region itself: a share is not summed over children.
    value: (w) => (w.end('surveys') ? w.end('satisfied_e5') / w.end('surveys') / 100_000 : null),
  }),
];
