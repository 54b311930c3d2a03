import { deadlineCounts, deadlineFigures, type ReportSection } from '../../common/report-section';
import { APPLICATIONS } from './service-kpis';

/** Public services' part of the monthly report: the month's applications (serviceStats' cohort, the tiles' rollup). */
export const SERVICE_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'services',
    title: { zh: '社区公共服务', en: 'Public services' },
    action: 'service:read',
    counts: (p, scope) => deadlineCounts(p, APPLICATIONS, scope),
    figures: (c) =>
      deadlineFigures(c, APPLICATIONS, {
        cohort: ['submitted', { zh: '本月受理申请', en: 'Applications submitted' }],
        finished: ['completed', { zh: '办结', en: 'Completed' }],
        inTime: ['completed_on_time', { zh: '按时办结', en: 'Completed on time' }],
        onTime: { zh: '按时办结率', en: 'On-time rate' },
      }),
  },
];
