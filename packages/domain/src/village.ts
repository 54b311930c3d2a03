import { chinaDay } from './china-time';
import { DomainValidationError } from './errors';
import { compoundAnnualGrowth, coverageRate } from './kpi';
import { defineMachine, type Labels } from './machine';
import type { Role } from './permissions';

// Villages and stationed cadres (单位包村、干部驻村): work units paired with villages, cadres posted there, their
// household visits (走访) and assistance (帮扶), and the village profiles the results are measured on.

export const WORK_UNIT_KINDS = ['DEPARTMENT', 'STATE_ENTERPRISE', 'INSTITUTION'] as const;
export type WorkUnitKind = (typeof WORK_UNIT_KINDS)[number];
export const WORK_UNIT_KIND_LABELS: Labels<WorkUnitKind> = Object.freeze({
  DEPARTMENT: { zh: '党政机关', en: 'Department' },
  STATE_ENTERPRISE: { zh: '国有企业', en: 'State enterprise' },
  INSTITUTION: { zh: '事业单位', en: 'Public institution' },
});

export const WORK_UNIT_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'] as const;
export type WorkUnitLevel = (typeof WORK_UNIT_LEVELS)[number];
export const WORK_UNIT_LEVEL_LABELS: Labels<WorkUnitLevel> = Object.freeze({
  PROVINCE: { zh: '省直', en: 'Province' },
  CITY: { zh: '市直', en: 'City' },
  COUNTY: { zh: '县（市、区）直', en: 'County' },
  TOWNSHIP: { zh: '乡镇', en: 'Township' },
});

export const POSTING_ROLES = ['FIRST_SECRETARY', 'TEAM_LEADER', 'TEAM_MEMBER'] as const;
export type PostingRole = (typeof POSTING_ROLES)[number];
export const POSTING_ROLE_LABELS: Labels<PostingRole> = Object.freeze({
  FIRST_SECRETARY: { zh: '第一书记', en: 'First secretary' },
  TEAM_LEADER: { zh: '工作队长', en: 'Team leader' },
  TEAM_MEMBER: { zh: '工作队员', en: 'Team member' },
});

/** A posting is active until it ends with its handover note; a cadre has one active posting at a time. */
export const POSTING_STATES = ['ACTIVE', 'ENDED'] as const;
export type PostingState = (typeof POSTING_STATES)[number];
export const POSTING_STATE_LABELS: Labels<PostingState> = Object.freeze({
  ACTIVE: { zh: '在岗', en: 'Active' },
  ENDED: { zh: '已结束', en: 'Ended' },
});
const POSTING_OFFICE: readonly Role[] = [
  'CITY_ADMIN',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
];
export interface PostingCommandDetails {
  end: { endsOn: string; handoverNote: string };
}
export const POSTING_MACHINE = defineMachine<PostingState, PostingCommandDetails>({
  states: POSTING_STATES,
  commands: {
    end: {
      from: ['ACTIVE'],
      to: 'ENDED',
      roles: POSTING_OFFICE,
      label: { zh: '结束驻村并交接', en: 'End and hand over' },
    },
  },
});

export const VISIT_PURPOSES = [
  'POVERTY_CHECK',
  'POLICY_EXPLANATION',
  'DISPUTE',
  'PRODUCTION_HELP',
  'OTHER',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_PURPOSE_LABELS: Labels<VisitPurpose> = Object.freeze({
  POVERTY_CHECK: { zh: '贫困核查', en: 'Poverty check' },
  POLICY_EXPLANATION: { zh: '政策宣讲', en: 'Policy explanation' },
  DISPUTE: { zh: '矛盾纠纷', en: 'Dispute' },
  PRODUCTION_HELP: { zh: '生产帮助', en: 'Production help' },
  OTHER: { zh: '其他', en: 'Other' },
});

export const ASSISTANCE_TYPES = [
  'LOAN',
  'INPUTS',
  'GREENHOUSE_OR_BUILDING',
  'MARKET',
  'JOB',
  'TRAINING',
  'MEDICAL',
  'EDUCATION',
  'OTHER',
] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];
export const ASSISTANCE_TYPE_LABELS: Labels<AssistanceType> = Object.freeze({
  LOAN: { zh: '协调贷款', en: 'Loan arranged' },
  INPUTS: { zh: '购买生产资料', en: 'Inputs bought' },
  GREENHOUSE_OR_BUILDING: { zh: '建大棚、建房', en: 'Greenhouse or building' },
  MARKET: { zh: '联系市场和买家', en: 'Market and buyers' },
  JOB: { zh: '介绍工作', en: 'Job' },
  TRAINING: { zh: '技能培训', en: 'Training' },
  MEDICAL: { zh: '医疗救助', en: 'Medical' },
  EDUCATION: { zh: '助学', en: 'Education' },
  OTHER: { zh: '其他', en: 'Other' },
});

