import { cadreVisitTarget, onScheduleVisitRate, poorVisitMonthsDue } from '@qiangji/domain';
import { countFigure, rateFigure, rollupCounts, type ReportSection } from '../../common/report-section';
import { belowTargetSql } from './visit.sql';

const VISITS = { rollup: 'visit_rollup', measures: ['visits'] };
/** Household-months with a visit: in one month, the households visited. */
const HOUSEHOLDS_VISITED = {
  rollup: 'household_visit_rollup',
  measures: ['households_visited', 'poor_visited'],
};

/**
 * Villages and stationed cadres' part of the monthly report: the month's visits (cadreStats' figures) from the
 * command view's rollups: visits, households visited and poor household-months visited by region and month, the
 * poor households by region, the cadres below target from their visits by month; the cadres posted are the
 * subtree's postings of the month (a row per posting, not per visit).
 */
export const VILLAGE_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'villages',
    title: { zh: '单位包村、干部驻村', en: 'Villages and stationed cadres' },
    action: 'village:read',
    counts: (p, scope) => {
      const { from, to } = scope;
      const path = p.param(scope.path, 'ltree');
      const below = belowTargetSql(p, scope.path, from, to, cadreVisitTarget(from, to), scope.regionCode);
      return [
        rollupCounts(p, VISITS, scope),
        rollupCounts(p, HOUSEHOLDS_VISITED, scope),
        `(SELECT jsonb_build_object('poorHouseholds', coalesce(sum(h.households), 0)) FROM household_rollup h
          WHERE h.region_code = ${p.param(scope.regionCode)} AND h.poor)`,
        `(SELECT jsonb_build_object('activeCadres', count(DISTINCT k.cadre_id)) FROM posting k
          WHERE k.region_path <@ ${path} AND k.starts_on <= ${p.param(to, 'date')}
            AND (k.ends_on IS NULL OR k.ends_on >= ${p.param(from, 'date')}))`,
        `(SELECT jsonb_build_object('cadresBelowTarget', count(*)) FROM (${below}) b)`,
      ].join(' || ');
    },
    figures: (c, scope) => [
      countFigure('activeCadres', { zh: '在岗驻村干部', en: 'Cadres posted' }, c.activeCadres),
      countFigure('visits', { zh: '本月走访', en: 'Visits' }, c.visits),
      countFigure('householdsVisited', { zh: '走访农户', en: 'Households visited' }, c.households_visited),
      rateFigure(
        'onScheduleRate',
        { zh: '贫困户按期走访率', en: 'Poor households visited on schedule' },
        onScheduleVisitRate(
          Number(c.poor_visited),
          poorVisitMonthsDue(Number(c.poorHouseholds), scope.from, scope.to),
        ),
      ),
      countFigure(
        'cadresBelowTarget',
        { zh: '走访未达标干部', en: 'Cadres below their visit target' },
        c.cadresBelowTarget,
      ),
    ],
  },
];
