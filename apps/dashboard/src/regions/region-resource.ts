import type { GraphqlResource } from '../data-provider';

const FILTER_FIELDS = new Set(['codes', 'parentCode', 'withinCode', 'level', 'nameContains']);

/** The list's inputs give strings (a blank one means "no filter") and one level; the API takes level lists. */
export function toRegionFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const unknown = Object.keys(filter).filter((key) => !FILTER_FIELDS.has(key));
  // An unmapped filter would silently widen the result, which the API conventions forbid.
  if (unknown.length > 0) throw new Error(`Unsupported regions filter: ${unknown.join(', ')}.`);
  const result: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(filter)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    result[key] = key === 'level' && !Array.isArray(value) ? [value] : value;
  }
  return result;
}

export const regionResource: GraphqlResource = {
  typeName: 'Region',
  listField: 'regions',
  oneField: 'region',
  oneArgument: { name: 'code', type: 'String!' },
  filterType: 'RegionFilter',
  orderByType: 'RegionOrderBy',
  idsFilterField: 'codes',
  listFields: 'id code name level parentCode',
  detailFields: `id code name level parentCode urbanRuralCode population households validFrom validTo
    ancestors { id code name level }
    descendantCounts { level count }`,
  sortFields: { code: 'CODE', name: 'NAME' },
  toFilter: toRegionFilter,
};
