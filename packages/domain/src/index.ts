// The public API of @qiangji/domain. Names are listed one by one so that nothing internal leaks out and
// every addition is a deliberate change to a contract the API, the dashboard and outside developers share.

export { DomainValidationError, ERROR_CODES, HTTP_STATUS_BY_CODE } from './errors';
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
  onTimeRate,
  appointmentKeptRate,
  coverageRate,
  formatPercent,
  KPI_FORMULAS,
} from './kpi';
export type { KpiFormula, KpiId } from './kpi';

export { gcj02ToWgs84, wgs84ToGcj02, isOutsideChina } from './geo';
export type { LngLat } from './geo';

export {
  ROLES,
  ACTIONS,
  actionName,
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
  DISPUTE_CASE_OPEN_STATES,
  DISPUTE_PLACE_LEVELS,
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
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_POINTS,
  SERVICE_POINT_LABELS,
  SERVICE_POINT_LEVELS,
  COMMUNITY_FUNCTIONS,
  COMMUNITY_FUNCTION_LABELS,
  COMMUNITY_KINDS,
  COMMUNITY_KIND_LABELS,
  CENTRAL_COMMUNITY_MIN_AREA_M2,
  POI_CATEGORIES,
  POI_CATEGORY_LABELS,
  CONVENIENCE_MAP_RADIUS_M,
  MAX_NEARBY_RADIUS_M,
  APPLICATION_CHANNELS,
  APPLICATION_CHANNEL_LABELS,
  SERVICE_APPLICATION_STATES,
  SERVICE_APPLICATION_STATE_LABELS,
  SERVICE_APPLICATION_MACHINE,
  fitsServiceItem,
  availableServiceCommands,
  applicantMayTake,
  SERVICE_APPLICANT_COMMANDS,
  ageOn,
  whyIneligible,
  SERVICE_CLOCK_STATES,
  isServiceApplicationOverdue,
  completedOnTime,
  SERVICE_QUEUES,
  SERVICE_QUEUE_LABELS,
  CALL_BACK_DAYS,
  isTimeOfDay,
} from './service';
export type {
  ServiceCategory,
  ServicePoint,
  CommunityFunction,
  CommunityKind,
  PoiCategory,
  ApplicationChannel,
  ServiceApplicationState,
  ServiceApplicationCommand,
  ServiceApplicationCommandDetails,
  ServiceQueue,
} from './service';

// The forms' checks (zod) are the entry `@qiangji/domain/forms`; their types are here too.
export { FORM_FIELD_TYPES, FORM_FIELD_TYPE_LABELS } from './form-field-types';
export type { FormFieldType } from './form-field-types';
export type { FormField, FormSchema, FormAnswer, FormAnswers, FormIssue } from './form-schema';

export {
  WORK_CALENDAR_KINDS,
  WORK_CALENDAR_KIND_LABELS,
  MAX_HOLIDAY_DAYS,
  validateWorkCalendarEntry,
  calendarOf,
  workCalendar,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  workingDayDeadline,
} from './working-days';
export type { WorkCalendar, WorkCalendarEntry, WorkCalendarKind } from './working-days';

export {
  GRID_EVENT_CATEGORIES,
  GRID_EVENT_CATEGORY_LABELS,
  GRID_EVENT_URGENCIES,
  GRID_EVENT_URGENCY_LABELS,
  GRID_EVENT_SOURCES,
  GRID_EVENT_SOURCE_LABELS,
  GRID_EVENT_STATES,
  GRID_EVENT_STATE_LABELS,
  GRID_EVENT_REJECTIONS,
  GRID_EVENT_REJECTION_LABELS,
  ASSIGNEE_KINDS,
  SATISFACTION_LEVELS,
  SATISFACTION_LEVEL_LABELS,
  GRID_EVENT_MACHINE,
  OPEN_GRID_EVENT_STATES,
  GRID_EVENT_CLOCK_STATES,
  CLOSED_GRID_EVENT_STATES,
  GRID_EVENT_HOURS,
  GRID_EVENT_URGENCY_SHARE,
  DUPLICATE_RADIUS_METRES,
  DUPLICATE_WINDOW_DAYS,
  mayReferToMediation,
  gridEventHours,
  gridEventDeadline,
  gridEventDeadlineStatus,
  checkLatLng,
  distanceMetres,
  boundingBox,
} from './grid';
export type {
  GridEventCategory,
  GridEventUrgency,
  GridEventSource,
  GridEventState,
  GridEventRejection,
  AssigneeKind,
  SatisfactionLevel,
  GridEventCommand,
  GridEventCommandDetails,
  GridEventEventDetails,
  LatLng,
} from './grid';

