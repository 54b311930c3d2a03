import { countFigure, rateFigure, type ReportSection } from '../../common/report-section';

/** Public security's part of the monthly report: the month's reported cases against the same month a year before. */
export const SECURITY_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'security',
    title: { zh: '公共安全', en: 'Public security' },
    figures: async (ctx, scope) => {
      const r = await ctx.services.securityStatistics.reportedCases(
        ctx,
        scope.regionCode,
        scope.month,
        scope.month,
      );
      return [
        countFigure('reportedCases', { zh: '本月发案', en: 'Reported cases' }, r.cases),
        countFigure('previousCases', { zh: '去年同月', en: 'Same month last year' }, r.previousCases),
        rateFigure('change', { zh: '同比增减', en: 'Year on year' }, r.change),
      ];
    },
  },
];
