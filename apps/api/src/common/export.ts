import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Action } from '@qiangji/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../server/context';
import type { ListQuery } from './connection';

export type Language = 'zh' | 'en';
export type Label = { readonly zh: string; readonly en: string };
export type Cell = string | number | boolean | null;

/** One column of an export: its header in both languages and the cell of a row (a label, a day, a count). */
export interface ExportColumn<T> {
  label: Label;
  value(row: T, language: Language): Cell;
  /** Width in characters in the workbook. */
  width?: number;
}

/**
 * What a list declares to be exported (`defineModule({ exports: [...] })`): the GraphQL list field it exports,
 * whose `filter` and `orderBy` arguments the export takes as they are (validated by the same input types), the
 * statement of the list as the caller may read it, and its columns. The kit streams it as CSV or XLSX.
 */
// A module's export is of its own row type; the kit handles them all alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ListExport<T = any> {
  /** The query field of the list (`disputeCases`): the export's name in `POST /exports/<list>`. */
  list: string;
  /** The sheet's and the file's name. */
  title: Label;
  /** The audit's entity type; the audit action is `<entity>.export` (`disputeCase.export`). */
  entityType: string;
  /** Personal data the export may carry unmasked: the action that allows it (with a purpose) and the fields. */
  reveal?: { action: Action; fields: readonly string[] };
  /** The list's statement for the caller (its read action checked, its region filter in the jurisdiction). */
  query(ctx: RequestContext, args: ExportArgs): Promise<ListQuery<T>>;
  /** Each row gets its region's qualified name (`place`, for `placeColumns`) before `prepare`. */
  placed?: boolean;
  /** Rows as read → rows as exported, a batch at a time: names of what they refer to, a revealed export decrypted. */
  prepare?(ctx: RequestContext, rows: T[], reveal: boolean): Promise<T[]>;
  columns: readonly ExportColumn<T>[];
}

export interface ExportArgs {
  // The values of the list's own GraphQL input types, coerced by them: each module reads them as it does in `list`.
  filter: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  orderBy: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The list field's other arguments (`regionCode` of `gridUnits`), coerced by their types, defaults applied. */
  args: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  reveal: boolean;
}

export function defineExport<T>(definition: ListExport<T>): ListExport<T> {
  return definition;
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first: OWASP's CSV
 * injection list) gets a leading apostrophe, which Excel and LibreOffice show as text. Numbers stay numbers.
 */
