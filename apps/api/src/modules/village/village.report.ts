import { countFigure, rateFigure, type ReportSection } from '../../common/report-section';

/** Villages and stationed cadres' part of the monthly report: the month's visits (cadreStats). */
export const VILLAGE_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'villages',
    title: { zh: '单位包村、干部驻村', en: 'Villages and stationed cadres' },
    figures: async (ctx, scope) => {
      const c = await ctx.services.villageStats.cadreStats(ctx, scope.regionCode, scope.from, scope.to);
      return [
        countFigure('activeCadres', { zh: '在岗驻村干部', en: 'Cadres posted' }, c.activeCadres),
        countFigure('visits', { zh: '本月走访', en: 'Visits' }, c.visits),
        countFigure('householdsVisited', { zh: '走访农户', en: 'Households visited' }, c.householdsVisited),
        rateFigure(
          'onScheduleRate',
          { zh: '贫困户按期走访率', en: 'Poor households visited on schedule' },
          c.onScheduleRate,
        ),
        countFigure(
          'cadresBelowTarget',
          { zh: '走访未达标干部', en: 'Cadres below their visit target' },
          c.cadresBelowTarget,
        ),
      ];
    },
  },
];
