import { defineMachine, type Labels } from './machine';
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
const OPEN: readonly DisputeCaseState[] = ['RECEIVED', 'ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'];

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

export const DISPUTE_CASE_MACHINE = defineMachine<DisputeCaseState, DisputeCaseCommandDetails>({
  states: DISPUTE_CASE_STATES,
  commands: {
    accept: { from: ['RECEIVED'], to: 'ACCEPTED', roles: MEDIATION, label: { zh: '受理', en: 'Accept' } },
    decline: {
      from: ['RECEIVED'],
      to: 'DECLINED',
      roles: MEDIATION,
      label: { zh: '不予受理', en: 'Decline' },
    },
    assignMediator: {
      from: ['ACCEPTED', 'MEDIATOR_ASSIGNED'],
      to: 'MEDIATOR_ASSIGNED',
      roles: MEDIATION,
      label: { zh: '指派调解员', en: 'Assign mediator' },
    },
    recordSession: {
      from: ['MEDIATOR_ASSIGNED', 'IN_MEDIATION'],
      to: 'IN_MEDIATION',
      roles: MEDIATION,
      repeatable: true,
      label: { zh: '记录调解', en: 'Record session' },
    },
    concludeWithAgreement: {
      from: ['IN_MEDIATION'],
      to: 'AGREEMENT_REACHED',
      roles: MEDIATION,
      label: { zh: '达成协议', en: 'Agreement reached' },
    },
    concludeWithoutAgreement: {
      from: ['IN_MEDIATION'],
      to: 'MEDIATION_FAILED',
      roles: MEDIATION,
      label: { zh: '调解不成', en: 'Mediation failed' },
    },
    withdraw: {
      from: ['ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'],
      to: 'WITHDRAWN',
      roles: MEDIATION,
      label: { zh: '撤回', en: 'Withdraw' },
    },
    recordFollowUp: {
      from: ['AGREEMENT_REACHED', 'FOLLOW_UP'],
      to: 'FOLLOW_UP',
      roles: MEDIATION,
      repeatable: true,
      label: { zh: '回访', en: 'Record follow-up' },
    },
    close: {
      from: ['FOLLOW_UP', 'MEDIATION_FAILED', 'WITHDRAWN'],
      to: 'CLOSED',
      roles: MEDIATION,
      label: { zh: '结案', en: 'Close' },
    },
    escalate: { from: OPEN, to: null, roles: MEDIATION, label: { zh: '上报上级', en: 'Escalate' } },
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

/** The API's one concludeDisputeCase command, by outcome, is one of three transitions. */
export const CONCLUDE_COMMANDS: { readonly [O in DisputeCaseOutcome]: DisputeCaseCommand } = Object.freeze({
  AGREEMENT_REACHED: 'concludeWithAgreement',
  MEDIATION_FAILED: 'concludeWithoutAgreement',
  WITHDRAWN: 'withdraw',
});

export function isOpenDisputeCase(state: DisputeCaseState): boolean {
  return OPEN.includes(state);
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
