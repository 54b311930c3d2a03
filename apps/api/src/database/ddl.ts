import type { QueryRunner } from 'typeorm';
import { addScopedTable } from './scoped-table';

/**
 * The column definitions most tables of a module share, for a `CREATE TABLE`. Each migration's SQL stays
 * what it produced when it ran: change these only together with a new migration that changes the tables.
 */

/** A row's optimistic-lock version and its stamps (`common/sql.ts`'s versioned update bumps both). */
export const STAMPS = `version integer NOT NULL DEFAULT 1, created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** Who created the row, and the request's idempotency key with the hash of its input (both or neither). */
export const IDEMPOTENCY = `idempotency_key text, idempotency_hash text, created_by text NOT NULL,
  CHECK ((idempotency_key IS NULL) = (idempotency_hash IS NULL))`;

/** A repeated create command with the same key finds the row its first call made (one per creator and key). */
export async function addIdempotencyIndex(q: QueryRunner, table: string): Promise<void> {
  await q.query(
    `CREATE UNIQUE INDEX ${table}_idempotency ON ${table} (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL`,
  );
}

/**
 * An object's timeline: one row per command, append-only for the request role, scoped by the path its writer
 * copies from the object, read in order by the object's id. `objectColumn` names the object (`report_id`) and
 * the index (`<table>_report`).
 */
export async function addTimelineTable(
  q: QueryRunner,
  t: {
    table: string;
    objectColumn: string;
    objectTable: string;
    /** Every command moves from a state (the report's first row is a signature, not a creation). */
    fromStateRequired?: boolean;
    /** Declares `region_path` beside the object (the villages' timeline); else it is the last column. */
    pathBesideObject?: boolean;
  },
): Promise<void> {
  await q.query(`
    CREATE TABLE ${t.table} (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ${t.objectColumn} uuid NOT NULL REFERENCES ${t.objectTable} (id),${t.pathBesideObject ? '\n      region_path ltree NOT NULL,' : ''}
      at timestamptz NOT NULL DEFAULT now(),
      command text NOT NULL,
      from_state text${t.fromStateRequired ? ' NOT NULL' : ''},
      to_state text NOT NULL,
      actor_name text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    )`);
  const index = `${t.table}_${t.objectColumn.replace(/_id$/, '')}`;
  await q.query(`CREATE INDEX ${index} ON ${t.table} (${t.objectColumn}, id)`);
  await addScopedTable(q, t.table, { pathFromRegionCode: false, grants: ['SELECT', 'INSERT'] });
}
