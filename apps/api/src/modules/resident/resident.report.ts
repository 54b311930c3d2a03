import { RESIDENT_TAG_LABELS, RESIDENT_TAGS } from '@qiangji/domain';
import { inScope } from '../../common/authz';
import { countFigure, type ReportSection } from '../../common/report-section';
import { DAY_AFTER, DAY_START } from '../../common/sql';

/**
 * The registry's part of the monthly report: households and residents registered in the subtree by the month's
 * end (where they live now), those registered during the month, and the residents of each tag. One statement.
 */
export const RESIDENT_REPORT_SECTIONS: ReportSection[] = [
  {
    key: 'residents',
    title: { zh: '实有人口登记', en: 'Resident registry' },
    figures: async (ctx, scope) => {
      const tags = RESIDENT_TAGS.map(
        (tag, i) => `count(*) FILTER (WHERE r.tags @> ARRAY[$${i + 4}]::text[])::int AS "${tag}"`,
      ).join(', ');
      const [row] = await inScope(ctx, (m) =>
        m.query(
          `SELECT count(*)::int AS residents,
             count(*) FILTER (WHERE r.created_at >= ${DAY_START('$2')})::int AS "newResidents",
             (SELECT count(*)::int FROM household h
              WHERE h.region_path <@ $1::ltree AND h.created_at < ${DAY_AFTER('$3')}) AS households,
             ${tags}
           FROM resident r WHERE r.region_path <@ $1::ltree AND r.created_at < ${DAY_AFTER('$3')}`,
          [scope.path, scope.from, scope.to, ...RESIDENT_TAGS],
        ),
      );
      return [
        countFigure('households', { zh: '登记户数', en: 'Households' }, row.households),
        countFigure('residents', { zh: '登记居民', en: 'Residents' }, row.residents),
        countFigure('newResidents', { zh: '本月新登记居民', en: 'Registered this month' }, row.newResidents),
        ...RESIDENT_TAGS.map((tag) => countFigure(tag, RESIDENT_TAG_LABELS[tag], row[tag])),
      ];
    },
  },
];
