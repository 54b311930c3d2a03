import { gridUnitCode, hamletCode, type RegionLevel } from '@qiangji/domain';
import { seededRandom } from '../../common/seed-kit';

/**
 * Demo regions: the city, its 18 districts and counties (real GB/T 2260 codes), the places the
 * 2013 article names (real NBS codes), and generated streets, communities, villages and grid units
 * so that every district has some. Generated names carry （示例） so nobody mistakes them for real
 * units; generated codes use town or village parts from 9xx, which NBS does not assign, so a later
 * import of the official list never collides with them. Deterministic: a fixed seed.
 */
export interface SeedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  urbanRuralCode?: string;
  population?: number;
  households?: number;
  centroidLat?: number;
  centroidLng?: number;
}

const CITY: SeedRegion = { code: '230100', name: '哈尔滨市', level: 'CITY', parentCode: null };

/**
 * The districts with their approximate centroids (WGS-84 longitude, latitude, two decimals: the middle of each
 * district's area read off a map, not surveyed), so the demo's command view has a map with no data files.
 */
const DISTRICTS: [string, string, RegionLevel, number, number][] = [
  ['230102', '道里区', 'DISTRICT', 126.42, 45.66],
  ['230103', '南岗区', 'DISTRICT', 126.7, 45.7],
  ['230104', '道外区', 'DISTRICT', 126.78, 45.86],
  ['230108', '平房区', 'DISTRICT', 126.64, 45.58],
  ['230109', '松北区', 'DISTRICT', 126.5, 45.95],
  ['230110', '香坊区', 'DISTRICT', 126.85, 45.63],
  ['230111', '呼兰区', 'DISTRICT', 126.72, 46.1],
  ['230112', '阿城区', 'DISTRICT', 127.1, 45.45],
  ['230113', '双城区', 'DISTRICT', 126.22, 45.38],
  ['230123', '依兰县', 'COUNTY', 129.55, 46.2],
  ['230124', '方正县', 'COUNTY', 128.85, 45.75],
  ['230125', '宾县', 'COUNTY', 127.55, 45.7],
  ['230126', '巴彦县', 'COUNTY', 127.35, 46.15],
  ['230127', '木兰县', 'COUNTY', 128.05, 46.05],
  ['230128', '通河县', 'COUNTY', 128.75, 46.1],
  ['230129', '延寿县', 'COUNTY', 128.4, 45.4],
  ['230183', '尚志市', 'COUNTY_CITY', 128.1, 45.05],
  ['230184', '五常市', 'COUNTY_CITY', 127.45, 44.75],
];

/** The article's places, with their real statistical codes. */
const ARTICLE_PLACES: SeedRegion[] = [
  { code: '230102010', name: '通江街道', level: 'STREET', parentCode: '230102' },
  {
    code: '230102010003',
    name: '上红社区居委会',
    level: 'COMMUNITY',
    parentCode: '230102010',
    urbanRuralCode: '111',
  },
  { code: '230128101', name: '乌鸦泡镇', level: 'TOWNSHIP', parentCode: '230128' },
  {
    code: '230128101201',
    name: '依山村委会',
    level: 'VILLAGE',
    parentCode: '230128101',
    urbanRuralCode: '220',
  },
  { code: '230129100', name: '延寿镇', level: 'TOWNSHIP', parentCode: '230129' },
  {
    code: '230129100204',
    name: '双金村村委会',
    level: 'VILLAGE',
    parentCode: '230129100',
    urbanRuralCode: '220',
  },
  { code: hamletCode('230129100204', 1), name: '金圣屯', level: 'HAMLET', parentCode: '230129100204' },
  { code: '230184216', name: '二河乡', level: 'TOWNSHIP', parentCode: '230184' },
  {
    code: '230184216200',
    name: '新庄村村委会',
    level: 'VILLAGE',
    parentCode: '230184216',
    urbanRuralCode: '220',
  },
];

/**
 * 新庄村's neighbour, founded for the families resettled from the reservoir: the 171st village, so that the
 * villages' seed gives the "1+3+N" model to 35 of 171, the article's 20.5% at one decimal. Added after the
 * generated tree with fixed grid units, so the tree before it stays as it was.
 */
const RESETTLEMENT_VILLAGE: SeedRegion = {
  code: '230184216299',
  name: '移民新村村委会（示例）',
  level: 'VILLAGE',
  parentCode: '230184216',
  urbanRuralCode: '220',
  households: 160,
  population: 420,
};

