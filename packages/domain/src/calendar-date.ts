// Internal helpers for plain calendar dates written as digits (YYYYMMDD); not part of the public API.

import { chinaDay } from './china-time';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether eight digits YYYYMMDD name a day that exists on the Gregorian calendar. */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Today as YYYYMMDD in China Standard Time, the calendar the birth dates are written in; the server's own time
 * zone must not decide whether a baby born this morning exists yet.
 */
export function chinaToday(now: number = Date.now()): string {
  return chinaDay(now).replaceAll('-', '');
}
