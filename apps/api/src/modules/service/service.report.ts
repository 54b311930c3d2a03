import { countFigure, rateFigure, type ReportSection } from '../../common/report-section';

/** Public services' part of the monthly report: the month's applications (serviceStats' cohort). */
export const SERVICE_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'services',
    title: { zh: '社区公共服务', en: 'Public services' },
    figures: async (ctx, scope) => {
      const s = await ctx.services.serviceStats.stats(ctx, scope.regionCode, scope.from, scope.to);
      return [
        countFigure('submitted', { zh: '本月受理申请', en: 'Applications submitted' }, s.submitted),
        countFigure('completed', { zh: '办结', en: 'Completed' }, s.completed),
        countFigure('completedOnTime', { zh: '按时办结', en: 'Completed on time' }, s.completedOnTime),
        rateFigure('onTimeRate', { zh: '按时办结率', en: 'On-time rate' }, s.onTimeRate),
        countFigure('overdue', { zh: '超期未办结', en: 'Overdue' }, s.overdue),
      ];
    },
  },
];
