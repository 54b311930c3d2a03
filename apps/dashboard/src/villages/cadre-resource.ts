import { nodeResource } from '../graphql-resource';
import { asIs, filterMapper } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';
import { optionalText, trimmed } from '../write-input';

const ROW = `id name phone regionCode hasAccount workUnit { id name }
  activePosting { id role startsOn village { ${REGION_REF} } }`;

/** The filters of a cadre's work on households (visits, assistance): the place, the household, the cadre. */
export const CADRE_WORK_FILTERS = { regionCode: asIs, householdId: asIs, cadreId: asIs };

export const stationedCadreResource = nodeResource('StationedCadre', {
  // By name, the API's only order.
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} householdsCovered visitsByMonth { month visits householdsVisited } postings { id role state startsOn endsOn handoverNote village { ${REGION_REF} }
    visits(first: 0) { totalCount } openAssistance { id type state description household { address } } }`,
  // The period's days of the command view's alert of cadres below their visit target.
  toFilter: filterMapper('stationedCadres', {
    regionCode: asIs,
    workUnitId: asIs,
    q: asIs,
    belowVisitTargetFrom: asIs,
    belowVisitTargetTo: asIs,
  }),
  create: {
    field: 'registerStationedCadre',
    toInput: (d) => ({
      name: trimmed(d.name),
      ...optionalText('phone', d.phone),
      workUnitId: String(d.workUnitId),
      regionCode: String(d.regionCode),
      idempotencyKey: String(d.idempotencyKey),
    }),
  },
});
