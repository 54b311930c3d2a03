import {
  addWorkingDays as addTo,
  calendarOf,
  isWorkingDay as isWorkingIn,
  validateWorkCalendarEntry,
  workCalendar,
  workingDayDeadline as deadlineIn,
  workingDaysBetween as betweenIn,
  type WorkCalendar,
} from './working-days';
import { DomainValidationError } from './errors';

/** The State Council's notice for 2026 (November 2025), as a city administrator enters it. */
const CALENDAR_2026 = calendarOf(
  [
    ['元旦', '2026-01-01', '2026-01-03'],
    ['春节', '2026-02-15', '2026-02-23'],
    ['清明节', '2026-04-04', '2026-04-06'],
    ['劳动节', '2026-05-01', '2026-05-05'],
    ['端午节', '2026-06-19', '2026-06-21'],
    ['中秋节', '2026-09-25', '2026-09-27'],
    ['国庆节', '2026-10-01', '2026-10-07'],
  ]
    .map(([name, firstDay, lastDay]) => ({ kind: 'HOLIDAY' as const, name, firstDay, lastDay }))
    .concat(
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].map((day) => ({
        kind: 'MAKE_UP_WORKDAY' as const,
        name: '调休',
        firstDay: day,
        lastDay: day,
      })),
    ),
);
const addWorkingDays = (start: string, days: number, calendar: WorkCalendar = CALENDAR_2026) =>
  addTo(start, days, calendar);
const isWorkingDay = (day: string) => isWorkingIn(day, CALENDAR_2026);
const workingDaysBetween = (from: string, to: string) => betweenIn(from, to, CALENDAR_2026);
const workingDayDeadline = (at: Date, days: number) => deadlineIn(at, days, CALENDAR_2026);

describe('working days', () => {
  it('when a limit starts on a Friday, then the weekend is skipped', () => {
    // 2026-03-06 is a Friday: three working days are Monday to Wednesday.
    expect(addWorkingDays('2026-03-06', 3)).toBe('2026-03-11');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });

  it('when a public holiday falls inside the limit, then its days are skipped', () => {
    // 清明节 2026-04-04..06 (Saturday to Monday): from Friday 3 April, the first working day is Tuesday 7 April.
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07');
  });

  it('when a make-up working day falls inside the limit, then that weekend day counts', () => {
    // 国庆节 2026-10-01..07, Saturday 10 October is worked: from 30 September, 1 day → 8 October, 3 → 10 October.
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    // Sunday 4 January 2026 is worked after 元旦.
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
  });

  it('when the Spring Festival comes, then nine days are off and its two Saturdays are worked', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    for (const day of ['2026-02-15', '2026-02-18', '2026-02-23']) expect(isWorkingDay(day)).toBe(false);
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('when counting the days between, then it is the inverse of adding them', () => {
    for (const [from, days] of [
      ['2026-03-06', 3],
      ['2026-09-30', 5],
      ['2026-02-12', 7],
    ] as const)
      expect(workingDaysBetween(from, addWorkingDays(from, days))).toBe(days);
    expect(workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
  });

  it('when a calendar is configured, then it replaces the default one', () => {
    const none = workCalendar([], []);
    expect(addWorkingDays('2026-04-03', 1, none)).toBe('2026-04-06');
    expect(CALENDAR_2026.holidays.has('2026-04-06')).toBe(true);
  });

  it('when an entry is not as a notice has it, then the field is named', () => {
    const entry = (kind: 'HOLIDAY' | 'MAKE_UP_WORKDAY', firstDay: string, lastDay: string) => () =>
      validateWorkCalendarEntry({ kind, name: '春节', firstDay, lastDay });
    expect(entry('HOLIDAY', '2027-02-06', '2027-02-13')()).toMatchObject({ firstDay: '2027-02-06' });
    expect(entry('HOLIDAY', '2027-02-13', '2027-02-06')).toThrow(
      expect.objectContaining({ field: 'lastDay' }),
    );
    expect(entry('HOLIDAY', '2027-02-01', '2027-02-28')).toThrow(/at most 15 days/);
    // 2027-02-20 is a Saturday; 2027-02-22 a Monday.
    expect(entry('MAKE_UP_WORKDAY', '2027-02-20', '2027-02-20')()).toMatchObject({ kind: 'MAKE_UP_WORKDAY' });
    expect(entry('MAKE_UP_WORKDAY', '2027-02-22', '2027-02-22')).toThrow(
      expect.objectContaining({ field: 'firstDay' }),
    );
    expect(entry('MAKE_UP_WORKDAY', '2027-02-20', '2027-02-21')).toThrow(/one day/);
  });

  it('when the deadline instant is asked, then it is the end of the last working day in China', () => {
    // Submitted 2026-03-06 23:30 in Harbin (15:30 UTC): due the end of Wednesday 11 March, 16:00 UTC.
    const due = workingDayDeadline(new Date('2026-03-06T15:30:00Z'), 3);
    expect(due.toISOString()).toBe('2026-03-11T16:00:00.000Z');
    // 00:30 on Saturday 7 March in Harbin is still a Saturday: the same three days.
    expect(workingDayDeadline(new Date('2026-03-06T16:30:00Z'), 3).toISOString()).toBe(
      '2026-03-11T16:00:00.000Z',
    );
  });

  it('when a day or count is malformed, then the field is named', () => {
    expect(() => addWorkingDays('2026-3-6', 1)).toThrow(DomainValidationError);
    expect(() => addWorkingDays('2026-03-06', -1)).toThrow(/days/);
  });
});