export const ASSISTANCE_STATES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'ABANDONED'] as const;
export type AssistanceState = (typeof ASSISTANCE_STATES)[number];
export const ASSISTANCE_STATE_LABELS: Labels<AssistanceState> = Object.freeze({
  PLANNED: { zh: '计划中', en: 'Planned' },
  IN_PROGRESS: { zh: '实施中', en: 'In progress' },
  DONE: { zh: '已完成', en: 'Done' },
  ABANDONED: { zh: '已放弃', en: 'Abandoned' },
});

/** Cadres arrange assistance; the officers of the village's jurisdiction may record it for them. */
const ASSISTING: readonly Role[] = [
  'CITY_ADMIN',
  'DISTRICT_OFFICER',
  'STREET_OFFICER',
  'COMMUNITY_STAFF',
  'STATIONED_CADRE',
];

/** What each step of an assistance records on its timeline. */
export interface AssistanceCommandDetails {
  start: { on: string };
  complete: { on: string; outcome: string };
  abandon: { on: string; reason: string };
}
export type AssistanceCommand = keyof AssistanceCommandDetails;

export const ASSISTANCE_MACHINE = defineMachine<AssistanceState, AssistanceCommandDetails>({
  states: ASSISTANCE_STATES,
  commands: {
    start: { from: ['PLANNED'], to: 'IN_PROGRESS', roles: ASSISTING, label: { zh: '开始实施', en: 'Start' } },
    complete: { from: ['IN_PROGRESS'], to: 'DONE', roles: ASSISTING, label: { zh: '完成', en: 'Complete' } },
    abandon: {
      from: ['PLANNED', 'IN_PROGRESS'],
      to: 'ABANDONED',
      roles: ASSISTING,
      label: { zh: '放弃', en: 'Abandon' },
    },
  },
});

/** Assistance still owed to a household: what a handover passes on to the next cadre. */
export function isOpenAssistance(state: AssistanceState): boolean {
  return state === 'PLANNED' || state === 'IN_PROGRESS';
}

// The "1+3+N" model (新庄模式): one Party branch as the core, three platforms, any number of associations.
export const VILLAGE_ORGANIZATION_KINDS = [
  'PARTY_BRANCH',
  'COOPERATIVE',
  'TRADE_UNION',
  'SERVICE_CENTRE',
  'ASSOCIATION',
] as const;
export type VillageOrganizationKind = (typeof VILLAGE_ORGANIZATION_KINDS)[number];
export const VILLAGE_ORGANIZATION_KIND_LABELS: Labels<VillageOrganizationKind> = Object.freeze({
  PARTY_BRANCH: { zh: '党支部', en: 'Party branch' },
  COOPERATIVE: { zh: '农民专业合作社', en: "Farmers' cooperative" },
  TRADE_UNION: { zh: '村工会', en: 'Village trade union' },
  SERVICE_CENTRE: { zh: '便民服务中心', en: 'Convenience service centre' },
  ASSOCIATION: { zh: '协会', en: 'Association' },
});
/** The "1" and the "3": a village adopts the model when it has all four. */
export const MODEL_REQUIRED_KINDS: readonly VillageOrganizationKind[] = Object.freeze([
  'PARTY_BRANCH',
  'COOPERATIVE',
  'TRADE_UNION',
  'SERVICE_CENTRE',
]);

/** Whether a village with organisations of these kinds (active ones) has adopted the "1+3+N" model. */
export function adoptsModel(kinds: readonly VillageOrganizationKind[]): boolean {
  return MODEL_REQUIRED_KINDS.every((k) => kinds.includes(k));
}

/**
 * How often households must be visited, and how many visits a month a stationed cadre owes: every poor household
 * at least once a month, every household at least once a quarter (the article's "knows every household").
 * The API reads its own values from its configuration; these are the defaults.
 */
export interface VisitTargets {
  /** A poor household is visited at least once in every period of this many calendar months. */
  poorHouseholdMonths: number;
  /** Any household at least once in every period of this many calendar months. */
  householdMonths: number;
  /** Visits a month below which a cadre is behind. */
  cadreVisitsPerMonth: number;
}
export const DEFAULT_VISIT_TARGETS: VisitTargets = Object.freeze({
  poorHouseholdMonths: 1,
  householdMonths: 3,
  cadreVisitsPerMonth: 8,
});

