import { defineMachine, ruleFor, type Labels } from './machine';
import type { IntakeChannel, Referral, RiskLevel, RiskReason } from './mediation';
import type { Role } from './permissions';
import type { RegionLevel } from './region';

/**
 * The life of a dispute case (纠纷) in grand mediation (大调解): one machine (`defineMachine`) that the API
 * enforces, the dashboard shows as buttons and the demo seed plays.
 */
export const DISPUTE_CASE_STATES = [
  'RECEIVED', // 登记
  'ACCEPTED', // 受理
  'DECLINED', // 不予受理
  'MEDIATOR_ASSIGNED', // 已指派调解员
  'IN_MEDIATION', // 调解中
  'AGREEMENT_REACHED', // 达成协议
  'MEDIATION_FAILED', // 调解不成
  'WITHDRAWN', // 撤回
  'FOLLOW_UP', // 回访
  'CLOSED', // 结案
] as const;
export type DisputeCaseState = (typeof DISPUTE_CASE_STATES)[number];

const MEDIATION: readonly Role[] = [
  'CITY_ADMIN',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
  'MEDIATOR',
];
/** Before the conclusion: the stages that have the legal time limits (accept in 3 days, conclude in 30). */
/** The states of a case still open: received, accepted, with a mediator or in mediation. */
export const DISPUTE_CASE_OPEN_STATES: readonly DisputeCaseState[] = [
  'RECEIVED',
  'ACCEPTED',
  'MEDIATOR_ASSIGNED',
  'IN_MEDIATION',
];

/** What each step records on the case's timeline (besides who took it and when). */
export interface DisputeCaseCommandDetails {
  accept: { note?: string };
  decline: { reason: string };
  assignMediator: { mediatorId: string; mediatorName: string };
  recordSession: { date: string; place: string; participants: string[]; notes: string | null };
  concludeWithAgreement: {
    agreement: { terms: string; signatories: string[]; signedOn: string; courtConfirmed: boolean };
  };
  concludeWithoutAgreement: { referral: Referral; reason: string | null };
  withdraw: { reason: string };
  recordFollowUp: { date: string; honoured: boolean; notes: string | null };
  close: { note?: string };
  escalate: {
    fromOrganizationId: string;
    toOrganizationId: string;
    toOrganizationName: string;
    reason: string;
  };
}

/** Timeline rows that are not steps of the machine: the registration, and a coordination meeting's decision. */
export interface DisputeCaseEventDetails extends DisputeCaseCommandDetails {
  register: {
    channel: IntakeChannel;
    risk: RiskLevel;
    riskReasons: RiskReason[];
    /** High risk: the coordination centre above the place is told at intake. */
    notifiedOrganizationId?: string;
    notifiedOrganizationName?: string;
  };
  coordinationDecision: { meetingId: string; decision: string };
}
export type DisputeCaseEventKind = keyof DisputeCaseEventDetails;

const mediator = ruleFor<DisputeCaseState>(MEDIATION);
/** A session or a follow-up visit: each one is news, so the command may repeat. */
const occurrence = ruleFor<DisputeCaseState>(MEDIATION, { repeatable: true });

export const DISPUTE_CASE_MACHINE = defineMachine<DisputeCaseState, DisputeCaseCommandDetails>({
  states: DISPUTE_CASE_STATES,
  commands: {
    accept: mediator(['RECEIVED'], 'ACCEPTED', '受理', 'Accept'),
    decline: mediator(['RECEIVED'], 'DECLINED', '不予受理', 'Decline'),
    assignMediator: mediator(
      ['ACCEPTED', 'MEDIATOR_ASSIGNED'],
      'MEDIATOR_ASSIGNED',
      '指派调解员',
      'Assign mediator',
    ),
    recordSession: occurrence(
      ['MEDIATOR_ASSIGNED', 'IN_MEDIATION'],
      'IN_MEDIATION',
      '记录调解',
      'Record session',
    ),
    concludeWithAgreement: mediator(['IN_MEDIATION'], 'AGREEMENT_REACHED', '达成协议', 'Agreement reached'),
    concludeWithoutAgreement: mediator(['IN_MEDIATION'], 'MEDIATION_FAILED', '调解不成', 'Mediation failed'),
    withdraw: mediator(['ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'], 'WITHDRAWN', '撤回', 'Withdraw'),
    recordFollowUp: occurrence(['AGREEMENT_REACHED', 'FOLLOW_UP'], 'FOLLOW_UP', '回访', 'Record follow-up'),
    close: mediator(['FOLLOW_UP', 'MEDIATION_FAILED', 'WITHDRAWN'], 'CLOSED', '结案', 'Close'),
    escalate: mediator(DISPUTE_CASE_OPEN_STATES, null, '上报上级', 'Escalate'),
  },
});
export type DisputeCaseCommand = keyof DisputeCaseCommandDetails;

