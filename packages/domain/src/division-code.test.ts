import {
  ancestorDivisionCodes,
  divisionCodeTier,
  gridUnitCode,
  hamletCode,
  inferRegionLevel,
  isValidDivisionCode,
  isWithinDivision,
  parentDivisionCode,
} from './division-code';
import { DomainValidationError } from './errors';

const CITY = '230100'; // 哈尔滨市
const DISTRICT = '230102'; // 道里区
const STREET = '230102010'; // 通江街道
const COMMUNITY = '230102010003'; // 上红社区
const HAMLET = '23010201000301';
const GRID = '230102010003015';

function thrown(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error;
    throw error;
  }
  throw new Error('Expected a DomainValidationError, but nothing was thrown.');
}

describe('divisionCodeTier', () => {
  it.each([
    [CITY, 'CITY'],
    [DISTRICT, 'COUNTY'],
    ['230128', 'COUNTY'],
    ['230184', 'COUNTY'],
    ['110101', 'COUNTY'],
    [STREET, 'TOWN'],
    ['230128101', 'TOWN'],
    [COMMUNITY, 'VILLAGE'],
    ['230128101201', 'VILLAGE'],
    [HAMLET, 'HAMLET'],
    [GRID, 'GRID'],
    ['230102010003999', 'GRID'],
  ])('when given %s, then the tier is %s', (code, tier) => {
    expect(divisionCodeTier(code)).toBe(tier);
  });

  it.each([
    ['230000', 'province'],
    ['110000', 'province'],
    ['000000', 'province'],
    ['012300', 'province code (11 to 82)'],
    ['230001', 'city part'],
    ['230102000', 'town part'],
    ['230102010000', 'village part'],
    ['23010201000300', 'hamlet part'],
    ['230102010003000', 'grid part'],
    ['230100001', 'must start with a county-tier code'],
    ['230000001', 'province'],
    ['230001001', 'city part'],
    ['230102000001', 'town part'],
    ['230102000001001', 'town part'],
    ['', 'not 0'],
    ['2301', 'not 4'],
    ['2301020', 'not 7'],
    ['2301020100031', 'not 13'],
    ['2301020100030150', 'not 16'],
    ['230102010003000000', 'not 18'],
    ['23010a', 'digits only'],
    [' 230102', 'digits only'],
    ['230102 ', 'digits only'],
    ['２３０１０２', 'digits only'],
    ['-23010', 'digits only'],
  ])('when given %p, then it throws mentioning %s', (code, words) => {
    const error = thrown(() => divisionCodeTier(code));
    expect(error.field).toBe('code');
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/^Division code ".*" is invalid: .+\.$/);
  });

  it.each([[230102], [null], [undefined], [{}], [['230102']]])(
    'when given the non-string %p, then it throws naming the field',
    (code) => {
      const error = thrown(() => divisionCodeTier(code as unknown as string));
      expect(error.field).toBe('code');
      expect(error.message).toBe('Division code is invalid: it must be a string.');
    },
  );

  it('when given a huge string, then the message quotes only its start', () => {
    const error = thrown(() => divisionCodeTier('9'.repeat(10_000)));
    expect(error.message.length).toBeLessThan(120);
  });
});

describe('isValidDivisionCode', () => {
  it('when given codes of every tier, then they are valid', () => {
    for (const code of [CITY, DISTRICT, STREET, COMMUNITY, HAMLET, GRID])
      expect(isValidDivisionCode(code)).toBe(true);
  });

  it.each([['230000'], ['230102000'], ['2301'], ['abcdef'], [230102], [null], [undefined], [''], [{}]])(
    'when given %p, then it is not valid and does not throw',
    (code) => {
      expect(isValidDivisionCode(code)).toBe(false);
    },
  );
});

