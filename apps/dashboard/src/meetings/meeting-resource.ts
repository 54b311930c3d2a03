import { nodeResource } from '../graphql-resource';
import { REGION_REF } from '../common/region-ref';
import { asIs, filterMapper } from '../filter-mapper';
import { nameList, trimmed } from '../write-input';

const ROW = `id heldOn attendees notes organization { id name regionCode region { ${REGION_REF} } }`;

export const toMeetingFilter = filterMapper('coordinationMeetings', {
  regionCode: asIs,
  organizationId: asIs,
  heldFrom: asIs,
  heldTo: asIs,
});

/** The departments that attended, and a decision per case studied (each also goes on its case's timeline). */
export function toRecordMeetingInput(data: Record<string, unknown>) {
  const decisions = (Array.isArray(data.decisions) ? data.decisions : [])
    .map((d: Record<string, unknown>) => ({
      caseId: String(d?.caseId ?? ''),
      decision: trimmed(d?.decision),
    }))
    .filter((d) => d.caseId && d.decision);
  return {
    organizationId: String(data.organizationId),
    heldOn: String(data.heldOn),
    attendees: nameList(data.attendees),
    notes: trimmed(data.notes),
    decisions,
  };
}

// Newest first, the API's only order.
export const meetingResource = nodeResource('CoordinationMeeting', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} createdAt
    decisions { caseId decision disputeCase { id number title state } }`,
  toFilter: toMeetingFilter,
  create: { field: 'recordCoordinationMeeting', toInput: toRecordMeetingInput },
});
