import {
  addMonths,
  chinaMonth,
  monthsOf,
  periodContaining,
  periodKindOf,
  sameMonthsYearBefore,
  sparklineMonths,
  tileChange,
  rankByKpi,
  sketchedCentroid,
  validateMonthRange,
} from './supervision';

describe('the command view periods', () => {
  it('when months move across a year, then the year follows', () => {
    expect(addMonths('2012-01', -1)).toBe('2011-12');
    expect(addMonths('2012-12', 1)).toBe('2013-01');
    expect(addMonths('2012-05', -17)).toBe('2010-12');
  });

  it('when a month is in a quarter or a year, then the period containing it is that whole quarter or year', () => {
    expect(periodContaining('MONTH', '2012-05')).toEqual({ from: '2012-05', to: '2012-05' });
    expect(periodContaining('QUARTER', '2012-05')).toEqual({ from: '2012-04', to: '2012-06' });
    expect(periodContaining('QUARTER', '2012-12')).toEqual({ from: '2012-10', to: '2012-12' });
    expect(periodContaining('YEAR', '2012-05')).toEqual({ from: '2012-01', to: '2012-12' });
  });

  it('when a range is exactly a month, quarter or year, then its kind says so; else it is custom', () => {
    expect(periodKindOf({ from: '2012-03', to: '2012-03' })).toBe('MONTH');
    expect(periodKindOf({ from: '2012-07', to: '2012-09' })).toBe('QUARTER');
    expect(periodKindOf({ from: '2012-01', to: '2012-12' })).toBe('YEAR');
    expect(periodKindOf({ from: '2012-02', to: '2012-04' })).toBe('CUSTOM');
  });

  it('when compared, then it is the same months a year before, and the sparkline the twelve months to its end', () => {
    expect(sameMonthsYearBefore({ from: '2012-01', to: '2012-12' })).toEqual({
      from: '2011-01',
      to: '2011-12',
    });
    expect(sparklineMonths({ from: '2012-04', to: '2012-06' })).toEqual({ from: '2011-07', to: '2012-06' });
    expect(monthsOf({ from: '2011-11', to: '2012-02' })).toEqual([
      '2011-11',
      '2011-12',
      '2012-01',
      '2012-02',
    ]);
  });

  it('when a range is malformed, reversed or over ten years, then it is refused on its field', () => {
    expect(() => validateMonthRange({ from: '2012-13', to: '2012-12' })).toThrow(
      expect.objectContaining({ field: 'from' }),
    );
    expect(() => validateMonthRange({ from: '2012-05', to: '2012-04' })).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
    expect(() => validateMonthRange({ from: '2000-01', to: '2012-12' })).toThrow(/120 months/);
    expect(validateMonthRange({ from: '2012-01', to: '2012-12' })).toEqual({
      from: '2012-01',
      to: '2012-12',
    });
  });

  it('when the instant is late on 31 December UTC, then the China month is already January', () => {
    expect(chinaMonth(Date.parse('2012-12-31T17:00:00Z'))).toBe('2013-01');
  });
});

describe('a tile against last year', () => {
  it('when a rate, then the change is in percentage points (92.9% after 92.5%: +0.4)', () => {
    expect(tileChange('PERCENT', 0.929, 0.925)).toBeCloseTo(0.4, 10);
  });

  it('when a count, then the change is a fraction (reported cases −19.8%)', () => {
    expect(tileChange('COUNT', 802, 1000)).toBeCloseTo(-0.198, 10);
  });

  it('when child regions are ranked, then the better first by the KPI’s sense, regions without a figure last', () => {
    const rows = [{ v: 0.5 }, { v: null }, { v: 0.9 }];
    expect(rankByKpi(rows, (r) => r.v, true).map((r) => r.v)).toEqual([0.9, 0.5, null]);
    expect(rankByKpi(rows, (r) => r.v, false).map((r) => r.v)).toEqual([0.5, 0.9, null]);
  });

  it('when either side has no figure, or last year counted none, then there is no change', () => {
    expect(tileChange('PERCENT', null, 0.9)).toBeNull();
    expect(tileChange('COUNT', 5, 0)).toBeNull();
  });
});

describe('sketchedCentroid', () => {
  const daoli = { lat: 45.66, lng: 126.42 };
  it('when a street of 道里区 has no centroid, then its mark lies near the district’s, apart from its siblings, the same each time', () => {
    const streets = Array.from({ length: 12 }, (_, i) => sketchedCentroid(daoli, i, 12, 3));
    expect(sketchedCentroid(daoli, 5, 12, 3)).toEqual(streets[5]);
    for (const p of streets) {
      expect(Math.abs(p.lat - daoli.lat)).toBeLessThanOrEqual(0.03);
      expect(Math.abs(p.lng - daoli.lng)).toBeLessThanOrEqual(0.03 / Math.cos((daoli.lat * Math.PI) / 180));
    }
    const keys = new Set(streets.map((p) => `${p.lat.toFixed(4)},${p.lng.toFixed(4)}`));
    expect(keys.size).toBe(12);
  });

  it('when drilled a level down, then the disc is a quarter of the size', () => {
    const street = sketchedCentroid(daoli, 0, 1, 3);
    const community = sketchedCentroid(street, 0, 1, 4);
    const away = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
      Math.hypot(a.lat - b.lat, (a.lng - b.lng) * Math.cos((daoli.lat * Math.PI) / 180));
    expect(away(community, street)).toBeCloseTo(away(street, daoli) / 4, 12);
  });
});
