import { asIs, filterMapper } from '../filter-mapper';
import { nodeResource } from '../graphql-resource';
import { REGION_REF } from '../common/region-ref';

/** The list's filter: as the command view's alert "grid units without reports" gives it, and the inputs' own. */
export const toGridUnitFilter = filterMapper('gridUnits', {
  q: asIs,
  regionCode: asIs,
  unreportedFrom: asIs,
  unreportedTo: asIs,
});

/** A unit is keyed by its code (react-admin's id); its community is its region's parent. */
const ROW = `id: code code name hasBoundary lastReportedDay
  workers { id workerName validTo }
  region { ${REGION_REF} parent { ${REGION_REF} } }`;

/** 网格: the grid units valid today; a row opens the unit's page (`/grid-units?code=`), with its boundary map. */
export const gridUnitResource = nodeResource('GridUnit', {
  key: { argument: 'code', type: 'String!' },
  listFields: ROW,
  exportable: true,
  toFilter: toGridUnitFilter,
});