export function neutralize(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A day and time in China (`2012-06-01 09:30`), as an export shows an instant. */
export function chinaDateTime(value: Date | string | null): string | null {
  if (value == null) return null;
  const shifted = new Date(new Date(value).getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** A label of an enum value in the export's language, or the value itself when it has none. */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, Label>>,
  value: K | null,
  language: Language,
) {
  return value == null ? null : (labels[value]?.[language] ?? value);
}

/** 是 / 否 (yes / no) in the export's language. */
export function yesNo(value: boolean | null, language: Language): string | null {
  return value == null ? null : (value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' })[language];
}

/**
 * A batch of rows with the name of what one of their ids refers to (an organisation, a work unit, a service
 * item), read by the owning module's `findByIds` in one statement per batch, as the row's `as` field.
 */
export async function withNames<T, K extends string>(
  rows: readonly T[],
  as: K,
  idOf: (row: T) => string | null,
  find: (ids: string[]) => Promise<readonly { id: string; name: string }[]>,
): Promise<(T & Record<K, string | null>)[]> {
  const ids = [...new Set(rows.flatMap((r) => idOf(r) ?? []))];
  const names = new Map(ids.length ? (await find(ids)).map((o) => [o.id, o.name]) : []);
  return rows.map((r) => {
    const id = idOf(r);
    return { ...r, [as]: id == null ? null : (names.get(id) ?? null) } as T & Record<K, string | null>;
  });
}

/** A row placed in a region, with the name officials tell apart (`qualifiedName`) once `withPlaces` has run. */
export type Placed<T extends { regionCode: string }> = T & { place: string | null };

/** A batch of rows with their regions' qualified names, from the region tree in memory (no statement). */
export async function withPlaces<T extends { regionCode: string }>(
  ctx: RequestContext,
  rows: readonly T[],
): Promise<Placed<T>[]> {
  const names = await ctx.services.region.qualifiedNamesOf(
    ctx,
    rows.map((r) => r.regionCode),
  );
  return rows.map((r, i) => ({ ...r, place: names[i] }));
}

/** Where a row is: the region's name and its division code. */
export function placeColumns<T extends { regionCode: string; place?: string | null }>(
  label: Label = { zh: '所在区划', en: 'Region' },
): ExportColumn<T>[] {
  return [
    { label, value: (r) => r.place ?? null, width: 30 },
    { label: { zh: '区划代码', en: 'Division code' }, value: (r) => r.regionCode, width: 14 },
  ];
}

export type ExportFormat = 'csv' | 'xlsx';

/** A table written row by row to a stream: `flush` waits while the client is slower than the database. */
export interface SheetWriter {
  row(cells: readonly Cell[]): void;
  flush(): Promise<void>;
  end(): Promise<void>;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the workbook says about itself: who exported it, when and why (a watermark on every printed page). */
export interface ExportMark {
  title: string;
  by: string;
  at: string;
  purpose: string | null;
}

export function sheetWriter(
  format: ExportFormat,
  out: Writable,
  mark: ExportMark,
  widths: readonly (number | undefined)[] = [],
): SheetWriter {
  return format === 'csv' ? csvWriter(out) : xlsxWriter(out, mark, widths);
}

/** The client closed the connection before the end: the export stops reading. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection');
  }
}

/** Waits while the client's buffer is full; fails once the client has gone, so no more rows are read. */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new ClientGone();
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = (gone: boolean) => () => {
      out.off('drain', onDrain).off('close', onClose);
      if (gone) reject(new ClientGone());
      else resolve();
    };
    const onDrain = done(false);
    const onClose = done(true);
    out.once('drain', onDrain).once('close', onClose);
  });
}

/** UTF-8 with a byte-order mark, so that Excel on a Chinese PC reads it as UTF-8 rather than GBK; CRLF lines. */
function csvWriter(out: Writable): SheetWriter {
  let pending: Cell[][] = [];
  out.write('\uFEFF');
  const write = () => {
    if (pending.length)
      out.write(stringify(pending, { record_delimiter: 'windows', cast: { boolean: String } }));
    pending = [];
  };
  return {
    row: (cells) => void pending.push(cells.map(neutralize)),
    flush: async () => {
      write();
      await drained(out);
    },
    end: async () => {
      write();
      out.end();
      await once(out, 'finish');
    },
  };
}

/** exceljs's streaming writer: each row is committed (written to the zip) as soon as it is added. */
function xlsxWriter(out: Writable, mark: ExportMark, widths: readonly (number | undefined)[]): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = mark.by;
  workbook.created = new Date();
  const footer = `导出：${mark.by} · ${mark.at}${mark.purpose ? ` · 用途：${mark.purpose}` : ''}`;
  const sheet = workbook.addWorksheet(mark.title.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '), {
    views: [{ state: 'frozen', ySplit: 1 }],
    headerFooter: {
      oddHeader: `&L${escapeHeader(mark.title)}`,
      oddFooter: `&L${escapeHeader(footer)}&RP&P / &N`,
    },
  });
  sheet.columns = widths.map((width) => ({ width: width ?? 14 }));
  let header = true;
  return {
    row: (cells) => {
      const row = sheet.addRow(cells.map(neutralize));
      if (header) row.font = { bold: true };
      header = false;
      row.commit();
    },
    flush: () => drained(out),
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** `&` starts a code in Excel's header and footer text. */
function escapeHeader(text: string): string {
  return text.replaceAll('&', '&&');
}

/** A file name in both forms: ASCII for old clients, UTF-8 (RFC 6266, 5987) for the Chinese one. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
