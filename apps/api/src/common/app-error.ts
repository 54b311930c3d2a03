/** The codes of ../shared/api-conventions.md; clients and the dashboard switch on them. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorDetails {
  /** The input field at fault (BAD_USER_INPUT). */
  field?: string;
  /** The states of a refused transition (INVALID_TRANSITION). */
  from?: string;
  to?: string;
}

/** The one error type of the API: services throw it, formatError maps it to `extensions`. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }

  static badInput(message: string, field?: string): AppError {
    return new AppError('BAD_USER_INPUT', message, { field });
  }

  static notFound(message: string): AppError {
    return new AppError('NOT_FOUND', message);
  }
}