describe('parentDivisionCode', () => {
  it.each([
    [DISTRICT, CITY],
    ['230184', CITY],
    [STREET, DISTRICT],
    [COMMUNITY, STREET],
    [HAMLET, COMMUNITY],
    [GRID, COMMUNITY],
  ])('when given %s, then the parent is %s', (code, parent) => {
    expect(parentDivisionCode(code)).toBe(parent);
  });

  it('when given the city, then there is no parent', () => {
    expect(parentDivisionCode(CITY)).toBeNull();
  });

  it('when given an invalid code, then it throws', () => {
    expect(() => parentDivisionCode('230000')).toThrow(DomainValidationError);
    expect(() => parentDivisionCode('230102000')).toThrow(DomainValidationError);
    expect(() => parentDivisionCode(42 as unknown as string)).toThrow(DomainValidationError);
  });
});

describe('ancestorDivisionCodes', () => {
  it('when given a community, then the ancestors run root first without the community', () => {
    expect(ancestorDivisionCodes(COMMUNITY)).toEqual([CITY, DISTRICT, STREET]);
  });

  it('when given a grid unit or a hamlet, then its community and all above it are ancestors', () => {
    expect(ancestorDivisionCodes(GRID)).toEqual([CITY, DISTRICT, STREET, COMMUNITY]);
    expect(ancestorDivisionCodes(HAMLET)).toEqual([CITY, DISTRICT, STREET, COMMUNITY]);
  });

  it('when given the city, then there are no ancestors', () => {
    expect(ancestorDivisionCodes(CITY)).toEqual([]);
  });

  it('when given an invalid code, then it throws', () => {
    expect(() => ancestorDivisionCodes('23010201000')).toThrow(DomainValidationError);
  });
});

describe('isWithinDivision', () => {
  it('when the second code is the code itself or one of its ancestors, then it is within', () => {
    expect(isWithinDivision(COMMUNITY, COMMUNITY)).toBe(true);
    expect(isWithinDivision(COMMUNITY, STREET)).toBe(true);
    expect(isWithinDivision(COMMUNITY, DISTRICT)).toBe(true);
    expect(isWithinDivision(COMMUNITY, CITY)).toBe(true);
    expect(isWithinDivision(DISTRICT, CITY)).toBe(true);
    expect(isWithinDivision(GRID, COMMUNITY)).toBe(true);
  });

  it('when the second code is a descendant or in another branch, then it is not within', () => {
    expect(isWithinDivision(CITY, DISTRICT)).toBe(false);
    expect(isWithinDivision(STREET, COMMUNITY)).toBe(false);
    expect(isWithinDivision('230128101201', DISTRICT)).toBe(false);
    expect(isWithinDivision('230103', DISTRICT)).toBe(false);
  });

  it('when a grid code happens to start with a hamlet code, then the grid is still not within the hamlet', () => {
    expect(GRID.startsWith(HAMLET)).toBe(true);
    expect(isWithinDivision(GRID, HAMLET)).toBe(false);
  });

  it('when either code is invalid, then it throws naming that argument', () => {
    expect(thrown(() => isWithinDivision('230000', CITY)).field).toBe('code');
    expect(thrown(() => isWithinDivision(CITY, '230000')).field).toBe('ancestorOrSelf');
    expect(thrown(() => isWithinDivision('230000', '230000')).field).toBe('code');
  });
});

describe('gridUnitCode', () => {
  it('when numbering grid units, then the number is zero-padded to three digits', () => {
    expect(gridUnitCode(COMMUNITY, 1)).toBe('230102010003001');
    expect(gridUnitCode(COMMUNITY, 15)).toBe(GRID);
    expect(gridUnitCode('230128101201', 999)).toBe('230128101201999');
    expect(divisionCodeTier(gridUnitCode(COMMUNITY, 7))).toBe('GRID');
  });

  it.each([[0], [1000], [-1], [1.5], [NaN], [Infinity], ['1']])('when n is %p, then it throws', (n) => {
    expect(thrown(() => gridUnitCode(COMMUNITY, n as number)).field).toBe('n');
  });

  it.each([[CITY], [DISTRICT], [STREET], [HAMLET], [GRID], ['230102010000'], ['x']])(
    'when the parent is %p, then it throws naming parentCode',
    (parent) => {
      expect(thrown(() => gridUnitCode(parent, 1)).field).toBe('parentCode');
    },
  );
});

