import { DomainValidationError } from './errors';
import {
  isRegionLevel,
  levelsOfTier,
  REGION_LEVEL_LABELS,
  REGION_LEVEL_TIER,
  REGION_LEVELS,
  REGION_TIERS,
  type RegionTier,
} from './region';

describe('region levels and tiers', () => {
  it('when listing levels, then they run from the city down to the grid unit', () => {
    expect(REGION_LEVELS).toEqual([
      'CITY',
      'DISTRICT',
      'COUNTY',
      'COUNTY_CITY',
      'STREET',
      'TOWNSHIP',
      'COMMUNITY',
      'VILLAGE',
      'HAMLET',
      'GRID',
    ]);
    expect(REGION_TIERS).toEqual(['CITY', 'COUNTY', 'TOWN', 'VILLAGE', 'HAMLET', 'GRID']);
  });

  it('when mapping levels to tiers, then districts, counties and county-level cities share the county tier', () => {
    expect(REGION_LEVEL_TIER).toEqual({
      CITY: 'CITY',
      DISTRICT: 'COUNTY',
      COUNTY: 'COUNTY',
      COUNTY_CITY: 'COUNTY',
      STREET: 'TOWN',
      TOWNSHIP: 'TOWN',
      COMMUNITY: 'VILLAGE',
      VILLAGE: 'VILLAGE',
      HAMLET: 'HAMLET',
      GRID: 'GRID',
    });
  });

  it('when asking for the levels of each tier, then every level appears exactly once', () => {
    expect(levelsOfTier('CITY')).toEqual(['CITY']);
    expect(levelsOfTier('COUNTY')).toEqual(['DISTRICT', 'COUNTY', 'COUNTY_CITY']);
    expect(levelsOfTier('TOWN')).toEqual(['STREET', 'TOWNSHIP']);
    expect(levelsOfTier('VILLAGE')).toEqual(['COMMUNITY', 'VILLAGE']);
    expect(levelsOfTier('HAMLET')).toEqual(['HAMLET']);
    expect(levelsOfTier('GRID')).toEqual(['GRID']);
    expect(REGION_TIERS.flatMap((tier) => levelsOfTier(tier))).toEqual([...REGION_LEVELS]);
  });

  it('when the caller mutates the returned levels, then the next call is unaffected', () => {
    levelsOfTier('TOWN').push('GRID');
    expect(levelsOfTier('TOWN')).toEqual(['STREET', 'TOWNSHIP']);
  });

  it('when asking for an unknown tier, then it throws naming the field', () => {
    expect(() => levelsOfTier('PROVINCE' as RegionTier)).toThrow(DomainValidationError);
    expect(() => levelsOfTier('PROVINCE' as RegionTier)).toThrow(expect.objectContaining({ field: 'tier' }));
  });

  it('when a JavaScript caller tries to change the tables, then they stay as they are', () => {
    expect(Object.isFrozen(REGION_LEVELS)).toBe(true);
    expect(Object.isFrozen(REGION_TIERS)).toBe(true);
    expect(Object.isFrozen(REGION_LEVEL_TIER)).toBe(true);
    expect(Object.isFrozen(REGION_LEVEL_LABELS)).toBe(true);
    expect(Object.isFrozen(REGION_LEVEL_LABELS.CITY)).toBe(true);
  });
});

describe('REGION_LEVEL_LABELS', () => {
  it('when labelling levels, then Chinese and English names follow the glossary', () => {
    expect(REGION_LEVEL_LABELS).toEqual({
      CITY: { zh: '市', en: 'City' },
      DISTRICT: { zh: '区', en: 'District' },
      COUNTY: { zh: '县', en: 'County' },
      COUNTY_CITY: { zh: '县级市', en: 'County-level city' },
      STREET: { zh: '街道', en: 'Street' },
      TOWNSHIP: { zh: '乡镇', en: 'Township' },
      COMMUNITY: { zh: '社区', en: 'Community' },
      VILLAGE: { zh: '村', en: 'Village' },
      HAMLET: { zh: '屯', en: 'Hamlet' },
      GRID: { zh: '网格', en: 'Grid unit' },
    });
  });
});

describe('isRegionLevel', () => {
  it('when given each level, then it is accepted', () => {
    for (const level of REGION_LEVELS) expect(isRegionLevel(level)).toBe(true);
  });

  it.each([['city'], ['TOWN'], ['PROVINCE'], [''], [null], [undefined], [3], [{}], [['CITY']]])(
    'when given %p, then it is rejected',
    (value) => {
      expect(isRegionLevel(value)).toBe(false);
    },
  );
});
