/** A statistics page's URL state: ?region=230129&from=2012-01-01&to=2012-12-31. */
export interface Period {
  region: string;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^\d{6,15}$/;

/** The whole of a year, as the API's dates. */
export function yearRange(year: number | string): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The year a range covers exactly (1 January to 31 December), or null. */
export function wholeYear({ from, to }: { from: string; to: string }): number | null {
  const year = from.slice(0, 4);
  return from === `${year}-01-01` && to === `${year}-12-31` ? Number(year) : null;
}

/**
 * The year a page opens on: this year (China time), or where it has no data, the newest year that has
 * (`fallback` then says so). With no data at all, this year, which shows as empty.
 */
export function openingYear(years: readonly number[], thisYear: number): { year: number; fallback: boolean } {
  if (years.length === 0 || years.includes(thisYear)) return { year: thisYear, fallback: false };
  return { year: Math.max(...years), fallback: true };
}

/**
 * The page's region and range from its query string: the region defaults to the user's jurisdiction; the
 * range is null when the URL gives none (the page then opens on `openingYear`). Null: nothing to ask yet.
 */
export function periodFromSearch(
  search: URLSearchParams,
  jurisdiction: string | undefined,
): { region: string; range: { from: string; to: string } | null } | null {
  const region = search.get('region') ?? jurisdiction;
  if (!region || !CODE.test(region)) return null;
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  return { region, range: DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : null };
}

export function periodSearch(period: Period): string {
  return `?${new URLSearchParams({ region: period.region, from: period.from, to: period.to })}`;
}

export interface MonthPoint {
  /** YYYY-MM. */
  month: string;
  [series: string]: number | string;
}

/** Months the trend draws at most; a longer range shows the months that have figures only. */
const MAX_MONTHS = 36;

/**
 * Every month of the range with its figures, zeros where the API lists none (it lists months with data only),
 * so a quiet month shows as a gap rather than vanishing from the trend.
 */
export function monthSeries<T extends { month: string }>(
  from: string,
  to: string,
  byMonth: readonly T[],
  series: readonly string[],
): MonthPoint[] {
  const pick = (m: { month: string } | undefined, month: string): MonthPoint => ({
    month,
    ...Object.fromEntries(series.map((key) => [key, Number((m as Record<string, unknown>)?.[key] ?? 0)])),
  });
  const known = new Map(byMonth.map((m) => [m.month, m]));
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  while (months.length <= MAX_MONTHS) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  if (months.length > MAX_MONTHS || months.length === 0) return byMonth.map((m) => pick(m, m.month));
  return months.map((m) => pick(known.get(m), m));
}
