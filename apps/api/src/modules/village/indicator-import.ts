import { VILLAGE_INDICATOR_FIELDS, VILLAGE_INDICATOR_LABELS, type VillageIndicators } from '@qiangji/domain';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportLineError } from './profile.types';

export const MAX_IMPORT_LINES = 10_000;
const VILLAGE_CODE = 'villageCode';
const VILLAGE_CODE_ZH = '村代码';

/** A header names a column by its field (`perCapitaNetIncome`) or by its Chinese label (`农民人均纯收入（元）`). */
const COLUMN_OF = new Map<string, string>([
  [VILLAGE_CODE, VILLAGE_CODE],
  [VILLAGE_CODE_ZH, VILLAGE_CODE],
  ...VILLAGE_INDICATOR_FIELDS.flatMap((f) => [
    [f.toLowerCase(), f] as [string, string],
    [VILLAGE_INDICATOR_LABELS[f].zh, f] as [string, string],
  ]),
]);

export interface ParsedIndicatorRow {
  line: number;
  villageCode: string;
  figures: VillageIndicators;
}

export interface ParsedIndicators {
  rows: ParsedIndicatorRow[];
  errors: ImportLineError[];
}

/** One line of a file as text cells, with its line number as a spreadsheet shows it (the header is 1). */
export interface SheetLine {
  line: number;
  cells: string[];
}

const failed = (line: number, message: string): ParsedIndicators => ({
  rows: [],
  errors: [{ line, field: null, message }],
});

/**
 * The lines of an indicator file (a header first) as rows of numbers, with every line's errors of form: a
 * missing or unknown column, a value that is not a number. The figures' rules are the domain's, checked
 * afterwards. CSV and XLSX are read into lines and end here, so both are held to the same rules.
 */
export function parseIndicatorLines(lines: readonly SheetLine[]): ParsedIndicators {
  if (!lines.length) return failed(1, 'The file is empty.');
  if (lines.length - 1 > MAX_IMPORT_LINES)
    return failed(MAX_IMPORT_LINES + 2, `At most ${MAX_IMPORT_LINES} lines at once.`);
  const [header, ...body] = lines;
  const columns = header.cells.map((h) => COLUMN_OF.get(h) ?? COLUMN_OF.get(h.toLowerCase()) ?? null);
  const errors: ImportLineError[] = [];
  header.cells.forEach((h, i) => {
    if (!columns[i]) errors.push({ line: header.line, field: h, message: `Unknown column "${h}".` });
  });
  for (const needed of [VILLAGE_CODE, ...VILLAGE_INDICATOR_FIELDS])
    if (!columns.includes(needed))
      errors.push({ line: header.line, field: needed, message: `The column ${needed} is missing.` });
  if (errors.length) return { rows: [], errors };

  const rows: ParsedIndicatorRow[] = [];
  for (const { cells, line } of body) {
    const cell = (field: string) => cells[columns.indexOf(field)] ?? '';
    const figures: Record<string, number> = {};
    let ok = true;
    for (const field of VILLAGE_INDICATOR_FIELDS) {
      const text = cell(field).replaceAll(',', '');
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) {
        errors.push({
          line,
          field,
          message: text === '' ? `${field} is empty.` : `${field} is not a number: "${cell(field)}".`,
        });
        ok = false;
      }
      figures[field] = value;
    }
    const villageCode = cell(VILLAGE_CODE);
    if (!villageCode) {
      errors.push({ line, field: VILLAGE_CODE, message: 'villageCode is empty.' });
      ok = false;
    }
    if (ok) rows.push({ line, villageCode, figures: figures as unknown as VillageIndicators });
  }
  return { rows, errors };
}

/** A CSV (UTF-8; Excel's BOM is fine) as its lines, each counted as the line it ends on. */
export function parseIndicatorCsv(csv: string): ParsedIndicators {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on.
    records = parse(csv, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return failed((err as CsvError & { lines?: number }).lines ?? 1, err.message);
  }
  return parseIndicatorLines(records.map((r) => ({ line: r.info.lines, cells: r.record })));
}

/** A cell as the text a CSV would hold: numbers as typed, a formula by its result, rich text by its words. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value == null) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return cell.text.trim();
}

/** The first sheet of an XLSX workbook (base64, as a JSON body carries it) as its lines, by their row number. */
export async function parseIndicatorXlsx(base64: string): Promise<ParsedIndicators> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    return failed(1, 'The file is not an XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return failed(1, 'The file is empty.');
  const lines: SheetLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1)));
    // Cells with only formatting left (past the last column, or a whole row) are as empty as in a CSV.
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length) lines.push({ line: row.number, cells });
  });
  return parseIndicatorLines(lines);
}
