import {
  addWorkingDays,
  CHINA_WORK_CALENDAR,
  isWorkingDay,
  workCalendar,
  workingDayDeadline,
  workingDaysBetween,
} from './working-days';
import { DomainValidationError } from './errors';

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
    expect(CHINA_WORK_CALENDAR.holidays.has('2026-04-06')).toBe(true);
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
