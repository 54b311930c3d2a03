import { onTimeRate, type Action } from '@qiangji/domain';
import type { KpiSource, RunningFacts } from './command-view';
import type { Label } from './export';
import type { Params } from './sql';

/** How a figure of a report reads: a count, a rate (a fraction 0..1, shown as a percentage) or days. */
export type ReportUnit = 'COUNT' | 'RATE' | 'DAYS';

/** One labelled figure of a monthly report. */
export interface ReportFigure {
  key: string;
  label: Label;
  value: number | null;
  unit: ReportUnit;
}

/** The subtree and the month a report is about; days in China time. */
export interface ReportScope {
  regionCode: string;
  path: string;
  /** `YYYY-MM`, and its first and last day. */
  month: string;
  from: string;
  to: string;
}

/** A section's counts as its SQL read them: measure → value (null where nothing was there to measure). */
export type SectionCounts = Record<string, number | null>;

/**
 * A module's part of the monthly report (月报): a titled list of figures for a subtree and a month. Declared in
 * `defineModule({ reportSections })`; the report lays the sections out in the order of `MODULES`, and a signed
 * report keeps them as they were (a snapshot). A section gives its counts as one SQL expression of a jsonb object
 * (sub-selects of its module's rollups, `||`-joined), its values bound through `p`: the report reads every section
 * in one statement, in the caller's scope, then `figures` turns the counts into the section's figures with the
 * domain's formulas.
 */
export interface ReportSection {
  key: string;
  title: Label;
  /** What the caller needs besides `report:read`, as for the module's own statistics. */
  action?: Action;
  counts(p: Params, scope: ReportScope): string;
  figures(counts: SectionCounts, scope: ReportScope): ReportFigure[];
}

/** The first day of the report's month, and of the same month a year before (a rollup's `month` key). */
export const monthKey = (month: string, yearsBefore = 0) =>
  `${Number(month.slice(0, 4)) - yearsBefore}${month.slice(4)}-01`;

/**
 * A rollup's measures (`KpiSource`: a row per region and month counting the whole subtree) for the report's region:
 * each measure summed over the report's month, and with `history` also `<measure>Through` (every month up to its
 * end) and `<measure>Before` (every month before it): a backlog or a registry counts from the start.
 */
export function rollupCounts(
  p: Params,
  source: Pick<KpiSource, 'rollup' | 'measures'>,
  scope: ReportScope,
  { history = false, month = monthKey(scope.month), prefix = '' } = {},
): string {
  const m = p.param(month, 'date');
  const sums = source.measures.flatMap((measure) => {
    const sum = (when: string) => `coalesce(sum(r.${measure}) FILTER (WHERE r.month ${when}), 0)`;
    const own = [`'${prefix}${measure}', ${sum(`= ${m}`)}`];
    return history
      ? [...own, `'${measure}Through', ${sum(`<= ${m}`)}`, `'${measure}Before', ${sum(`< ${m}`)}`]
      : own;
  });
  return `(SELECT jsonb_build_object(${sums.join(', ')}) FROM ${source.rollup} r
    WHERE r.region_code = ${p.param(scope.regionCode)} AND r.month ${history ? '<=' : '='} ${m})`;
}

/**
 * The facts of the report's month and subtree still within their time (`RunningFacts`), counted as its measure: an
 * overdue figure is the rollup's `open_due` less these (`overdueCount`), as the command view's tile counts it. The
 * facts within their time are read first, by their own index, then narrowed (OFFSET 0 keeps them apart).
 */
export function runningCount(p: Params, r: RunningFacts, scope: ReportScope): string {
  const month = p.param(monthKey(scope.month), 'date');
  return `(SELECT jsonb_build_object('${r.measure}', count(*))
    FROM (SELECT c.region_path, c.${r.at} AS at FROM ${r.fact} c WHERE ${r.notYetDue} OFFSET 0) c
    WHERE c.region_path <@ ${p.param(scope.path, 'ltree')}
      AND date_trunc('month', c.at AT TIME ZONE 'Asia/Shanghai')::date = ${month})`;
}

/** The one definition of overdue (`overdueTile`): open with a due time, less those whose time has not run out. */
export const overdueCount = (c: SectionCounts, running: RunningFacts) =>
  Number(c.open_due ?? 0) - Number(c[running.measure] ?? 0);

/** The measure of a source a figure counts, and its label; the figure's key is the measure's camelCase. */
type Counted = readonly [measure: string, label: Label];

/**
 * The figures of work against a deadline (applications, grid events), as `deadlineTiles` counts them: the month's
 * cohort, those finished and those finished in time (each a measure of `source`), the on-time rate (`onTime` its
 * label) and the overdue (`overdueCount`). Their counts are `deadlineCounts`.
 */
export function deadlineFigures(
  c: SectionCounts,
  source: KpiSource & { running: RunningFacts },
  f: Record<'cohort' | 'finished' | 'inTime', Counted> & { onTime: Label },
): ReportFigure[] {
  const [cohort, finished, inTime] = [f.cohort, f.finished, f.inTime].map(([measure, label]) =>
    countFigure(
      measure.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()),
      label,
      c[measure],
    ),
  );
  return [
    cohort,
    finished,
    inTime,
    rateFigure('onTimeRate', f.onTime, onTimeRate(Number(inTime.value), Number(finished.value))),
    countFigure('overdue', { zh: '超期未办结', en: 'Overdue' }, overdueCount(c, source.running)),
  ];
}

/** The counts `deadlineFigures` reads: the source's rollup of the month and its facts still within their time. */
export const deadlineCounts = (
  p: Params,
  source: KpiSource & { running: RunningFacts },
  scope: ReportScope,
) => `${rollupCounts(p, source, scope)} || ${runningCount(p, source.running, scope)}`;

/** A figure that counts things. */
export function countFigure(key: string, label: Label, value: number | null): ReportFigure {
  return { key, label, value: Number(value ?? 0), unit: 'COUNT' };
}

/** A figure that is a rate: a fraction 0..1, shown as a percentage (null where undefined). */
export function rateFigure(key: string, label: Label, value: number | null): ReportFigure {
  return { key, label, value, unit: 'RATE' };
}

/** A duration in days; null when there was nothing to measure. */
export function daysFigure(key: string, label: Label, value: number | null): ReportFigure {
  return { key, label, value, unit: 'DAYS' };
}
