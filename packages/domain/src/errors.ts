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

/**
 * The HTTP status a REST API would answer for each code: file downloads answer with it, and the dashboard gives it
 * to react-admin (which logs out on 401 only), although GraphQL answers 200 for most failures. INTERNAL has none:
 * it is whatever went wrong, 500 unless the transport says otherwise.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Partial<Record<string, number>>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
} satisfies Partial<Record<ErrorCode, number>>;
