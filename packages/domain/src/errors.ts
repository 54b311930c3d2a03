/**
 * Thrown when a value breaks a domain rule. `field` names the offending input so the API can report it as
 * `BAD_USER_INPUT` with `extensions.field` without parsing the message.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * The `extensions.code` of every API error (../shared/api-conventions.md). District systems and the
 * dashboard switch on these; the messages beside them are English for developers.
 */
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
