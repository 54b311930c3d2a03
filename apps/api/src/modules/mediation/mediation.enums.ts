import {
  constantCase,
  DEADLINE_STATUSES,
  DISPUTE_CASE_MACHINE,
  PARTY_ROLES,
  PETITION_CASE_MACHINE,
  DISPUTE_CASE_OUTCOMES,
  DISPUTE_CASE_STATES,
  DISPUTE_TYPES,
  INDUSTRIES,
  INTAKE_CHANNELS,
  MEDIATOR_EMPLOYMENTS,
  ORGANIZATION_KINDS,
  PETITION_CASE_STATES,
  REFERRALS,
  RISK_LEVELS,
  RISK_REASONS,
} from '@qiangji/domain';
import { enumOf } from '../../common/enums';

export const DisputeTypeEnum = enumOf(DISPUTE_TYPES, 'DisputeType');
export const IntakeChannelEnum = enumOf(INTAKE_CHANNELS, 'IntakeChannel');
export const RiskLevelEnum = enumOf(RISK_LEVELS, 'RiskLevel');
export const RiskReasonEnum = enumOf(RISK_REASONS, 'RiskReason');
export const OrganizationKindEnum = enumOf(ORGANIZATION_KINDS, 'OrganizationKind');
export const IndustryEnum = enumOf(INDUSTRIES, 'Industry');
export const MediatorEmploymentEnum = enumOf(MEDIATOR_EMPLOYMENTS, 'MediatorEmployment');
export const ReferralEnum = enumOf(REFERRALS, 'Referral');
export const DisputeCaseStateEnum = enumOf(DISPUTE_CASE_STATES, 'DisputeCaseState');
export const DisputeCaseOutcomeEnum = enumOf(DISPUTE_CASE_OUTCOMES, 'DisputeCaseOutcome');
export const DisputeCaseCommandEnum = enumOf(
  DISPUTE_CASE_MACHINE.commands.map(constantCase),
  'DisputeCaseCommand',
  "A step of the case's life, as named in @qiangji/domain's DISPUTE_CASE_MACHINE (concludeWithAgreement → CONCLUDE_WITH_AGREEMENT).",
);
export const PetitionCaseStateEnum = enumOf(PETITION_CASE_STATES, 'PetitionCaseState');
export const PetitionCaseCommandEnum = enumOf(
  PETITION_CASE_MACHINE.commands.map(constantCase),
  'PetitionCaseCommand',
  "A step of a petition case's life, as named in @qiangji/domain's PETITION_CASE_MACHINE (recordUnresolved → RECORD_UNRESOLVED).",
);
export const PartyRoleEnum = enumOf(PARTY_ROLES, 'DisputePartyRole');
export const DeadlineStatusEnum = enumOf(
  DEADLINE_STATUSES,
  'DeadlineStatus',
  'Before its conclusion, AT_RISK in the last quarter of the time its stage may take and OVERDUE past dueAt; a concluded case is ON_TIME.',
);
