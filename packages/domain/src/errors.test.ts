import { DomainValidationError } from './errors';

describe('DomainValidationError', () => {
  it('when created with a field, then it keeps the message, the field and its name', () => {
    const error = new DomainValidationError('Division code must be a string.', 'code');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error.name).toBe('DomainValidationError');
    expect(error.message).toBe('Division code must be a string.');
    expect(error.field).toBe('code');
    expect(String(error)).toBe('DomainValidationError: Division code must be a string.');
  });

  it('when created without a field, then field is undefined', () => {
    expect(new DomainValidationError('Something is wrong.').field).toBeUndefined();
  });
});
