import {
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
