// Internal helpers for plain calendar dates written as digits (YYYYMMDD); not part of the public API.

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

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
 * Today as YYYYMMDD in China Standard Time (UTC+8, no daylight saving), the calendar the birth dates are
 * written in; the server's own time zone must not decide whether a baby born this morning exists yet.
 */
export function chinaToday(now: number = Date.now()): string {
  const china = new Date(now + CHINA_UTC_OFFSET_MS);
  const year = String(china.getUTCFullYear()).padStart(4, '0');
  const month = String(china.getUTCMonth() + 1).padStart(2, '0');
  const day = String(china.getUTCDate()).padStart(2, '0');
  return `${year}${month}${day}`;
}
