import type { DisputeCaseState } from './dispute-case';
import { DomainValidationError } from './errors';
import { defineMachine, type Labels } from './machine';
import type { Role } from './permissions';

// Grand mediation (大调解) reference data: the enums the API's schema, the dashboard's labels and outside
// systems share, the risk rule of intake and the time limits of each stage.

export const DISPUTE_TYPES = [
  'LAND',
  'NEIGHBOURHOOD',
  'MARRIAGE_FAMILY',
  'LABOUR',
  'DEBT',
  'TRAFFIC_ACCIDENT',
  'PROPERTY_MANAGEMENT',
  'INSURANCE',
  'PUBLIC_ORDER',
  'OTHER',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Labels<DisputeType> = Object.freeze({
  LAND: { zh: '土地纠纷', en: 'Land' },
  NEIGHBOURHOOD: { zh: '邻里纠纷', en: 'Neighbourhood' },
  MARRIAGE_FAMILY: { zh: '婚姻家庭纠纷', en: 'Marriage and family' },
  LABOUR: { zh: '劳动争议', en: 'Labour' },
  DEBT: { zh: '债务纠纷', en: 'Debt' },
  TRAFFIC_ACCIDENT: { zh: '道路交通事故纠纷', en: 'Traffic accident' },
  PROPERTY_MANAGEMENT: { zh: '物业纠纷', en: 'Property management' },
  INSURANCE: { zh: '保险纠纷', en: 'Insurance' },
  PUBLIC_ORDER: { zh: '治安纠纷', en: 'Public order' },
  OTHER: { zh: '其他纠纷', en: 'Other' },
});

export const INTAKE_CHANNELS = [
  'WALK_IN',
  'GRID_WORKER',
  'STATIONED_CADRE',
  'HOTLINE',
  'PETITION_OFFICE',
  'COURT',
  'DISTRICT_SYSTEM',
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const INTAKE_CHANNEL_LABELS: Labels<IntakeChannel> = Object.freeze({
  WALK_IN: { zh: '来访', en: 'Walk-in' },
  GRID_WORKER: { zh: '网格员上报', en: 'Grid worker' },
  STATIONED_CADRE: { zh: '驻村干部上报', en: 'Stationed cadre' },
  HOTLINE: { zh: '热线', en: 'Hotline' },
  PETITION_OFFICE: { zh: '信访部门转交', en: 'Petition office referral' },
  COURT: { zh: '法院委派', en: 'Court referral' },
  DISTRICT_SYSTEM: { zh: '区县系统', en: 'District system' },
});

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Labels<RiskLevel> = Object.freeze({
  LOW: { zh: '低', en: 'Low' },
  MEDIUM: { zh: '中', en: 'Medium' },
  HIGH: { zh: '高', en: 'High' },
});

export const RISK_REASONS = [
  'MANY_HOUSEHOLDS',
  'MANY_PEOPLE',
  'LAND_WITH_THREATS',
  'THREATS',
  'LARGE_AMOUNT',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];
export const RISK_REASON_LABELS: Labels<RiskReason> = Object.freeze({
  MANY_HOUSEHOLDS: { zh: '涉及多户', en: 'Many households' },
  MANY_PEOPLE: { zh: '涉及人数多', en: 'Many people' },
  LAND_WITH_THREATS: { zh: '土地纠纷且有过激言行', en: 'Land dispute with threats' },
  THREATS: { zh: '有过激言行', en: 'Threats' },
  LARGE_AMOUNT: { zh: '标的额大', en: 'Large amount at stake' },
});

/** Thresholds of the intake risk rule: where a dispute may turn into a group incident (群体性事件). */
export const RISK_THRESHOLDS = Object.freeze({ households: 5, people: 10, amountYuan: 100_000 });

export interface RiskFacts {
  type: DisputeType;
  householdsInvolved: number;
  peopleInvolved: number;
  /** Threats of violence or of a group incident were made. */
  threats: boolean;
  /** In yuan. */
  amountAtStake?: number | null;
}

/**
 * The risk level of a new case. HIGH cases are flagged to the coordination centre above the place: many
 * households or people, or a land dispute with threats (the most sensitive kind in villages).
 */
export function assessDisputeRisk(facts: RiskFacts): { level: RiskLevel; reasons: RiskReason[] } {
  for (const [field, value] of [
    ['householdsInvolved', facts.householdsInvolved],
    ['peopleInvolved', facts.peopleInvolved],
  ] as const) {
    if (!Number.isInteger(value) || value < 0)
      throw new DomainValidationError(`${field} must be a whole number of 0 or more.`, field);
  }
  const reasons: RiskReason[] = [];
  if (facts.householdsInvolved >= RISK_THRESHOLDS.households) reasons.push('MANY_HOUSEHOLDS');
  if (facts.peopleInvolved >= RISK_THRESHOLDS.people) reasons.push('MANY_PEOPLE');
  if (facts.threats) reasons.push(facts.type === 'LAND' ? 'LAND_WITH_THREATS' : 'THREATS');
  if ((facts.amountAtStake ?? 0) >= RISK_THRESHOLDS.amountYuan) reasons.push('LARGE_AMOUNT');
  const high = reasons.some(
    (r) => r === 'MANY_HOUSEHOLDS' || r === 'MANY_PEOPLE' || r === 'LAND_WITH_THREATS',
  );
  return { level: high ? 'HIGH' : reasons.length ? 'MEDIUM' : 'LOW', reasons };
}

export const ORGANIZATION_KINDS = [
  'PEOPLES_COMMITTEE',
  'INDUSTRY_COMMITTEE',
  'COORDINATION_CENTRE',
  'LEGAL_CLINIC',
  'MEDIATORS_ASSOCIATION',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Labels<OrganizationKind> = Object.freeze({
  PEOPLES_COMMITTEE: { zh: '人民调解委员会', en: "People's mediation committee" },
  INDUSTRY_COMMITTEE: { zh: '行业性专业性调解委员会', en: 'Industry committee' },
  COORDINATION_CENTRE: { zh: '大调解协调中心', en: 'Coordination centre' },
  LEGAL_CLINIC: { zh: '法律诊所', en: 'Legal clinic' },
  MEDIATORS_ASSOCIATION: { zh: '人民调解员协会', en: "Mediators' association" },
});

export const INDUSTRIES = [
  'LABOUR_PERSONNEL',
  'ROAD_TRAFFIC',
  'WOMENS_LABOUR',
  'PUBLIC_ORDER',
  'PROPERTY_MANAGEMENT',
  'INSURANCE',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Labels<Industry> = Object.freeze({
  LABOUR_PERSONNEL: { zh: '劳动人事争议', en: 'Labour and personnel' },
  ROAD_TRAFFIC: { zh: '道路交通事故', en: 'Road traffic accidents' },
  WOMENS_LABOUR: { zh: '妇女劳动争议', en: "Women's labour" },
  PUBLIC_ORDER: { zh: '治安纠纷', en: 'Public order' },
  PROPERTY_MANAGEMENT: { zh: '物业纠纷', en: 'Property management' },
  INSURANCE: { zh: '保险纠纷', en: 'Insurance' },
});

export const MEDIATOR_EMPLOYMENTS = ['FULL_TIME', 'PART_TIME'] as const;
export type MediatorEmployment = (typeof MEDIATOR_EMPLOYMENTS)[number];
export const MEDIATOR_EMPLOYMENT_LABELS: Labels<MediatorEmployment> = Object.freeze({
  FULL_TIME: { zh: '专职', en: 'Full-time' },
  PART_TIME: { zh: '兼职', en: 'Part-time' },
});

export const REFERRALS = ['LITIGATION', 'ARBITRATION', 'ADMINISTRATIVE', 'PETITION_OFFICE'] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_LABELS: Labels<Referral> = Object.freeze({
  LITIGATION: { zh: '诉讼', en: 'Litigation' },
  ARBITRATION: { zh: '仲裁', en: 'Arbitration' },
  ADMINISTRATIVE: { zh: '行政处理', en: 'Administrative handling' },
  PETITION_OFFICE: { zh: '信访部门', en: 'Petition office' },
});

export const PETITION_CASE_STATES = ['REGISTERED', 'ASSIGNED', 'RESOLVED', 'UNRESOLVED'] as const;
export type PetitionCaseState = (typeof PETITION_CASE_STATES)[number];
export const PETITION_CASE_STATE_LABELS: Labels<PetitionCaseState> = Object.freeze({
  REGISTERED: { zh: '已登记', en: 'Registered' },
  ASSIGNED: { zh: '已交办', en: 'Assigned' },
  RESOLVED: { zh: '已化解', en: 'Resolved' },
  UNRESOLVED: { zh: '未化解', en: 'Unresolved' },
});

/** Officers who run the petition backlog: the offices of the jurisdiction, not the mediators. */
const PETITION_ROLES: readonly Role[] = [
  'CITY_ADMIN',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
];

/** What each step of a petition case records. */
export interface PetitionCaseCommandDetails {
  assign: { organizationId: string };
  resolve: { on: string };
  recordUnresolved: { on: string };
}

/**
 * The life of a petition backlog case (信访积案): registered, assigned to an organisation, then resolved or
 * not. An unresolved case stays in the backlog and may still be resolved later; a resolved one is done.
 */
export const PETITION_CASE_MACHINE = defineMachine<PetitionCaseState, PetitionCaseCommandDetails>({
  states: PETITION_CASE_STATES,
  commands: {
    assign: {
      from: ['REGISTERED'],
      to: 'ASSIGNED',
      roles: PETITION_ROLES,
      label: { zh: '交办', en: 'Assign' },
    },
    resolve: {
      from: ['ASSIGNED', 'UNRESOLVED'],
      to: 'RESOLVED',
      roles: PETITION_ROLES,
      label: { zh: '化解', en: 'Resolved' },
    },
    recordUnresolved: {
      from: ['ASSIGNED'],
      to: 'UNRESOLVED',
      roles: PETITION_ROLES,
      label: { zh: '未化解', en: 'Unresolved' },
    },
  },
});
export type PetitionCaseCommand = keyof PetitionCaseCommandDetails;

/**
 * Days each stage may take. Accepting within 3 days and concluding within 30 follow the Ministry of Justice's
 * rules for people's mediation (人民调解工作若干规定); follow-up and closing limits are this system's practice.
 * The API may override them from its configuration.
 */
export const DEFAULT_TIME_LIMITS = Object.freeze({
  acceptDays: 3,
  concludeDays: 30,
  followUpDays: 30,
  closeDays: 7,
});
export type TimeLimits = { readonly [K in keyof typeof DEFAULT_TIME_LIMITS]: number };

/** The share of a stage's time left at which a case counts as at risk of missing its deadline. */
export const AT_RISK_SHARE = 0.25;

export interface CaseClock {
  receivedAt: Date;
  acceptedAt?: Date | null;
  concludedAt?: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the current stage must be done (`dueAt`) and from when the case is at risk of missing it (`atRiskAt`);
 * null for a case that has ended (declined or closed).
 */
export function disputeCaseDeadline(
  state: DisputeCaseState,
  clock: CaseClock,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): { dueAt: Date; atRiskAt: Date } | null {
  const stage = ((): [Date | null | undefined, number] | null => {
    switch (state) {
      case 'RECEIVED':
        return [clock.receivedAt, limits.acceptDays];
      case 'ACCEPTED':
      case 'MEDIATOR_ASSIGNED':
      case 'IN_MEDIATION':
        return [clock.acceptedAt, limits.concludeDays];
      case 'AGREEMENT_REACHED':
      case 'FOLLOW_UP':
        return [clock.concludedAt, limits.followUpDays];
      case 'MEDIATION_FAILED':
      case 'WITHDRAWN':
        return [clock.concludedAt, limits.closeDays];
      case 'DECLINED':
      case 'CLOSED':
        return null;
      default: {
        const unreachable: never = state;
        return unreachable;
      }
    }
  })();
  if (!stage) return null;
  const [start, days] = stage;
  if (!start) throw new DomainValidationError(`A case in ${state} needs the time its stage began.`, 'clock');
  const dueAt = new Date(start.getTime() + days * DAY_MS);
  return { dueAt, atRiskAt: new Date(dueAt.getTime() - days * AT_RISK_SHARE * DAY_MS) };
}
