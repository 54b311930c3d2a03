import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';

/** What a unique constraint means to a client: the code to answer and, where one field is at fault, that field. */
export interface ConstraintMeaning {
  code: 'CONFLICT' | 'BAD_USER_INPUT';
  message: string;
  field?: string;
}

/** The SQLSTATE of a PostgreSQL error, whether pg's own or wrapped by TypeORM. */
function sqlState(err: unknown): { code?: string; constraint?: string } {
  const e = (err instanceof QueryFailedError ? err.driverError : err) as {
    code?: unknown;
    constraint?: unknown;
  };
  return {
    code: typeof e?.code === 'string' ? e.code : undefined,
    constraint: typeof e?.constraint === 'string' ? e.constraint : undefined,
  };
}

/**
 * PostgreSQL errors mapped in one place: what a client's input caused is its error (a race lost on a unique
 * key is CONFLICT, a value PostgreSQL cannot store is BAD_USER_INPUT), everything else stays INTERNAL (null).
 * Modules declare what their unique constraints mean (`constraints` in their `defineModule`).
 */
export function databaseError(
  err: unknown,
  constraints: ReadonlyMap<string, ConstraintMeaning>,
): AppError | null {
  const { code, constraint } = sqlState(err);
  switch (code) {
    case '23505': {
      const meaning = constraint ? constraints.get(constraint) : undefined;
      if (meaning) return new AppError(meaning.code, meaning.message, { field: meaning.field });
      return new AppError('CONFLICT', 'A record with the same unique value exists already.');
    }
    case '23503':
      return AppError.badInput('The input refers to a record that does not exist.');
    case '23514':
    case '23502':
      return AppError.badInput('A value breaks a rule of the record.');
    case '22P02': // invalid text representation
    case '22021': // a character not in UTF-8, such as NUL
    case '22001': // too long
    case '22003': // out of range
    case '22007':
    case '22008': // dates
    case '2201B': // a bad regular expression
      return AppError.badInput('A value is not valid for its field.');
    case '40001':
    case '40P01':
      return new AppError(
        'CONFLICT',
        'Another request changed the same records at the same time; try again.',
      );
    default:
      return null;
  }
}
