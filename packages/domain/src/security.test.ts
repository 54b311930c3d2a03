import { DomainValidationError } from './errors';
import { percentagePointChange, yearOnYearChange } from './kpi';
import {
  checkPreventionValue,
  monthStart,
  previousYearPeriod,
  rankByFall,
  REPORTED_CASE_CATEGORIES,
  SECURITY_CATEGORY_PARENT,
} from './security';

describe('security statistics', () => {
  it('when cases are totalled, then only criminal and public-order cases count, each once', () => {
    expect(REPORTED_CASE_CATEGORIES).toEqual(['CRIMINAL', 'PUBLIC_ORDER']);
    expect(SECURITY_CATEGORY_PARENT.HOMICIDE).toBe('CRIMINAL');
  });

  it('when a month is given, then it is its first day; anything else is refused', () => {
    expect(monthStart('2012-03')).toBe('2012-03-01');
    expect(monthStart('2012-03-01')).toBe('2012-03-01');
    expect(() => monthStart('2012-13')).toThrow(DomainValidationError);
    expect(() => monthStart('2012-03-15')).toThrow(DomainValidationError);
  });

  it('when a period is compared, then with the same months a year earlier', () => {
    expect(previousYearPeriod('2012-01-01', '2012-12')).toEqual({ from: '2011-01-01', to: '2011-12-01' });
  });

  it('when the article’s figures are computed, then −19.8%, −18.3% and +0.4 points', () => {
    expect(yearOnYearChange(40_100, 50_000)).toBeCloseTo(-0.198, 6);
    expect(yearOnYearChange(817, 1000)).toBeCloseTo(-0.183, 6);
    expect(percentagePointChange(0.929, 0.925)).toBeCloseTo(0.4, 9);
  });

  it('when a prevention figure is checked, then coverages are fractions and counts whole', () => {
    expect(() => checkPreventionValue('VIDEO_COVERAGE', 0.85)).not.toThrow();
    expect(() => checkPreventionValue('VIDEO_COVERAGE', 85)).toThrow(DomainValidationError);
    expect(() => checkPreventionValue('PATROL_TEAMS', 2.5)).toThrow(DomainValidationError);
    expect(() => checkPreventionValue('PROJECT_3531', 2.5)).not.toThrow();
  });
});

describe('rankByFall', () => {
  it('when districts fell by different amounts, then the largest fall ranks first; ties share; none unranked', () => {
    expect(rankByFall([-0.1, -0.25, null, -0.1, 0.05])).toEqual([2, 1, null, 2, 4]);
  });
});
