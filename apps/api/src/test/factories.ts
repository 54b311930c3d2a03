import { gridUnitCode, type RegionLevel } from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import { writeRegions, type RegionWrite } from '../modules/region/region.writer';

/** 230140–230179: county codes Harbin does not use, so factory trees never meet the demo data. */
let next = 0;

/**
 * A small tree of its own under a fresh district code, so tests never depend on each other:
 * a district, `streets` streets, `communities` communities each, `grids` grid units each.
 */
export async function regionTree(
  db: DataSource,
  opts: { streets?: number; communities?: number; grids?: number; name?: string; rural?: boolean } = {},
) {
  const { streets = 2, communities = 3, grids = 2, name = '测试区', rural = false } = opts;
  // A rural tree is a county of townships and villages, where cadres are posted.
  const [townLevel, placeLevel, townName, placeName]: [RegionLevel, RegionLevel, string, string] = rural
    ? ['TOWNSHIP', 'VILLAGE', '乡', '村村委会']
    : ['STREET', 'COMMUNITY', '街道', '社区居委会'];
  const districtCode = `2301${40 + (next++ % 40)}`;
  const rows: RegionWrite[] = [{ code: '230100', name: '哈尔滨市', level: 'CITY', parentCode: null }];
  const add = (code: string, n: string, level: RegionLevel, parentCode: string) =>
    rows.push({ code, name: n, level, parentCode });
  add(districtCode, name, rural ? 'COUNTY' : 'DISTRICT', '230100');
  for (let s = 1; s <= streets; s++) {
    const street = `${districtCode}${String(s).padStart(3, '0')}`;
    add(street, `${name}第${s}${townName}`, townLevel, districtCode);
    for (let c = 1; c <= communities; c++) {
      const community = `${street}${String(c).padStart(3, '0')}`;
      add(community, `${name}${s}街${c}${placeName}`, placeLevel, street);
      for (let g = 1; g <= grids; g++) add(gridUnitCode(community, g), `第${g}网格`, 'GRID', community);
    }
  }
  await db.transaction((m) => writeRegions(m, rows, 'insert-missing'));
  return { districtCode, rows: rows.filter((r) => r.code !== '230100') };
}
