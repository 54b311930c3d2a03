import { chinaDay } from './china-time';
import { DomainValidationError } from './errors';
import { percentagePointChange, yearOnYearChange } from './kpi';
import type { LatLng } from './grid';
import type { Labels } from './machine';

// The command view (指挥调度): periods of whole months, compared with the same months a year before, and the
// tiles' units. Rollups are by region and month, so every period the view offers is a range of months.

export const PERIOD_KINDS = ['MONTH', 'QUARTER', 'YEAR', 'CUSTOM'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Labels<PeriodKind> = Object.freeze({
  MONTH: { zh: '月度', en: 'Month' },
  QUARTER: { zh: '季度', en: 'Quarter' },
  YEAR: { zh: '年度', en: 'Year' },
  CUSTOM: { zh: '自定义', en: 'Custom' },
});

/** A range of whole months, both included: `YYYY-MM`. */
export interface MonthRange {
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

function parts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function monthOf(year: number, month: number): string {
  const index = year * 12 + (month - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `month` moved by `delta` months: addMonths('2012-01', -1) is '2011-12'. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = parts(month);
  return monthOf(y, m + delta);
}

/** Every month of a range, oldest first. */
export function monthsOf(range: MonthRange): string[] {
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** A range the API accepts: two months, in order, at most ten years long (a wall display, not a scan). */
export function validateMonthRange(range: MonthRange): MonthRange {
  for (const end of ['from', 'to'] as const)
    if (!isMonth(range[end]))
      throw new DomainValidationError(`${end} must be a month written YYYY-MM; got ${range[end]}.`, end);
  if (range.from > range.to) throw new DomainValidationError('`to` must be on or after `from`.', 'to');
  if (monthsOf(range).length > 120)
    throw new DomainValidationError('A period is at most 120 months long.', 'from');
  return range;
}

/** The period of a kind that contains `month`: its month, its quarter or its calendar year. */
export function periodContaining(kind: Exclude<PeriodKind, 'CUSTOM'>, month: string): MonthRange {
  const [y, m] = parts(month);
  if (kind === 'MONTH') return { from: month, to: month };
  if (kind === 'YEAR') return { from: monthOf(y, 1), to: monthOf(y, 12) };
  const first = m - ((m - 1) % 3);
  return { from: monthOf(y, first), to: monthOf(y, first + 2) };
}

/** The kind a range is exactly (a calendar month, quarter or year), else CUSTOM. */
export function periodKindOf(range: MonthRange): PeriodKind {
  for (const kind of ['MONTH', 'QUARTER', 'YEAR'] as const) {
    const p = periodContaining(kind, range.from);
    if (p.from === range.from && p.to === range.to) return kind;
  }
  return 'CUSTOM';
}

/** The same months a year before: what every tile is compared with. */
export function sameMonthsYearBefore(range: MonthRange): MonthRange {
  return { from: addMonths(range.from, -12), to: addMonths(range.to, -12) };
}

/** The month an instant falls in, China time. */
export function chinaMonth(instant: Date | number = Date.now()): string {
  return chinaDay(instant).slice(0, 7);
}

/** The sparkline's months: the twelve ending with the period's last month. */
export function sparklineMonths(range: MonthRange): MonthRange {
  return { from: addMonths(range.to, -11), to: range.to };
}

/** The areas of governance of the command view's tiles, in the order it shows them (the article's five). */
export const KPI_AREAS = ['mediation', 'village', 'service', 'grid', 'security'] as const;
export type KpiArea = (typeof KPI_AREAS)[number];
export const KPI_AREA_LABELS: Labels<KpiArea> = Object.freeze({
  mediation: { zh: '矛盾纠纷大调解', en: 'Grand mediation' },
  village: { zh: '单位包村、干部驻村', en: 'Villages and stationed cadres' },
  service: { zh: '社区公共服务', en: 'Public services' },
  grid: { zh: '网格化管理', en: 'Grid management' },
  security: { zh: '公共安全', en: 'Public security' },
});

export const KPI_UNITS = ['PERCENT', 'COUNT'] as const;
/** A rate (a fraction 0..1, compared in percentage points) or a count (compared as a change in percent). */
export type KpiUnit = (typeof KPI_UNITS)[number];

/**
 * A tile's change against the same period a year before: percentage points for rates (92.9% after 92.5% is
 * +0.4), a fraction for counts (−0.198 is 19.8% fewer). Null where either side has no figure, or a count had none.
 */
export function tileChange(unit: KpiUnit, current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return unit === 'PERCENT' ? percentagePointChange(current, previous) : yearOnYearChange(current, previous);
}

/**
 * Rows ranked by a KPI's figure, best first by the KPI's own sense (a rate high, overdue cases low), rows without a
 * figure last: the order of the command view's table of child regions and of its export.
 */
export function rankByKpi<R>(
  rows: readonly R[],
  value: (row: R) => number | null,
  higherIsBetter: boolean,
): R[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return higherIsBetter ? y - x : x - y;
  });
}

/**
 * The alerts of the command view, each a link to the filtered list. The other areas' kinds are named already
 * (applications, events, grid units, cadres), so their modules declare a source for a kind the dashboard knows.
 */
export const ALERT_KINDS = [
  'HIGH_RISK_DISPUTES',
  'OVERDUE_DISPUTES',
  'RECURRING_DISPUTES_PLACE',
  'RECURRING_DISPUTES_PARTY',
  'OVERDUE_APPLICATIONS',
  'OVERDUE_EVENTS',
  'GRID_UNITS_WITHOUT_REPORTS',
  'CADRES_BELOW_VISIT_TARGET',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Labels<AlertKind> = Object.freeze({
  HIGH_RISK_DISPUTES: { zh: '高风险纠纷', en: 'High-risk disputes' },
  OVERDUE_DISPUTES: { zh: '超期纠纷', en: 'Overdue disputes' },
  RECURRING_DISPUTES_PLACE: { zh: '同地同类纠纷反复发生', en: 'Recurring disputes: same place and type' },
  RECURRING_DISPUTES_PARTY: { zh: '同一当事人纠纷反复发生', en: 'Recurring disputes: same party' },
  OVERDUE_APPLICATIONS: { zh: '超期办件', en: 'Overdue applications' },
  OVERDUE_EVENTS: { zh: '超期网格事件', en: 'Overdue grid events' },
  GRID_UNITS_WITHOUT_REPORTS: { zh: '无上报网格', en: 'Grid units without reports' },
  CADRES_BELOW_VISIT_TARGET: { zh: '走访未达标干部', en: 'Cadres below their visit target' },
});

/** Disputes of the same place and type, or of the same party, this many times in a calendar year: recurring. */
export const RECURRENCE_THRESHOLD = 3;

/** How far from its parent's centroid a region's sketched mark may lie, by its depth (the city is 1), in degrees. */
const SKETCH_RADIUS_DEGREES = (depth: number) => 0.12 / 4 ** Math.max(0, depth - 2);
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Where the map puts a region that has no centroid of its own (no boundary imported, no survey point): inside a
 * disc around its parent's centroid, the `index`-th of its `count` siblings on a sunflower spiral (evenly spread,
 * never on top of each other), the disc smaller at each level down. Deterministic, so the map does not jump
 * between visits; a sketch of the layout that keeps drill-down drawable, not a position to navigate by.
 */
export function sketchedCentroid(parent: LatLng, index: number, count: number, depth: number): LatLng {
  const r = SKETCH_RADIUS_DEGREES(depth) * Math.sqrt((index + 0.5) / Math.max(count, 1));
  const angle = index * GOLDEN_ANGLE;
  // A degree of longitude is shorter than one of latitude at Harbin's 45°: widen it so the disc stays round.
  const lngScale = 1 / Math.cos((parent.lat * Math.PI) / 180);
  return { lat: parent.lat + r * Math.sin(angle), lng: parent.lng + r * Math.cos(angle) * lngScale };
}
