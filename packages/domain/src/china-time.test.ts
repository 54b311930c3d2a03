import { chinaDay } from './china-time';

describe('chinaDay', () => {
  it('when it is 00:30 on 1 January in Harbin (still 31 December in UTC), then the day is 1 January', () => {
    expect(chinaDay(new Date('2012-12-31T16:30:00Z'))).toBe('2013-01-01');
    expect(chinaDay(Date.parse('2012-12-31T15:59:59Z'))).toBe('2012-12-31');
  });
});
