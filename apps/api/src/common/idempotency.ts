import { createHash } from 'node:crypto';
import type { Principal } from '../server/context';
import { AppError } from './app-error';
import type { Queryable } from './connection';
import { checkText } from './sql';

/**
 * A create command's retry key: the client's key (per caller, so two district systems may both use "1") and a
 * digest of the input, so that the same key with the same input returns the first result and with another input
 * is refused. Tables keep both in `idempotency_key`/`idempotency_hash` with a partial unique index on
 * `(created_by, idempotency_key)`, and insert with `ON CONFLICT … DO NOTHING` (which waits for a concurrent retry
 * to commit, then yields to it).
 */
export interface Idempotency {
  createdBy: string;
  key: string | null;
  hash: string | null;
}

/** Who created a row, as `created_by` keeps it (`USER:…`, `API_KEY:…`). */
export function creatorOf(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}

export function idempotency(principal: Principal, input: { idempotencyKey?: string | null }): Idempotency {
  const key = input.idempotencyKey == null ? null : checkText(input.idempotencyKey, 'idempotencyKey', 100);
  return { createdBy: creatorOf(principal), key, hash: key ? payloadHash(input) : null };
}

/** A stable digest of an input without its key: object keys sorted, dates as ISO text. */
export function payloadHash(input: object): string {
  const canonical = JSON.stringify({ ...input, idempotencyKey: undefined }, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A table that takes creates with a retry key, and the columns (naming it by `alias`) a create answers with. */
export interface IdempotentTable {
  table: string;
  alias: string;
  columns: string;
}

/** The first result of a retried create, when its input matches; BAD_USER_INPUT when it does not. */
export async function replay<T>(m: Queryable, from: IdempotentTable, idem: Idempotency): Promise<T> {
  const [first] = await m.query(
    `SELECT ${from.columns}, ${from.alias}.idempotency_hash AS "idempotencyHash" FROM ${from.table} ${from.alias}
     WHERE ${from.alias}.created_by = $1 AND ${from.alias}.idempotency_key = $2`,
    [idem.createdBy, idem.key],
  );
  if (!first || first.idempotencyHash !== idem.hash)
    throw AppError.badInput('This idempotencyKey was used with another input.', 'idempotencyKey');
  delete first.idempotencyHash;
  return first;
}

/**
 * A create's INSERT under its retry key (`values` by column): the new row, or for a retry the first result
 * (`replayed`, which has nothing left to record).
 */
export async function insertOnce<T>(
  m: Queryable,
  into: IdempotentTable,
  values: Record<string, unknown>,
  idem: Idempotency,
): Promise<{ row: T; replayed: boolean }> {
  const all = {
    ...values,
    idempotency_key: idem.key,
    idempotency_hash: idem.hash,
    created_by: idem.createdBy,
  };
  const columns = Object.keys(all);
  const [row]: T[] = await m.query(
    `INSERT INTO ${into.table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING ${into.columns.replaceAll(`${into.alias}.`, '')}`,
    Object.values(all),
  );
  return row ? { row, replayed: false } : { row: await replay<T>(m, into, idem), replayed: true };
}
