import { RESIDENT_TAG_LABELS, RESIDENT_TAGS } from '@qiangji/domain';
import { countFigure, rollupCounts, type ReportSection } from '../../common/report-section';

/** `registry_rollup`: households and residents by the month registered, and the residents of each tag (a column). */
const REGISTRY = {
  rollup: 'registry_rollup',
  measures: ['households', 'residents', ...RESIDENT_TAGS.map((tag) => tag.toLowerCase())],
};

/**
 * The registry's part of the monthly report: households and residents registered in the subtree by the month's
 * end (where they live now: every month through it), those registered during the month, and the residents of each
 * tag, from the region's rollup rows.
 */
export const RESIDENT_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'residents',
    title: { zh: '实有人口登记', en: 'Resident registry' },
    counts: (p, scope) => rollupCounts(p, REGISTRY, scope, { history: true }),
    figures: (c) => [
      countFigure('households', { zh: '登记户数', en: 'Households' }, c.householdsThrough),
      countFigure('residents', { zh: '登记居民', en: 'Residents' }, c.residentsThrough),
      countFigure('newResidents', { zh: '本月新登记居民', en: 'Registered this month' }, c.residents),
      ...RESIDENT_TAGS.map((tag) =>
        countFigure(tag, RESIDENT_TAG_LABELS[tag], c[`${tag.toLowerCase()}Through`]),
      ),
    ],
  },
];
