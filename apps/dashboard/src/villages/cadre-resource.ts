import type { GraphqlResource } from '../data-provider';
import { asIs, filterMapper } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';

const ROW = `id name phone regionCode hasAccount workUnit { id name }
  activePosting { id role startsOn village { ${REGION_REF} } }`;

export const stationedCadreResource: GraphqlResource = {
  typeName: 'StationedCadre',
  listField: 'stationedCadres',
  one: { field: 'stationedCadre', argument: 'id', type: 'ID!' },
  filterType: 'StationedCadreFilter',
  // By name, the API's only order.
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} postings { id role state startsOn endsOn handoverNote village { ${REGION_REF} }
    visits(first: 0) { totalCount } openAssistance { id type state description household { address } } }`,
  toFilter: filterMapper('stationedCadres', { regionCode: asIs, workUnitId: asIs, q: asIs }),
};
