import { AppError } from '../../common/app-error';

// Input checks shared by the services of grand mediation.

/** Trimmed text of `min` to `max` characters, else BAD_USER_INPUT on the field. */
export function checkText(value: string | null | undefined, field: string, max: number, min = 1): string {
  const text = (value ?? '').trim();
  if (text.length < min || text.length > max)
    throw AppError.badInput(`${field} needs ${min} to ${max} characters.`, field);
  return text;
}

/**
 * A GraphQL `Date` as the day it names (`YYYY-MM-DD`). The scalar parses to midnight UTC; handing the Date
 * itself to pg would turn it into local time and, west of Greenwich, into the day before.
 */
export function isoDay(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Today in China (UTC+8), whatever the server's zone. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A day that has happened (today included, in China). */
export function pastDay(value: Date | string, field: string): string {
  const day = isoDay(value);
  if (day > chinaToday()) throw AppError.badInput(`${field} cannot be in the future.`, field);
  return day;
}

/** SQL for the first instant of a day in China time, and the first instant after the last day: [from, to + 1). */
export const DAY_START = (param: string) => `(${param}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
export const DAY_AFTER = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
