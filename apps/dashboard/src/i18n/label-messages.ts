import {
  POSTING_ROLE_LABELS,
  POSTING_ROLES,
  VILLAGE_ORGANIZATION_KIND_LABELS,
  VILLAGE_ORGANIZATION_KINDS,
  WORK_UNIT_KIND_LABELS,
  WORK_UNIT_KINDS,
  WORK_UNIT_LEVEL_LABELS,
  WORK_UNIT_LEVELS,
  API_KEY_SCOPES,
  DEADLINE_STATUS_LABELS,
  DEADLINE_STATUSES,
  DISPUTE_CASE_MACHINE,
  DISPUTE_CASE_OUTCOMES,
  DISPUTE_CASE_STATE_LABELS,
  DISPUTE_CASE_STATES,
  DISPUTE_TYPE_LABELS,
  DISPUTE_TYPES,
  GENDERS,
  GRID_EVENT_CATEGORIES,
  GRID_EVENT_CATEGORY_LABELS,
  GRID_EVENT_MACHINE,
  GRID_EVENT_REJECTION_LABELS,
  GRID_EVENT_REJECTIONS,
  GRID_EVENT_SOURCE_LABELS,
  GRID_EVENT_SOURCES,
  GRID_EVENT_STATE_LABELS,
  GRID_EVENT_STATES,
  GRID_EVENT_URGENCIES,
  GRID_EVENT_URGENCY_LABELS,
  LEGAL_EDUCATION_FORMAT_LABELS,
  LEGAL_EDUCATION_FORMATS,
  PREVENTION_INDICATOR_LABELS,
  PREVENTION_INDICATORS,
  SATISFACTION_LEVEL_LABELS,
  SATISFACTION_LEVELS,
  SECURITY_CATEGORIES,
  SECURITY_CATEGORY_LABELS,
  INDUSTRIES,
  INDUSTRY_LABELS,
  INTAKE_CHANNEL_LABELS,
  INTAKE_CHANNELS,
  MEDIATOR_EMPLOYMENT_LABELS,
  MEDIATOR_EMPLOYMENTS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  PETITION_CASE_MACHINE,
  PETITION_CASE_STATE_LABELS,
  PETITION_CASE_STATES,
  REFERRAL_LABELS,
  REFERRALS,
  RESIDENT_TAG_LABELS,
  RESIDENT_TAGS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  RISK_REASON_LABELS,
  RISK_REASONS,
  ROLE_LABELS,
  ROLES,
  type ApiKeyScope,
  type DisputeCaseOutcome,
  type Gender,
  ALERT_KINDS,
  ALERT_KIND_LABELS,
  PERIOD_KINDS,
  PERIOD_KIND_LABELS,
} from '@qiangji/domain';

type Language = 'zh' | 'en';
type Labels<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

// @qiangji/domain has no label table for these two yet; typed by its unions, so a new value fails to compile.
const GENDER_LABELS: Labels<Gender> = {
  MALE: { zh: '男', en: 'Male' },
  FEMALE: { zh: '女', en: 'Female' },
};
const API_KEY_SCOPE_LABELS: Labels<ApiKeyScope> = {
  read: { zh: '查询人员', en: 'Read people' },
  write: { zh: '查询并登记人员', en: 'Read and record people' },
};

// The outcome a case keeps: the domain names the states it leads to, which read the same.
const OUTCOME_LABELS: Labels<DisputeCaseOutcome> = {
  AGREEMENT_REACHED: DISPUTE_CASE_STATE_LABELS.AGREEMENT_REACHED,
  MEDIATION_FAILED: DISPUTE_CASE_STATE_LABELS.MEDIATION_FAILED,
  WITHDRAWN: DISPUTE_CASE_STATE_LABELS.WITHDRAWN,
};

/** A value list of the domain, its labels, and the message key of a value where it is not the value itself. */
interface LabelledValues {
  readonly values: readonly string[];
  readonly labels: Labels<string>;
  readonly key: (value: string) => string;
}

function group<K extends string>(
  values: readonly K[],
  labels: Labels<K>,
  key: (value: K) => string = (value) => value,
): LabelledValues {
  return { values, labels: labels as Labels<string>, key: key as (value: string) => string };
}

/**
 * The value lists the dashboard names, by message group (`app.<group>.<key>`): role, tag and gender names and
 * grand mediation's (大调解) from the domain's tables, keyed by the API's enum values, so the API, the dashboard
 * and other clients agree. Select inputs offer the same lists (common/choices.ts).
 */
