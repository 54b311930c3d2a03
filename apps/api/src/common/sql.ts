import type { EntityManager } from 'typeorm';

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