function monthIndex(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new DomainValidationError(`${day} is not a YYYY-MM-DD day.`);
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function requireMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1)
    throw new DomainValidationError(`months must be a whole number of 1 or more; got ${months}.`, 'months');
}

/** The periods of `months` calendar months, counted from the month of `from`, that the days touch. */
export function targetPeriods(from: string, to: string, months: number): number {
  requireMonths(months);
  const span = monthIndex(to) - monthIndex(from) + 1;
  return span <= 0 ? 0 : Math.ceil(span / months);
}

/**
 * Whether visits on these days keep a household on its schedule over [from, to]: at least one visit in every
 * period of `months` months counted from the month of `from`. The API's SQL (`visit.sql.ts`) states the same
 * rule and is tested against this function.
 */
export function isOnSchedule(
  visitDays: readonly string[],
  from: string,
  to: string,
  months: number,
): boolean {
  const periods = targetPeriods(from, to, months);
  const start = monthIndex(from);
  const covered = new Set(
    visitDays.filter((d) => d >= from && d <= to).map((d) => Math.floor((monthIndex(d) - start) / months)),
  );
  return covered.size === periods;
}

/**
 * 贫困户按期走访率 (poor households visited on schedule), the one definition behind the command view's tile,
 * cadreStats' `onScheduleRate` and the monthly report: of the visits the poor households were owed over a run of
 * calendar months — one in every month for each poor household (the monthly schedule of `DEFAULT_VISIT_TARGETS`)
 * — the share that were made: poor household-months with at least one visit ÷ poor household-months due
 * (`poorVisitMonthsDue`). For one month it is the share of the poor households visited in that month.
 *
 * Chosen over "the share of poor households visited in every month of the period" (`isOnSchedule`, which
 * cadreStats still counts as `poorVisitedOnSchedule`) because it is a sum of monthly counts: a rollup by region
 * and month gives it exactly for any run of months (a month, a quarter, a year, a custom range), and a region's
 * months add up from its children's. "Every month" is not a sum: a household visited in January and in March is
 * in both months' counts but not on schedule for the quarter. Twice in one month still counts once.
 */
export function onScheduleVisitRate(visitedMonths: number, dueMonths: number): number | null {
  return coverageRate(visitedMonths, dueMonths);
}

/**
 * The poor household-months due over [from, to]: every poor household once in each calendar month the days
 * touch. The register keeps a household's poverty as it is now (its `POOR_HOUSEHOLD` tag), not its history,
 * so today's poor households are due in every month of the period.
 */
export function poorVisitMonthsDue(poorHouseholds: number, from: string, to: string): number {
  return poorHouseholds * targetPeriods(from, to, 1);
}

/** The visits a cadre owes over [from, to]: the monthly target for every calendar month the days touch. */
export function cadreVisitTarget(
  from: string,
  to: string,
  targets: VisitTargets = DEFAULT_VISIT_TARGETS,
): number {
  return targetPeriods(from, to, 1) * targets.cadreVisitsPerMonth;
}

/**
 * The first day of the period of `months` calendar months, counted from January, that `day` falls in: the
 * 1st of its month for a monthly target, of its quarter for a quarterly one.
 */
