import { chinaToday, daysInMonth, isCalendarDate, isLeapYear } from './calendar-date';

describe('calendar dates', () => {
  it('when a year is divisible by 4 but not by 100, or by 400, then it is a leap year', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2023)).toBe(false);
  });

  it('when counting days in months, then February follows the leap-year rule', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it.each([
    ['19900101', true],
    ['20000229', true],
    ['19000228', true],
    ['19900230', false],
    ['19000229', false],
    ['19901301', false],
    ['19900001', false],
    ['19900100', false],
    ['19900431', false],
    ['1990011', false],
    ['1990-1-1', false],
  ])('when checking %s, then it is a calendar date: %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('when it is already the next day in China but not yet in UTC, then today is the Chinese date', () => {
    expect(chinaToday(Date.UTC(2024, 0, 31, 15, 59))).toBe('20240131');
    expect(chinaToday(Date.UTC(2024, 0, 31, 16, 0))).toBe('20240201');
  });
});
