import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { divisionCodeTier, inferRegionLevel, parentDivisionCode } from './division-code';
import { REGION_LEVEL_TIER } from './region';

// The NBS 2022 list for Harbin lives beside the project (../shared/data), never inside it; see its SOURCES.md.
const CSV = resolve(__dirname, '../../../../shared/data/harbin-divisions.csv');

const CSV_LEVEL_TIER: Record<string, string> = {
  city: 'CITY',
  district: 'COUNTY',
  street: 'TOWN',
  community_or_village: 'VILLAGE',
};

const rows = readFileSync(CSV, 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [code, name, level, parentCode, urbanRuralCode] = line.split(',');
    return { code, name, level, parentCode, urbanRuralCode };
  });

describe('the official Harbin division list', () => {
  it('when read, then it holds all 3,528 rows', () => {
    expect(rows).toHaveLength(3528);
  });

  it('when every code is checked, then its tier matches the list and its parent is the listed parent', () => {
    for (const row of rows) {
      expect({ code: row.code, tier: divisionCodeTier(row.code) }).toEqual({
        code: row.code,
        tier: CSV_LEVEL_TIER[row.level],
      });
      expect({ code: row.code, parent: parentDivisionCode(row.code) }).toEqual({
        code: row.code,
        parent: row.parentCode || null,
      });
    }
  });

  it('when levels are inferred, then each stays on its tier and the 2022 totals come out', () => {
    const counts: Record<string, number> = {};
    for (const row of rows) {
      const level = inferRegionLevel(row);
      expect({ code: row.code, tier: REGION_LEVEL_TIER[level] }).toEqual({
        code: row.code,
        tier: CSV_LEVEL_TIER[row.level],
      });
      counts[level] = (counts[level] ?? 0) + 1;
    }
    expect(counts).toEqual({
      CITY: 1,
      DISTRICT: 9,
      COUNTY: 7,
      COUNTY_CITY: 2,
      STREET: 137,
      TOWNSHIP: 193,
      // 村委会 are villages and 居委会 communities whatever their urban-rural code; the rest go by the code.
      COMMUNITY: 1209,
      VILLAGE: 1970,
    });
  });
});