export function visitPeriodStart(day: string, months: number): string {
  requireMonths(months);
  const index = monthIndex(day);
  const start = index - (index % 12) + Math.floor((index % 12) / months) * months;
  return `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Whether a household is due for a visit on `today`: not visited since its period began (a poor household's
 * month, any other's quarter by default), or never visited at all.
 */
export function isVisitDue(
  lastVisitedOn: string | null,
  poor: boolean,
  today: string,
  targets: VisitTargets = DEFAULT_VISIT_TARGETS,
): boolean {
  const months = poor ? targets.poorHouseholdMonths : targets.householdMonths;
  return lastVisitedOn == null || lastVisitedOn < visitPeriodStart(today, months);
}

/** Whether a cadre's visits over [from, to] fall short of the monthly target. */
export function isBelowCadreTarget(
  visits: number,
  from: string,
  to: string,
  targets: VisitTargets = DEFAULT_VISIT_TARGETS,
): boolean {
  return visits < cadreVisitTarget(from, to, targets);
}

/**
 * Income growth per household, village or county: the compound annual growth from the first to the last year of
 * a yearly series (years need not be consecutive). Fewer than two years, or a start of nothing: null.
 */
export function incomeGrowth(series: readonly { year: number; income: number }[]): number | null {
  if (series.length < 2) return null;
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return compoundAnnualGrowth(first.income, last.income, last.year - first.year);
}

/**
 * Per-capita income of many villages together: each village's per-capita income weighted by its population,
 * as a county's figure is made from its villages' (never the plain mean of their figures).
 */
export function perCapitaIncomeOf(villages: readonly { perCapitaIncome: number; population: number }[]) {
  const people = villages.reduce((n, v) => n + v.population, 0);
  if (people === 0) return null;
  return villages.reduce((sum, v) => sum + v.perCapitaIncome * v.population, 0) / people;
}

/** One year of a village's profile, as entered or imported: counts, land in mu and money in whole yuan. */
export interface VillageIndicators {
  year: number;
  households: number;
  population: number;
  cultivatedLandMu: number;
  poorHouseholds: number;
  perCapitaNetIncome: number;
  collectiveAssets: number;
  collectiveDebts: number;
  householdsInOrganizations: number;
}
export const VILLAGE_INDICATOR_FIELDS = [
  'year',
  'households',
  'population',
  'cultivatedLandMu',
  'poorHouseholds',
  'perCapitaNetIncome',
  'collectiveAssets',
  'collectiveDebts',
  'householdsInOrganizations',
] as const satisfies readonly (keyof VillageIndicators)[];
export const VILLAGE_INDICATOR_LABELS: Labels<keyof VillageIndicators> = Object.freeze({
  year: { zh: '年度', en: 'Year' },
  households: { zh: '户数', en: 'Households' },
  population: { zh: '人口', en: 'Population' },
  cultivatedLandMu: { zh: '耕地（亩）', en: 'Cultivated land (mu)' },
  poorHouseholds: { zh: '贫困户', en: 'Poor households' },
  perCapitaNetIncome: { zh: '农民人均纯收入（元）', en: 'Per-capita net income (yuan)' },
  collectiveAssets: { zh: '集体资产（元）', en: 'Collective assets (yuan)' },
  collectiveDebts: { zh: '集体负债（元）', en: 'Collective debts (yuan)' },
  householdsInOrganizations: { zh: '入社入会户数', en: 'Households in organisations' },
});

export const FIRST_INDICATOR_YEAR = 1949;

/**
 * Checks one year of a profile: whole numbers of 0 or more (land may have decimals, two at most), money as whole
 * yuan, parts no larger than their wholes, a year that has begun. The first broken rule is thrown, with its field.
 */
export function validateVillageIndicators(
  value: VillageIndicators,
  currentYear = Number(chinaDay().slice(0, 4)),
): VillageIndicators {
  const whole = (field: keyof VillageIndicators, what = 'a whole number of 0 or more') => {
    const n = value[field];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
      throw new DomainValidationError(`${field} must be ${what}; got ${String(n)}.`, field);
  };
  if (!Number.isInteger(value.year) || value.year < FIRST_INDICATOR_YEAR || value.year > currentYear)
    throw new DomainValidationError(
      `year must be from ${FIRST_INDICATOR_YEAR} to ${currentYear}; got ${String(value.year)}.`,
      'year',
    );
  for (const f of ['households', 'population', 'poorHouseholds', 'householdsInOrganizations'] as const)
    whole(f);
  for (const f of ['perCapitaNetIncome', 'collectiveAssets', 'collectiveDebts'] as const)
    whole(f, 'whole yuan, 0 or more');
  const land = value.cultivatedLandMu;
  if (typeof land !== 'number' || !Number.isFinite(land) || land < 0 || Math.round(land * 100) !== land * 100)
    throw new DomainValidationError(
      `cultivatedLandMu must be 0 or more mu, with at most two decimals; got ${String(land)}.`,
      'cultivatedLandMu',
    );
  for (const part of ['poorHouseholds', 'householdsInOrganizations'] as const)
    if (value[part] > value.households)
      throw new DomainValidationError(`${part} (${value[part]}) cannot exceed households.`, part);
  if (value.households > value.population)
    throw new DomainValidationError('households cannot exceed population.', 'households');
  return value;
}

/** Collective assets less debts: 新庄村 went from CNY 1.4 million of debt to 10.9 million of net assets. */
export function netAssets(v: Pick<VillageIndicators, 'collectiveAssets' | 'collectiveDebts'>): number {
  return v.collectiveAssets - v.collectiveDebts;
}

/** How many years in a row without a public-order case make a safe village (the article's 15 villages). */
export const SAFE_VILLAGE_YEARS = 3;

/**
 * Whether a village's safety records show no case of the kind in each of the `years` years up to `year`; a year
 * without a record is not a year without cases.
 */
export function noCasesFor(
  records: readonly { year: number; cases: number }[],
  year: number,
  years: number = SAFE_VILLAGE_YEARS,
): boolean {
  const clean = new Set(records.filter((r) => r.cases === 0).map((r) => r.year));
  return Array.from({ length: years }, (_, i) => year - i).every((y) => clean.has(y));
}
