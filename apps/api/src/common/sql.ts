import { chinaDay, normalizePhone } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from './app-error';
import type { Queryable } from './connection';
import { parseId } from './ids';

/**
 * Runs an UPDATE … RETURNING and gives back its rows: TypeORM returns `[rows, affected]` for UPDATE and
 * DELETE on PostgreSQL but plain rows for everything else.
 */
export async function updateReturning<T>(m: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const result = await m.query(sql, params);
  return Array.isArray(result[0]) ? result[0] : result;
}

/** Marks a statement that PostgreSQL may plan once per connection (`database/preparing-client.ts`). */
export const PREPARED = '/* prepared */ ';

/**
 * A statement worth preparing: one whose plan does not depend on its parameters' values (a row by its key), so
 * that PostgreSQL's generic plan is as good as a custom one. An unnamed statement is parsed, rewritten (the
 * row-level-security policies added) and planned on every execution, which for a point read costs PostgreSQL
 * several times its execution (issue 9: 0.7 ms of planning for 0.13 ms of running the case by id). Lists stay
 * unnamed: with a subtree, a state list or a limit as parameters, a generic plan estimates them by default
 * selectivities and can pick a scan and sort where the custom plan walks an index (measured: 15 ms against 1.7).
 */
export function prepared(sql: string): string {
  return PREPARED + sql;
}

