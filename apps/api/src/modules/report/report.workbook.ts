import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralize } from '../../common/export';
import { shownValue, type ReportDocument } from './report.document';

/** The report as a workbook: the figures (with the raw value beside the shown one) and the children's sign-off. */
export async function writeReportWorkbook(doc: ReportDocument, out: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '强基 Qiangji';
  const sheet = workbook.addWorksheet('月报');
  sheet.columns = [{ width: 28 }, { width: 28 }, { width: 14 }, { width: 14 }];
  sheet.addRow([doc.title]).font = { bold: true, size: 14 };
  sheet.addRow([`状态：${doc.state}`, doc.status]);
  sheet.addRow(['报送期限', doc.deadline]);
  for (const section of doc.sections) {
    sheet.addRow([]);
    sheet.addRow([section.title, section.titleEn]).font = { bold: true };
    sheet.addRow(['指标', 'Figure', '数值', '原始值']).font = { italic: true };
    for (const f of section.figures) sheet.addRow([f.label, f.labelEn, shownValue(f), f.value]);
  }
  if (doc.children.length) {
    const children = workbook.addWorksheet('下级签发');
    children.columns = [{ width: 30 }, { width: 14 }, { width: 18 }, { width: 12 }, { width: 8 }];
    children.addRow(['单位', '状态', '签发时间', '期限', '超期']).font = { bold: true };
    for (const c of doc.children)
      children.addRow([c.name, c.state, c.signedAt, c.deadline, c.overdue ? '是' : '否'].map(neutralize));
  }
  // A page or two of figures: made whole, then sent.
  out.end(Buffer.from(await workbook.xlsx.writeBuffer()));
  await new Promise<void>((resolve, reject) => out.once('finish', resolve).once('error', reject));
}
