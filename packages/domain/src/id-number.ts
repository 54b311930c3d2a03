import { chinaToday, isCalendarDate } from './calendar-date';
import { DomainValidationError } from './errors';

// Resident ID numbers (居民身份证号码) per GB 11643-1999: 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
const EARLIEST_BIRTH_DATE = '19000101';

export type IdNumberValidation =
  | { ok: true; idNumber: string; birthDate: string; gender: 'MALE' | 'FEMALE'; regionCode: string }
  | { ok: false; reason: string };

/** The check character (0-9 or X) that completes the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) {
    throw new DomainValidationError('The first 17 characters of an ID number must be 17 digits.', 'first17');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function birthDateProblem(yyyymmdd: string): string | null {
  if (!isCalendarDate(yyyymmdd)) return 'is not a real calendar date';
  if (yyyymmdd < EARLIEST_BIRTH_DATE) return 'is before 1900-01-01';
  if (yyyymmdd > chinaToday()) return 'is in the future';
  return null;
}

function dashed(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`;
}

/**
 * Checks an ID number and reads what it encodes. Reasons never repeat the number or its parts: they end up
 * in API errors and logs, where a resident's ID number and birth date must not appear.
 */
export function validateIdNumber(value: string): IdNumberValidation {
  if (typeof value !== 'string') return { ok: false, reason: 'ID number must be a string.' };
  if (value.length !== 18) {
    return { ok: false, reason: `ID number must be 18 characters long, not ${value.length}.` };
  }
  if (!/^\d{17}[\dXx]$/.test(value)) {
    return { ok: false, reason: 'ID number must be 17 digits followed by a digit or X.' };
  }
  const idNumber = value.toUpperCase();
  if (idNumber.startsWith('0')) {
    return { ok: false, reason: 'ID number region code (characters 1-6) must not start with 0.' };
  }
  const birthProblem = birthDateProblem(idNumber.slice(6, 14));
  if (birthProblem) {
    return { ok: false, reason: `ID number birth date (characters 7-14) ${birthProblem}.` };
  }
  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
    return {
      ok: false,
      reason: 'ID number check character (the last one) does not match the first 17 digits.',
    };
  }
  return {
    ok: true,
    idNumber,
    birthDate: dashed(idNumber.slice(6, 14)),
    gender: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    regionCode: idNumber.slice(0, 6),
  };
}

export function isValidIdNumber(value: unknown): boolean {
  return typeof value === 'string' && validateIdNumber(value).ok;
}

/**
 * For display: keeps the region code and the last four, which staff use to tell residents apart. Anything
 * that is not a full ID number (a typo, a foreign passport number) is masked but for its last four, so that
 * no input ever comes back readable.
 */
export function maskIdNumber(value: string): string {
  if (typeof value !== 'string' || value.length <= 4) return '****';
  if (value.length === 18) return `${value.slice(0, 6)}${'*'.repeat(8)}${value.slice(14)}`;
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/**
 * Builds a number that passes validateIdNumber, for fixtures and synthetic demo data. It can coincide with
 * a real resident's number, so generated numbers belong in test and demo databases only.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (typeof regionCode !== 'string' || !/^[1-9]\d{5}$/.test(regionCode)) {
    throw new DomainValidationError('Region code must be 6 digits that do not start with 0.', 'regionCode');
  }
  if (typeof birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    throw new DomainValidationError('Birth date must be written YYYY-MM-DD.', 'birthDate');
  }
  const birthProblem = birthDateProblem(birthDate.replace(/-/g, ''));
  if (birthProblem) throw new DomainValidationError(`Birth date ${birthProblem}.`, 'birthDate');
  if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new DomainValidationError('Sequence must be a whole number from 0 to 999.', 'sequence');
  }
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
