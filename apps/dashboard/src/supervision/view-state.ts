import {
  chinaMonth,
  formatPercent,
  isMonth,
  periodContaining,
  type KpiUnit,
  type MonthRange,
} from '@qiangji/domain';

/** The command view's URL state: ?region=230102&from=2012-01&to=2012-12&kpi=mediationRate. */
export interface ViewState extends MonthRange {
  region: string;
  /** The KPI the map and the ranked table show; the first tile's when none is asked for. */
  kpi: string | null;
}

const CODE = /^\d{6,15}$/;

/**
 * The view's state from its query string: the region defaults to the user's jurisdiction, the period to this
 * year (China time). Null: nothing to ask yet (no jurisdiction known, or a malformed region).
 */
export function viewStateFromSearch(
  search: URLSearchParams,
  jurisdiction: string | undefined,
  now: number = Date.now(),
): ViewState | null {
  const region = search.get('region') ?? jurisdiction;
  if (!region || !CODE.test(region)) return null;
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const period =
    isMonth(from) && isMonth(to) && from <= to ? { from, to } : periodContaining('YEAR', chinaMonth(now));
  return { region, ...period, kpi: search.get('kpi') };
}

export function viewSearch(state: ViewState): string {
  const params = new URLSearchParams({ region: state.region, from: state.from, to: state.to });
  if (state.kpi) params.set('kpi', state.kpi);
  return `?${params}`;
}

/** A tile's figure as written on the screen: 95.7% or 1,234; '—' where there is none. */
export function formatFigure(unit: KpiUnit, value: number | null, locale: string): string {
  if (value === null) return '—';
  return unit === 'PERCENT' ? formatPercent(value) : value.toLocaleString(locale);
}

/** A change as precisely as it is written (0.1 point, 0.1%): −0.04 points is no change on the screen either. */
export function shownChange(unit: KpiUnit, change: number): number {
  const steps = unit === 'PERCENT' ? 10 : 1000;
  return Math.round(change * steps) / steps || 0;
}

/** A change against last year, signed: '+0.4' (points, for rates) or '−19.8%' (for counts). */
export function formatChange(unit: KpiUnit, change: number): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  return unit === 'PERCENT' ? `${sign}${size.toFixed(1)}` : `${sign}${formatPercent(size)}`;
}

/** Whether a change is for the better, the worse, or neither: the colour of the arrow. */
export function changeTone(change: number | null, higherIsBetter: boolean): 'better' | 'worse' | 'same' {
  if (change === null || change === 0) return 'same';
  return change > 0 === higherIsBetter ? 'better' : 'worse';
}

/** The list an alert opens: its resource's list page with the alert's filter (react-admin's URL form). */
export function alertLink(alert: { resource: string; filter: Record<string, unknown> }): string {
  return `/${alert.resource}?${new URLSearchParams({ filter: JSON.stringify(alert.filter) })}`;
}
