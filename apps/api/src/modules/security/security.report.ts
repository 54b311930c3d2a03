import { yearOnYearChange } from '@qiangji/domain';
import {
  countFigure,
  monthKey,
  rateFigure,
  rollupCounts,
  type ReportSection,
} from '../../common/report-section';

/** Reported cases (criminal and public order) by month: the reported-cases tile's rollup. */
const CASES = { rollup: 'security_case_rollup', measures: ['reported'] };

/** Public security's part of the monthly report: the month's reported cases against the same month a year before. */
export const SECURITY_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'security',
    title: { zh: '公共安全', en: 'Public security' },
    action: 'security:read',
    counts: (p, scope) =>
      `${rollupCounts(p, CASES, scope)} ||
      ${rollupCounts(p, CASES, scope, { month: monthKey(scope.month, 1), prefix: 'previous_' })}`,
    figures: (c) => [
      countFigure('reportedCases', { zh: '本月发案', en: 'Reported cases' }, c.reported),
      countFigure('previousCases', { zh: '去年同月', en: 'Same month last year' }, c.previous_reported),
      rateFigure(
        'change',
        { zh: '同比增减', en: 'Year on year' },
        yearOnYearChange(Number(c.reported), Number(c.previous_reported)),
      ),
    ],
  },
];
