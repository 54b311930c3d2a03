import type { Action, AlertKind, KpiUnit, MonthRange } from '@qiangji/domain';
import type { RequestContext } from '../server/context';

/**
 * What a module contributes to the command view (指挥调度), declared beside its services in `defineModule`:
 * KPI tiles read from its rollups (`database/rollup.ts`) and alerts. The supervision module loops over the
 * declarations of every module, like the schema loops over their resolvers; it knows no module.
 */

/** Counts by region code and month (`YYYY-MM`), as a rollup holds them. */
export interface MeasureRow {
  regionCode: string;
  month: string;
  [measure: string]: number | string;
}

/** Where the view reads: the region shown (its path) and its children, which the map and the table rank. */
export interface ViewScope {
  regionCode: string;
  path: string;
  childCodes: readonly string[];
  /** The last month the view needs (the period's end). */
  until: string;
}

/**
 * A rollup that tiles read: a table of `region_code, month, <measures>` kept with ancestors (a region's row
 * counts its whole subtree). `live` reads the counts that depend on the clock (cases whose time has not yet run
 * out) from the facts, for the region and its children, as rows to subtract: one statement over the facts whose
 * clock is still running, which the time limits bound, not the history.
 */
export interface KpiSource {
  rollup: string;
  measures: readonly string[];
  live?: (ctx: RequestContext, scope: ViewScope) => Promise<MeasureRow[]>;
}

/** A source's counts summed over months: within the period, through its end, or before its start. */
export interface KpiWindow {
  sum(measure: string): number;
  through(measure: string): number;
  before(measure: string): number;
}

export interface KpiTile {
  /** Stable key, camelCase: `mediationRate`. The dashboard's KPI picker and the URL use it. */
  key: string;
  /** The area of governance the tile belongs to, for grouping: `mediation`, `security` … */
  area: string;
  label: { zh: string; en: string };
  unit: KpiUnit;
  /** Whether a higher figure is better (a rate) or worse (overdue cases): the map's colours follow it. */
  higherIsBetter: boolean;
  /** The action a caller needs to see the tile; the view leaves out the tiles the roles do not allow. */
  action: Action;
  source: KpiSource;
  /** The figure from the window's counts, with the domain's formula; null where it is undefined (0 ÷ 0). */
  value(w: KpiWindow): number | null;
}

/** One alert of the view: how many, where, and the list that shows them (a resource and its filter). */
export interface AlertItem {
  kind: AlertKind;
  count: number;
  /** The place the alert is about: the region shown, or one place (a recurring dispute's village). */
  regionCode: string;
  /** What recurs, for the recurring kinds: a dispute type, or a resident's masked name. */
  subject: string | null;
  resource: string;
  filter: Record<string, string | string[] | boolean>;
}

export interface AlertSource {
  action: Action;
  read(ctx: RequestContext, scope: ViewScope & { period: MonthRange }): Promise<AlertItem[]>;
}
