import { LABELLED_VALUES, type LabelGroup } from '../i18n/label-messages';

// Select inputs translate choice names, so these are message keys (i18n/label-messages.ts), not labels: a list
// offered is a list named there.
/** A select's choices of an enum's values, named by the message keys `<messages>.<value>`. */
export const enumChoices = (values: readonly string[], messages: string) =>
  values.map((id) => ({ id, name: `${messages}.${id}` }));

const choices = (group: LabelGroup) => {
  const { values, key } = LABELLED_VALUES[group];
  return values.map((value) => ({ id: key(value), name: `app.${group}.${key(value)}` }));
};

export const TAG_CHOICES = choices('resident_tag');
export const ROLE_CHOICES = choices('role');
export const SCOPE_CHOICES = choices('api_key_scope');

export const DISPUTE_STATE_CHOICES = choices('dispute_state');
export const DISPUTE_TYPE_CHOICES = choices('dispute_type');
export const INTAKE_CHANNEL_CHOICES = choices('intake_channel');
export const RISK_LEVEL_CHOICES = choices('risk_level');
export const PARTY_ROLE_CHOICES = choices('party_role');
export const REFERRAL_CHOICES = choices('referral');
export const ORGANIZATION_KIND_CHOICES = choices('organization_kind');
export const INDUSTRY_CHOICES = choices('industry');
export const EMPLOYMENT_CHOICES = choices('mediator_employment');
export const PETITION_STATE_CHOICES = choices('petition_state');

export const GRID_STATE_CHOICES = choices('grid_state');
export const GRID_CATEGORY_CHOICES = choices('grid_category');
export const GRID_URGENCY_CHOICES = choices('grid_urgency');
export const GRID_REJECTION_CHOICES = choices('grid_rejection');
export const SATISFACTION_CHOICES = choices('satisfaction');
export const LEGAL_EDUCATION_FORMAT_CHOICES = choices('legal_education_format');

export const WORK_UNIT_KIND_CHOICES = choices('work_unit_kind');
export const WORK_UNIT_LEVEL_CHOICES = choices('work_unit_level');
export const POSTING_ROLE_CHOICES = choices('posting_role');
export const VILLAGE_ORGANIZATION_KIND_CHOICES = choices('village_organization_kind');
