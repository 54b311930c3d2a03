import type { DisputeType, RegionLevel } from '@qiangji/domain';

/** The figures of a cohort: the cases accepted (受理) in the range, each counted once for its whole life. */
export interface MediationFigures {
  accepted: number;
  mediated: number;
  failed: number;
  withdrawn: number;
  open: number;
  overdue: number;
  /** mediated ÷ accepted, never rounded (formatPercent rounds for display); null with no case. */
  mediationRate: number | null;
  medianDaysToConclude: number | null;
  followedUp: number;
  honoured: number;
}

export interface MediationStats extends MediationFigures {
  regionCode: string;
  from: string;
  to: string;
  region: { code: string; name: string; level: RegionLevel };
  byType: (MediationFigures & { type: DisputeType })[];
  /** Months with cases only, oldest first: YYYY-MM. */
  byMonth: (MediationFigures & { month: string })[];
  byChildRegion: (MediationFigures & {
    regionCode: string;
    region: { code: string; name: string; level: RegionLevel };
  })[];
  petitionBacklog: { backlog: number; resolved: number; resolutionRate: number | null };
  legalClinics: { clinics: number; peopleServed: number; disputesMediated: number; petitionsHandled: number };
}

const FIGURES = `accepted mediated failed withdrawn open overdue mediationRate medianDaysToConclude followedUp honoured`;

/** One read for the whole overview page; run through the disputeCases resource's `stats` operation. */
export const MEDIATION_STATS = `query MediationStats($regionCode: String!, $from: Date!, $to: Date!) {
  result: mediationStats(regionCode: $regionCode, from: $from, to: $to) {
    regionCode from to ${FIGURES}
    region { code name level }
    byType { type ${FIGURES} }
    byMonth { month ${FIGURES} }
    byChildRegion { regionCode region { code name level } ${FIGURES} }
    petitionBacklog { backlog resolved resolutionRate }
    legalClinics { clinics peopleServed disputesMediated petitionsHandled }
  }
}`;

export interface MonthBar {
  /** YYYY-MM. */
  month: string;
  accepted: number;
  mediated: number;
}

/** Months the chart draws at most; a longer range shows the months that have cases only. */
const MAX_MONTHS = 36;

/**
 * Every month of the range with its figures, zeros where the API lists none (it lists months with cases only),
 * so a quiet month shows as a gap rather than vanishing from the trend.
 */
export function monthSeries(from: string, to: string, byMonth: readonly MonthBar[]): MonthBar[] {
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
  if (months.length > MAX_MONTHS || months.length === 0)
    return byMonth.map(({ month: m, accepted, mediated }) => ({ month: m, accepted, mediated }));
  return months.map((m) => ({
    month: m,
    accepted: known.get(m)?.accepted ?? 0,
    mediated: known.get(m)?.mediated ?? 0,
  }));
}

/** The overview's URL state: /mediation?region=230129&from=2012-01-01&to=2012-12-31. */
export interface OverviewParams {
  region: string;
  from: string;
  to: string;
}

/** The article's year: 10,368 cases accepted and 9,917 mediated in 2012, 95.7%. */
export const DEFAULT_RANGE = { from: '2012-01-01', to: '2012-12-31' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The page's parameters from its query string; the user's jurisdiction and 2012 where absent or malformed. */
export function overviewParams(
  search: URLSearchParams,
  jurisdiction: string | undefined,
): OverviewParams | null {
  const region = search.get('region') ?? jurisdiction;
  if (!region || !/^\d{6,15}$/.test(region)) return null;
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  return {
    region,
    from: DATE.test(from) ? from : DEFAULT_RANGE.from,
    to: DATE.test(to) ? to : DEFAULT_RANGE.to,
  };
}

export function overviewSearch(params: OverviewParams): string {
  return `?${new URLSearchParams({ region: params.region, from: params.from, to: params.to })}`;
}
