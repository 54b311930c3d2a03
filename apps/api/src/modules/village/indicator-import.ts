import { VILLAGE_INDICATOR_FIELDS, VILLAGE_INDICATOR_LABELS, type VillageIndicators } from '@qiangji/domain';
import { CsvError, parse } from 'csv-parse/sync';
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

/**
 * The lines of an indicator CSV (UTF-8, a header first; Excel's BOM is fine) as rows of numbers, with every line's
 * errors of form: a missing or unknown column, a value that is not a number. The figures' rules are the domain's,
 * checked afterwards. Lines are counted from 1 with the header, as a spreadsheet shows them.
 */
export function parseIndicatorCsv(csv: string): { rows: ParsedIndicatorRow[]; errors: ImportLineError[] } {
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
    return {
      rows: [],
      errors: [
        { line: (err as CsvError & { lines?: number }).lines ?? 1, field: null, message: err.message },
      ],
    };
  }
  if (!records.length) return { rows: [], errors: [{ line: 1, field: null, message: 'The file is empty.' }] };
  if (records.length - 1 > MAX_IMPORT_LINES)
    return {
      rows: [],
      errors: [
        { line: MAX_IMPORT_LINES + 2, field: null, message: `At most ${MAX_IMPORT_LINES} lines at once.` },
      ],
    };
  const [header, ...lines] = records;
  const columns = header.record.map((h) => COLUMN_OF.get(h) ?? COLUMN_OF.get(h.toLowerCase()) ?? null);
  const errors: ImportLineError[] = [];
  header.record.forEach((h, i) => {
    if (!columns[i]) errors.push({ line: 1, field: h, message: `Unknown column "${h}".` });
  });
  for (const needed of [VILLAGE_CODE, ...VILLAGE_INDICATOR_FIELDS])
    if (!columns.includes(needed))
      errors.push({ line: 1, field: needed, message: `The column ${needed} is missing.` });
  if (errors.length) return { rows: [], errors };

  const rows: ParsedIndicatorRow[] = [];
  for (const { record, info } of lines) {
    const line = info.lines;
    const cell = (field: string) => record[columns.indexOf(field)] ?? '';
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
