import type { EntityManager } from 'typeorm';
import { AppError } from './app-error';

/**
 * Runs an UPDATE … RETURNING and gives back its rows: TypeORM returns `[rows, affected]` for UPDATE and
 * DELETE on PostgreSQL but plain rows for everything else.
 */
export async function updateReturning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await m.query(sql, params);
  return Array.isArray(result[0]) ? result[0] : result;
}

/** `%text%` for ILIKE, with the user's own % and _ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ENTITY_NAMES = {
  household: 'Household',
  resident: 'Resident',
  dispute_case: 'Dispute case',
  petition_case: 'Petition case',
  mediator: 'Mediator',
  mediation_organization: 'Organisation',
} as const;

/**
 * Optimistic concurrency: `UPDATE … WHERE version = expected` and a check of what came back. TypeORM's
 * version column only counts; this is what refuses a change made on top of someone else's (CONFLICT).
 */
export async function versionedUpdate<T>(
  m: EntityManager,
  table: keyof typeof ENTITY_NAMES,
  id: string,
  expectedVersion: number,
  sets: string[],
  params: unknown[],
  returning: string,
): Promise<T> {
  const [row] = await updateReturning<T>(
    m,
    `UPDATE ${table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id::text = $1 AND version = $2 RETURNING ${returning}`,
    [id, expectedVersion, ...params],
  );
  if (row) return row;
  const [exists] = await m.query(`SELECT version FROM ${table} WHERE id::text = $1`, [id]);
  if (!exists) throw AppError.notFound(`${ENTITY_NAMES[table]} ${id} was not found.`);
  throw new AppError(
    'CONFLICT',
    `Version ${expectedVersion} is stale; the current version is ${exists.version}.`,
  );
}
