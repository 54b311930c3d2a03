import { defineModule } from '../../common/module';
import { monthlyReportDownload } from './report.download';
import { createReportLoaders, type ReportLoaders } from './report.loaders';
import { MonthlyReportResolver } from './report.resolver';
import { MonthlyReportService } from './report.service';

declare module '../../common/module' {
  interface ModuleServices {
    monthlyReports: MonthlyReportService;
  }
  interface ModuleLoaders {
    report: ReportLoaders;
  }
}

/**
 * Monthly reports (月报) signed off level by level: the sections every module declares (`reportSections`), frozen
 * by each signature, as GraphQL and as PDF and XLSX files.
 */
export const reportModule = defineModule({
  name: 'report',
  tables: ['monthly_report', 'monthly_report_edition', 'monthly_report_event'],
  services: (deps) => ({
    monthlyReports: new MonthlyReportService(deps.modules.flatMap((m) => m.reportSections ?? [])),
  }),
  loaders: (ctx) => ({ report: createReportLoaders(ctx) }),
  resolvers: [MonthlyReportResolver],
  downloads: { monthlyReport: monthlyReportDownload },
});
