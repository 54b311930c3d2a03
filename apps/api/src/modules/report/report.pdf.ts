import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { shownValue, type ReportDocument } from './report.document';

/** Noto Sans SC from npm, embedded (subset to the glyphs used) so the PDF reads the same on any machine. */
const FONTS = (() => {
  const require = createRequire(__filename);
  let loaded: { regular: Buffer; bold: Buffer } | undefined;
  return () =>
    (loaded ??= {
      regular: readFileSync(
        require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
      ),
      bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
    });
})();

const MARGIN = 50;

/** The report on A4: title, sign-off status, each section as a table of figures, the child regions' sign-off. */
export function writeReportPdf(doc: ReportDocument, out: Writable): Promise<void> {
  const fonts = FONTS();
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: doc.title, Creator: '强基 Qiangji' },
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  pdf.pipe(out);
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font('bold').fontSize(16).text(doc.title, { align: 'center' });
  pdf.moveDown(0.5);
  pdf.font('regular').fontSize(10).text(`状态：${doc.state}  ${doc.status}`);
  pdf.text(`报送期限：${doc.deadline}    生成时间：${doc.generatedAt}`);
  for (const section of doc.sections) {
    pdf.moveDown(0.8);
    pdf.font('bold').fontSize(12).text(section.title);
    pdf.font('regular').fontSize(10);
    for (const figure of section.figures) row(pdf, width, [figure.label, shownValue(figure)], [0.7, 0.3]);
  }
  if (doc.children.length) {
    pdf.moveDown(0.8);
    pdf.font('bold').fontSize(12).text('下级单位签发情况');
    pdf.font('regular').fontSize(10);
    const widths = [0.4, 0.2, 0.25, 0.15];
    row(pdf, width, ['单位', '状态', '签发时间', '期限'], widths);
    for (const c of doc.children)
      row(
        pdf,
        width,
        [c.name, c.overdue ? `${c.state}（已超期）` : c.state, c.signedAt ?? '—', c.deadline],
        widths,
      );
  }
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve).once('error', reject);
  });
  pdf.end();
  return done;
}

/** One line of a table: cells side by side at fractions of the width, with a hairline under it. */
function row(pdf: PDFKit.PDFDocument, width: number, cells: string[], fractions: number[]) {
  if (pdf.y > pdf.page.height - MARGIN - 30) pdf.addPage();
  const y = pdf.y + 3;
  let x = MARGIN;
  let bottom = y;
  cells.forEach((cell, i) => {
    const w = width * fractions[i];
    pdf.text(cell, x, y, { width: w - 6, align: i === 0 ? 'left' : 'right' });
    bottom = Math.max(bottom, pdf.y);
    x += w;
  });
  pdf
    .moveTo(MARGIN, bottom + 2)
    .lineTo(MARGIN + width, bottom + 2)
    .lineWidth(0.3)
    .strokeColor('#bbbbbb')
    .stroke();
  pdf.x = MARGIN;
  pdf.y = bottom + 4;
}
