import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';
import { trimmed } from '../write-input';

const ROW = `id format title heldOn regionCode audience organiser version region { ${REGION_REF} }`;

export const toLegalEducationFilter = filterMapper('legalEducationEvents', {
  regionCode: asIs,
  format: asList,
  heldFrom: asIs,
  heldTo: asIs,
});

export function toRecordLegalEducationEventInput(data: Record<string, unknown>) {
  return {
    ...(data.idempotencyKey ? { idempotencyKey: String(data.idempotencyKey) } : {}),
    format: String(data.format),
    title: trimmed(data.title),
    heldOn: String(data.heldOn),
    regionCode: String(data.regionCode),
    audience: Number(data.audience ?? 0),
    organiser: trimmed(data.organiser),
  };
}

const STATS = `query SecurityStats($regionCode: String!, $from: String!, $to: String!) {
  result: securityStats(regionCode: $regionCode, from: $from, to: $to) {
    regionCode from to reportedCases previousReportedCases reportedCasesChange region { ${REGION_REF} }
    byCategory { category cases previousCases change }
    byMonth { month cases previousCases }
    byChildRegion { regionCode region { ${REGION_REF} } cases previousCases change rank }
    villages quietYears villagesWithoutPublicOrderCase villagesWithoutCriminalCase
  }
}`;

const YEARS = `query SecurityYears($regionCode: String) { result: securityYears(regionCode: $regionCode) }`;

const TREND = `query SatisfactionTrend($regionCode: String!) {
  result: satisfactionTrend(regionCode: $regionCode) { year satisfied previousSatisfied changePoints respondents }
}`;

const PREVENTION = `query PreventionFigures($regionCode: String!, $year: Int!) {
  result: preventionFigures(regionCode: $regionCode, year: $year) { indicator name year value regions }
}`;

/** Legal-education events (普法), and the public-security overview's reads, run as its commands. */
export const legalEducationResource = nodeResource('LegalEducationEvent', {
  key: false,
  listFields: ROW,
  exportable: true,
  detailFields: ROW,
  toFilter: toLegalEducationFilter,
  create: { field: 'recordLegalEducationEvent', toInput: toRecordLegalEducationEventInput },
  commands: { stats: STATS, years: YEARS, trend: TREND, prevention: PREVENTION },
});
