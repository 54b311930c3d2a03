import {
  monthsOf,
  sameMonthsYearBefore,
  sparklineMonths,
  tileChange,
  validateMonthRange,
  type MonthRange,
} from '@qiangji/domain';
import { inScope, requireAction, scopePath } from '../../common/authz';
import type {
  AlertItem,
  AlertSource,
  KpiSource,
  KpiTile,
  KpiWindow,
  MeasureRow,
  ViewScope,
} from '../../common/command-view';
import type { RequestContext } from '../../server/context';
import type { CommandView, KpiTileFigures } from './command-view.types';

/** Counts of one source by month, for one region: `month → measure → count`. */
type Months = Map<string, Record<string, number>>;
/** Every source's counts, by source and region code. */
type Counts = Map<KpiSource, Map<string, Months>>;

export type CommandViewResult = CommandView & { scope: ViewScope & { period: MonthRange } };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** The month all older months are summed into: before every real month, so `before` and `through` count it. */
const BEFORE = '0000-00';

function add(months: Months, month: string, measures: Record<string, number>): void {
  const into = months.get(month) ?? {};
  for (const [k, v] of Object.entries(measures)) into[k] = (into[k] ?? 0) + v;
  months.set(month, into);
}

/** The sums a tile's formula reads, over a region's months. */
function windowOf(months: Months | undefined, range: MonthRange): KpiWindow {
  const total = (measure: string, counts: (month: string) => boolean) => {
    let sum = 0;
    for (const [month, measures] of months ?? []) if (counts(month)) sum += measures[measure] ?? 0;
    return sum;
  };
  return {
    sum: (m) => total(m, (month) => month >= range.from && month <= range.to),
    through: (m) => total(m, (month) => month <= range.to),
    before: (m) => total(m, (month) => month < range.from),
  };
}

/**
 * The command view: every module's declared tiles (`kpis` in `defineModule`) read from their rollups for the
 * region and its children in one statement, plus each source's clock-dependent counts; the figures, the year
 * before and the sparklines are sums over those few rows, with the modules' own formulas. What it reads does
 * not grow with the facts: one row per region and month.
 */
export class CommandViewService {
  constructor(
    private readonly tiles: readonly KpiTile[],
    private readonly alertSources: readonly AlertSource[],
  ) {
    for (const tile of tiles)
      for (const name of [tile.source.rollup, ...tile.source.measures])
        if (!IDENTIFIER.test(name)) throw new Error(`KPI ${tile.key}: ${name} is not a plain SQL name.`);
  }

  async view(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    from: string,
    to: string,
  ): Promise<CommandViewResult> {
    const principal = requireAction(ctx, 'command:read');
    const period = validateMonthRange({ from, to });
    const code = regionCode ?? principal.jurisdiction.code;
    const path = await scopePath(ctx, code);
    const children = await ctx.services.region.mapChildren(ctx, code);
    const scope = {
      regionCode: code,
      path,
      childCodes: children.map((c) => c.code),
      until: period.to,
      period,
    };
    const tiles = this.tiles.filter((t) => principal.actions.has(t.action));
    const previous = sameMonthsYearBefore(period);
    // Months before both the year-before period and the sparkline only ever count as a whole ("before").
    const since = [previous.from, sparklineMonths(period).from].sort()[0];
    const counts = await this.counts(ctx, tiles, scope, { since, from: period.from });
    const months = (tile: KpiTile, of: string) => counts.get(tile.source)?.get(of);
    return {
      regionCode: code,
      from: period.from,
      to: period.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      tiles: tiles.map((tile): KpiTileFigures => {
        const own = months(tile, code);
        const value = tile.value(windowOf(own, period));
        const before = tile.value(windowOf(own, previous));
        return {
          key: tile.key,
          area: tile.area,
          label: tile.label,
          unit: tile.unit,
          higherIsBetter: tile.higherIsBetter,
          value,
          previous: before,
          change: tileChange(tile.unit, value, before),
          sparkline: monthsOf(sparklineMonths(period)).map((month) => ({
            month,
            value: tile.value(windowOf(own, { from: month, to: month })),
          })),
        };
      }),
      children: children.map((child) => ({
        regionCode: child.code,
        name: child.name,
        centroid:
          child.centroidLat == null || child.centroidLng == null
            ? null
            : { lat: child.centroidLat, lng: child.centroidLng },
        boundary: (child.boundary as Record<string, unknown> | null) ?? null,
        figures: tiles.map((tile) => ({
          key: tile.key,
          value: tile.value(windowOf(months(tile, child.code), period)),
        })),
      })),
      scope,
    };
  }

