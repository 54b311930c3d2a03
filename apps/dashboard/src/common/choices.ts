import {
  API_KEY_SCOPES,
  DISPUTE_CASE_STATES,
  DISPUTE_TYPES,
  INDUSTRIES,
  INTAKE_CHANNELS,
  MEDIATOR_EMPLOYMENTS,
  ORGANIZATION_KINDS,
  PARTY_ROLES,
  PETITION_CASE_STATES,
  REFERRALS,
  RESIDENT_TAGS,
  RISK_LEVELS,
  ROLES,
} from '@qiangji/domain';

// Select inputs translate choice names, so these are message keys (i18n/label-messages.ts), not labels.
export const choices = (values: readonly string[], messages: string) =>
  values.map((value) => ({ id: value, name: `${messages}.${value}` }));

export const TAG_CHOICES = choices(RESIDENT_TAGS, 'app.resident_tag');
export const ROLE_CHOICES = choices(ROLES, 'app.role');
export const SCOPE_CHOICES = API_KEY_SCOPES.map((scope) => ({
  id: scope.toUpperCase(),
  name: `app.api_key_scope.${scope.toUpperCase()}`,
}));

export const DISPUTE_STATE_CHOICES = choices(DISPUTE_CASE_STATES, 'app.dispute_state');
export const DISPUTE_TYPE_CHOICES = choices(DISPUTE_TYPES, 'app.dispute_type');
export const INTAKE_CHANNEL_CHOICES = choices(INTAKE_CHANNELS, 'app.intake_channel');
export const RISK_LEVEL_CHOICES = choices(RISK_LEVELS, 'app.risk_level');
export const PARTY_ROLE_CHOICES = choices(PARTY_ROLES, 'app.party_role');
export const REFERRAL_CHOICES = choices(REFERRALS, 'app.referral');
export const ORGANIZATION_KIND_CHOICES = choices(ORGANIZATION_KINDS, 'app.organization_kind');
export const INDUSTRY_CHOICES = choices(INDUSTRIES, 'app.industry');
export const EMPLOYMENT_CHOICES = choices(MEDIATOR_EMPLOYMENTS, 'app.mediator_employment');
export const PETITION_STATE_CHOICES = choices(PETITION_CASE_STATES, 'app.petition_state');
