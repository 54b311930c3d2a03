import type { ErrorCode } from '@qiangji/domain';

export type { ErrorCode };

export interface AppErrorDetails {
  /** The input field at fault (BAD_USER_INPUT). */
  field?: string;
  /** The states of a refused transition (INVALID_TRANSITION). */
  from?: string;
  to?: string;
  /** When the caller may try again (RATE_LIMITED). */
  retryAfterSeconds?: number;
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

/**
 * NOT_FOUND for something the caller may not see, after its refusal was recorded in the same transaction: the
 * scoped transaction commits instead of rolling back, so the record stays (and nothing else had been written).
 * Named by an input's `field` (the household of a visit), it is that input's BAD_USER_INPUT instead.
 */
export class Refusal extends AppError {
  override name = 'Refusal';
  constructor(message: string, field?: string) {
    super(field ? 'BAD_USER_INPUT' : 'NOT_FOUND', message, field ? { field } : {});
  }
}