  /** The alerts of the sources the caller's roles allow, in the order the modules declare them. */
  async alerts(ctx: RequestContext, scope: ViewScope & { period: MonthRange }): Promise<AlertItem[]> {
    const principal = requireAction(ctx, 'command:read');
    const sources = this.alertSources.filter((s) => principal.actions.has(s.action));
    return (await Promise.all(sources.map((s) => s.read(ctx, scope)))).flat();
  }

  /**
   * The rollup rows of the region and its children up to the period's end, every source in one statement: the
   * region's months from `since` one by one (its year before and sparkline), the history before as one sum (a
   * backlog counts from the start); a child's period as one sum (labelled with its first month) and its history
   * before as another, since a child shows the period's figure only. The
   * clock-dependent counts beside it; the region's own live counts are the sum of its children's and its own.
   */
  private async counts(
    ctx: RequestContext,
    tiles: readonly KpiTile[],
    scope: ViewScope,
    { since, from }: { since: string; from: string },
  ): Promise<Counts> {
    const sources = [...new Set(tiles.map((t) => t.source))];
    const counts: Counts = new Map(sources.map((s) => [s, new Map<string, Months>()]));
    if (sources.length === 0) return counts;
    const codes = [scope.regionCode, ...scope.childCodes];
    const selects = sources.map(
      (s, i) => `SELECT ${i} AS source, r.region_code AS "regionCode",
        CASE WHEN r.region_code = $5 THEN CASE WHEN r.month < to_date($3, 'YYYY-MM') THEN '${BEFORE}'
          ELSE to_char(r.month, 'YYYY-MM') END
        ELSE CASE WHEN r.month < to_date($4, 'YYYY-MM') THEN '${BEFORE}' ELSE $4 END END AS month,
        jsonb_build_object(${s.measures.map((m) => `'${m}', sum(r.${m})`).join(', ')}) AS measures
      FROM ${s.rollup} r WHERE r.region_code = ANY($1) AND r.month <= to_date($2, 'YYYY-MM') GROUP BY 2, 3`,
    );
    const [rows, live] = await Promise.all([
      inScope(ctx, (m) =>
        m.query(selects.join('\nUNION ALL\n'), [codes, scope.until, since, from, scope.regionCode]),
      ) as Promise<{ source: number; regionCode: string; month: string; measures: Record<string, number> }[]>,
      Promise.all(sources.map((s) => s.live?.(ctx, scope) ?? Promise.resolve([] as MeasureRow[]))),
    ]);
    const regionMonths = (s: KpiSource, code: string) => {
      const byCode = counts.get(s)!;
      if (!byCode.has(code)) byCode.set(code, new Map());
      return byCode.get(code)!;
    };
    for (const row of rows) add(regionMonths(sources[row.source], row.regionCode), row.month, row.measures);
    sources.forEach((s, i) => {
      for (const { regionCode, month, ...measures } of live[i]) {
        const numbers = measures as Record<string, number>;
        add(regionMonths(s, scope.regionCode), month, numbers);
        if (regionCode !== scope.regionCode) add(regionMonths(s, regionCode), month, numbers);
      }
    });
    return counts;
  }
}
