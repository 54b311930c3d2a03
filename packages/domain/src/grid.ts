import { DomainValidationError } from './errors';
import { defineMachine, ruleFor, type Labels } from './machine';
import { AT_RISK_SHARE } from './mediation';
import type { DeadlineStatus } from './dispute-case';
import type { Role } from './permissions';

/**
 * Grid management (网格化管理): what a grid worker reports and the closed loop every report goes through, as in
 * GB/T 30428 on urban grid management: filing → dispatch → disposal → verification → closure → evaluation.
 */
export const GRID_EVENT_CATEGORIES = [
  'PUBLIC_ORDER_HAZARD',
  'FIRE_HAZARD',
  'ENVIRONMENT_SANITATION',
  'ROAD_FACILITY_DAMAGE',
  'NEIGHBOURHOOD_DISPUTE',
  'FOOD_DRUG_SAFETY',
  'SPECIAL_GROUP_WELFARE',
  'FLOATING_POPULATION',
  'OTHER',
] as const;
export type GridEventCategory = (typeof GRID_EVENT_CATEGORIES)[number];
export const GRID_EVENT_CATEGORY_LABELS: Labels<GridEventCategory> = Object.freeze({
  PUBLIC_ORDER_HAZARD: { zh: '治安隐患', en: 'Public-order hazard' },
  FIRE_HAZARD: { zh: '消防隐患', en: 'Fire hazard' },
  ENVIRONMENT_SANITATION: { zh: '环境卫生', en: 'Environment and sanitation' },
  ROAD_FACILITY_DAMAGE: { zh: '道路设施损坏', en: 'Road or facility damage' },
  NEIGHBOURHOOD_DISPUTE: { zh: '邻里纠纷', en: 'Neighbourhood dispute' },
  FOOD_DRUG_SAFETY: { zh: '食品药品安全', en: 'Food and drug safety' },
  SPECIAL_GROUP_WELFARE: { zh: '特殊人群帮扶', en: 'Special-group welfare' },
  FLOATING_POPULATION: { zh: '流动人口登记', en: 'Floating-population registration' },
  OTHER: { zh: '其他', en: 'Other' },
});

export const GRID_EVENT_URGENCIES = ['NORMAL', 'URGENT', 'CRITICAL'] as const;
export type GridEventUrgency = (typeof GRID_EVENT_URGENCIES)[number];
export const GRID_EVENT_URGENCY_LABELS: Labels<GridEventUrgency> = Object.freeze({
  NORMAL: { zh: '一般', en: 'Normal' },
  URGENT: { zh: '紧急', en: 'Urgent' },
  CRITICAL: { zh: '特急', en: 'Critical' },
});

export const GRID_EVENT_SOURCES = ['GRID_WORKER', 'RESIDENT_PORTAL', 'DISTRICT_SYSTEM'] as const;
export type GridEventSource = (typeof GRID_EVENT_SOURCES)[number];
export const GRID_EVENT_SOURCE_LABELS: Labels<GridEventSource> = Object.freeze({
  GRID_WORKER: { zh: '网格员上报', en: 'Grid worker' },
  RESIDENT_PORTAL: { zh: '居民门户', en: 'Resident portal' },
  DISTRICT_SYSTEM: { zh: '区县系统', en: 'District system' },
});

export const GRID_EVENT_STATES = [
  'REPORTED', // 上报
  'FILED', // 立案
  'REJECTED', // 不予立案（重复或无效）
  'DISPATCHED', // 派遣
  'IN_DISPOSAL', // 处置中
  'DISPOSED', // 已处置
  'VERIFIED', // 已核查
  'CLOSED', // 结案
  'EVALUATED', // 已评价
  'REFERRED', // 转人民调解
] as const;
export type GridEventState = (typeof GRID_EVENT_STATES)[number];
export const GRID_EVENT_STATE_LABELS: Labels<GridEventState> = Object.freeze({
  REPORTED: { zh: '已上报', en: 'Reported' },
  FILED: { zh: '已立案', en: 'Filed' },
  REJECTED: { zh: '不予立案', en: 'Rejected' },
  DISPATCHED: { zh: '已派遣', en: 'Dispatched' },
  IN_DISPOSAL: { zh: '处置中', en: 'In disposal' },
  DISPOSED: { zh: '已处置', en: 'Disposed' },
  VERIFIED: { zh: '已核查', en: 'Verified' },
  CLOSED: { zh: '已结案', en: 'Closed' },
  EVALUATED: { zh: '已评价', en: 'Evaluated' },
  REFERRED: { zh: '已转调解', en: 'Referred to mediation' },
});

