import { countFigure, rateFigure, type ReportSection } from '../../common/report-section';

/** Grid management's part of the monthly report: the month's events round the loop and the units' coverage. */
export const GRID_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'grid',
    title: { zh: '网格化管理', en: 'Grid management' },
    figures: async (ctx, scope) => {
      const [loop, coverage] = await Promise.all([
        ctx.services.gridEvents.loopFigures(ctx, scope.regionCode, scope.from, scope.to),
        ctx.services.gridUnits.coverage(ctx, scope.regionCode, scope.from, scope.to),
      ]);
      return [
        countFigure('reported', { zh: '本月上报事件', en: 'Events reported' }, loop.reported),
        countFigure('closed', { zh: '办结', en: 'Closed' }, loop.closed),
        countFigure('closedOnTime', { zh: '按期办结', en: 'Closed on time' }, loop.closedOnTime),
        rateFigure('onTimeRate', { zh: '按期办结率', en: 'On-time rate' }, loop.onTimeRate),
        countFigure('overdue', { zh: '超期未办结', en: 'Overdue' }, loop.overdue),
        countFigure(
          'gapUnits',
          { zh: '有漏报日的网格', en: 'Grid units with unreported days' },
          coverage.gapUnits,
        ),
        rateFigure(
          'coverageRate',
          { zh: '网格日报覆盖率', en: 'Daily report coverage' },
          coverage.coverageRate,
        ),
      ];
    },
  },
];
