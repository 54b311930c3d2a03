import { monthSeries, openingYear, periodFromSearch, periodSearch, wholeYear, yearRange } from './period';

const SERIES = ['accepted', 'mediated'];

describe('statistics periods', () => {
  it('when the API lists only the months with cases, then the trend still shows every month of the range', () => {
    const months = monthSeries(
      '2012-01-01',
      '2012-04-30',
      [
        { month: '2012-01', accepted: 880, mediated: 842 },
        { month: '2012-03', accepted: 861, mediated: 830 },
      ],
      SERIES,
    );
    expect(months).toEqual([
      { month: '2012-01', accepted: 880, mediated: 842 },
      { month: '2012-02', accepted: 0, mediated: 0 },
      { month: '2012-03', accepted: 861, mediated: 830 },
      { month: '2012-04', accepted: 0, mediated: 0 },
    ]);
    expect(monthSeries('2011-11-15', '2012-02-01', [], SERIES).map((m) => m.month)).toEqual([
      '2011-11',
      '2011-12',
      '2012-01',
      '2012-02',
    ]);
  });

  it('when the range spans more than three years, then only the months with cases are drawn', () => {
    const byMonth = [{ month: '2005-06', accepted: 3, mediated: 2 }];
    expect(monthSeries('2000-01-01', '2012-12-31', byMonth, SERIES)).toEqual(byMonth);
  });

  it('when the page opens without a period, then it shows the user’s jurisdiction and waits for the years', () => {
    expect(periodFromSearch(new URLSearchParams(''), '230129100')).toEqual({
      region: '230129100',
      range: null,
    });
    expect(
      periodFromSearch(new URLSearchParams('region=230129&from=2013-01-01&to=2013-06-30'), '230100'),
    ).toEqual({
      region: '230129',
      range: { from: '2013-01-01', to: '2013-06-30' },
    });
    // A malformed or backwards range is no range.
    expect(periodFromSearch(new URLSearchParams('from=2013-01-01&to=bad'), '230100')?.range).toBeNull();
    expect(
      periodFromSearch(new URLSearchParams('from=2013-02-01&to=2013-01-01'), '230100')?.range,
    ).toBeNull();
    // Before the identity has loaded there is nothing to ask for.
    expect(periodFromSearch(new URLSearchParams(''), undefined)).toBeNull();
    expect(periodFromSearch(new URLSearchParams('region=x'), '230100')).toBeNull();
  });

  it('when this year has data, then the page opens on it; otherwise on the newest year with data, saying so', () => {
    expect(openingYear([2026, 2013, 2012], 2026)).toEqual({ year: 2026, fallback: false });
    expect(openingYear([2013, 2012, 2011], 2026)).toEqual({ year: 2013, fallback: true });
    // Nothing anywhere: this year, which shows as empty.
    expect(openingYear([], 2026)).toEqual({ year: 2026, fallback: false });
  });

  it('when a year is picked, then the range is the whole year, and only a whole year reads as one', () => {
    expect(yearRange(2012)).toEqual({ from: '2012-01-01', to: '2012-12-31' });
    expect(wholeYear({ from: '2012-01-01', to: '2012-12-31' })).toBe(2012);
    expect(wholeYear({ from: '2012-01-01', to: '2012-06-30' })).toBeNull();
  });

  it('when a district is clicked, then the link keeps the range', () => {
    expect(periodSearch({ region: '230129', from: '2012-01-01', to: '2012-12-31' })).toBe(
      '?region=230129&from=2012-01-01&to=2012-12-31',
    );
  });
});
