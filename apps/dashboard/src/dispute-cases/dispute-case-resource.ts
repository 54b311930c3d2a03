import type { GraphqlResource } from '../data-provider';
import { asIs, asList, filterMapper, whenTrue } from '../filter-mapper';
import { MEDIATION_STATS } from '../mediation/mediation-stats';
import { nameList, optionalText, trimmed, yes } from '../write-input';

interface DisputePartyInput {
  role: string;
  name?: string;
  contact?: string;
}

const ROW = `id number title type state risk deadlineStatus dueAt receivedAt regionCode version
    region { code name }`;
const ORGANIZATION = 'id name kind regionCode';

/** Every kind of timeline details, flattened into one object per step for CaseTimeline. */
const EVENT_DETAILS = `
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

/** What each button of the case page runs: the data provider's command and its input, from the dialog's values. */
export interface CaseCommandCall {
  command: string;
  input: Record<string, unknown>;
}

type CommandValues = Record<string, unknown>;

/**
 * `availableCommands` names the domain's commands (GraphQL enum names); the API has one mutation per step, and one
 * concludeDisputeCase for the three ways mediation ends. Every input carries the version the page read.
 */
const COMMAND_INPUTS: Readonly<Record<string, (values: CommandValues) => CaseCommandCall>> = {
  ACCEPT: (v) => ({ command: 'accept', input: optionalText('note', v.note) }),
  DECLINE: (v) => ({ command: 'decline', input: { reason: trimmed(v.reason) } }),
  ASSIGN_MEDIATOR: (v) => ({ command: 'assignMediator', input: { mediatorId: String(v.mediatorId) } }),
  RECORD_SESSION: (v) => ({
    command: 'recordSession',
    input: {
      date: String(v.date),
      place: trimmed(v.place),
      participants: nameList(v.participants),
      ...optionalText('notes', v.notes),
    },
  }),
  CONCLUDE_WITH_AGREEMENT: (v) => ({
    command: 'conclude',
    input: {
      outcome: 'AGREEMENT_REACHED',
      agreement: {
        terms: trimmed(v.terms),
        signatories: nameList(v.signatories),
        signedOn: String(v.signedOn),
        courtConfirmed: yes(v.courtConfirmed),
      },
    },
  }),
  CONCLUDE_WITHOUT_AGREEMENT: (v) => ({
    command: 'conclude',
    input: { outcome: 'MEDIATION_FAILED', referral: String(v.referral), ...optionalText('reason', v.reason) },
  }),
  WITHDRAW: (v) => ({ command: 'conclude', input: { outcome: 'WITHDRAWN', reason: trimmed(v.reason) } }),
  ESCALATE: (v) => ({
    command: 'escalate',
    input: { organizationId: String(v.organizationId), reason: trimmed(v.reason) },
  }),
  RECORD_FOLLOW_UP: (v) => ({
    command: 'recordFollowUp',
    input: { date: String(v.date), honoured: yes(v.honoured), ...optionalText('notes', v.notes) },
  }),
  CLOSE: (v) => ({ command: 'close', input: optionalText('note', v.note) }),
};

/** The call for one button, with `{ id, expectedVersion }` of the case as read. */
export function toCaseCommand(
  name: string,
  values: CommandValues,
  record: { id: string; version: number },
): CaseCommandCall {
  const build = COMMAND_INPUTS[name];
  if (!build) throw new Error(`No dispute case command "${name}".`);
  const { command, input } = build(values);
  return { command, input: { id: record.id, expectedVersion: record.version, ...input } };
}

const command = (operation: string, field: string, inputType: string) =>
  `mutation DisputeCase${operation}($input: ${inputType}!) {
  result: ${field}(input: $input) { ...DisputeCaseDetail }
}`;

export const disputeCaseResource: GraphqlResource = {
  typeName: 'DisputeCase',
  listField: 'disputeCases',
  one: { field: 'disputeCase', argument: 'id', type: 'ID!' },
  filterType: 'DisputeCaseFilter',
  orderByType: 'DisputeCaseOrderBy',
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
  create: {
    field: 'registerDisputeCase',
    inputType: 'RegisterDisputeCaseInput',
    toInput: toRegisterDisputeCaseInput,
  },
  commands: {
    accept: command('Accept', 'acceptDisputeCase', 'AcceptDisputeCaseInput'),
    decline: command('Decline', 'declineDisputeCase', 'DeclineDisputeCaseInput'),
    assignMediator: command('AssignMediator', 'assignMediator', 'AssignMediatorInput'),
    recordSession: command('RecordSession', 'recordMediationSession', 'RecordMediationSessionInput'),
    conclude: command('Conclude', 'concludeDisputeCase', 'ConcludeDisputeCaseInput'),
    escalate: command('Escalate', 'escalateDisputeCase', 'EscalateDisputeCaseInput'),
    recordFollowUp: command('RecordFollowUp', 'recordFollowUp', 'RecordFollowUpInput'),
    close: command('Close', 'closeDisputeCase', 'CloseDisputeCaseInput'),
    // The overview page's figures: a read, but not a list or a record, so it runs as an operation of its own.
    stats: MEDIATION_STATS,
  },
};
