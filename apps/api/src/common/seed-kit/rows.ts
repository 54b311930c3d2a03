import { constantCase } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';

/** A column's SQL type as the rows' document is read with it (`varchar`, `ltree`, `text[]`, `region_level`). */
export type SqlType = string;

/** The TypeScript value a column of that type takes in a row; a missing key or null is NULL. */
export type SqlValue<T extends SqlType> = T extends `${string}[]`
  ? readonly unknown[]
  : T extends 'int' | 'integer' | 'bigint' | 'numeric'
    ? number | string
    : T extends 'boolean'
      ? boolean
      : T extends 'timestamptz'
        ? Date | string
        : T extends 'jsonb' | 'json'
          ? unknown
          : string;

export type Columns = Readonly<Record<string, SqlType>>;

export type RowOf<C extends Columns> = { readonly [K in keyof C]?: SqlValue<C[K]> | null };

/** A table as a seed or a bulk writer fills it: its columns by the rows' keys, each with its SQL type. */
export interface RowsTable<C extends Columns> {
  table: string;
  columns: C;
  /**
   * Columns the statement computes, as SQL over the row's columns (`r."receivedAt"`): a sequence's next value,
   * or, for a column of the rows, its default (`COALESCE(r."validFrom", current_date)`).
   */
  computed: Readonly<Record<string, string>>;
}

/**
 * Declares a table for `insertRows`. The rows' keys are the columns in camelCase (`regionCode` fills
 * `region_code`), so a seed's own objects go in as they are; keys that are not columns are ignored.
 */
export function rowsTable<const C extends Columns>(
  table: string,
  columns: C,
  computed: Record<string, string> = {},
): RowsTable<C> {
  return { table, columns, computed };
}

/**
 * Many rows in one statement: the rows as one JSON document, read by `json_to_recordset` with each column's type,
 * in the document's order (so identities and sequences follow it). PostgreSQL parses one document faster than
 * dozens of parallel arrays. `tail` is what follows the SELECT (`ON CONFLICT … DO NOTHING RETURNING id`).
 */
export async function insertRows<C extends Columns, R = unknown>(
  m: EntityManager,
  into: RowsTable<C>,
  rows: readonly RowOf<C>[],
  tail = '',
): Promise<R[]> {
  if (!rows.length) return [];
  const keys = Object.keys(into.columns);
  const written = [...new Set([...keys, ...Object.keys(into.computed)])];
  return m.query(
    `INSERT INTO ${into.table} (${written.map((k) => constantCase(k).toLowerCase()).join(', ')})
     SELECT ${written.map((k) => into.computed[k] ?? `r."${k}"`).join(', ')}
     FROM json_to_recordset($1::json) AS r(${keys.map((k) => `"${k}" ${into.columns[k]}`).join(', ')})
     ${tail}`,
    [JSON.stringify(rows)],
  );
}
