import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper, whenTrue } from '../filter-mapper';
import { MEDIATION_STATS, MEDIATION_YEARS } from '../mediation/mediation-stats';
import { optionalText, trimmed, yes } from '../write-input';
import { REGION_REF } from '../common/region-ref';

interface DisputePartyInput {
  role: string;
  name?: string;
  contact?: string;
}

const ROW = `id number title type state risk deadlineStatus dueAt receivedAt regionCode version
    region { ${REGION_REF} }`;
const ORGANIZATION = 'id name kind regionCode';

/** Every kind of timeline details, each named by its `__typename` for CaseTimeline. */
const EVENT_DETAILS = `__typename
  ... on RegistrationDetails { channel risk riskReasons notifiedOrganizationId notifiedOrganizationName }
  ... on NoteDetails { note }
  ... on ReasonDetails { reason }
  ... on MediatorAssignmentDetails { mediatorId mediatorName }
  ... on SessionDetails { date place participants notes }
  ... on AgreementDetails { agreement { terms signatories signedOn courtConfirmed } }
  ... on FailureDetails { referral reason }
  ... on FollowUpDetails { date honoured notes }
  ... on EscalationDetails { fromOrganizationId toOrganizationId toOrganizationName reason }
  ... on CoordinationDecisionDetails { meetingId decision }`;

export const toDisputeCaseFilter = filterMapper('disputeCases', {
  q: asIs,
  regionCode: asIs,
  type: asList,
  state: asList,
  risk: asList,
  channel: asList,
  overdue: whenTrue,
  atRisk: whenTrue,
  acceptedFrom: asIs,
  acceptedTo: asIs,
  receivedFrom: asIs,
  receivedTo: asIs,
  regionOnly: whenTrue,
  // The command view's recurring-dispute alert: the cases of one resident (no input of its own).
  partyResidentId: asIs,
  // getManyReference targets: an organisation's or a mediator's cases.
  organizationId: asIs,
  mediatorId: asIs,
});

/** The intake form → RegisterDisputeCaseInput: blanks left out, counts as numbers, parties without blank rows. */
export function toRegisterDisputeCaseInput(data: Record<string, unknown>) {
  const parties = (Array.isArray(data.parties) ? data.parties : [])
    .map((party: Record<string, unknown>): DisputePartyInput => ({
      role: String(party?.role ?? 'OTHER'),
      ...optionalText('name', party?.name),
      ...optionalText('contact', party?.contact),
    }))
    .filter((party) => party.name);
  const amount = trimmed(data.amountAtStake).replace(/[,，\s]/g, '');
  return {
    ...optionalText('idempotencyKey', data.idempotencyKey),
    channel: String(data.channel),
    type: String(data.type),
    title: trimmed(data.title),
    description: trimmed(data.description),
    regionCode: String(data.regionCode),
    ...optionalText('organizationId', data.organizationId),
    parties,
    peopleInvolved: Number(data.peopleInvolved ?? 0),
    householdsInvolved: Number(data.householdsInvolved ?? 0),
    threats: yes(data.threats),
    ...(amount ? { amountAtStake: amount } : {}),
    ...(data.receivedAt ? { receivedAt: new Date(String(data.receivedAt)).toISOString() } : {}),
  };
}

/** The API's mutations of the case's steps (dispute-case-commands.tsx says which step each takes). */
const DISPUTE_CASE_MUTATIONS = [
  'acceptDisputeCase',
  'declineDisputeCase',
  'assignMediator',
  'recordSession',
  'concludeWithAgreement',
  'concludeWithoutAgreement',
  'withdrawDisputeCase',
  'escalateDisputeCase',
  'recordFollowUp',
  'closeDisputeCase',
] as const;
export type DisputeCaseMutation = (typeof DISPUTE_CASE_MUTATIONS)[number];

export const disputeCaseResource = nodeResource('DisputeCase', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} channel description amountAtStake peopleInvolved householdsInvolved threats riskReasons
    outcome declineReason referral honoured agreement { terms signatories signedOn courtConfirmed } acceptedAt concludedAt closedAt createdAt updatedAt
    organization { ${ORGANIZATION} }
    originOrganization { ${ORGANIZATION} }
    mediator { id name }
    parties { id role name contact resident { id } }
    timeline { id at command fromState toState actorName details { ${EVENT_DETAILS} } }
    availableCommands`,
  sortFields: { receivedAt: 'RECEIVED_AT', dueAt: 'DUE_AT' },
  toFilter: toDisputeCaseFilter,
  create: { field: 'registerDisputeCase', toInput: toRegisterDisputeCaseInput },
  steps: DISPUTE_CASE_MUTATIONS,
  commands: {
    // The overview page's figures: a read, but not a list or a record, so it runs as an operation of its own.
    stats: MEDIATION_STATS,
    years: MEDIATION_YEARS,
  },
});
