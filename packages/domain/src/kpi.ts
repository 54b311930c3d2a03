import { DomainValidationError } from './errors';

// The KPI formulas of the Strong Foundation Project. Rates are fractions (0..1) and are never rounded here:
// the API sums and compares them, and only formatPercent rounds, for display.

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : `a ${value === null ? 'null' : typeof value}`;
}

function requireCount(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DomainValidationError(
      `${field} must be a whole number of 0 or more; got ${shown(value)}.`,
      field,
    );
  }
}

function requireAmount(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new DomainValidationError(
      `${field} must be a finite number of 0 or more; got ${shown(value)}.`,
      field,
    );
  }
}

function countRate(part: number, whole: number, partField: string, wholeField: string): number | null {
  requireCount(part, partField);
  requireCount(whole, wholeField);
  if (part > whole) {
    throw new DomainValidationError(
      `${partField} (${part}) cannot exceed ${wholeField} (${whole}).`,
      partField,
    );
  }
  // Nothing to count yet: the rate is undefined, and 0 would wrongly read as total failure.
  return whole === 0 ? null : part / whole;
}

/** Disputes mediated ÷ disputes accepted. */
export function mediationRate(mediated: number, accepted: number): number | null {
  return countRate(mediated, accepted, 'mediated', 'accepted');
}

/** Petition backlog cases resolved ÷ petition backlog cases. */
export function resolutionRate(resolved: number, backlog: number): number | null {
  return countRate(resolved, backlog, 'resolved', 'backlog');
}

/** Villages that adopted a model ÷ all villages. */
export function promotionRate(adopting: number, total: number): number | null {
  return countRate(adopting, total, 'adopting', 'total');
}

/**
 * Items finished within their time limit ÷ items finished: applications completed on time (办件按时办结率), grid
 * events closed within their deadline.
 */
export function onTimeRate(onTime: number, finished: number): number | null {
  return countRate(onTime, finished, 'onTime', 'finished');
}

/** Appointments the applicant kept ÷ appointments that fell due (kept plus missed). */
export function appointmentKeptRate(kept: number, due: number): number | null {
  return countRate(kept, due, 'kept', 'due');
}

/**
 * The part of a whole that was covered: grid-unit days with an event or a zero report ÷ grid-unit days (how much of
 * the grid reported); households a cadre visited ÷ households, or poor households visited on schedule ÷ poor ones.
 */
export function coverageRate(covered: number, total: number): number | null {
  return countRate(covered, total, 'covered', 'total');
}

/** (this year − last year) ÷ last year, as a fraction: −0.198 is a fall of 19.8%. */
export function yearOnYearChange(current: number, previous: number): number | null {
  // Negative quantities are refused because a negative base flips the sign of the change.
  requireAmount(current, 'current');
  requireAmount(previous, 'previous');
  return previous === 0 ? null : (current - previous) / previous;
}

function requireFraction(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new DomainValidationError(
      `${field} must be a fraction from 0 to 1 (0.929 for 92.9%); got ${shown(value)}.`,
      field,
    );
  }
}

/**
 * The change between two rates in percentage points: 0.929 after 0.925 is +0.4 points. Points are not a
 * percent change of the rate (that would be +0.43%), which is why they get their own function.
 */
export function percentagePointChange(current: number, previous: number): number {
  requireFraction(current, 'current');
  requireFraction(previous, 'previous');
  return (current - previous) * 100;
}

/** (end ÷ start)^(1 ÷ years) − 1: the constant yearly growth that leads from start to end. */
export function compoundAnnualGrowth(start: number, end: number, years: number): number | null {
  requireAmount(start, 'start');
  requireAmount(end, 'end');
  requireAmount(years, 'years');
  // Growth from nothing, or over no time at all, has no rate.
  if (start === 0 || years === 0) return null;
  return (end / start) ** (1 / years) - 1;
}

/**
 * A fraction as a percentage for display, rounded half away from zero: 0.9565 → '95.7%'; null (an undefined
 * rate) → '—'. Rounding goes through the decimal text rather than toFixed, which rounds the binary value
 * and would turn 1.005% into '1.00%'.
 */
export function formatPercent(fraction: number | null, digits = 1): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new DomainValidationError(
      `digits must be a whole number from 0 to 10; got ${shown(digits)}.`,
      'digits',
    );
  }
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '—';
  // 15 significant digits drop the noise of binary arithmetic (0.205 * 100 = 20.500000000000004).
  const percent = Number((fraction * 100).toPrecision(15));
  const [mantissa, exponent = '0'] = String(Math.abs(percent)).split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + digits}`));
  const sign = percent < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${(scaled / 10 ** digits).toFixed(digits)}%`;
}

export type KpiId =
  | 'mediationRate'
  | 'resolutionRate'
  | 'yearOnYearChange'
  | 'percentagePointChange'
  | 'compoundAnnualGrowth'
  | 'promotionRate';

export interface KpiFormula {
  /** The name of the function in this package that computes the KPI. */
  readonly id: KpiId;
  readonly label: Readonly<{ zh: string; en: string }>;
  readonly formula: string;
  /** The figure from the 2013 Heilongjiang Daily report that the formula is tested against. */
  readonly reference: string;
}

const KPI_LABELS: Readonly<Record<KpiId, KpiFormula['label']>> = {
  mediationRate: { zh: '调解率', en: 'Mediation rate' },
  resolutionRate: { zh: '信访积案化解率', en: 'Petition backlog resolution rate' },
  yearOnYearChange: { zh: '同比变化', en: 'Year-on-year change' },
  percentagePointChange: { zh: '满意度变化（百分点）', en: 'Satisfaction change (percentage points)' },
  compoundAnnualGrowth: { zh: '年均增长率', en: 'Compound annual growth' },
  promotionRate: { zh: '推广率', en: 'Model promotion rate' },
};

/** Each KPI's formula and its reference figure, in the order the KPIs are listed. */
const KPI_DEFINITIONS: Readonly<Record<KpiId, readonly [formula: string, reference: string]>> = {
  mediationRate: ['mediated ÷ accepted', '9,917 of 10,368 accepted disputes mediated: 95.7%'],
  resolutionRate: ['resolved ÷ backlog', 'petition backlog resolution rate in 2012: 80%'],
  yearOnYearChange: [
    '(this year − last year) ÷ last year',
    'reported cases −19.8%, homicides −18.3% year on year',
  ],
  percentagePointChange: [
    '(this year − last year) × 100, rates as fractions',
    'public sense-of-security satisfaction 92.9% in 2012, +0.4 points on 2011',
  ],
  compoundAnnualGrowth: [
    '(end ÷ start)^(1 ÷ years) − 1',
    '通河县 farmers’ per-capita net income +18.1% a year over four years',
  ],
  promotionRate: ['adopting villages ÷ all villages', '“1+3+N” model in 293 pilot villages: 20.5%'],
};

export const KPI_FORMULAS: readonly KpiFormula[] = Object.freeze(
  Object.entries(KPI_DEFINITIONS).map(([id, [formula, reference]]) =>
    Object.freeze({
      id: id as KpiId,
      label: Object.freeze({ ...KPI_LABELS[id as KpiId] }),
      formula,
      reference,
    }),
  ),
);
