import {
  addMonths,
  onTimeRate,
  type Action,
  type AlertKind,
  type KpiArea,
  type KpiUnit,
  type MonthRange,
} from '@qiangji/domain';
import type { RequestContext } from '../server/context';
import type { Params } from './sql';

/**
 * What a module contributes to the command view (指挥调度), declared beside its services in `defineModule`:
 * KPI tiles read from its rollups (`database/rollup.ts`) and alerts. The supervision module loops over the
 * declarations of every module, like the schema loops over their resolvers; it knows no module.
 */

/** Where the view reads: the region shown (its path) and its children, which the map and the table rank. */
export interface ViewScope {
  regionCode: string;
  path: string;
  childCodes: readonly string[];
  /** The last month the view needs (the period's end). */
  until: string;
}

/**
 * Facts whose time has not run out yet, counted by the month of `at` (China time) as `measure`: a tile's overdue
 * figure is its rollup's open items with a due time less these, whatever the clock says now. The view reads them
 * in its one statement, for the region and its children: the facts still within their time, which the time
 * limits bound (an index on the due time), not the history.
 */
export interface RunningFacts {
  /** The fact table, read as alias `c`. */
  fact: string;
  /** The condition (on `c`) of a fact that is open, with a due time not yet past. */
  notYetDue: string;
  /** The instant (timestamptz column of `c`) whose month keys the fact in the rollup. */
  at: string;
  measure: string;
}

/**
 * A rollup that tiles read: a relation of `region_code, month, <measures>` that counts a region's whole subtree
 * in its row (a trigger-kept rollup, `database/rollup.ts`, or a view over a few-row table of yearly figures).
 * `grain: 'year'` is a relation of yearly figures (a survey, a village's yearly profile) whose `month` is the
 * year's first day: its windows go by years.
 */
export interface KpiSource {
  rollup: string;
  measures: readonly string[];
  grain?: 'month' | 'year';
  running?: RunningFacts;
  /**
   * Its tiles read the months before the period (`through`, `before`: a backlog): `years` names the rollup's yearly
   * twin (the same measures by region and year, `month` the year's first day), which gives the years before those
   * shown, so a backlog reads a row per year of history, not one per month. Without `history` the view reads only
   * the months it shows: what it reads grows with the period and the children, not with the years of history.
   */
  history?: { years: string };
}

/**
 * A source's counts summed over its months (or years): within the period, through its end, or before its start
 * (a source with `history` only);
 * `start` is the key just before the period (a yearly source's base year), `end` the period's last key, `span`
 * the keys from one to the other (the years of a growth). A monthly source's children are summed over the period
 * as one key, so monthly tiles use the sums; `start`/`end` are for yearly sources.
 */
export interface KpiWindow {
  sum(measure: string): number;
  through(measure: string): number;
  before(measure: string): number;
  start(measure: string): number;
  end(measure: string): number;
  span: number;
}

export type TileAlertFilter = Record<string, string | string[] | boolean>;

/** An alert that is a tile's own figure for the region shown: one definition on one screen. */
export interface TileAlert {
  kind: AlertKind;
  resource: string;
  /** The list's filter that counts what the tile counts, for the region and period shown. */
  filter(scope: ViewScope & { period: MonthRange }): TileAlertFilter;
}

export interface KpiTile {
  /** Stable key, camelCase: `mediationRate`. The dashboard's KPI picker and the URL use it. */
  key: string;
  /** The area of governance the tile belongs to: the view groups and orders its tiles by area. */
  area: KpiArea;
  label: { zh: string; en: string };
  unit: KpiUnit;
  /** Whether a higher figure is better (a rate) or worse (overdue cases): the map's colours follow it. */
  higherIsBetter: boolean;
  /** The action a caller needs to see the tile; the view leaves out the tiles the roles do not allow. */
  action: Action;
  source: KpiSource;
  /** The figure from the window's counts, with the domain's formula; null where it is undefined (0 ÷ 0). */
  value(w: KpiWindow): number | null;
  /** Shown among the alerts too, with the tile's figure as its count. */
  alert?: TileAlert;
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

/**
 * An alert of one count over few rows, for the region shown: the view reads every such count in one statement.
 * `count` is a scalar SQL expression (a sub-select) in the caller's scope, its values bound through `p`; `filter`
 * the list's filter that counts the same.
 */
export interface CountAlert {
  kind: AlertKind;
  action: Action;
  resource: string;
  count(p: Params, scope: ViewScope & { period: MonthRange }): string;
  filter(scope: ViewScope & { period: MonthRange }): TileAlertFilter;
}

/** The first and last day of a period of months: a list's day filters for what the period's tiles count. */
export function periodDays(period: MonthRange): { from: string; to: string } {
  const next = new Date(`${addMonths(period.to, 1)}-01T00:00:00Z`);
  return { from: `${period.from}-01`, to: new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10) };
}

/** A tile of a rate (a fraction, compared in percentage points), a higher one better. */
export function rateTile(t: Omit<KpiTile, 'unit' | 'higherIsBetter'>): KpiTile {
  return { ...t, unit: 'PERCENT', higherIsBetter: true };
}

/**
 * The one definition of an overdue tile, for every area: of the items the source counts in the period (its
 * cohort: cases accepted, applications submitted, events reported), those open with a due time (`open_due`) less
 * those whose time has not run out (`running`, counted as `not_yet_due`): overdue now. Its alert is the same
 * figure, linked to the list filtered to the same items (`filter`, given the period's first and last day).
 */
export function overdueTile(t: {
  key: string;
  area: KpiArea;
  label: { zh: string; en: string };
  action: Action;
  source: KpiSource & { running: RunningFacts };
  alert: {
    kind: AlertKind;
    resource: string;
    filter: (regionCode: string, days: { from: string; to: string }) => TileAlertFilter;
  };
}): KpiTile {
  return {
    key: t.key,
    area: t.area,
    label: t.label,
    unit: 'COUNT',
    higherIsBetter: false,
    action: t.action,
    source: t.source,
    value: (w) => w.sum('open_due') - w.sum(t.source.running.measure),
    alert: {
      kind: t.alert.kind,
      resource: t.alert.resource,
      filter: ({ regionCode, period }) => t.alert.filter(regionCode, periodDays(period)),
    },
  };
}

type OverdueTileInput = Parameters<typeof overdueTile>[0];

/**
 * The two tiles of work against a deadline (applications, grid events): the share of the finished ones finished
 * in time (`onTimeRate` of two of the source's measures), and the overdue ones (`overdueTile`).
 */
export function deadlineTiles(t: {
  area: KpiArea;
  action: Action;
  source: OverdueTileInput['source'];
  onTime: { key: string; label: { zh: string; en: string }; finished: string; inTime: string };
  overdue: Pick<OverdueTileInput, 'key' | 'label' | 'alert'>;
}): KpiTile[] {
  const { area, action, source } = t;
  return [
    rateTile({
      key: t.onTime.key,
      area,
      label: t.onTime.label,
      action,
      source,
      value: (w) => onTimeRate(w.sum(t.onTime.inTime), w.sum(t.onTime.finished)),
    }),
    overdueTile({ ...t.overdue, area, action, source }),
  ];
}
