import type { RequestContext } from '../server/context';
import type { Label } from './export';

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

/**
 * A module's part of the monthly report (月报): a titled list of figures computed for a subtree and a month, in the
 * caller's scoped transaction. Declared in `defineModule({ reportSections })`; the report lays the sections out
 * in the order of `MODULES`, and a signed report keeps them as they were (a snapshot).
 */
export interface ReportSection {
  key: string;
  title: Label;
  figures(ctx: RequestContext, scope: ReportScope): Promise<ReportFigure[]>;
}

/** A figure that counts things. */
export function countFigure(key: string, label: Label, value: number): ReportFigure {
  return { key, label, value, unit: 'COUNT' };
}

/** A figure that is a rate: a fraction 0..1, shown as a percentage (null where undefined). */
export function rateFigure(key: string, label: Label, value: number | null): ReportFigure {
  return { key, label, value, unit: 'RATE' };
}

/** A duration in days; null when there was nothing to measure. */
export function daysFigure(key: string, label: Label, value: number | null): ReportFigure {
  return { key, label, value, unit: 'DAYS' };
}
