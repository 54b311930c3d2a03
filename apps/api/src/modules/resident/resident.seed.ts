import { makeIdNumber, maskIdNumber, maskPhone, type ResidentTag } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionsIn } from '../region/region.snapshot';
import type { PersonalDataCipher } from '../../common/personal-data';
import { insertRows, rowsTable, seededRandom, type RowOf } from '../../common/seed-kit';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '于',
  '高',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '玉兰',
  '建国',
  '淑珍',
  '志强',
  '海燕',
];
const ROADS = [
  '中医街',
  '经纬街',
  '通江街',
  '友谊路',
  '安静街',
  '西十二道街',
  '新阳路',
  '兆麟街',
  '红旗大街',
  '和平路',
];

const HOUSEHOLDS = rowsTable('household', { regionCode: 'varchar', address: 'text', tags: 'text[]' });
const RESIDENTS = rowsTable('resident', {
  householdId: 'uuid',
  name: 'text',
  gender: 'text',
  birthDate: 'date',
  idNumberEncrypted: 'text',
  idNumberHmac: 'text',
  idNumberMasked: 'text',
  phoneEncrypted: 'text',
  phoneHmac: 'text',
  phoneMasked: 'text',
  tags: 'text[]',
});

/**
 * Synthetic households and residents in the demo grid units: fictitious people with valid ID
 * numbers (right check digit, real district codes) and phones, encrypted exactly as the API does.
 * The first household of 上红社区 lives at 中医街84号, the article's address.
 */
export async function seedResidents(
  m: EntityManager,
  cipher: PersonalDataCipher,
  opts = { households: 1500, seed: 20130601 },
) {
  const rand = seededRandom(opts.seed);
  const grids = (await regionsIn(m)).filter((r) => r.level === 'GRID');
  if (!grids.length) return { households: 0, residents: 0 };
  const households = Array.from({ length: opts.households }, (_, i) => {
    const grid = grids[(i * 7919) % grids.length].code;
    const address =
      i === 0
        ? '中医街84号'
        : `${rand.pick(ROADS)}${rand.between(1, 300)}号${rand.between(1, 6)}单元${rand.between(1, 18)}0${rand.between(1, 4)}`;
    return { grid: i === 0 ? '230102010003001' : grid, address, poor: rand.next() < 0.04 };
  });
  const inserted = await insertRows<typeof HOUSEHOLDS.columns, { id: string }>(
    m,
    HOUSEHOLDS,
    households.map((h) => ({
      regionCode: h.grid,
      address: h.address,
      tags: h.poor ? ['POOR_HOUSEHOLD'] : [],
    })),
    'RETURNING id',
  );

  const people: RowOf<typeof RESIDENTS.columns>[] = [];
  let sequence = 0;
  inserted.forEach(({ id }, i) => {
    const district = households[i].grid.slice(0, 6);
    const size = rand.between(1, 5);
    const surname = rand.pick(SURNAMES);
    for (let k = 0; k < size; k++) {
      const year = k === 0 ? rand.between(1945, 1990) : rand.between(1940, 2015);
      const birthDate = `${year}-${String(rand.between(1, 12)).padStart(2, '0')}-${String(rand.between(1, 28)).padStart(2, '0')}`;
      const idNumber = makeIdNumber(district, birthDate, sequence++ % 1000);
      const phone =
        year < 2008 && rand.next() < 0.8
          ? `1${rand.pick(['38', '39', '58', '86', '35'])}${String(rand.between(0, 99_999_999)).padStart(8, '0')}`
          : null;
      const tags: ResidentTag[] = [];
      if (year <= 1965) tags.push('ELDERLY');
      if (households[i].poor) tags.push('POOR_HOUSEHOLD');
      if (rand.next() < 0.03) tags.push('DISABLED');
      if (rand.next() < 0.04) tags.push('MINIMUM_ALLOWANCE');
      if (rand.next() < 0.05) tags.push('FLOATING_POPULATION');
      people.push({
        householdId: id,
        name: `${surname}${rand.pick(GIVEN)}`,
        gender: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
        birthDate,
        idNumberEncrypted: cipher.encrypt(idNumber),
        idNumberHmac: cipher.hmac(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        phoneEncrypted: phone && cipher.encrypt(phone),
        phoneHmac: phone && cipher.hmac(phone),
        phoneMasked: phone && maskPhone(phone),
        tags,
      });
    }
  });
  const residents = await insertRows(
    m,
    RESIDENTS,
    people,
    'ON CONFLICT (id_number_hmac) DO NOTHING RETURNING id',
  );
  // The oldest member heads the household.
  await m.query(
    `UPDATE household h SET head_resident_id = first.id
     FROM (SELECT DISTINCT ON (household_id) household_id, id FROM resident ORDER BY household_id, birth_date) first
     WHERE h.id = first.household_id AND h.head_resident_id IS NULL`,
  );
  return { households: inserted.length, residents: residents.length };
}

/**
 * A household another module's demo data tells a story about (依山村's poor household of the greenhouse), put in
 * the registry like every other: the registry's rows are written by this module alone.
 */
export async function plantHousehold(
  m: EntityManager,
  household: { regionCode: string; address: string; poor: boolean },
): Promise<string> {
  const [{ id }] = await insertRows<typeof HOUSEHOLDS.columns, { id: string }>(
    m,
    HOUSEHOLDS,
    [{ ...household, tags: household.poor ? ['POOR_HOUSEHOLD'] : [] }],
    'RETURNING id',
  );
  return id;
}

/**
 * The households of the registry for other modules' demo data, in the registry's order (path, address, id), which
 * their seeded draws follow. Seeds only: a request reads households through the service, audited.
 */
export function registeredHouseholds(
  m: EntityManager,
): Promise<{ id: string; regionCode: string; path: string; poor: boolean }[]> {
  return m.query(
    `SELECT h.id, h.region_code AS "regionCode", h.region_path::text AS path, 'POOR_HOUSEHOLD' = ANY(h.tags) AS poor
     FROM household h ORDER BY h.region_path, h.address, h.id`,
  );
}
