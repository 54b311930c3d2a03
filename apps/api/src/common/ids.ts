import { AppError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID: for ids that are no client's field (a token's claims), where a bad one is no error. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The one id parser: every id a client sends is a UUID before it reaches SQL, so the SQL compares `uuid` to
 * `uuid` (and uses the key), and an empty or malformed id is the client's mistake on its field, never a wider
 * result or a database error.
 */
export function parseId(value: unknown, field: string): string {
  if (!isId(value)) throw AppError.badInput(`${field} is not a valid id.`, field);
  return value.toLowerCase();
}

/** Many ids, each checked; the field of a bad one names its position (`organizationIds.2`). */
export function parseIds(values: readonly unknown[], field: string): string[] {
  return values.map((value, i) => parseId(value, `${field}.${i}`));
}
