import { onTimeRate } from '@qiangji/domain';
import {
  countFigure,
  overdueCount,
  rateFigure,
  rollupCounts,
  runningCount,
  type ReportSection,
} from '../../common/report-section';
import { APPLICATIONS } from './service-kpis';

/** Public services' part of the monthly report: the month's applications (serviceStats' cohort, the tiles' rollup). */
export const SERVICE_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'services',
    title: { zh: '社区公共服务', en: 'Public services' },
    action: 'service:read',
    counts: (p, scope) =>
      `${rollupCounts(p, APPLICATIONS, scope)} || ${runningCount(p, APPLICATIONS.running, scope)}`,
    figures: (c) => [
      countFigure('submitted', { zh: '本月受理申请', en: 'Applications submitted' }, c.submitted),
      countFigure('completed', { zh: '办结', en: 'Completed' }, c.completed),
      countFigure('completedOnTime', { zh: '按时办结', en: 'Completed on time' }, c.completed_on_time),
      rateFigure(
        'onTimeRate',
        { zh: '按时办结率', en: 'On-time rate' },
        onTimeRate(Number(c.completed_on_time), Number(c.completed)),
      ),
      countFigure('overdue', { zh: '超期未办结', en: 'Overdue' }, overdueCount(c, APPLICATIONS.running)),
    ],
  },
];