const STREET_NAMES = [
  '和平',
  '新华',
  '建设',
  '友谊',
  '胜利',
  '光明',
  '民主',
  '团结',
  '繁荣',
  '文化',
  '工农',
  '安静',
];
const TOWNSHIP_NAMES = [
  '红旗镇',
  '永安镇',
  '太平乡',
  '兴隆镇',
  '民乐乡',
  '新华镇',
  '长岭乡',
  '富民镇',
  '向阳乡',
  '东兴镇',
];
const COMMUNITY_NAMES = [
  '幸福',
  '阳光',
  '春华',
  '景阳',
  '江畔',
  '中央',
  '兴隆',
  '永和',
  '福顺',
  '丽江',
  '康宁',
  '安居',
];
const VILLAGE_NAMES = [
  '前进',
  '红星',
  '东升',
  '永丰',
  '富强',
  '长胜',
  '新发',
  '太平',
  '兴安',
  '双山',
  '靠山',
  '河口',
];
const EXAMPLE = '（示例）';

export function demoRegions(seed = 20130601): SeedRegion[] {
  const { next: rand, between } = seededRandom(seed);
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  const rows: SeedRegion[] = [CITY];
  const children = (code: string) => ARTICLE_PLACES.filter((p) => p.parentCode === code);

  const addGrids = (parent: SeedRegion) => {
    parent.households = 0;
    parent.population = 0;
    const count = between(2, 6);
    for (let n = 1; n <= count; n++) {
      const households = between(150, 450);
      const population = Math.round(households * (2.4 + rand() * 0.6));
      parent.households += households;
      parent.population += population;
      rows.push({
        code: gridUnitCode(parent.code, n),
        name: `第${n}网格`,
        level: 'GRID',
        parentCode: parent.code,
        households,
        population,
      });
    }
  };

  const addVillageTier = (town: SeedRegion, urban: boolean, firstPart: number, count: number) => {
    // One random offset per parent, then consecutive names: siblings never share a name.
    const offset = between(0, 11);
    for (let i = 0; i < count; i++) {
      const part = String(firstPart + i).padStart(3, '0');
      const unit: SeedRegion = urban
        ? {
            code: town.code + part,
            name: `${pick(COMMUNITY_NAMES, offset + i)}社区居委会${EXAMPLE}`,
            level: 'COMMUNITY',
            parentCode: town.code,
            urbanRuralCode: '111',
          }
        : {
            code: town.code + part,
            name: `${pick(VILLAGE_NAMES, offset + i)}村村委会${EXAMPLE}`,
            level: 'VILLAGE',
            parentCode: town.code,
            urbanRuralCode: '220',
          };
      rows.push(unit);
      addGrids(unit);
    }
  };

  for (const [code, name, level, centroidLng, centroidLat] of DISTRICTS) {
    rows.push({ code, name, level, parentCode: CITY.code, centroidLng, centroidLat });
    const urban = level === 'DISTRICT';
    for (const place of children(code)) {
      rows.push(place);
      for (const unit of children(place.code)) {
        rows.push(unit);
        for (const hamlet of children(unit.code)) rows.push(hamlet);
        addGrids(unit);
      }
      addVillageTier(place, place.level === 'STREET', 901, between(2, 3));
    }
    const towns = between(2, 4);
    const offset = between(0, 9);
    for (let t = 0; t < towns; t++) {
      const townCode = `${code}${901 + t}`;
      const town: SeedRegion = urban
        ? {
            code: townCode,
            name: `${pick(STREET_NAMES, offset + t)}街道${EXAMPLE}`,
            level: 'STREET',
            parentCode: code,
          }
        : {
            code: townCode,
            name: `${pick(TOWNSHIP_NAMES, offset + t)}${EXAMPLE}`,
            level: 'TOWNSHIP',
            parentCode: code,
          };
      rows.push(town);
      addVillageTier(town, urban, 1, between(3, 6));
    }
  }
  rows.push(RESETTLEMENT_VILLAGE);
  for (const n of [1, 2])
    rows.push({
      code: gridUnitCode(RESETTLEMENT_VILLAGE.code, n),
      name: `第${n}网格`,
      level: 'GRID',
      parentCode: RESETTLEMENT_VILLAGE.code,
      households: 80,
      population: 210,
    });
  return rows;
}

/**
 * Demo boundaries (drawn, not surveyed) for 上红社区's odd-numbered grid units, strips side by side around 中医街
 * (WGS-84): the grid-unit page has a polygon to show in its first unit, and its second shows a unit without one.
 */
export function demoGridBoundaries(rows: readonly SeedRegion[]): { code: string; boundary: object }[] {
  const units = rows.filter((r) => r.level === 'GRID' && r.parentCode === '230102010003');
  const [south, north, west, east] = [45.7715, 45.7805, 126.6125, 126.6285];
  const width = (east - west) / units.length;
  return units.flatMap((u, i) => {
    if (i % 2 === 1) return [];
    const [w, e] = [west + i * width, west + (i + 1) * width];
    const ring = [
      [w, south],
      [e, south],
      [e, north],
      [w, north],
      [w, south],
    ];
    return [{ code: u.code, boundary: { type: 'Polygon', coordinates: [ring] } }];
  });
}
