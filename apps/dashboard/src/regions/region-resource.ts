import type { GraphqlResource } from '../data-provider';
import { REGION_REF } from '../common/region-ref';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { REPORT_OPERATIONS } from '../reports/report-operations';

/** The list's inputs give strings (a blank one means "no filter") and one level; the API takes level lists. */
export const toRegionFilter = filterMapper('regions', {
  codes: asIs,
  parentCode: asIs,
  withinCode: asIs,
  level: asList,
  nameContains: asIs,
});

export const regionResource: GraphqlResource = {
  typeName: 'Region',
  listField: 'regions',
  one: { field: 'region', argument: 'code', type: 'String!' },
  filterType: 'RegionFilter',
  orderByType: 'RegionOrderBy',
  idsFilterField: 'codes',
  listFields: `id code name qualifiedName level parentCode parent { ${REGION_REF} }`,
  detailFields: `id code name qualifiedName level parentCode parent { ${REGION_REF} } urbanRuralCode population households validFrom validTo
    ancestors { id code name level }
    descendantCounts { level count }`,
  sortFields: { code: 'CODE', name: 'NAME' },
  toFilter: toRegionFilter,
  // The monthly report page's reads and steps (a report is per region and month, not a list of its own).
  commands: REPORT_OPERATIONS,
};
