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
