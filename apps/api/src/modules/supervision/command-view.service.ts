import {
  ALERT_KINDS,
  addMonths,
  KPI_AREAS,
  monthsOf,
  sameMonthsYearBefore,
  sparklineMonths,
  tileChange,
  validateMonthRange,
  type MonthRange,
} from '@qiangji/domain';
import { inScope, requireAction, scopePath } from '../../common/authz';
import { Params } from '../../common/sql';
import type {
  AlertItem,
  AlertSource,
  CountAlert,
  KpiSource,
  KpiTile,
  KpiWindow,
  RunningFacts,
  ViewScope,
} from '../../common/command-view';
import type { RequestContext } from '../../server/context';
import type { CommandView, KpiTileFigures } from './command-view.types';

/** Counts of one source by month, for one region: `month → measure → count`. */
type Months = Map<string, Record<string, number>>;
/** Every source's counts, by source and region code. */
type Counts = Map<KpiSource, Map<string, Months>>;

export type CommandViewResult = CommandView & {
  scope: ViewScope & { period: MonthRange };
  /** The alerts that are tiles' figures, computed with them. */
  tileAlerts: AlertItem[];
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** The month all older months are summed into: before every real month, so `before` and `through` count it. */
const BEFORE = '0000-00';

const runningNames = (r: RunningFacts | undefined) => (r ? [r.fact, r.at, r.measure] : []);

function add(months: Months, month: string, measures: Record<string, number>): void {
  const into = months.get(month) ?? {};
  for (const [k, v] of Object.entries(measures)) into[k] = (into[k] ?? 0) + v;
  months.set(month, into);
}

/** The key of a month in a source's rows: the month, or the year of a yearly source. */
const keyOf = (grain: KpiSource['grain'], month: string) => (grain === 'year' ? month.slice(0, 4) : month);
/** The key before a key: the month before, or the year before. */
const keyBefore = (grain: KpiSource['grain'], key: string) =>
  grain === 'year' ? String(Number(key) - 1) : addMonths(key, -1);

/** The sums a tile's formula reads, over a region's months (or years). */
function windowOf(months: Months | undefined, range: MonthRange, source: KpiSource): KpiWindow {
  const { grain } = source;
  const [from, to] = [keyOf(grain, range.from), keyOf(grain, range.to)];
  const start = keyBefore(grain, from);
  const total = (measure: string, counts: (key: string) => boolean) => {
    let sum = 0;
    for (const [key, measures] of months ?? []) if (counts(key)) sum += measures[measure] ?? 0;
    return sum;
  };
  // Without `history` the months before the period were not read: a sum over them would be silently short.
  const history = (measure: string, counts: (key: string) => boolean) => {
    if (!source.history) throw new Error(`${source.rollup}: the months before a period need history.`);
    return total(measure, counts);
  };
  return {
    sum: (m) => total(m, (key) => key >= from && key <= to),
    through: (m) => history(m, (key) => key <= to),
    before: (m) => history(m, (key) => key < from),
    start: (m) => total(m, (key) => key === start),
    end: (m) => total(m, (key) => key === to),
    span: grain === 'year' ? Number(to) - Number(start) : monthsOf({ from, to }).length,
  };
}

/**
 * The command view: every module's declared tiles (`kpis` in `defineModule`) read from their rollups for the
 * region and its children in one statement, plus each source's clock-dependent counts; the figures, the year
 * before and the sparklines are sums over those few rows, with the modules' own formulas. What it reads does
 * not grow with the facts: one row per region and month.
 */
export class CommandViewService {
  private readonly tiles: readonly KpiTile[];

  private readonly alertSources: readonly AlertSource[];
  private readonly countAlerts: readonly CountAlert[];

  constructor(tiles: readonly KpiTile[], alerts: readonly (AlertSource | CountAlert)[]) {
    this.alertSources = alerts.filter((a): a is AlertSource => 'read' in a);
    this.countAlerts = alerts.filter((a): a is CountAlert => 'count' in a);
    // By area, in the domain's order; within an area as its module declares them.
    this.tiles = [...tiles].sort((a, b) => KPI_AREAS.indexOf(a.area) - KPI_AREAS.indexOf(b.area));
    for (const tile of tiles)
      for (const name of [
        tile.source.rollup,
        ...tile.source.measures,
        ...runningNames(tile.source.running),
        ...(tile.source.history ? [tile.source.history.years] : []),
      ])
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
    const figure = (tile: KpiTile, of: string, range: MonthRange) =>
      tile.value(windowOf(months(tile, of), range, tile.source));
    const figures = tiles.map((tile): KpiTileFigures => {
      const value = figure(tile, code, period);
      const before = figure(tile, code, previous);
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
          value: figure(tile, code, { from: month, to: month }),
        })),
      };
    });
    return {
      regionCode: code,
      from: period.from,
      to: period.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      tiles: figures,
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
          value: figure(tile, child.code, period),
        })),
      })),
      scope,
      tileAlerts: tiles.flatMap((tile, i): AlertItem[] =>
        tile.alert
          ? [
              {
                kind: tile.alert.kind,
                count: figures[i].value ?? 0,
                regionCode: code,
                subject: null,
                resource: tile.alert.resource,
                filter: tile.alert.filter(scope),
              },
            ]
          : [],
      ),
    };
  }

  /**
   * The alerts of the sources the caller's roles allow and those of its tiles, in the domain's order of kinds
   * (stable: within a kind, as the modules declare them).
   */
  async alerts(ctx: RequestContext, view: CommandViewResult): Promise<AlertItem[]> {
    const principal = requireAction(ctx, 'command:read');
    const sources = this.alertSources.filter((s) => principal.actions.has(s.action));
    const read = await Promise.all([
      ...sources.map((s) => s.read(ctx, view.scope)),
      this.counted(
        ctx,
        view.scope,
        this.countAlerts.filter((a) => principal.actions.has(a.action)),
      ),
    ]);
    const rank = (a: AlertItem) => ALERT_KINDS.indexOf(a.kind);
    return [...read.flat(), ...view.tileAlerts].sort((a, b) => rank(a) - rank(b));
  }

  /** The count alerts, every count in one statement. */
  private async counted(
    ctx: RequestContext,
    scope: CommandViewResult['scope'],
    alerts: readonly CountAlert[],
  ): Promise<AlertItem[]> {
    if (alerts.length === 0) return [];
    const p = new Params();
    const counts = alerts.map((a, i) => `(${a.count(p, scope)})::int AS "${i}"`);
    const [row]: Record<string, number>[] = await inScope(ctx, (m) =>
      m.query(`SELECT ${counts.join(', ')}`, p.params),
    );
    return alerts.map((a, i) => ({
      kind: a.kind,
      count: row[i],
      regionCode: scope.regionCode,
      subject: null,
      resource: a.resource,
      filter: a.filter(scope),
    }));
  }

  /**
   * The rollup rows of the region and its children up to the period's end, every source in one statement: the
   * region's months from `since` one by one (its year before and sparkline), and for a source with history the
   * months before as one sum (a backlog counts from the start: the years before `since`'s from its yearly twin);
   * a child's period as one sum (labelled with its first month), with history its months before as another, since
   * a child shows the period's figure only. A yearly source's years from the one before `since`, as they are. So
   * the rows read grow with the months shown, the children and (a backlog's) the years, not with the subtree. The
   * facts still within their time (`running`) in the same statement, by the child they lie in (or the region
   * itself) and month; the region's are the sum of its children's and its own.
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
    const measures = (s: KpiSource) =>
      `jsonb_build_object(${s.measures.map((m) => `'${m}', sum(r.${m})`).join(', ')})`;
    const monthly = `CASE WHEN r.region_code = $5 THEN CASE WHEN r.month < to_date($3, 'YYYY-MM') THEN '${BEFORE}'
          ELSE to_char(r.month, 'YYYY-MM') END
        ELSE CASE WHEN r.month < to_date($4, 'YYYY-MM') THEN '${BEFORE}' ELSE $4 END END`;
    // The months shown: the region's from `since`, a child's from the period's start; a yearly source's years from
    // the one before `since` (a growth's base year). A source with history reads every month before too.
    const shown = (s: KpiSource) =>
      s.history
        ? ''
        : s.grain === 'year'
          ? `AND r.month >= to_date($3, 'YYYY-MM') - interval '1 year'`
          : `AND r.month >= to_date($3, 'YYYY-MM')
            AND r.month >= CASE WHEN r.region_code = $5 THEN to_date($3, 'YYYY-MM') ELSE to_date($4, 'YYYY-MM') END`;
    // A source with history: its months from the year of `since`, the years before from its yearly twin.
    const relation = (s: KpiSource) => {
      if (!s.history) return s.rollup;
      const columns = ['region_code', 'month', ...s.measures].join(', ');
      const year = `date_trunc('year', to_date($3, 'YYYY-MM'))::date`;
      return `(SELECT ${columns} FROM ${s.rollup} WHERE month >= ${year}
        UNION ALL SELECT ${columns} FROM ${s.history.years} WHERE month < ${year})`;
    };
    const selects = sources.flatMap((s, i) => [
      `SELECT ${i} AS source, false AS running, r.region_code::text AS "regionCode",
        ${s.grain === 'year' ? `to_char(r.month, 'YYYY')` : monthly} AS month, ${measures(s)} AS measures
      FROM ${relation(s)} r WHERE r.region_code = ANY($1) AND r.month <= to_date($2, 'YYYY-MM') ${shown(s)}
      GROUP BY 3, 4`,
      ...(s.running ? [runningSql(i, s.running)] : []),
    ]);
    const rows: {
      source: number;
      running: boolean;
      regionCode: string;
      month: string;
      measures: Record<string, number>;
    }[] = await inScope(ctx, (m) =>
      m.query(selects.join('\nUNION ALL\n'), [codes, scope.until, since, from, scope.regionCode, scope.path]),
    );
    const regionMonths = (s: KpiSource, code: string) => {
      const byCode = counts.get(s)!;
      if (!byCode.has(code)) byCode.set(code, new Map());
      return byCode.get(code)!;
    };
    for (const row of rows) {
      const source = sources[row.source];
      add(regionMonths(source, row.regionCode), row.month, row.measures);
      if (row.running && row.regionCode !== scope.regionCode)
        add(regionMonths(source, scope.regionCode), row.month, row.measures);
    }
    return counts;
  }
}

/**
 * The facts of one source still within their time, by the child of `$6` they lie in (the region's own code for a
 * fact on the region itself, `$5`) and month. Read first by their own condition (the index on the due time) and
 * only then narrowed to the subtree: they are few, while the subtree of a city is every fact, which the planner
 * would otherwise AND in (OFFSET 0 keeps the subquery apart).
 */
function runningSql(i: number, r: RunningFacts): string {
  return `SELECT ${i}, true, CASE WHEN nlevel(c.region_path) > nlevel($6::ltree)
      THEN ltree2text(subpath(c.region_path, nlevel($6::ltree), 1)) ELSE $5 END,
      to_char(c.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), jsonb_build_object('${r.measure}', count(*))
    FROM (SELECT c.region_path, c.${r.at} AS at FROM ${r.fact} c WHERE ${r.notYetDue} OFFSET 0) c
    WHERE c.at IS NOT NULL AND c.region_path <@ $6::ltree
      AND c.at < (to_date($2, 'YYYY-MM') + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai'
    GROUP BY 3, 4`;
}
