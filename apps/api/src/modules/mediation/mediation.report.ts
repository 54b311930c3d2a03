import { mediationRate, resolutionRate } from '@qiangji/domain';
import {
  countFigure,
  daysFigure,
  monthKey,
  overdueCount,
  rateFigure,
  rollupCounts,
  runningCount,
  type ReportSection,
} from '../../common/report-section';
import { DAY_AFTER, DAY_START } from '../../common/sql';
import { CASES, PETITIONS } from './mediation-kpis';
import { MEDIAN_DAYS_TO_CONCLUDE } from './mediation-stats.service';

/** The outcomes of the month's accepted cases that `dispute_case_rollup` does not count. */
const OUTCOMES = { rollup: 'dispute_outcome_rollup', measures: ['failed', 'withdrawn'] };

/**
 * Grand mediation's part of the monthly report: the month's cohort of accepted cases (mediationStats' figures,
 * the command view's rollups and its one definition of overdue), petitions and clinics. The median is the one
 * figure no sum gives: it reads the month's accepted cases themselves (their index on the day accepted).
 */
export const MEDIATION_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'mediation',
    title: { zh: '矛盾纠纷调解', en: 'Dispute mediation' },
    counts: (p, scope) => {
      const [from, to] = [p.param(scope.from), p.param(scope.to)];
      return [
        rollupCounts(p, CASES, scope),
        rollupCounts(p, OUTCOMES, scope),
        runningCount(p, CASES.running, scope),
        `(SELECT jsonb_build_object('medianDaysToConclude', ${MEDIAN_DAYS_TO_CONCLUDE}) FROM dispute_case c
          WHERE c.region_path <@ ${p.param(scope.path, 'ltree')}
            AND c.accepted_at >= ${DAY_START(from)} AND c.accepted_at < ${DAY_AFTER(to)})`,
      ].join(' || ');
    },
    figures: (c) => [
      countFigure('accepted', { zh: '本月受理纠纷', en: 'Disputes accepted' }, c.accepted),
      countFigure('mediated', { zh: '调解成功', en: 'Mediated' }, c.mediated),
      countFigure('failed', { zh: '调解不成', en: 'Not mediated' }, c.failed),
      countFigure('withdrawn', { zh: '撤回', en: 'Withdrawn' }, c.withdrawn),
      countFigure('open', { zh: '尚未办结', en: 'Still open' }, c.open),
      countFigure('overdue', { zh: '其中超期', en: 'Of them overdue' }, overdueCount(c, CASES.running)),
      rateFigure(
        'mediationRate',
        { zh: '调解成功率', en: 'Mediation rate' },
        mediationRate(Number(c.mediated), Number(c.accepted)),
      ),
      daysFigure(
        'medianDaysToConclude',
        { zh: '办结用时中位数（天）', en: 'Median days to conclude' },
        c.medianDaysToConclude,
      ),
    ],
  },
  {
    key: 'petitions',
    title: { zh: '信访积案化解', en: 'Petition backlog' },
    // The backlog of the month: registered by its end and not resolved before its start (the tile's formula).
    counts: (p, scope) =>
      `${rollupCounts(p, PETITIONS, scope, { history: true })} ||
      (SELECT jsonb_build_object('clinicPeopleServed', coalesce(sum(s.people_served), 0)) FROM legal_clinic_service s
       WHERE s.region_path <@ ${p.param(scope.path, 'ltree')} AND s.month = ${p.param(monthKey(scope.month), 'date')})`,
    figures: (c) => {
      const backlog = Number(c.registeredThrough) - Number(c.resolvedBefore);
      return [
        countFigure('backlog', { zh: '信访积案', en: 'Backlog cases' }, backlog),
        countFigure('resolved', { zh: '本月化解', en: 'Resolved this month' }, c.resolved),
        rateFigure(
          'resolutionRate',
          { zh: '积案化解率', en: 'Resolution rate' },
          resolutionRate(Number(c.resolved), backlog),
        ),
        countFigure(
          'clinicPeopleServed',
          { zh: '法律诊所服务人次', en: 'People served by legal clinics' },
          c.clinicPeopleServed,
        ),
      ];
    },
  },
];
