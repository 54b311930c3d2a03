import { nodeResource } from '../graphql-resource';
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

const ROW = `id code name qualifiedName level parentCode parent { ${REGION_REF} }`;

export const regionResource = nodeResource('Region', {
  key: { argument: 'code', type: 'String!' },
  idsFilterField: 'codes',
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} urbanRuralCode population households validFrom validTo
    ancestors { id code name level }
    descendantCounts { level count }`,
  sortFields: { code: 'CODE', name: 'NAME' },
  toFilter: toRegionFilter,
  // The monthly report page's reads and steps (a report is per region and month, not a list of its own).
  commands: REPORT_OPERATIONS,
});