/** `%text%` for ILIKE, with the user's own % and _ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for the first instant of a day in China time, and the first instant after the last day: [from, to + 1). */
export const DAY_START = (param: string) => `(${param}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
export const DAY_AFTER = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** A GraphQL `Date` as the day it names (`YYYY-MM-DD`): the scalar parses to midnight UTC of that day. */
export function isoDay(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** A day that has happened (today included, in China). */
export function pastDay(value: Date | string, field: string): string {
  const day = isoDay(value);
  if (day > chinaDay()) throw AppError.badInput(`${field} cannot be in the future.`, field);
  return day;
}

/** Trimmed text of `min` to `max` characters, else BAD_USER_INPUT on the field. */
export function checkText(value: string | null | undefined, field: string, max: number, min = 1): string {
  const text = (value ?? '').trim();
  if (text.length < min || text.length > max)
    throw AppError.badInput(`${field} needs ${min} to ${max} characters.`, field);
  return text;
}

/** Optional text: null when empty, else checked like `checkText`. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  return value?.trim() ? checkText(value, field, max) : null;
}

/** An optional phone in its normal form: null when empty, else a mainland mobile or landline or BAD_USER_INPUT. */
export function optionalPhone(value: string | null | undefined, field = 'phone'): string | null {
  if (value == null || value.trim() === '') return null;
  const phone = normalizePhone(value);
  if (!phone)
    throw AppError.badInput(`The ${field} is not a valid mainland mobile or landline number.`, field);
  return phone;
}

type Range = { from?: Date | string | null; to?: Date | string | null };

/** The parameters of one statement, numbered as they are added. */
export class Params {
  readonly params: unknown[] = [];

  /** The placeholder of a new parameter. */
  param(value: unknown, cast?: string): string {
    return `$${this.params.push(value)}${cast ? `::${cast}` : ''}`;
  }
}

/**
 * A WHERE clause and its parameters, built one filter at a time. Every list of every module narrows through
 * these builders, so a subtree, a day range or an id means the same everywhere.
 */
export class Where extends Params {
  readonly clauses: string[] = [];

  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** Rows on the region subtree `path` (an ltree `<@`: the GiST index). */
  subtree(column: string, path: string): this {
    return this.add(`${column} <@ ${this.param(path, 'ltree')}`);
  }

  /**
   * Rows whose region code column is one of `codes`, the subtree's codes from the region tree in memory (for tables
   * that keep no path); no codes, no rows.
   */
  codeAmong(column: string, codes: readonly string[]): this {
    return this.add(`${column} = ANY(${this.param(codes, 'varchar[]')})`);
  }

  /** Rows whose column is one of the values; no values, no narrowing. */
  anyOf(column: string, values: readonly string[] | null | undefined): this {
    return values?.length ? this.add(`${column} = ANY(${this.param(values)})`) : this;
  }

  /** Rows with this id in the column; a malformed id is BAD_USER_INPUT on `field`. */
  id(column: string, value: string | null | undefined, field: string): this {
    return value == null ? this : this.add(`${column} = ${this.param(parseId(value, field), 'uuid')}`);
  }

  /** Rows whose text columns contain `text` (ILIKE, the user's % and _ literal). */
  contains(columns: readonly string[], text: string | null | undefined): this {
    if (!text?.trim()) return this;
    const p = this.param(containsPattern(text.trim()));
    return this.add(`(${columns.map((c) => `${c} ILIKE ${p}`).join(' OR ')})`);
  }

  /**
   * Inclusive days in China time: on a `timestamptz` column the instants from the first day's midnight in Harbin
   * to the one after the last day; on a `date` column the days themselves. `to` before `from` is refused.
   */
  days(column: string, range: Range, fields: { from: string; to: string }, type: 'timestamptz' | 'date') {
    const from = range.from ? isoDay(range.from) : null;
    const to = range.to ? isoDay(range.to) : null;
    if (from && to && to < from) throw AppError.badInput(`${fields.to} is before ${fields.from}.`, fields.to);
    if (from)
      this.add(`${column} >= ${type === 'date' ? this.param(from, 'date') : DAY_START(this.param(from))}`);
    if (to)
      this.add(
        type === 'date'
          ? `${column} <= ${this.param(to, 'date')}`
          : `${column} < ${DAY_AFTER(this.param(to))}`,
      );
    return this;
  }

  /** `when` or its negation, as a boolean filter asks; null, no narrowing. */
  flag(value: boolean | null | undefined, when: string, otherwise: string): this {
    return value == null ? this : this.add(value ? when : otherwise);
  }

  override toString(): string {
    return this.clauses.length ? this.clauses.join(' AND ') : 'TRUE';
  }
}

/** A change to a row's columns, with the audit's old and new values, built one field at a time. */
export class Patch {
  readonly sets: [column: string, value: unknown][] = [];
  readonly changes: Record<string, { old?: unknown; new: unknown }> = {};

  /** Sets `column` to `value` and records the field's change (`audited` is what the audit shows, e.g. masked). */
  set(column: string, value: unknown, audit?: { field: string; old: unknown; audited?: unknown }): this {
    this.sets.push([column, value]);
    if (audit) this.changes[audit.field] = { old: audit.old, new: audit.audited ?? value };
    return this;
  }

  /** Records a change the patch does not write itself (a membership list, a state kept by another table). */
  note(field: string, old: unknown, value: unknown): this {
    this.changes[field] = { old, new: value };
    return this;
  }

  get isEmpty(): boolean {
    return this.sets.length === 0;
  }
}

/** A scoped table the kit may update by id: its label names it in NOT_FOUND messages. */
export interface TableRef {
  table: string;
  label: string;
}

/**
 * Optimistic concurrency: `UPDATE … WHERE id = $1 AND version = $2` with the patch, and a check of what came
 * back: no row is NOT_FOUND (not visible) or CONFLICT (someone else changed it first). TypeORM's version column
 * only counts; this is what refuses a change made on top of someone else's. `alongside` adds writes that belong
 * to the change (its timeline row, its audit row) to the same statement, as data-modifying CTEs: one round trip,
 * and they happen only if the row was updated.
 */
export async function versionedUpdate<T>(
  m: Queryable,
  ref: TableRef,
  id: string,
  expectedVersion: number,
  patch: Patch,
  returning: string,
  alongside: (p: Params) => string[] = () => [],
): Promise<T> {
  const p = new Params();
  const where = `id = ${p.param(id, 'uuid')} AND version = ${p.param(expectedVersion)}`;
  const sets = patch.sets.map(([column, value]) => `${column} = ${p.param(value)}`);
  const update = `UPDATE ${ref.table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE ${where} RETURNING ${returning}`;
  const writes = alongside(p);
  const sql = writes.length
    ? `WITH updated AS (${update}), ${writes.map((w, i) => `also_${i} AS (${w})`).join(', ')} SELECT * FROM updated`
    : update;
  const [row] = await updateReturning<T>(m, sql, p.params);
  if (row) return row;
  const [exists] = await m.query(`SELECT version FROM ${ref.table} WHERE id = $1::uuid`, [id]);
  if (!exists) throw AppError.notFound(`${ref.label} ${id} was not found.`);
  throw staleVersion(expectedVersion, exists.version);
}

export function staleVersion(expected: number, current: number): AppError {
  return new AppError('CONFLICT', `Version ${expected} is stale; the current version is ${current}.`);
}

/** The first row of a query, or NOT_FOUND with the message a client reads. */
export async function findOrThrow<T>(
  m: EntityManager | Queryable,
  sql: string,
  params: unknown[],
  notFound: string,
) {
  const [row]: T[] = await m.query(sql, params);
  if (!row) throw AppError.notFound(notFound);
  return row;
}

/** The row a client's id names, read through the service's own `findByIds` (so in scope), or NOT_FOUND. */
export async function getById<T>(
  findByIds: (ids: string[]) => Promise<T[]>,
  id: string,
  label: string,
): Promise<T> {
  const [row] = await findByIds([parseId(id, 'id')]);
  if (!row) throw AppError.notFound(`${label} ${id} was not found.`);
  return row;
}
