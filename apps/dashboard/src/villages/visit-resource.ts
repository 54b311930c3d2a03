import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper, whenTrue } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';
import { CADRE_WORK_FILTERS } from './cadre-resource';
import { VILLAGE_WRITES } from './village-writes';

const ROW = `id visitedOn purpose findings followUpNeeded cadreName regionCode disputeCaseId version
  region { ${REGION_REF} } household { id address }`;

export const toVisitFilter = filterMapper('visits', {
  ...CADRE_WORK_FILTERS,
  purpose: asList,
  followUpNeeded: whenTrue,
  visitedFrom: asIs,
  visitedTo: asIs,
});

/** The phone form's values → logVisit's input; the queue adds the idempotencyKey it keeps for every retry. */
export function toLogVisitInput(data: Record<string, unknown>) {
  return {
    householdId: String(data.householdId),
    visitedOn: String(data.visitedOn),
    purpose: String(data.purpose),
    findings: String(data.findings ?? '').trim(),
    followUpNeeded: Boolean(data.followUpNeeded),
    ...(data.location ? { location: data.location } : {}),
    ...(data.idempotencyKey ? { idempotencyKey: String(data.idempotencyKey) } : {}),
  };
}

const FIGURES = `activeCadres villagesCovered visits households householdsVisited visitCoverage
  householdsNeverVisited poorHouseholds poorVisitedOnSchedule onScheduleRate assistanceDone disputesReported
  disputesResolved`;

export const visitResource = nodeResource('Visit', {
  // Newest visit first, the API's only order.
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} createdAt location { lat lng } posting { id role cadreName }
    disputeCase { id number state title }`,
  toFilter: toVisitFilter,
  create: { field: 'logVisit', toInput: toLogVisitInput },
  commands: {
    ...VILLAGE_WRITES,
    village: `query Village($code: String!) { result: village(code: $code) { code adoptsModel
      region { ${REGION_REF} }
      indicators { year households population cultivatedLandMu poorHouseholds perCapitaNetIncome collectiveAssets
        collectiveDebts netAssets householdsInOrganizations }
      organizations { id kind name foundedOn dissolvedOn memberCount }
      safetyRecords { year publicOrderCases criminalCases }
      postings { id cadreName role state version startsOn endsOn handoverNote } } }`,
    visitsDue: `query VisitsDue($first: Int) { result: visitsDue(first: $first) { totalCount
      edges { node { id poor lastVisitedOn household { address } } } } }`,
    years: `query VisitYears($regionCode: String) { result: visitYears(regionCode: $regionCode) }`,
    cadreStats: `query CadreStats($regionCode: String!, $from: Date!, $to: Date!) {
      result: cadreStats(regionCode: $regionCode, from: $from, to: $to) { regionCode from to region { ${REGION_REF} }
        ${FIGURES} cadresBelowTarget income { fromYear toYear start end growth }
        byChildRegion { regionCode region { ${REGION_REF} } ${FIGURES} income { growth } }
        byWorkUnit { workUnitId workUnit { id name } activeCadres villagesCovered visits householdsVisited assistanceDone }
        byMonth { month visits householdsVisited assistanceDone } } }`,
    villageStats: `query VillageStats($regionCode: String!, $year: Int!) {
      result: villageStats(regionCode: $regionCode, year: $year) { villages adoptingVillages promotionRate
        noPublicOrderCaseVillages noCriminalCaseVillages perCapitaIncome incomeChange netAssets } }`,
  },
});
