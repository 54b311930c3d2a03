import { coverageRate } from '@qiangji/domain';
import {
  countFigure,
  deadlineCounts,
  deadlineFigures,
  rateFigure,
  rollupCounts,
  type ReportSection,
} from '../../common/report-section';
import { EVENTS } from './grid-kpis';

/** The unit-days of the month to cover and those covered (the coverage tile's source). */
const COVERAGE = { rollup: 'grid_coverage_figures', measures: ['unit_days', 'covered'] };

/**
 * Grid management's part of the monthly report: the month's events round the loop (loopFigures' cohort, the tiles'
 * rollup and overdue) and the units' coverage: the unit-days from the coverage rollup, and the units with a day
 * uncovered from each unit's runs of days without reports (`grid_unit_gap`: a row per run, not per day).
 */
export const GRID_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'grid',
    title: { zh: '网格化管理', en: 'Grid management' },
    action: 'grid:read',
    counts: (p, scope) => {
      const to = p.param(scope.to, 'date');
      // The first day of the month that a run lies on while its unit was valid.
      const first = `greatest(g.gap_from, g.valid_from, ${p.param(scope.from, 'date')})`;
      return `${deadlineCounts(p, EVENTS, scope)} || ${rollupCounts(p, COVERAGE, scope)} ||
        (SELECT jsonb_build_object('gapUnits', count(DISTINCT g.region_code)) FROM grid_unit_gap g
         WHERE g.region_path <@ ${p.param(scope.path, 'ltree')} AND g.gap_from <= ${to}
           AND ${first} <= least(g.gap_to, ${to}) AND ${first} < g.valid_to)`;
    },
    figures: (c) => [
      ...deadlineFigures(c, EVENTS, {
        cohort: ['reported', { zh: '本月上报事件', en: 'Events reported' }],
        finished: ['closed', { zh: '办结', en: 'Closed' }],
        inTime: ['closed_on_time', { zh: '按期办结', en: 'Closed on time' }],
        onTime: { zh: '按期办结率', en: 'On-time rate' },
      }),
      countFigure('gapUnits', { zh: '有漏报日的网格', en: 'Grid units with unreported days' }, c.gapUnits),
      rateFigure(
        'coverageRate',
        { zh: '网格日报覆盖率', en: 'Daily report coverage' },
        coverageRate(Number(c.covered), Number(c.unit_days)),
      ),
    ],
  },
];
