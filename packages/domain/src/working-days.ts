import { chinaDay } from './china-time';
import { DomainValidationError } from './errors';
import type { Labels } from './machine';

/**
 * China's working calendar: weekends are off, public holidays are off, and some weekends are make-up working days
 * (调休) that pay for a longer holiday. Both lists come from the State Council's yearly notice (国务院办公厅关于
 * 节假日安排的通知, each December), which a city administrator enters as `WorkCalendarEntry` rows; a year not
 * entered counts weekends only. The functions take the calendar: the rules stay here, the data in the database.
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

export const WORK_CALENDAR_KINDS = ['HOLIDAY', 'MAKE_UP_WORKDAY'] as const;
export type WorkCalendarKind = (typeof WORK_CALENDAR_KINDS)[number];
export const WORK_CALENDAR_KIND_LABELS: Labels<WorkCalendarKind> = Object.freeze({
  HOLIDAY: { zh: '法定节假日', en: 'Public holiday' },
  MAKE_UP_WORKDAY: { zh: '调休上班日', en: 'Make-up working day' },
});

/** One line of the State Council's notice: a holiday's days off, or one weekend day that is worked. */
export interface WorkCalendarEntry {
  kind: WorkCalendarKind;
  name: string;
  firstDay: string;
  lastDay: string;
}

/** The longest holiday the notices give (the Spring Festival's nine days), with room to spare. */
export const MAX_HOLIDAY_DAYS = 15;

/**
 * An entry as the notice can have it (BAD_USER_INPUT on the field otherwise): a holiday of one to
 * MAX_HOLIDAY_DAYS days; a make-up working day is one Saturday or Sunday.
 */
export function validateWorkCalendarEntry(entry: WorkCalendarEntry): WorkCalendarEntry {
  requireDay(entry.firstDay, 'firstDay');
  requireDay(entry.lastDay, 'lastDay');
  if (entry.lastDay < entry.firstDay)
    throw new DomainValidationError('The last day comes before the first.', 'lastDay');
  if (entry.kind === 'MAKE_UP_WORKDAY') {
    if (entry.lastDay !== entry.firstDay)
      throw new DomainValidationError('A make-up working day is one day.', 'lastDay');
    if (isWeekday(entry.firstDay))
      throw new DomainValidationError('A make-up working day is a Saturday or Sunday.', 'firstDay');
  } else if (daysFrom(entry.firstDay, entry.lastDay).length > MAX_HOLIDAY_DAYS)
    throw new DomainValidationError(`A holiday lasts at most ${MAX_HOLIDAY_DAYS} days.`, 'lastDay');
  return entry;
}

/** The calendar of the entered notices. */
export function calendarOf(entries: readonly WorkCalendarEntry[]): WorkCalendar {
  return workCalendar(
    entries.filter((e) => e.kind === 'HOLIDAY').map((e) => [e.firstDay, e.lastDay] as const),
    entries.filter((e) => e.kind === 'MAKE_UP_WORKDAY').map((e) => e.firstDay),
  );
}

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

function requireDay(day: string, field: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new DomainValidationError(`${field} must be a day written YYYY-MM-DD; got ${day}.`, field);
}

function nextDay(day: string, step = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);
}

function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  requireDay(day, 'day');
  if (calendar.makeUpWorkdays.has(day)) return true;
  return isWeekday(day) && !calendar.holidays.has(day);
}

/**
 * The `days`-th working day after `start` (the day of submission does not count, as a time limit of three
 * working days set on a Friday runs Monday to Wednesday).
 */
export function addWorkingDays(start: string, days: number, calendar: WorkCalendar): string {
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
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
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
export function workingDayDeadline(submittedAt: Date, days: number, calendar: WorkCalendar): Date {
  const lastDay = addWorkingDays(chinaDay(submittedAt), days, calendar);
  return new Date(Date.parse(`${nextDay(lastDay)}T00:00:00Z`) - CHINA_OFFSET_MS);
}
