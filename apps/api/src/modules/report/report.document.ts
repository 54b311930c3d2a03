import { formatPercent, MONTHLY_REPORT_STATE_LABELS, type MonthlyReportState } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { chinaDateTime } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { Report } from './report.service';
import type { ReportFigureType, ReportSectionType } from './report.types';

/** A report as a file shows it: one edition's figures (or the live draft's) and the children's sign-off. */
export interface ReportDocument {
  title: string;
  regionName: string;
  month: string;
  state: string;
  /** 第2版 · 签发：张三 2012-07-03 10:00, or why the figures may still change. */
  status: string;
  deadline: string;
  sections: ReportSectionType[];
  children: { name: string; state: string; signedAt: string | null; deadline: string; overdue: boolean }[];
  generatedAt: string;
}

/** The report's document: the edition asked for (a signed one), else the current figures. */
export async function reportDocument(
  ctx: RequestContext,
  report: Report,
  edition: number | null,
): Promise<ReportDocument> {
  const reports = ctx.services.monthlyReports;
  const editions = report.id ? await ctx.loaders.report.editions.load(report.id) : [];
  const chosen = edition == null ? null : editions.find((e) => e.edition === edition);
  if (edition != null && !chosen) throw AppError.badInput(`The report has no edition ${edition}.`, 'edition');
  const children = await reports.childrenOf(ctx, report);
  const names = await ctx.services.region.qualifiedNamesOf(ctx, [
    report.regionCode,
    ...children.map((c) => c.regionCode),
  ]);
  const [year, month] = report.month.split('-');
  const signed =
    chosen ?? (report.state === 'SIGNED' ? editions.find((e) => e.edition === report.edition) : null);
  return {
    title: `${names[0]} ${year}年${Number(month)}月 基层社会治理月报`,
    regionName: names[0] ?? report.regionCode,
    month: report.month,
    state: stateLabel(signed ? 'SIGNED' : report.state),
    status: signed
      ? `第${signed.edition}版 · 签发：${signed.signedByName} ${chinaDateTime(signed.signedAt)}`
      : '未签发：数字随业务数据变化，签发后冻结',
    deadline: reports.deadline(report),
    sections: signed ? signed.sections : await reports.sectionsOf(ctx, report),
    children: children.map((c, i) => ({
      name: names[i + 1] ?? c.regionCode,
      state: stateLabel(c.state),
      signedAt: chinaDateTime(c.signedAt),
      deadline: reports.deadline(c),
      overdue: reports.overdue(c),
    })),
    generatedAt: chinaDateTime(new Date())!,
  };
}

function stateLabel(state: MonthlyReportState): string {
  return MONTHLY_REPORT_STATE_LABELS[state].zh;
}

/** A figure's value as the report prints it: counts whole, rates as percentages, days to one decimal. */
export function shownValue(figure: Pick<ReportFigureType, 'value' | 'unit'>): string {
  if (figure.value == null) return '—';
  switch (figure.unit) {
    case 'RATE':
      return formatPercent(figure.value);
    case 'DAYS':
      return figure.value.toFixed(1);
    case 'COUNT':
      return String(figure.value);
  }
}