export {
  SECURITY_CATEGORIES,
  SECURITY_CATEGORY_LABELS,
  SECURITY_CATEGORY_PARENT,
  REPORTED_CASE_CATEGORIES,
  SURVEY_QUESTIONS,
  SURVEY_QUESTION_LABELS,
  SURVEY_GROUPS,
  SURVEY_GROUP_LABELS,
  SURVEY_METHODS,
  SURVEY_METHOD_LABELS,
  LEGAL_EDUCATION_FORMATS,
  LEGAL_EDUCATION_FORMAT_LABELS,
  PREVENTION_INDICATORS,
  PREVENTION_INDICATOR_LABELS,
  FRACTION_INDICATORS,
  monthStart,
  previousYearPeriod,
  checkPreventionValue,
  rankByFall,
} from './security';
export type {
  SecurityCategory,
  SurveyQuestion,
  SurveyGroup,
  SurveyMethod,
  LegalEducationFormat,
  PreventionIndicator,
} from './security';

export {
  PERIOD_KINDS,
  PERIOD_KIND_LABELS,
  KPI_AREAS,
  KPI_AREA_LABELS,
  KPI_UNITS,
  ALERT_KINDS,
  ALERT_KIND_LABELS,
  RECURRENCE_THRESHOLD,
  isMonth,
  addMonths,
  monthsOf,
  validateMonthRange,
  periodContaining,
  periodKindOf,
  sameMonthsYearBefore,
  chinaMonth,
  sparklineMonths,
  tileChange,
  rankByKpi,
  sketchedCentroid,
} from './supervision';
export type { PeriodKind, MonthRange, KpiArea, KpiUnit, AlertKind } from './supervision';

export {
  WORK_UNIT_KINDS,
  WORK_UNIT_KIND_LABELS,
  WORK_UNIT_LEVELS,
  WORK_UNIT_LEVEL_LABELS,
  POSTING_ROLES,
  POSTING_ROLE_LABELS,
  POSTING_STATES,
  POSTING_STATE_LABELS,
  POSTING_MACHINE,
  VISIT_PURPOSES,
  VISIT_PURPOSE_LABELS,
  ASSISTANCE_TYPES,
  ASSISTANCE_TYPE_LABELS,
  ASSISTANCE_STATES,
  ASSISTANCE_STATE_LABELS,
  ASSISTANCE_MACHINE,
  isOpenAssistance,
  VILLAGE_ORGANIZATION_KINDS,
  VILLAGE_ORGANIZATION_KIND_LABELS,
  MODEL_REQUIRED_KINDS,
  adoptsModel,
  DEFAULT_VISIT_TARGETS,
  targetPeriods,
  isOnSchedule,
  visitPeriodStart,
  isVisitDue,
  isBelowCadreTarget,
  cadreVisitTarget,
  onScheduleVisitRate,
  poorVisitMonthsDue,
  incomeGrowth,
  perCapitaIncomeOf,
  VILLAGE_INDICATOR_FIELDS,
  VILLAGE_INDICATOR_LABELS,
  FIRST_INDICATOR_YEAR,
  validateVillageIndicators,
  netAssets,
  SAFE_VILLAGE_YEARS,
  noCasesFor,
} from './village';
export type {
  WorkUnitKind,
  WorkUnitLevel,
  PostingRole,
  PostingState,
  PostingCommandDetails,
  VisitPurpose,
  AssistanceType,
  AssistanceState,
  AssistanceCommand,
  AssistanceCommandDetails,
  VillageOrganizationKind,
  VisitTargets,
  VillageIndicators,
} from './village';

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
