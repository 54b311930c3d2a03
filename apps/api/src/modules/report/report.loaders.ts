import { groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';

const reportId = (row: { reportId: string }) => row.reportId;

/** The editions and timelines of the reports a request reads, batched. */
export function createReportLoaders(ctx: RequestContext) {
  const reports = ctx.services.monthlyReports;
  return {
    editions: groupLoader((ids) => reports.editionsOf(ctx, ids), reportId),
    timeline: groupLoader((ids) => reports.timelineOf(ctx, ids), reportId),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