export const LABELLED_VALUES = {
  role: group(ROLES, ROLE_LABELS),
  resident_tag: group(RESIDENT_TAGS, RESIDENT_TAG_LABELS),
  gender: group(GENDERS, GENDER_LABELS),
  // The GraphQL enum is the domain's scope upper-cased (READ for 'read').
  api_key_scope: group(API_KEY_SCOPES, API_KEY_SCOPE_LABELS, (scope) => scope.toUpperCase()),
  dispute_state: group(DISPUTE_CASE_STATES, DISPUTE_CASE_STATE_LABELS),
  // The steps by the domain's names: the buttons (availableCommands camel-cased) and the timeline's commands.
  dispute_command: group(DISPUTE_CASE_MACHINE.commands, DISPUTE_CASE_MACHINE.labels()),
  petition_command: group(PETITION_CASE_MACHINE.commands, PETITION_CASE_MACHINE.labels()),
  dispute_outcome: group(DISPUTE_CASE_OUTCOMES, OUTCOME_LABELS),
  dispute_type: group(DISPUTE_TYPES, DISPUTE_TYPE_LABELS),
  intake_channel: group(INTAKE_CHANNELS, INTAKE_CHANNEL_LABELS),
  risk_level: group(RISK_LEVELS, RISK_LEVEL_LABELS),
  risk_reason: group(RISK_REASONS, RISK_REASON_LABELS),
  deadline_status: group(DEADLINE_STATUSES, DEADLINE_STATUS_LABELS),
  party_role: group(PARTY_ROLES, PARTY_ROLE_LABELS),
  organization_kind: group(ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS),
  industry: group(INDUSTRIES, INDUSTRY_LABELS),
  mediator_employment: group(MEDIATOR_EMPLOYMENTS, MEDIATOR_EMPLOYMENT_LABELS),
  referral: group(REFERRALS, REFERRAL_LABELS),
  petition_state: group(PETITION_CASE_STATES, PETITION_CASE_STATE_LABELS),
  // Grid management and public security (issue 12).
  grid_state: group(GRID_EVENT_STATES, GRID_EVENT_STATE_LABELS),
  grid_command: group(GRID_EVENT_MACHINE.commands, GRID_EVENT_MACHINE.labels()),
  grid_category: group(GRID_EVENT_CATEGORIES, GRID_EVENT_CATEGORY_LABELS),
  grid_urgency: group(GRID_EVENT_URGENCIES, GRID_EVENT_URGENCY_LABELS),
  grid_source: group(GRID_EVENT_SOURCES, GRID_EVENT_SOURCE_LABELS),
  grid_rejection: group(GRID_EVENT_REJECTIONS, GRID_EVENT_REJECTION_LABELS),
  satisfaction: group(SATISFACTION_LEVELS, SATISFACTION_LEVEL_LABELS),
  security_category: group(SECURITY_CATEGORIES, SECURITY_CATEGORY_LABELS),
  legal_education_format: group(LEGAL_EDUCATION_FORMATS, LEGAL_EDUCATION_FORMAT_LABELS),
  prevention_indicator: group(PREVENTION_INDICATORS, PREVENTION_INDICATOR_LABELS),
  // Villages and stationed cadres (issue 10): the values their forms offer.
  work_unit_kind: group(WORK_UNIT_KINDS, WORK_UNIT_KIND_LABELS),
  work_unit_level: group(WORK_UNIT_LEVELS, WORK_UNIT_LEVEL_LABELS),
  posting_role: group(POSTING_ROLES, POSTING_ROLE_LABELS),
  village_organization_kind: group(VILLAGE_ORGANIZATION_KINDS, VILLAGE_ORGANIZATION_KIND_LABELS),
  // The command view (指挥调度): its alerts and its period picker.
  alert_kind: group(ALERT_KINDS, ALERT_KIND_LABELS),
  period_kind: group(PERIOD_KINDS, PERIOD_KIND_LABELS),
} as const satisfies Record<string, LabelledValues>;
export type LabelGroup = keyof typeof LABELLED_VALUES;

/** The groups' messages in one language: `{ dispute_type: { LAND_USE: '土地权属' … } … }`. */
export function labelMessages(language: Language): Record<LabelGroup, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(LABELLED_VALUES).map(([name, { values, labels, key }]) => [
      name,
      Object.fromEntries(values.map((value) => [key(value), labels[value][language]])),
    ]),
  ) as Record<LabelGroup, Record<string, string>>;
}
