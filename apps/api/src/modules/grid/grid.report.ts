import { coverageRate, onTimeRate } from '@qiangji/domain';
import {
  countFigure,
  overdueCount,
  rateFigure,
  rollupCounts,
  runningCount,
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
      // The first day of the month that a run lies on while its unit was valid.
      const first = `greatest(g.gap_from, g.valid_from, ${p.param(scope.from, 'date')})`;
      return [
        rollupCounts(p, EVENTS, scope),
        runningCount(p, EVENTS.running, scope),
        rollupCounts(p, COVERAGE, scope),
        `(SELECT jsonb_build_object('gapUnits', count(DISTINCT g.region_code)) FROM grid_unit_gap g
          WHERE g.region_path <@ ${p.param(scope.path, 'ltree')} AND g.gap_from <= ${p.param(scope.to, 'date')}
            AND ${first} <= least(g.gap_to, ${p.param(scope.to, 'date')}) AND ${first} < g.valid_to)`,
      ].join(' || ');
    },
    figures: (c) => [
      countFigure('reported', { zh: '本月上报事件', en: 'Events reported' }, c.reported),
      countFigure('closed', { zh: '办结', en: 'Closed' }, c.closed),
      countFigure('closedOnTime', { zh: '按期办结', en: 'Closed on time' }, c.closed_on_time),
      rateFigure(
        'onTimeRate',
        { zh: '按期办结率', en: 'On-time rate' },
        onTimeRate(Number(c.closed_on_time), Number(c.closed)),
      ),
      countFigure('overdue', { zh: '超期未办结', en: 'Overdue' }, overdueCount(c, EVENTS.running)),
      countFigure('gapUnits', { zh: '有漏报日的网格', en: 'Grid units with unreported days' }, c.gapUnits),
      rateFigure(
        'coverageRate',
        { zh: '网格日报覆盖率', en: 'Daily report coverage' },
        coverageRate(Number(c.covered), Number(c.unit_days)),
      ),
    ],
  },
];