describe('hamletCode', () => {
  it('when numbering hamlets, then the number is zero-padded to two digits', () => {
    expect(hamletCode(COMMUNITY, 1)).toBe(HAMLET);
    expect(hamletCode('230128101201', 99)).toBe('23012810120199');
    expect(divisionCodeTier(hamletCode('230128101201', 12))).toBe('HAMLET');
  });

  it.each([[0], [100], [-3], [2.5], [NaN]])('when n is %p, then it throws', (n) => {
    expect(thrown(() => hamletCode(COMMUNITY, n)).field).toBe('n');
  });

  it.each([[CITY], [STREET], [HAMLET], [GRID], ['230102010000']])(
    'when the village code is %p, then it throws naming villageCode',
    (village) => {
      expect(thrown(() => hamletCode(village, 1)).field).toBe('villageCode');
    },
  );
});

describe('inferRegionLevel', () => {
  it.each([
    ['230100', '哈尔滨市', null, 'CITY'],
    ['230102', '道里区', null, 'DISTRICT'],
    ['230128', '通河县', null, 'COUNTY'],
    ['230125', '宾县', null, 'COUNTY'],
    ['230184', '五常市', null, 'COUNTY_CITY'],
    ['230101', '市辖区', null, 'DISTRICT'],
    ['230199', '某某开发管理委员会', null, 'DISTRICT'],
    ['230102010', '通江街道', null, 'STREET'],
    ['230128101', '乌鸦泡镇', null, 'TOWNSHIP'],
    ['230184216', '二河乡', null, 'TOWNSHIP'],
    ['230123400', '依兰县林业局', null, 'TOWNSHIP'],
    ['230123500', '依兰农场', null, 'TOWNSHIP'],
    ['230102010003', '上红社区居委会', '111', 'COMMUNITY'],
    ['230128101201', '依山村委会', '220', 'VILLAGE'],
    ['230109102001', '台屯社区居委会', '220', 'COMMUNITY'],
    ['230110001001', '某村委会', '112', 'VILLAGE'],
    ['230103201001', '03', '123', 'COMMUNITY'],
    ['230110001002', '红旗农场望哈管理区', '220', 'VILLAGE'],
    ['230128101201', '依山村委会', null, 'VILLAGE'],
    ['230128101201', '依山村委会', undefined, 'VILLAGE'],
    ['230128101201', '依山村委会', '', 'VILLAGE'],
    ['230102010003', '上红社区居委会', null, 'COMMUNITY'],
    ['23012810120101', '金圣屯', null, 'HAMLET'],
    ['230102010003015', '第十五网格', null, 'GRID'],
  ])(
    'when importing %s %s (urban-rural code %p), then the level is %s',
    (code, name, urbanRuralCode, level) => {
      expect(inferRegionLevel({ code, name, urbanRuralCode })).toBe(level);
    },
  );

  it('when the name has surrounding spaces, then they are ignored', () => {
    expect(inferRegionLevel({ code: '230102010', name: ' 通江街道 ' })).toBe('STREET');
  });

  it('when the code is invalid, then it throws naming code', () => {
    expect(thrown(() => inferRegionLevel({ code: '230000', name: '黑龙江省' })).field).toBe('code');
  });

  it.each([[''], ['   '], [null], [42]])('when the name is %p, then it throws naming name', (name) => {
    expect(thrown(() => inferRegionLevel({ code: CITY, name: name as string })).field).toBe('name');
  });

  it.each([['311'], ['11'], ['1111'], ['abc'], [111]])(
    'when a village row has the urban-rural code %p, then it throws naming urbanRuralCode',
    (urbanRuralCode) => {
      const error = thrown(() =>
        inferRegionLevel({
          code: COMMUNITY,
          name: '上红社区居委会',
          urbanRuralCode: urbanRuralCode as string,
        }),
      );
      expect(error.field).toBe('urbanRuralCode');
    },
  );
});
