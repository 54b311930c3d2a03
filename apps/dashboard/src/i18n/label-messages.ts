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

function messages<K extends string>(
  keys: readonly K[],
  labels: Labels<K>,
  language: Language,
  name: (key: K) => string = (key) => key,
) {
  return Object.fromEntries(keys.map((key) => [name(key), labels[key][language]])) as Record<string, string>;
}

/** Role, tag and gender names from the domain's tables, so the API, the dashboard and other clients agree. */
export function labelMessages(language: Language) {
  return {
    role: messages(ROLES, ROLE_LABELS, language),
    resident_tag: messages(RESIDENT_TAGS, RESIDENT_TAG_LABELS, language),
    gender: messages(GENDERS, GENDER_LABELS, language),
    // The GraphQL enum is the domain's scope upper-cased (READ for 'read').
    api_key_scope: messages(API_KEY_SCOPES, API_KEY_SCOPE_LABELS, language, (scope) => scope.toUpperCase()),
    // Grand mediation (大调解): the domain's tables, keyed by the API's enum values.
    dispute_state: messages(DISPUTE_CASE_STATES, DISPUTE_CASE_STATE_LABELS, language),
    // The steps by the domain's names: the buttons (availableCommands camel-cased) and the timeline's commands.
    dispute_command: messages(DISPUTE_CASE_MACHINE.commands, DISPUTE_CASE_MACHINE.labels(), language),
    petition_command: messages(PETITION_CASE_MACHINE.commands, PETITION_CASE_MACHINE.labels(), language),
    dispute_outcome: messages(DISPUTE_CASE_OUTCOMES, OUTCOME_LABELS, language),
    dispute_type: messages(DISPUTE_TYPES, DISPUTE_TYPE_LABELS, language),
    intake_channel: messages(INTAKE_CHANNELS, INTAKE_CHANNEL_LABELS, language),
    risk_level: messages(RISK_LEVELS, RISK_LEVEL_LABELS, language),
    risk_reason: messages(RISK_REASONS, RISK_REASON_LABELS, language),
    deadline_status: messages(DEADLINE_STATUSES, DEADLINE_STATUS_LABELS, language),
    party_role: messages(PARTY_ROLES, PARTY_ROLE_LABELS, language),
    organization_kind: messages(ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS, language),
    industry: messages(INDUSTRIES, INDUSTRY_LABELS, language),
    mediator_employment: messages(MEDIATOR_EMPLOYMENTS, MEDIATOR_EMPLOYMENT_LABELS, language),
    referral: messages(REFERRALS, REFERRAL_LABELS, language),
    petition_state: messages(PETITION_CASE_STATES, PETITION_CASE_STATE_LABELS, language),
    // The command view (指挥调度): its alerts and its period picker.
    alert_kind: messages(ALERT_KINDS, ALERT_KIND_LABELS, language),
    period_kind: messages(PERIOD_KINDS, PERIOD_KIND_LABELS, language),
  };
}
