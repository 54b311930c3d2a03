import { chinaDay } from './china-time';
import { DomainValidationError } from './errors';

/**
 * China's working calendar: weekends are off, public holidays are off, and some weekends are make-up working days
 * (调休) that pay for a longer holiday. Both lists come from the State Council's yearly notice (国务院办公厅关于
 * 节假日安排的通知); a year not listed counts weekends only until its notice is added here.
 */
export interface WorkCalendar {
  /** Days off that would otherwise be working days (and the weekend days of a holiday, for clarity). */
  readonly holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days. */
  readonly makeUpWorkdays: ReadonlySet<string>;
}

/** Every day from `from` to `to`, inclusive (`YYYY-MM-DD`). */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A calendar from holiday ranges (`[first, last]`) and make-up working days. */
export function workCalendar(
  holidays: readonly (readonly [string, string])[],
  makeUpWorkdays: readonly string[],
): WorkCalendar {
  return Object.freeze({
    holidays: new Set(holidays.flatMap(([from, to]) => daysFrom(from, to))),
    makeUpWorkdays: new Set(makeUpWorkdays),
  });
}

/** 2025 and 2026, from the State Council's notices of November 2024 and November 2025. */
export const CHINA_WORK_CALENDAR: WorkCalendar = workCalendar(
  [
    ['2025-01-01', '2025-01-01'], // 元旦
    ['2025-01-28', '2025-02-04'], // 春节
    ['2025-04-04', '2025-04-06'], // 清明节
    ['2025-05-01', '2025-05-05'], // 劳动节
    ['2025-05-31', '2025-06-02'], // 端午节
    ['2025-10-01', '2025-10-08'], // 国庆节、中秋节
    ['2026-01-01', '2026-01-03'], // 元旦
    ['2026-02-15', '2026-02-23'], // 春节
    ['2026-04-04', '2026-04-06'], // 清明节
    ['2026-05-01', '2026-05-05'], // 劳动节
    ['2026-06-19', '2026-06-21'], // 端午节
    ['2026-09-25', '2026-09-27'], // 中秋节
    ['2026-10-01', '2026-10-07'], // 国庆节
  ],
  [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
);

function requireDay(day: string, field: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new DomainValidationError(`${field} must be a day written YYYY-MM-DD; got ${day}.`, field);
}

function nextDay(day: string, step = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: WorkCalendar = CHINA_WORK_CALENDAR): boolean {
  requireDay(day, 'day');
  if (calendar.makeUpWorkdays.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(day);
}

/**
 * The `days`-th working day after `start` (the day of submission does not count, as a time limit of three
 * working days set on a Friday runs Monday to Wednesday).
 */
export function addWorkingDays(
  start: string,
  days: number,
  calendar: WorkCalendar = CHINA_WORK_CALENDAR,
): string {
  requireDay(start, 'start');
  if (!Number.isInteger(days) || days < 0 || days > 365)
    throw new DomainValidationError(`days must be a whole number from 0 to 365; got ${days}.`, 'days');
  let day = start;
  for (let left = days; left > 0;) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to`: 0 for the same day, as `addWorkingDays` counts. */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkCalendar = CHINA_WORK_CALENDAR,
): number {
  requireDay(from, 'from');
  requireDay(to, 'to');
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) if (isWorkingDay(day, calendar)) count++;
  return count;
}

/**
 * When an application must be done: the end (midnight in China) of the last of its working days, counted from
 * the day it was submitted in China. An instant, so the API stores it and PostgreSQL compares it with now().
 */
export function workingDayDeadline(
  submittedAt: Date,
  days: number,
  calendar: WorkCalendar = CHINA_WORK_CALENDAR,
): Date {
  const lastDay = addWorkingDays(chinaDay(submittedAt), days, calendar);
  return new Date(Date.parse(`${nextDay(lastDay)}T00:00:00Z`) - CHINA_OFFSET_MS);
}
