import { DEFAULT_RANGE, monthSeries, overviewParams, overviewSearch } from './mediation-stats';

describe('mediation overview', () => {
  it('when the API lists only the months with cases, then the trend still shows every month of the range', () => {
    const months = monthSeries('2012-01-01', '2012-04-30', [
      { month: '2012-01', accepted: 880, mediated: 842 },
      { month: '2012-03', accepted: 861, mediated: 830 },
    ]);
    expect(months).toEqual([
      { month: '2012-01', accepted: 880, mediated: 842 },
      { month: '2012-02', accepted: 0, mediated: 0 },
      { month: '2012-03', accepted: 861, mediated: 830 },
      { month: '2012-04', accepted: 0, mediated: 0 },
    ]);
    expect(monthSeries('2011-11-15', '2012-02-01', []).map((m) => m.month)).toEqual([
      '2011-11',
      '2011-12',
      '2012-01',
      '2012-02',
    ]);
  });

  it('when the range spans more than three years, then only the months with cases are drawn', () => {
    const byMonth = [{ month: '2005-06', accepted: 3, mediated: 2 }];
    expect(monthSeries('2000-01-01', '2012-12-31', byMonth)).toEqual(byMonth);
  });

  it('when the page opens without parameters, then it shows the user’s jurisdiction for 2012', () => {
    expect(overviewParams(new URLSearchParams(''), '230129100')).toEqual({
      region: '230129100',
      ...DEFAULT_RANGE,
    });
    expect(overviewParams(new URLSearchParams('region=230129&from=2013-01-01&to=bad'), '230100')).toEqual({
      region: '230129',
      from: '2013-01-01',
      to: DEFAULT_RANGE.to,
    });
    // Before the identity has loaded there is nothing to ask for.
    expect(overviewParams(new URLSearchParams(''), undefined)).toBeNull();
    expect(overviewParams(new URLSearchParams('region=x'), '230100')).toBeNull();
  });

  it('when a district is clicked, then the link keeps the range', () => {
    expect(overviewSearch({ region: '230129', from: '2012-01-01', to: '2012-12-31' })).toBe(
      '?region=230129&from=2012-01-01&to=2012-12-31',
    );
  });
});