export const DISPUTE_CASE_STATE_LABELS: Labels<DisputeCaseState> = Object.freeze({
  RECEIVED: { zh: '已登记', en: 'Received' },
  ACCEPTED: { zh: '已受理', en: 'Accepted' },
  DECLINED: { zh: '不予受理', en: 'Declined' },
  MEDIATOR_ASSIGNED: { zh: '已指派调解员', en: 'Mediator assigned' },
  IN_MEDIATION: { zh: '调解中', en: 'In mediation' },
  AGREEMENT_REACHED: { zh: '达成协议', en: 'Agreement reached' },
  MEDIATION_FAILED: { zh: '调解不成', en: 'Mediation failed' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
  FOLLOW_UP: { zh: '回访中', en: 'Follow-up' },
  CLOSED: { zh: '已结案', en: 'Closed' },
});

/** The outcome a concluded case keeps for the statistics, whatever it goes through afterwards. */
export const DISPUTE_CASE_OUTCOMES = ['AGREEMENT_REACHED', 'MEDIATION_FAILED', 'WITHDRAWN'] as const;
export type DisputeCaseOutcome = (typeof DISPUTE_CASE_OUTCOMES)[number];

export function isOpenDisputeCase(state: DisputeCaseState): boolean {
  return DISPUTE_CASE_OPEN_STATES.includes(state);
}

/** The states in which a case is on its mediator's desk (the mediator's active case load). */
export const DISPUTE_CASE_DESK_STATES: readonly DisputeCaseState[] = ['MEDIATOR_ASSIGNED', 'IN_MEDIATION'];

/** Where a dispute can be registered: where people live, not an office. */
export const DISPUTE_PLACE_LEVELS: readonly RegionLevel[] = ['COMMUNITY', 'VILLAGE', 'HAMLET', 'GRID'];

export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'OTHER'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Labels<PartyRole> = Object.freeze({
  APPLICANT: { zh: '申请人', en: 'Applicant' },
  RESPONDENT: { zh: '被申请人', en: 'Respondent' },
  OTHER: { zh: '其他当事人', en: 'Other party' },
});

export const DEADLINE_STATUSES = ['ON_TIME', 'AT_RISK', 'OVERDUE'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export const DEADLINE_STATUS_LABELS: Labels<DeadlineStatus> = Object.freeze({
  ON_TIME: { zh: '正常', en: 'On time' },
  AT_RISK: { zh: '即将超期', en: 'At risk' },
  OVERDUE: { zh: '已超期', en: 'Overdue' },
});

/**
 * The one definition of overdue, for the case page, the lists' filter and every statistic: a case is overdue
 * while it has not been concluded (the stages with the legal time limits) and the time of its stage has run
 * out; at risk in the last part of that time. A concluded case's follow-up date is shown, never counted late.
 * The API's SQL (`dispute-case.sql.ts`) states the same rule and is tested against this function.
 */
export function disputeDeadlineStatus(
  c: { state: DisputeCaseState; dueAt: Date | null; atRiskAt: Date | null },
  now: Date = new Date(),
): DeadlineStatus {
  if (!c.dueAt || !isOpenDisputeCase(c.state)) return 'ON_TIME';
  if (c.dueAt < now) return 'OVERDUE';
  return c.atRiskAt && c.atRiskAt <= now ? 'AT_RISK' : 'ON_TIME';
}
