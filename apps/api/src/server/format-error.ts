import { unwrapResolverError } from '@apollo/server/errors';
import { DomainValidationError } from '@qiangji/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, type ErrorCode } from '../common/app-error';
import { COERCION_LIMIT_MESSAGE, withoutInput } from './client-messages';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import { databaseError } from '../common/database-errors';
import { MODULES } from './modules';

/** What every module's unique constraints mean, for errors a concurrent write causes. */
const CONSTRAINTS = new Map(MODULES.flatMap((m) => Object.entries(m.constraints ?? {})));

/** Apollo's own codes for requests that never reached a resolver. */
const CLIENT_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

/** Maps any thrown error to one AppError, so the response shape never depends on where it came from. */
function toAppError(formatted: GraphQLFormattedError, error: unknown, suggestions = false): AppError | null {
  const original =
    error instanceof GraphQLError && error.originalError ? error.originalError : unwrapResolverError(error);
  if (original instanceof AppError) return original;
  const fromDatabase = databaseError(original, CONSTRAINTS);
  if (fromDatabase) return fromDatabase;
  if (original instanceof DomainValidationError) return AppError.badInput(original.message, original.field);
  if (original instanceof ArgumentValidationError) {
    const first = original.extensions.validationErrors?.[0];
    const constraint = first?.constraints ? Object.values(first.constraints)[0] : undefined;
    return AppError.badInput(constraint ?? 'Invalid argument.', first?.property);
  }
  const code = formatted.extensions?.code;
  if (
    (typeof code === 'string' && CLIENT_REQUEST_CODES.has(code)) ||
    formatted.message === COERCION_LIMIT_MESSAGE
  ) {
    return AppError.badInput(withoutInput(formatted.message, error, suggestions));
  }
  return null;
}

/** True for errors the client caused; anything else is logged (with the request id) by the logging plugin. */
export function isClientError(formatted: GraphQLFormattedError, error: unknown): boolean {
  return toAppError(formatted, error) !== null;
}

export function createFormatError(opts: { stackTraces: boolean; suggestions: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const failure = toAppError(formatted, error, opts.suggestions) ?? internal(error);
    const extensions: Record<string, unknown> = { code: failure.code, ...details(failure.code, failure) };
    if (opts.stackTraces && error instanceof GraphQLError) {
      extensions.stacktrace = (unwrapResolverError(error) as Error)?.stack?.split('\n');
    }
    return { message: failure.message, locations: formatted.locations, path: formatted.path, extensions };
  };
}

/** The app's HTTP layer answers 503 with Retry-After for the first kind (see app.ts). */
function internal(error: unknown): AppError {
  return isDatabaseUnavailable(error)
    ? new AppError('INTERNAL', DATABASE_UNAVAILABLE_MESSAGE)
    : new AppError('INTERNAL', 'Internal server error.');
}

function details(code: ErrorCode, error: AppError): Record<string, unknown> {
  switch (code) {
    case 'BAD_USER_INPUT':
      return error.details.field ? { field: error.details.field } : {};
    case 'INVALID_TRANSITION':
      return { from: error.details.from, to: error.details.to };
    case 'RATE_LIMITED':
      return error.details.retryAfterSeconds ? { retryAfterSeconds: error.details.retryAfterSeconds } : {};
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INTERNAL':
      return {};
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
