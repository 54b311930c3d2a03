// The public API of @qiangji/domain. Names are listed one by one so that nothing internal leaks out and
// every addition is a deliberate change to a contract the API, the dashboard and outside developers share.

export { DomainValidationError, ERROR_CODES } from './errors';
export type { ErrorCode } from './errors';

export {
  REGION_LEVELS,
  REGION_TIERS,
  REGION_LEVEL_TIER,
  REGION_LEVEL_LABELS,
  isRegionLevel,
  levelsOfTier,
} from './region';
export type { RegionLevel, RegionTier } from './region';

export {
  LEVELS_NAMED_WITH_PARENT,
  REGION_NAME_SEPARATOR,
  baseRegionName,
  qualifiedRegionName,
} from './region-name';
export type { RegionNamePart } from './region-name';

export {
  divisionCodeTier,
  isValidDivisionCode,
  parentDivisionCode,
  ancestorDivisionCodes,
  isWithinDivision,
  gridUnitCode,
  hamletCode,
  inferRegionLevel,
} from './division-code';

export {
  idNumberCheckChar,
  validateIdNumber,
  isValidIdNumber,
  maskIdNumber,
  makeIdNumber,
} from './id-number';
export type { IdNumberValidation } from './id-number';

export { normalizePhone, isValidPhone, maskPhone } from './phone';

export {
  mediationRate,
  resolutionRate,
  yearOnYearChange,
  percentagePointChange,
  compoundAnnualGrowth,
  promotionRate,
  formatPercent,
  KPI_FORMULAS,
} from './kpi';
export type { KpiFormula, KpiId } from './kpi';

export { gcj02ToWgs84, wgs84ToGcj02, isOutsideChina } from './geo';
export type { LngLat } from './geo';

export {
  ROLES,
  ACTIONS,
  PERMISSIONS,
  ROLE_LABELS,
  API_KEY_SCOPES,
  API_KEY_PERMISSIONS,
  isRole,
  actionsOf,
  can,
  OWN_CASES_ROLES,
  readsOwnCasesOnly,
} from './permissions';
export type { Role, Action, ApiKeyScope } from './permissions';

export {
  RESIDENT_TAGS,
  RESIDENT_TAG_LABELS,
  GENDERS,
  GENDER_LABELS,
  MIN_PURPOSE_LENGTH,
  MAX_PURPOSE_LENGTH,
  ID_NUMBER_LOOKUPS_PER_HOUR,
  MAX_REVEALED_EXPORT_ROWS,
} from './resident';
export type { ResidentTag, Gender } from './resident';

export { defineMachine, constantCase, camelCase } from './machine';
export type { Machine, CommandRule, TransitionCheck, Transitions, Labels } from './machine';

export { chinaDay } from './china-time';

export {
  DISPUTE_CASE_STATES,
  DISPUTE_CASE_MACHINE,
  DISPUTE_CASE_STATE_LABELS,
  DISPUTE_CASE_OUTCOMES,
  DISPUTE_CASE_DESK_STATES,
  DISPUTE_PLACE_LEVELS,
  CONCLUDE_COMMANDS,
  PARTY_ROLES,
  PARTY_ROLE_LABELS,
  DEADLINE_STATUSES,
  DEADLINE_STATUS_LABELS,
  disputeDeadlineStatus,
  isOpenDisputeCase,
} from './dispute-case';
export type {
  DisputeCaseState,
  DisputeCaseCommand,
  DisputeCaseCommandDetails,
  DisputeCaseEventDetails,
  DisputeCaseEventKind,
  DisputeCaseOutcome,
  PartyRole,
  DeadlineStatus,
} from './dispute-case';

export {
  DISPUTE_TYPES,
  DISPUTE_TYPE_LABELS,
  INTAKE_CHANNELS,
  INTAKE_CHANNEL_LABELS,
  RISK_LEVELS,
  RISK_LEVEL_LABELS,
  RISK_REASONS,
  RISK_REASON_LABELS,
  RISK_THRESHOLDS,
  assessDisputeRisk,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  INDUSTRIES,
  INDUSTRY_LABELS,
  MEDIATOR_EMPLOYMENTS,
  MEDIATOR_EMPLOYMENT_LABELS,
  REFERRALS,
  REFERRAL_LABELS,
  PETITION_CASE_STATES,
  PETITION_CASE_STATE_LABELS,
  PETITION_CASE_MACHINE,
  DEFAULT_TIME_LIMITS,
  AT_RISK_SHARE,
  disputeCaseDeadline,
} from './mediation';
export type {
  DisputeType,
  IntakeChannel,
  RiskLevel,
  RiskReason,
  RiskFacts,
  OrganizationKind,
  Industry,
  MediatorEmployment,
  Referral,
  PetitionCaseState,
  PetitionCaseCommand,
  PetitionCaseCommandDetails,
  TimeLimits,
  CaseClock,
} from './mediation';

export {
  REPORT_TIERS,
  isReportTier,
  MONTHLY_REPORT_STATES,
  MONTHLY_REPORT_STATE_LABELS,
  MONTHLY_REPORT_MACHINE,
  REPORT_SIGNER_ROLES,
  REPORT_DUE_DAY,
  reportCommandRefusal,
  parseReportMonth,
  monthDays,
  monthlyReportDeadline,
  isReportOverdue,
} from './monthly-report';
export type {
  MonthlyReportState,
  MonthlyReportCommand,
  MonthlyReportCommandDetails,
  ReportStanding,
  ReportRefusal,
} from './monthly-report';
