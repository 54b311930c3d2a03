import { daysInMonth } from './calendar-date';
import { chinaDay } from './china-time';
import { DomainValidationError } from './errors';
import { defineMachine, type Labels } from './machine';
import type { Role } from './permissions';
import type { RegionTier } from './region';

/**
 * Monthly reports (月报) signed off level by level (逐级审核上报): each community or village, each street or
 * township, each district or county and the city signs the figures of its subtree for a month. A signature freezes
 * them; a new edition needs the level above to reopen the report. Grid units and hamlets sign nothing: they have no
 * office of their own, and their figures are in their community's or village's.
 */
export const REPORT_TIERS: readonly RegionTier[] = Object.freeze(['CITY', 'COUNTY', 'TOWN', 'VILLAGE']);

type ReportTier = 'CITY' | 'COUNTY' | 'TOWN' | 'VILLAGE';

export function isReportTier(tier: RegionTier): boolean {
  return REPORT_TIERS.includes(tier);
}

export const MONTHLY_REPORT_STATES = ['DRAFT', 'SIGNED', 'REOPENED'] as const;
export type MonthlyReportState = (typeof MONTHLY_REPORT_STATES)[number];

export const MONTHLY_REPORT_STATE_LABELS: Labels<MonthlyReportState> = Object.freeze({
  DRAFT: { zh: '待签发', en: 'Not signed' },
  SIGNED: { zh: '已签发', en: 'Signed' },
  REOPENED: { zh: '已退回重报', en: 'Reopened' },
});

/**
 * Who signs a report: the officer of the region's own tier (the city's administrator for the city, the
 * community's or village's staff for theirs).
 */
export const REPORT_SIGNER_ROLES: Readonly<Record<ReportTier, Role>> = Object.freeze({
  CITY: 'CITY_ADMIN',
  COUNTY: 'DISTRICT_OFFICER',
  TOWN: 'STREET_OFFICER',
  VILLAGE: 'COMMUNITY_STAFF',
});

export interface MonthlyReportCommandDetails {
  sign: { edition: number };
  reopen: { edition: number; reason: string };
}
export type MonthlyReportCommand = keyof MonthlyReportCommandDetails;

const OFFICERS: readonly Role[] = Object.values(REPORT_SIGNER_ROLES);

export const MONTHLY_REPORT_MACHINE = defineMachine<MonthlyReportState, MonthlyReportCommandDetails>({
  states: MONTHLY_REPORT_STATES,
  commands: {
    sign: {
      from: ['DRAFT', 'REOPENED'],
      to: 'SIGNED',
      roles: OFFICERS,
      label: { zh: '审核签发', en: 'Sign off' },
    },
    reopen: { from: ['SIGNED'], to: 'REOPENED', roles: OFFICERS, label: { zh: '退回重报', en: 'Reopen' } },
  },
});

/** Where a report stands, as the sign-off rules need it. */
export interface ReportStanding {
  /** The report's region: its tier and its path in the tree (`230100.230102`). */
  tier: RegionTier;
  path: string;
  /** The caller's roles and jurisdiction path. */
  roles: readonly Role[];
  jurisdictionPath: string;
  /** The child regions (at a report tier) whose report for the month is not signed. */
  unsignedChildren: number;
  /** Whether the parent region's report for the month is signed (always false for the city). */
  parentSigned: boolean;
}

/** Why a command on a report is refused: not the caller's to take (FORBIDDEN), or not yet / no longer (CONFLICT). */
export interface ReportRefusal {
  code: 'FORBIDDEN' | 'CONFLICT';
  message: string;
}

/**
 * Why the caller may not take the command on this report now, or null. The state itself is the machine's:
 * - sign: the officer of the region itself (its jurisdiction is the region, its role that of the tier), and
 *   every child region's report of the month is signed first;
 * - reopen: an officer of a level above (its jurisdiction strictly contains the region, its role that of its own
 *   tier), and only while the parent's report is not signed: a signed parent was built on this edition.
 */
export function reportCommandRefusal(command: MonthlyReportCommand, s: ReportStanding): ReportRefusal | null {
  const forbidden = (message: string): ReportRefusal => ({ code: 'FORBIDDEN', message });
  if (!isReportTier(s.tier))
    return forbidden('Only communities and villages, streets, districts and the city sign monthly reports.');
  if (command === 'sign') {
    if (s.jurisdictionPath !== s.path)
      return forbidden('Only the officer of the region itself signs its report.');
    if (!s.roles.includes(signerRole(s.tier)))
      return forbidden(`The report of this level is signed by ${signerRole(s.tier)}.`);
    if (s.unsignedChildren > 0)
      return {
        code: 'CONFLICT',
        message: `${s.unsignedChildren} child region(s) have not signed their report of the month yet.`,
      };
    return null;
  }
  if (!s.path.startsWith(`${s.jurisdictionPath}.`))
    return forbidden('A report is reopened by the level above it.');
  const callerTier = REPORT_TIERS[s.jurisdictionPath.split('.').length - 1];
  if (!callerTier || !s.roles.includes(signerRole(callerTier)))
    return forbidden('Only an officer of a level above reopens a report.');
  if (s.parentSigned)
    return { code: 'CONFLICT', message: 'The report of the level above is signed; reopen that one first.' };
  return null;
}

function signerRole(tier: RegionTier): Role {
  return REPORT_SIGNER_ROLES[tier as keyof typeof REPORT_SIGNER_ROLES];
}

/**
 * The day by which a month's report is due, China time: communities and villages by the 2nd of the next month,
 * streets and townships by the 3rd, districts and counties by the 5th, the city by the 8th, so each level has
 * the days after its children's.
 */
export const REPORT_DUE_DAY: Readonly<Record<ReportTier, number>> = Object.freeze({
  VILLAGE: 2,
  TOWN: 3,
  COUNTY: 5,
  CITY: 8,
});

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A report month `YYYY-MM` that has begun (China time), else a validation error on `field`. */
export function parseReportMonth(month: string, field = 'month', today: string = chinaDay()): string {
  if (!MONTH.test(month)) throw new DomainValidationError('A month is written YYYY-MM, e.g. 2012-06.', field);
  if (month > today.slice(0, 7)) throw new DomainValidationError('That month has not begun yet.', field);
  return month;
}

/** The first and last day of a month (`YYYY-MM`). */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` };
}

/** The due day (`YYYY-MM-DD`, inclusive) of a region's report for the month. */
export function monthlyReportDeadline(month: string, tier: RegionTier): string {
  const due = REPORT_DUE_DAY[tier as keyof typeof REPORT_DUE_DAY];
  if (!due) throw new DomainValidationError(`A ${tier} region signs no monthly report.`, 'tier');
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-${String(due).padStart(2, '0')}`;
}

/** Past its due day and not signed: late (a reopened report is late again until it is signed anew). */
export function isReportOverdue(
  deadline: string,
  state: MonthlyReportState,
  today: string = chinaDay(),
): boolean {
  return state !== 'SIGNED' && today > deadline;
}
