import { asIs, asList, filterMapper, whenTrue } from '../filter-mapper';
import { nodeResource } from '../graphql-resource';
import { REGION_REF } from '../common/region-ref';
import { optionalText, trimmed } from '../write-input';

const ROW = `id number category urgency state deadlineStatus dueAt reportedAt regionCode reporterName version
    region { ${REGION_REF} }`;

export const toGridEventFilter = filterMapper('gridEvents', {
  q: asIs,
  regionCode: asIs,
  state: asList,
  category: asList,
  urgency: asList,
  overdue: whenTrue,
  atRisk: whenTrue,
  reportedFrom: asIs,
  reportedTo: asIs,
});

/** Photo references typed one a line (or separated by spaces and commas). */
export function photoRefs(value: unknown): string[] {
  return trimmed(value)
    .split(/[\s,，]+/)
    .filter(Boolean);
}

/** The report form → ReportGridEventInput: the phone's position when it gave one, blanks left out. */
export function toReportGridEventInput(data: Record<string, unknown>) {
  const lat = data.lat === '' || data.lat == null ? null : Number(data.lat);
  const lng = data.lng === '' || data.lng == null ? null : Number(data.lng);
  return {
    ...optionalText('idempotencyKey', data.idempotencyKey),
    category: String(data.category),
    urgency: String(data.urgency ?? 'NORMAL'),
    regionCode: String(data.regionCode),
    description: trimmed(data.description),
    photoRefs: photoRefs(data.photoRefs),
    ...optionalText('address', data.address),
    ...(lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : {}),
  };
}

/** The API's mutations of the event's steps (grid-event-commands.tsx says which step each takes). */
const GRID_EVENT_MUTATIONS = [
  'fileGridEvent',
  'rejectGridEvent',
  'dispatchGridEvent',
  'startGridEventDisposal',
  'disposeGridEvent',
  'verifyGridEvent',
  'sendBackGridEvent',
  'closeGridEvent',
  'evaluateGridEvent',
  'referGridEventToMediation',
] as const;
export type GridEventMutation = (typeof GRID_EVENT_MUTATIONS)[number];

const LOOP_FIGURES = `query GridLoopFigures($regionCode: String, $from: Date!, $to: Date!) {
  result: gridLoopFigures(regionCode: $regionCode, from: $from, to: $to) { reported closed closedOnTime open overdue onTimeRate }
}`;

const UNIT = `query GridUnit($code: String!) {
  result: gridUnit(code: $code) {
    code name validFrom validTo boundary
    region { ${REGION_REF} parent { ${REGION_REF} } }
    workers { id workerName validFrom validTo }
    households(first: 1) { totalCount }
    residentTags { tag residents }
    openEvents(first: 20) { totalCount edges { node { ${ROW} } } }
    zeroReports { id day reporterName }
  }
}`;

const REPORT_NOTHING = `mutation ReportNothing($input: ReportNothingInput!) {
  result: reportNothing(input: $input) { id day reporterName }
}`;

const COVERAGE = `query GridCoverage($regionCode: String, $from: Date!, $to: Date!) {
  result: gridCoverage(regionCode: $regionCode, from: $from, to: $to) {
    gridUnits unitDays coveredUnitDays coverageRate gapUnits
  }
}`;

const GAPS = `query GridCoverageGaps($regionCode: String, $from: Date!, $to: Date!) {
  result: gridCoverageGaps(regionCode: $regionCode, from: $from, to: $to, first: 20) {
    totalCount edges { node { regionCode missingDays unitDays region { ${REGION_REF} } } }
  }
}`;

const HINTS = `query GridEventDuplicateHints($input: DuplicateHintsInput!) {
  result: gridEventDuplicateHints(input: $input) { id number state reportedAt description }
}`;

export const gridEventResource = nodeResource('GridEvent', {
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} source lat lng address description photoRefs rejection duplicateOfId assigneeKind assignee
    dispatchedAt atRiskAt disposalResult disposedAt verifiedAt closedAt satisfaction evaluationComment createdAt updatedAt
    availableCommands
    duplicateHints { id number state reportedAt }
    duplicateOf { id number }
    disputeCase { id number state }
    timeline { id at command fromState toState actorName details { note reason assignee dueAt result satisfaction comment disputeCaseNumber } }`,
  sortFields: { reportedAt: 'REPORTED_AT', dueAt: 'DUE_AT' },
  toFilter: toGridEventFilter,
  create: { field: 'reportGridEvent', toInput: toReportGridEventInput },
  steps: GRID_EVENT_MUTATIONS,
  commands: {
    loopFigures: LOOP_FIGURES,
    unit: UNIT,
    reportNothing: REPORT_NOTHING,
    coverage: COVERAGE,
    gaps: GAPS,
    hints: HINTS,
  },
});
