import type { ErrorCode } from '@qiangji/domain';

export type { ErrorCode };

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
