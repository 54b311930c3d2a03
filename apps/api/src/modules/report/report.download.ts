import { z } from 'zod';
import { attachment } from '../../common/export';
import { downloadBody, type Download } from '../../common/module';
import { reportDocument } from './report.document';
import { writeReportPdf } from './report.pdf';
import { writeReportWorkbook } from './report.workbook';

const Body = z.strictObject({
  regionCode: z.string(),
  month: z.string(),
  format: z.enum(['pdf', 'xlsx']),
  /** A signed edition; without it, the report as it stands (the latest signed edition, or the live draft). */
  edition: z.number().int().positive().nullish(),
});

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `POST /downloads/monthlyReport`: the report as a PDF (Chinese in an embedded font) or an XLSX workbook. */
export const monthlyReportDownload: Download = async (ctx, body, res) => {
  const { regionCode, month, format, edition } = downloadBody(Body, body);
  const report = await ctx.services.monthlyReports.get(ctx, regionCode, month);
  const doc = await reportDocument(ctx, report, edition ?? null);
  // The file is made before the first byte, so that an error is an answer, not a cut connection.
  res.status(200).set({
    'Content-Type': TYPES[format],
    'Content-Disposition': attachment(`月报-${doc.regionName}-${month}.${format}`),
    'Cache-Control': 'no-store',
  });
  await (format === 'pdf' ? writeReportPdf(doc, res) : writeReportWorkbook(doc, res));
};
