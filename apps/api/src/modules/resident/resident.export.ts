import { GENDER_LABELS, RESIDENT_TAG_LABELS, type ResidentTag } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { chinaDateTime, defineExport, labelOf, placeColumns } from '../../common/export';
import type { ExportColumn, Placed } from '../../common/export';
import type { Household, Resident } from './resident.types';

/** The tags of a resident or household, by their labels: 老年人、低保. */
function tagsColumn<T extends { tags: ResidentTag[] }>(): ExportColumn<T> {
  return {
    label: { zh: '标签', en: 'Tags' },
    value: (r, l) => r.tags.map((t) => labelOf(RESIDENT_TAG_LABELS, t, l)).join('、'),
    width: 16,
  };
}

type ResidentRow = Placed<Resident & { birthDate?: string }>;

/**
 * The resident list (居民): ID numbers and phones masked as the list shows them; with a purpose, by a caller who
 * may reveal, in clear with the birth date (at most MAX_REVEALED_EXPORT_ROWS rows, audited with the purpose).
 */
export const residentExport = defineExport<ResidentRow>({
  list: 'residents',
  title: { zh: '居民', en: 'Residents' },
  entityType: 'Resident',
  reveal: { action: 'resident:reveal', fields: ['idNumber', 'phone', 'birthDate'] },
  query: (ctx, { filter, orderBy, reveal }) => {
    // A lookup by ID number is one audited, throttled act of the list, not a file.
    if (filter?.idNumber != null)
      throw AppError.badInput('An export does not look up ID numbers; use the list.', 'filter.idNumber');
    return ctx.services.residents.listQuery(ctx, filter, orderBy, reveal);
  },
  placed: true,
  prepare: async (ctx, rows, reveal) => (reveal ? ctx.services.residents.unmasked(rows) : rows),
  columns: [
    { label: { zh: '姓名', en: 'Name' }, value: (r) => r.name, width: 10 },
    { label: { zh: '性别', en: 'Gender' }, value: (r, l) => labelOf(GENDER_LABELS, r.gender, l), width: 6 },
    { label: { zh: '出生', en: 'Born' }, value: (r) => r.birthDate ?? r.birthYear, width: 11 },
    { label: { zh: '年龄', en: 'Age' }, value: (r) => r.age, width: 6 },
    { label: { zh: '身份证号', en: 'ID number' }, value: (r) => r.idNumber, width: 20 },
    { label: { zh: '联系电话', en: 'Phone' }, value: (r) => r.phone, width: 14 },
    tagsColumn<ResidentRow>(),
    ...placeColumns<ResidentRow>(),
    { label: { zh: '登记时间', en: 'Registered' }, value: (r) => chinaDateTime(r.createdAt), width: 17 },
  ],
});

/** The household list (住户): address, tags and place. */
export const householdExport = defineExport<Placed<Household>>({
  list: 'households',
  title: { zh: '住户', en: 'Households' },
  entityType: 'Household',
  query: (ctx, { filter }) => ctx.services.households.listQuery(ctx, filter),
  placed: true,
  columns: [
    { label: { zh: '住址', en: 'Address' }, value: (h) => h.address, width: 30 },
    tagsColumn<Placed<Household>>(),
    ...placeColumns<Placed<Household>>(),
    { label: { zh: '登记时间', en: 'Registered' }, value: (h) => chinaDateTime(h.createdAt), width: 17 },
  ],
});
