import { DomainValidationError } from './errors';
import {
  idNumberCheckChar,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
  validateIdNumber,
} from './id-number';

// The published example from GB 11643-1999: Beijing 朝阳区, born 1949-12-31, female, check character X.
const STANDARD_EXAMPLE = '11010519491231002X';

describe('idNumberCheckChar', () => {
  it('when given the first 17 digits of known numbers, then it computes their check characters', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('23010219900101123')).toBe('0');
    expect(idNumberCheckChar('23010219900101124')).toBe('9');
  });

  it.each([
    ['1101051949123100'],
    ['110105194912310021'],
    ['1101051949123100X'],
    [''],
    [null],
    [11010519491231002],
  ])('when given %p, then it throws naming first17', (value) => {
    expect(() => idNumberCheckChar(value as string)).toThrow(DomainValidationError);
    expect(() => idNumberCheckChar(value as string)).toThrow(expect.objectContaining({ field: 'first17' }));
  });
});

describe('validateIdNumber', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('when given the standard example, then it reads birth date, gender and region code', () => {
    expect(validateIdNumber(STANDARD_EXAMPLE)).toEqual({
      ok: true,
      idNumber: STANDARD_EXAMPLE,
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      regionCode: '110105',
    });
  });

  it('when the 17th digit is odd, then the resident is male', () => {
    expect(validateIdNumber('230102199001011230')).toMatchObject({
      ok: true,
      gender: 'MALE',
      birthDate: '1990-01-01',
      regionCode: '230102',
    });
    expect(validateIdNumber('230102199001011249')).toMatchObject({ ok: true, gender: 'FEMALE' });
  });

  it('when the check character is a lowercase x, then it is accepted and upper-cased', () => {
    expect(validateIdNumber('11010519491231002x')).toMatchObject({ ok: true, idNumber: STANDARD_EXAMPLE });
  });

  it('when born on 29 February of a leap year, then the date is real', () => {
    expect(validateIdNumber('230102200002290011')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it.each([
    ['', '18 characters long, not 0'],
    ['11010519491231002', '18 characters long, not 17'],
    ['11010519491231002X1', '18 characters long, not 19'],
    ['11010519491231002Y', '17 digits followed by a digit or X'],
    ['1101051949123100X2', '17 digits followed by a digit or X'],
    ['11010519491231 02X', '17 digits followed by a digit or X'],
    ['０１０１０５１９４９１２３１００２X'.slice(0, 18), '17 digits followed by a digit or X'],
    ['010105194912310021', 'region code'],
    ['23010219900230123X', 'birth date (characters 7-14) is not a real calendar date'],
    ['230102190002290011', 'not a real calendar date'],
    ['230102199013010011', 'not a real calendar date'],
    ['230102199001000011', 'not a real calendar date'],
    ['440524188001010014', 'before 1900-01-01'],
    ['230102299901010011', 'in the future'],
    ['110105194912310021', 'check character'],
    ['230102199001011231', 'check character'],
  ])('when given %p, then it fails saying the %s is wrong', (value, words) => {
    const result = validateIdNumber(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(words);
      expect(result.reason).toMatch(/^ID number .+\.$/);
    }
  });

  it('when failing, then the reason never repeats the number or its birth date', () => {
    for (const value of ['110105194912310021', '23010219900230123X', '230102299901010011']) {
      const result = validateIdNumber(value);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).not.toContain(value.slice(6, 14));
        expect(result.reason).not.toContain(value.slice(0, 6));
      }
    }
  });

  it.each([[null], [undefined], [110105194912310020], [{}]])(
    'when given the non-string %p, then it fails',
    (value) => {
      expect(validateIdNumber(value as unknown as string)).toEqual({
        ok: false,
        reason: 'ID number must be a string.',
      });
    },
  );

  it('when born today in China, then the date is accepted, and tomorrow it would be in the future', () => {
    // 2024-06-01 00:30 in Harbin is still 2024-05-31 in UTC.
    jest.useFakeTimers({ now: Date.UTC(2024, 4, 31, 16, 30) });
    expect(validateIdNumber(makeIdNumber('230102', '2024-06-01', 1))).toMatchObject({ ok: true });
    const first17 = '23010220240602001';
    expect(validateIdNumber(first17 + idNumberCheckChar(first17))).toMatchObject({
      ok: false,
      reason: 'ID number birth date (characters 7-14) is in the future.',
    });
  });

  it('when born on 1900-01-01, then the earliest date is accepted', () => {
    const first17 = '23010219000101001';
    expect(validateIdNumber(first17 + idNumberCheckChar(first17))).toMatchObject({ ok: true });
  });
});

