import { formatDateTime, formatDay, formatMonth } from './dates';

describe('dates on the pages', () => {
  it('when a day, a month or a moment is shown in Chinese, then it reads 年月日 in China time', () => {
    expect(formatDay('2012-05-14', 'zh-CN')).toBe('2012年5月14日');
    expect(formatMonth('2012-05', 'zh-CN')).toBe('2012年5月');
    // 23:30 UTC on 31 December is already 1 January in Harbin.
    expect(formatDateTime('2011-12-31T23:30:00Z', 'zh-CN')).toBe('2012年1月1日 07:30');
    expect(formatDateTime('2012-05-14T08:05:00+08:00', 'zh-CN')).toBe('2012年5月14日 08:05');
  });

  it('when shown in English, then the same dates read in English', () => {
    expect(formatDay('2012-05-14', 'en')).toBe('May 14, 2012');
    expect(formatDateTime('2012-05-14T08:05:00+08:00', 'en')).toBe('May 14, 2012 at 08:05');
  });
});
