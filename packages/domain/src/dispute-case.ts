import type { Role } from './permissions';

/**
 * The life of a dispute case (纠纷) in grand mediation (大调解), as one typed table in the style of
 * Vendure's `Transitions<State>`: the API enforces it, the dashboard shows the buttons it allows.
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

/** Which states may follow each state. Every command below moves along one of these edges. */
export type Transitions<S extends string> = { readonly [K in S]: { readonly to: readonly S[] } };

export const DISPUTE_CASE_STATE_GRAPH: Transitions<DisputeCaseState> = {
  RECEIVED: { to: ['ACCEPTED', 'DECLINED'] },
  ACCEPTED: { to: ['MEDIATOR_ASSIGNED', 'WITHDRAWN'] },
  DECLINED: { to: [] },
  MEDIATOR_ASSIGNED: { to: ['MEDIATOR_ASSIGNED', 'IN_MEDIATION', 'WITHDRAWN'] },
  IN_MEDIATION: { to: ['IN_MEDIATION', 'AGREEMENT_REACHED', 'MEDIATION_FAILED', 'WITHDRAWN'] },
  AGREEMENT_REACHED: { to: ['FOLLOW_UP'] },
  MEDIATION_FAILED: { to: ['CLOSED'] },
  WITHDRAWN: { to: ['CLOSED'] },
  FOLLOW_UP: { to: ['FOLLOW_UP', 'CLOSED'] },
  CLOSED: { to: [] },
};

export const DISPUTE_CASE_COMMANDS = [
  'accept',
  'decline',
  'assignMediator',
  'recordSession',
  'concludeWithAgreement',
  'concludeWithoutAgreement',
  'withdraw',
  'recordFollowUp',
  'close',
  'escalate',
] as const;
export type DisputeCaseCommand = (typeof DISPUTE_CASE_COMMANDS)[number];

export interface DisputeCaseTransition {
  readonly from: readonly DisputeCaseState[];
  /** `null`: the state stays (an escalation moves the case up a tier, not along its life). */
  readonly to: DisputeCaseState | null;
  readonly roles: readonly Role[];
  /** Input the command cannot do without. */
  readonly requires: readonly string[];
}

const MEDIATION: readonly Role[] = [
  'CITY_ADMIN',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
  'MEDIATOR',
];
const OPEN: readonly DisputeCaseState[] = ['RECEIVED', 'ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'];

export const DISPUTE_CASE_TRANSITIONS: { readonly [C in DisputeCaseCommand]: DisputeCaseTransition } = {
  accept: { from: ['RECEIVED'], to: 'ACCEPTED', roles: MEDIATION, requires: [] },
  decline: { from: ['RECEIVED'], to: 'DECLINED', roles: MEDIATION, requires: ['reason'] },
  assignMediator: {
    from: ['ACCEPTED', 'MEDIATOR_ASSIGNED'],
    to: 'MEDIATOR_ASSIGNED',
    roles: MEDIATION,
    requires: ['mediatorId'],
  },
  recordSession: {
    from: ['MEDIATOR_ASSIGNED', 'IN_MEDIATION'],
    to: 'IN_MEDIATION',
    roles: MEDIATION,
    requires: ['date', 'place', 'participants'],
  },
  concludeWithAgreement: {
    from: ['IN_MEDIATION'],
    to: 'AGREEMENT_REACHED',
    roles: MEDIATION,
    requires: ['terms', 'signatories', 'date'],
  },
  concludeWithoutAgreement: {
    from: ['IN_MEDIATION'],
    to: 'MEDIATION_FAILED',
    roles: MEDIATION,
    requires: ['referral'],
  },
  withdraw: {
    from: ['ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'],
    to: 'WITHDRAWN',
    roles: MEDIATION,
    requires: ['reason'],
  },
  recordFollowUp: {
    from: ['AGREEMENT_REACHED', 'FOLLOW_UP'],
    to: 'FOLLOW_UP',
    roles: MEDIATION,
    requires: ['date', 'honoured'],
  },
  close: {
    from: ['FOLLOW_UP', 'MEDIATION_FAILED', 'WITHDRAWN'],
    to: 'CLOSED',
    roles: MEDIATION,
    requires: [],
  },
  escalate: { from: OPEN, to: null, roles: MEDIATION, requires: ['reason', 'organizationId'] },
};

type Labels<T extends string> = Readonly<Record<T, { zh: string; en: string }>>;

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

export const DISPUTE_CASE_COMMAND_LABELS: Labels<DisputeCaseCommand> = Object.freeze({
  accept: { zh: '受理', en: 'Accept' },
  decline: { zh: '不予受理', en: 'Decline' },
  assignMediator: { zh: '指派调解员', en: 'Assign mediator' },
  recordSession: { zh: '记录调解', en: 'Record session' },
  concludeWithAgreement: { zh: '达成协议', en: 'Agreement reached' },
  concludeWithoutAgreement: { zh: '调解不成', en: 'Mediation failed' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  recordFollowUp: { zh: '回访', en: 'Record follow-up' },
  close: { zh: '结案', en: 'Close' },
  escalate: { zh: '上报上级', en: 'Escalate' },
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

export type TransitionCheck =
  | { ok: true; to: DisputeCaseState }
  | { ok: false; reason: 'INVALID_TRANSITION'; from: DisputeCaseState; to: DisputeCaseState | null }
  | { ok: false; reason: 'FORBIDDEN'; from: DisputeCaseState; to: DisputeCaseState | null };

/** Whether `command` may run now, for these roles: the one check the API and the dashboard share. */
export function checkDisputeCaseCommand(
  state: DisputeCaseState,
  command: DisputeCaseCommand,
  roles: readonly Role[],
): TransitionCheck {
  const rule = DISPUTE_CASE_TRANSITIONS[command];
  const to = rule.to ?? state;
  if (!rule.from.includes(state))
    return { ok: false, reason: 'INVALID_TRANSITION', from: state, to: rule.to };
  if (!roles.some((r) => rule.roles.includes(r)))
    return { ok: false, reason: 'FORBIDDEN', from: state, to: rule.to };
  return { ok: true, to };
}

/** The commands a user with these roles may take on a case in this state: the dashboard's buttons. */
export function availableDisputeCaseCommands(
  state: DisputeCaseState,
  roles: readonly Role[],
): DisputeCaseCommand[] {
  return DISPUTE_CASE_COMMANDS.filter((c) => checkDisputeCaseCommand(state, c, roles).ok);
}

export function isOpenDisputeCase(state: DisputeCaseState): boolean {
  return OPEN.includes(state);
}
