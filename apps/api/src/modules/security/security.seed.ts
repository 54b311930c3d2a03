import { LEGAL_EDUCATION_FORMATS, SECURITY_CATEGORY_PARENT, type SecurityCategory } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionsIn } from '../region/region.snapshot';
import { insertRows, rowsTable, seededRandom, seededUuids } from '../../common/seed-kit';

/**
 * The city's reported cases by year and category. 2011 → 2012: 90,000 → 72,180 reported cases (criminal +
 * public order), −19.8%; homicides 240 → 196, −18.3%: the article's figures. 2010 is there for the villages'
 * three quiet years.
 */
export const CITY_CASES: Readonly<Record<number, Readonly<Record<SecurityCategory, number>>>> = {
  2010: {
    CRIMINAL: 41_200,
    HOMICIDE: 262,
    ROBBERY: 1_300,
    BURGLARY: 9_600,
    THEFT: 15_100,
    FRAUD: 2_800,
    PUBLIC_ORDER: 55_600,
  },
  2011: {
    CRIMINAL: 38_000,
    HOMICIDE: 240,
    ROBBERY: 1_200,
    BURGLARY: 9_000,
    THEFT: 14_000,
    FRAUD: 3_000,
    PUBLIC_ORDER: 52_000,
  },
  2012: {
    CRIMINAL: 30_780,
    HOMICIDE: 196,
    ROBBERY: 950,
    BURGLARY: 7_100,
    THEFT: 11_300,
    FRAUD: 2_900,
    PUBLIC_ORDER: 41_400,
  },
};
export const TONGHE = '230128';
/**
 * 通河县's villages in the article: 15 with no public-order case for three years, 52 with no criminal case, out of
 * about 110 villages (our assumption of the county's count). The demo's 通河县 has fewer villages: the same shares.
 */
export const QUIET_VILLAGES = 15;
export const NO_CRIMINAL_VILLAGES = 52;
export const QUIET_SHARE = QUIET_VILLAGES / 110;
export const NO_CRIMINAL_SHARE = NO_CRIMINAL_VILLAGES / 110;

/**
 * How many of 通河县's villages are quiet and free of criminal cases (disjoint sets): the article's own counts
 * where the county has villages enough for both (the official list's 95), else its shares of the demo's few.
 */
export function tongheQuietCounts(villages: number): { quiet: number; noCriminal: number } {
  if (villages >= QUIET_VILLAGES + NO_CRIMINAL_VILLAGES)
    return { quiet: QUIET_VILLAGES, noCriminal: NO_CRIMINAL_VILLAGES };
  return { quiet: Math.round(villages * QUIET_SHARE), noCriminal: Math.round(villages * NO_CRIMINAL_SHARE) };
}
/** The statistics bureau's survey team (国家统计局哈尔滨调查队): sense of security 92.5% in 2011, 92.9% in 2012. */
export const SENSE_OF_SECURITY: Readonly<Record<number, number>> = { 2010: 0.918, 2011: 0.925, 2012: 0.929 };
/** 通河县 farmers' satisfaction with public order. */
export const FARMERS_PUBLIC_ORDER: Readonly<Record<number, number>> = { 2011: 0.961, 2012: 0.966 };

const SEASON = [0.82, 0.78, 0.9, 0.96, 1.04, 1.08, 1.12, 1.14, 1.06, 1.02, 0.98, 1.1];

const STATISTICS = rowsTable(
  'security_statistic',
  { regionCode: 'varchar', month: 'date', category: 'text', cases: 'int' },
  { source: `'POLICE_SYSTEM'`, createdBy: `'seed'` },
);
const SURVEYS = rowsTable(
  'satisfaction_survey',
  { id: 'uuid', year: 'int', regionCode: 'varchar', sampleSize: 'int', method: 'text', source: 'text' },
  { createdBy: `'seed'` },
);
const RESULTS = rowsTable('survey_result', {
  surveyId: 'uuid',
  year: 'int',
  question: 'text',
  respondentGroup: 'text',
  regionCode: 'varchar',
  satisfied: 'numeric',
  respondents: 'int',
});
const LEGAL_EVENTS = rowsTable(
  'legal_education_event',
  {
    format: 'text',
    title: 'text',
    heldOn: 'date',
    regionCode: 'varchar',
    audience: 'int',
    organiser: 'text',
  },
  { createdBy: `'seed'` },
);
const FIGURES = rowsTable('prevention_figure', {
  regionCode: 'varchar',
  year: 'int',
  indicator: 'text',
  name: 'text',
  value: 'numeric',
});

