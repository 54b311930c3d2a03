import { REGION_LEVEL_LABELS } from '@qiangji/domain';
import { defineExport, labelOf } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { RegionRow } from './region.types';

type RegionExportRow = RegionRow & { qualifiedName: string | null; parent: string | null };

/** A batch of regions with the names officials tell apart, theirs and their parents' (from the tree in memory). */
async function withQualifiedNames(ctx: RequestContext, rows: RegionRow[]): Promise<RegionExportRow[]> {
  const names = await ctx.services.region.qualifiedNamesOf(ctx, [
    ...rows.map((r) => r.code),
    ...rows.map((r) => r.parentCode ?? ''),
  ]);
  return rows.map((r, i) => ({ ...r, qualifiedName: names[i], parent: names[rows.length + i] }));
}

/** 行政区划: the region list as it is filtered and ordered, the whole of it, not only the page shown. */
export const regionExport = defineExport<RegionExportRow>({
  list: 'regions',
  title: { zh: '行政区划', en: 'Regions' },
  entityType: 'Region',
  query: (ctx, { filter, orderBy }) => ctx.services.region.listQuery(ctx, filter, orderBy),
  prepare: withQualifiedNames,
  columns: [
    { label: { zh: '区划代码', en: 'Code' }, value: (r) => r.code, width: 16 },
    { label: { zh: '名称', en: 'Name' }, value: (r) => r.name, width: 16 },
    { label: { zh: '全称', en: 'Qualified name' }, value: (r) => r.qualifiedName, width: 30 },
    { label: { zh: '层级', en: 'Level' }, value: (r, l) => labelOf(REGION_LEVEL_LABELS, r.level, l) },
    { label: { zh: '上级代码', en: 'Parent code' }, value: (r) => r.parentCode, width: 16 },
    { label: { zh: '上级', en: 'Parent' }, value: (r) => r.parent, width: 30 },
  ],
});