export const GRID_EVENT_REJECTIONS = ['DUPLICATE', 'INVALID'] as const;
export type GridEventRejection = (typeof GRID_EVENT_REJECTIONS)[number];
export const GRID_EVENT_REJECTION_LABELS: Labels<GridEventRejection> = Object.freeze({
  DUPLICATE: { zh: '重复上报', en: 'Duplicate' },
  INVALID: { zh: '无效上报', en: 'Invalid' },
});

export const ASSIGNEE_KINDS = ['DEPARTMENT', 'PERSON'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LEVEL_LABELS: Labels<SatisfactionLevel> = Object.freeze({
  SATISFIED: { zh: '满意', en: 'Satisfied' },
  BASICALLY_SATISFIED: { zh: '基本满意', en: 'Basically satisfied' },
  DISSATISFIED: { zh: '不满意', en: 'Dissatisfied' },
});

/** The offices that file, dispatch and close events, and the departments' staff that dispose of them. */
const HANDLERS: readonly Role[] = ['CITY_ADMIN', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_STAFF'];
/** Verification is on site: the grid worker who patrols the unit, or the staff above it. */
const ON_SITE: readonly Role[] = ['GRID_WORKER', 'COMMUNITY_STAFF', 'STREET_OFFICER', 'CITY_ADMIN'];
/** The reporter's evaluation, as the grid worker or the staff who heard it record it. */
const EVALUATORS: readonly Role[] = [...ON_SITE, 'DISTRICT_OFFICER'];

/** What each step records on the event's timeline (besides who took it and when). */
export interface GridEventCommandDetails {
  file: { note: string | null };
  reject: { reason: GridEventRejection; duplicateOfId: string | null; note: string | null };
  dispatch: { assigneeKind: AssigneeKind; assignee: string; dueAt: string };
  startDisposal: { note: string | null };
  dispose: { result: string };
  verify: { note: string | null };
  sendBack: { reason: string };
  close: { note: string | null };
  evaluate: { satisfaction: SatisfactionLevel; comment: string | null };
  referToMediation: { disputeCaseId: string; disputeCaseNumber: string };
}
export type GridEventCommand = keyof GridEventCommandDetails;

/** Timeline rows that are not steps of the machine: the report itself. */
export interface GridEventEventDetails extends GridEventCommandDetails {
  report: { source: GridEventSource; category: GridEventCategory; urgency: GridEventUrgency };
}

const handler = ruleFor<GridEventState>(HANDLERS);
const onSite = ruleFor<GridEventState>(ON_SITE);

export const GRID_EVENT_MACHINE = defineMachine<GridEventState, GridEventCommandDetails>({
  states: GRID_EVENT_STATES,
  commands: {
    file: handler(['REPORTED'], 'FILED', '立案', 'File'),
    reject: handler(['REPORTED'], 'REJECTED', '不予立案', 'Reject'),
    dispatch: handler(['FILED'], 'DISPATCHED', '派遣', 'Dispatch'),
    startDisposal: handler(['DISPATCHED'], 'IN_DISPOSAL', '开始处置', 'Start disposal'),
    dispose: handler(['IN_DISPOSAL'], 'DISPOSED', '处置完毕', 'Disposed'),
    verify: onSite(['DISPOSED'], 'VERIFIED', '核查通过', 'Verify'),
    sendBack: onSite(['DISPOSED'], 'IN_DISPOSAL', '退回处置', 'Send back'),
    close: handler(['VERIFIED'], 'CLOSED', '结案', 'Close'),
    evaluate: ruleFor<GridEventState>(EVALUATORS)(['CLOSED'], 'EVALUATED', '评价', 'Evaluate'),
    referToMediation: handler(['REPORTED', 'FILED'], 'REFERRED', '转人民调解', 'Refer to mediation'),
  },
});

/** Until it is closed, rejected or referred, an event is open: it counts as a possible duplicate. */
export const OPEN_GRID_EVENT_STATES: readonly GridEventState[] = [
  'REPORTED',
  'FILED',
  'DISPATCHED',
  'IN_DISPOSAL',
  'DISPOSED',
  'VERIFIED',
];
/** From dispatch to closure the event runs against its deadline. */
export const GRID_EVENT_CLOCK_STATES: readonly GridEventState[] = [
  'DISPATCHED',
  'IN_DISPOSAL',
  'DISPOSED',
  'VERIFIED',
];
/** The states of a closed loop: the event's deadline is met or missed for good. */
export const CLOSED_GRID_EVENT_STATES: readonly GridEventState[] = ['CLOSED', 'EVALUATED'];

/** Only a dispute can become a mediation case. */
export function mayReferToMediation(category: GridEventCategory): boolean {
  return category === 'NEIGHBOURHOOD_DISPUTE';
}

/**
 * Hours from dispatch to closure by category: hazards to life first (a fire hazard within half a day), then
 * public order, food and drugs; routine matters within days. This system's practice, after the time limits
 * that city grid centres publish; the API may override nothing here.
 */
export const GRID_EVENT_HOURS: Readonly<Record<GridEventCategory, number>> = Object.freeze({
  FIRE_HAZARD: 12,
  PUBLIC_ORDER_HAZARD: 24,
  FOOD_DRUG_SAFETY: 24,
  NEIGHBOURHOOD_DISPUTE: 72,
  SPECIAL_GROUP_WELFARE: 48,
  ENVIRONMENT_SANITATION: 72,
  ROAD_FACILITY_DAMAGE: 120,
  FLOATING_POPULATION: 120,
  OTHER: 120,
});
/** Urgency shortens the time: urgent halves it, critical quarters it, never under two hours. */
export const GRID_EVENT_URGENCY_SHARE: Readonly<Record<GridEventUrgency, number>> = Object.freeze({
  NORMAL: 1,
  URGENT: 0.5,
  CRITICAL: 0.25,
});
const MIN_HOURS = 2;
const HOUR_MS = 3_600_000;

/** The hours an event of this category and urgency may take from dispatch to closure. */
export function gridEventHours(category: GridEventCategory, urgency: GridEventUrgency): number {
  const base = GRID_EVENT_HOURS[category];
  const share = GRID_EVENT_URGENCY_SHARE[urgency];
  if (base === undefined)
    throw new DomainValidationError(`${category} is not a grid event category.`, 'category');
  if (share === undefined) throw new DomainValidationError(`${urgency} is not an urgency.`, 'urgency');
  return Math.max(MIN_HOURS, base * share);
}

/** When a dispatched event must be closed, and from when it is at risk of missing that (the last quarter). */
export function gridEventDeadline(
  category: GridEventCategory,
  urgency: GridEventUrgency,
  dispatchedAt: Date,
): { dueAt: Date; atRiskAt: Date } {
  const hours = gridEventHours(category, urgency);
  const dueAt = new Date(dispatchedAt.getTime() + hours * HOUR_MS);
  return { dueAt, atRiskAt: new Date(dueAt.getTime() - hours * AT_RISK_SHARE * HOUR_MS) };
}

/**
 * The one definition of a late event, for the queue, its filter and every statistic (the API's SQL twin is
 * tested against it): overdue while its clock runs and the deadline has passed; a closed event stays late if it
 * was closed after its deadline.
 */
export function gridEventDeadlineStatus(
  e: { state: GridEventState; dueAt: Date | null; atRiskAt: Date | null; closedAt?: Date | null },
  now: Date = new Date(),
): DeadlineStatus {
  if (!e.dueAt) return 'ON_TIME';
  if (CLOSED_GRID_EVENT_STATES.includes(e.state))
    return e.closedAt && e.closedAt > e.dueAt ? 'OVERDUE' : 'ON_TIME';
  if (!GRID_EVENT_CLOCK_STATES.includes(e.state)) return 'ON_TIME';
  if (e.dueAt < now) return 'OVERDUE';
  return e.atRiskAt && e.atRiskAt <= now ? 'AT_RISK' : 'ON_TIME';
}

/** Another open event of the same category this near and this recent is probably the same thing. */
export const DUPLICATE_RADIUS_METRES = 200;
export const DUPLICATE_WINDOW_DAYS = 7;

const EARTH_RADIUS_METRES = 6_371_008.8;
const METRES_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_METRES) / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

export function checkLatLng(p: LatLng): void {
  if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90)
    throw new DomainValidationError('lat must be from -90 to 90.', 'lat');
  if (!Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180)
    throw new DomainValidationError('lng must be from -180 to 180.', 'lng');
}

/** The great-circle distance in metres (haversine): what "within 200 m" means. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The box of latitudes and longitudes that holds every point within `metres` of `p`: the index finds the
 * candidates in it, and `distanceMetres` keeps those truly inside the circle. Far north the degrees of longitude
 * shrink, so the box widens with 1 ÷ cos(lat) (Harbin lies at 45.8°).
 */
export function boundingBox(
  p: LatLng,
  metres: number,
): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  checkLatLng(p);
  const dLat = metres / METRES_PER_DEGREE_LAT;
  const cos = Math.cos((Math.min(89.9, Math.abs(p.lat)) * Math.PI) / 180);
  const dLng = dLat / cos;
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}