/** Whole numbers in proportion to the weights that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, n) => a + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    whole[i] += 1;
  }
  return whole;
}

/**
 * `apportion` over places of `months` cells each, every place whose cells weigh anything getting at least one in
 * its heaviest month: with small figures spread over thousands of villages (the official list), a village of no
 * case all year would otherwise happen by chance, where the article counts only the ones it means.
 */
function apportionAtLeastOne(total: number, weights: readonly number[], months: number): number[] {
  const reserved: number[] = [];
  for (let first = 0; first < weights.length; first += months) {
    const cells = weights.slice(first, first + months);
    const heaviest = cells.indexOf(Math.max(...cells));
    if (cells[heaviest] > 0) reserved.push(first + heaviest);
  }
  if (total < reserved.length) return apportion(total, weights);
  const counts = apportion(total - reserved.length, weights);
  for (const i of reserved) counts[i] += 1;
  return counts;
}

interface Place {
  code: string;
  level: string;
  district: string;
  weight: number;
}

/**
 * Monthly cases per community and village for 2010–2012 that add up to `CITY_CASES`, each district falling by
 * its own rate; 通河县's quiet villages get no public-order case in the three years and its share of villages
 * without a criminal case none in 2012. Then the surveys, legal-education events and prevention figures.
 */
export async function seedSecurity(m: EntityManager, seed = 20121231) {
  const rand = seededRandom(seed);
  const places: Place[] = (await regionsIn(m))
    .filter((r) => r.code.length === 12 && r.current)
    .map((r) => ({
      code: r.code,
      level: r.level,
      district: r.code.slice(0, 6),
      weight: 0.5 + rand.next(),
    }));
  if (!places.length) return { statistics: 0 };
  const districts = [...new Set(places.map((p) => p.district))];
  const fall = new Map(districts.map((d) => [d, 0.72 + rand.next() * 0.2]));
  const tongheVillages = rand.shuffle(places.filter((p) => p.district === TONGHE && p.level === 'VILLAGE'));
  // Disjoint, so that every village has figures every year (a village with neither kind of case would have none).
  const counts = tongheQuietCounts(tongheVillages.length);
  const quiet = new Set(tongheVillages.slice(0, counts.quiet).map((p) => p.code));
  const noCriminal = new Set(
    tongheVillages.slice(counts.quiet, counts.quiet + counts.noCriminal).map((p) => p.code),
  );

  const rows: { regionCode: string; month: string; category: SecurityCategory; cases: number }[] = [];
  for (const year of [2010, 2011, 2012]) {
    const cells = places.flatMap((p) => SEASON.map((s, month) => ({ p, month, weight: p.weight * s })));
    const weightOf = (category: SecurityCategory) =>
      cells.map(({ p, weight }) => {
        if (category === 'PUBLIC_ORDER' && quiet.has(p.code)) return 0;
        if (category !== 'PUBLIC_ORDER' && year === 2012 && noCriminal.has(p.code)) return 0;
        return weight * (year === 2012 ? fall.get(p.district)! : 1) * (0.8 + rand.next() * 0.4);
      });
    const criminal = apportionAtLeastOne(CITY_CASES[year].CRIMINAL, weightOf('CRIMINAL'), SEASON.length);
    const publicOrder = apportionAtLeastOne(
      CITY_CASES[year].PUBLIC_ORDER,
      weightOf('PUBLIC_ORDER'),
      SEASON.length,
    );
    cells.forEach((c, i) => {
      const month = `${year}-${String(c.month + 1).padStart(2, '0')}-01`;
      rows.push({ regionCode: c.p.code, month, category: 'CRIMINAL', cases: criminal[i] });
      rows.push({ regionCode: c.p.code, month, category: 'PUBLIC_ORDER', cases: publicOrder[i] });
    });
    // The parts of criminal cases (homicides, …) are kept per district and month, after its criminal cases; one
    // level per category, so they add up all the same. 2010 keeps the totals only.
    if (year === 2010) continue;
    const districtMonths = districts.flatMap((d) => SEASON.map((_, month) => ({ d, month })));
    const criminalOf = districtMonths.map(({ d, month }) =>
      cells.reduce((sum, c, i) => (c.p.district === d && c.month === month ? sum + criminal[i] : sum), 0),
    );
    for (const category of Object.keys(SECURITY_CATEGORY_PARENT) as SecurityCategory[]) {
      const counts = apportion(CITY_CASES[year][category], criminalOf);
      districtMonths.forEach(({ d, month }, i) =>
        rows.push({
          regionCode: d,
          month: `${year}-${String(month + 1).padStart(2, '0')}-01`,
          category,
          cases: counts[i],
        }),
      );
    }
  }
  await insertRows(m, STATISTICS, rows);

  const uuid = seededUuids(seed);
  const surveys = [2010, 2011, 2012].map((year) => ({
    id: uuid(),
    year,
    regionCode: '230100',
    sampleSize: 12_000,
    method: 'TELEPHONE',
    source: '国家统计局哈尔滨调查队',
  }));
  await insertRows(m, SURVEYS, surveys);
  const results = surveys.flatMap((s) => [
    {
      surveyId: s.id,
      year: s.year,
      question: 'SENSE_OF_SECURITY',
      respondentGroup: 'PUBLIC',
      regionCode: '230100',
      satisfied: SENSE_OF_SECURITY[s.year],
      respondents: s.sampleSize,
    },
    ...districts.map((d) => ({
      surveyId: s.id,
      year: s.year,
      question: 'SENSE_OF_SECURITY',
      respondentGroup: 'PUBLIC',
      regionCode: d,
      satisfied: Math.round((SENSE_OF_SECURITY[s.year] + (rand.next() - 0.5) * 0.04) * 1000) / 1000,
      respondents: Math.round(s.sampleSize / districts.length),
    })),
    ...(FARMERS_PUBLIC_ORDER[s.year]
      ? [
          {
            surveyId: s.id,
            year: s.year,
            question: 'PUBLIC_ORDER',
            respondentGroup: 'FARMERS',
            regionCode: TONGHE,
            satisfied: FARMERS_PUBLIC_ORDER[s.year],
            respondents: 600,
          },
        ]
      : []),
  ]);
  await insertRows(m, RESULTS, results);

  const brand = LEGAL_EDUCATION_FORMATS.filter((f) => f !== 'OTHER');
  const tongheTowns = [...new Set(places.filter((p) => p.district === TONGHE).map((p) => p.code))];
  const legalEvents = Array.from({ length: 80 }, (_, i) => {
    const inTonghe = i < 50;
    const format = inTonghe
      ? brand[i % brand.length]
      : rand.pick(['BIG_LEGAL_FAIR', 'BIG_TV_LECTURE', 'OTHER'] as const);
    const place = inTonghe ? rand.pick(tongheTowns.length ? tongheTowns : [TONGHE]) : rand.pick(places).code;
    const year = rand.next() < 0.5 ? 2011 : 2012;
    return {
      format,
      title: `${inTonghe ? '通河县' : ''}“四小六大”普法活动第${i + 1}期`,
      heldOn: `${year}-${String(rand.between(1, 12)).padStart(2, '0')}-${String(rand.between(1, 28)).padStart(2, '0')}`,
      regionCode: place,
      audience: rand.between(30, 800),
      organiser: inTonghe ? '通河县司法局' : '区司法局',
    };
  });
  await insertRows(m, LEGAL_EVENTS, legalEvents);

  const figures = [2011, 2012].flatMap((year) => [
    ...districts.flatMap((d) => [
      {
        regionCode: d,
        year,
        indicator: 'VIDEO_POINTS',
        name: '',
        value: rand.between(800, 3000) + (year - 2011) * 300,
      },
      {
        regionCode: d,
        year,
        indicator: 'VIDEO_COVERAGE',
        name: '',
        value: Math.round((0.6 + rand.next() * 0.3) * 100) / 100,
      },
      { regionCode: d, year, indicator: 'PATROL_TEAMS', name: '', value: rand.between(10, 40) },
      { regionCode: d, year, indicator: 'COMMUNITY_POLICE_OFFICES', name: '', value: rand.between(10, 60) },
    ]),
    {
      regionCode: '230100',
      year,
      indicator: 'PROJECT_3531',
      name: '示范社区（示例）',
      value: 120 + (year - 2011) * 60,
    },
    {
      regionCode: '230100',
      year,
      indicator: 'PROJECT_3531',
      name: '群防群治队伍（示例）',
      value: 900 + (year - 2011) * 150,
    },
  ]);
  await insertRows(m, FIGURES, figures);
  return {
    statistics: rows.length,
    quietVillages: quiet.size,
    villagesWithoutCriminalCase: noCriminal.size,
    surveys: surveys.length,
    legalEducationEvents: legalEvents.length,
  };
}