describe('isValidIdNumber', () => {
  it('when given valid numbers, then it is true', () => {
    expect(isValidIdNumber(STANDARD_EXAMPLE)).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it.each([
    ['110105194912310021'],
    ['23010219900230123X'],
    [''],
    [null],
    [undefined],
    [110105194912310020],
    [[]],
  ])('when given %p, then it is false', (value) => {
    expect(isValidIdNumber(value)).toBe(false);
  });
});

describe('maskIdNumber', () => {
  it('when given 18 characters, then it keeps the region code and the last four', () => {
    expect(maskIdNumber('230102199001011234')).toBe('230102********1234');
    expect(maskIdNumber(STANDARD_EXAMPLE)).toBe('110105********002X');
  });

  it('when given something else of five or more characters, then all but the last four are masked', () => {
    expect(maskIdNumber('12345')).toBe('*2345');
    expect(maskIdNumber('23010219900101123')).toBe('*************1123');
    expect(maskIdNumber('E12345678')).toBe('*****5678');
  });

  it.each([[''], ['1'], ['1234'], [null], [undefined], [110105194912310020]])(
    'when given %p, then it returns four stars and does not throw',
    (value) => {
      expect(maskIdNumber(value as unknown as string)).toBe('****');
    },
  );

  it('when given any input of five or more characters, then it never comes back readable', () => {
    for (let length = 5; length <= 30; length++) {
      const value = '9'.repeat(length);
      const masked = maskIdNumber(value);
      expect(masked).toHaveLength(length);
      expect(masked).not.toBe(value);
      expect(masked.slice(0, -4)).toContain('*');
    }
  });
});

describe('makeIdNumber', () => {
  it('when given a region, a birth date and a sequence, then the number validates and reads back', () => {
    const idNumber = makeIdNumber('230102', '1990-01-01', 123);
    expect(idNumber).toBe('230102199001011230');
    expect(validateIdNumber(idNumber)).toEqual({
      ok: true,
      idNumber,
      birthDate: '1990-01-01',
      gender: 'MALE',
      regionCode: '230102',
    });
  });

  it('when rebuilding the standard example, then it matches', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe(STANDARD_EXAMPLE);
  });

  it('when the sequence is 0 or 999, then the number is still valid', () => {
    expect(isValidIdNumber(makeIdNumber('230128', '1980-05-06', 0))).toBe(true);
    expect(isValidIdNumber(makeIdNumber('230128', '1980-05-06', 999))).toBe(true);
  });

  it.each([
    ['023010', '1990-01-01', 1, 'regionCode'],
    ['23010', '1990-01-01', 1, 'regionCode'],
    ['2301020', '1990-01-01', 1, 'regionCode'],
    [230102, '1990-01-01', 1, 'regionCode'],
    ['230102', '19900101', 1, 'birthDate'],
    ['230102', '1990-1-1', 1, 'birthDate'],
    ['230102', '1990-02-30', 1, 'birthDate'],
    ['230102', '1899-12-31', 1, 'birthDate'],
    ['230102', '2999-01-01', 1, 'birthDate'],
    ['230102', null, 1, 'birthDate'],
    ['230102', '1990-01-01', -1, 'sequence'],
    ['230102', '1990-01-01', 1000, 'sequence'],
    ['230102', '1990-01-01', 1.5, 'sequence'],
    ['230102', '1990-01-01', NaN, 'sequence'],
    ['230102', '1990-01-01', '1', 'sequence'],
  ])('when given (%p, %p, %p), then it throws naming %s', (regionCode, birthDate, sequence, field) => {
    expect(() => makeIdNumber(regionCode as string, birthDate as string, sequence as number)).toThrow(
      expect.objectContaining({ name: 'DomainValidationError', field }),
    );
  });
});
