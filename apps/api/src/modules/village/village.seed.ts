import {
  ASSISTANCE_MACHINE,
  MODEL_REQUIRED_KINDS,
  type AssistanceCommandDetails,
  type AssistanceState,
  type AssistanceType,
  type VisitPurpose,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionsIn } from '../region/region.snapshot';
import { plantHousehold, registeredHouseholds } from '../resident/resident.seed';
import {
  defineLifecycle,
  insertRows,
  playLife,
  rowsTable,
  seededRandom,
  seededUuids,
  type LifeStep,
  timelineTable,
  timelineColumns,
} from '../../common/seed-kit';

/**
 * The villages' demo data, from the 2013 article: every village of the demo tree paired with a work unit and a
 * stationed cadre posted since January 2009; 通河县's villages with per-capita income growing 18.1% a year from
 * 2008 to 2012; the "1+3+N" model in 20.5% of the villages (35 of the demo tree's 171), 新庄村 first;
 * visits at the targets' rhythm (poor households monthly, the others quarterly, with misses), assistance for the
 * poor households played through the domain's machine, and 依山村's story: the cadre who handed over in 2012,
 * the one who took over (the demo account `yishan`), and the household whose greenhouse took it from under
 * CNY 10,000 a year to 40,000. People are synthetic. Deterministic: a fixed seed.
 */
export const VILLAGE_SEED = Object.freeze({
  tonghe: '230128',
  yishan: '230128101201',
  xinzhuang: '230184216200',
  incomeGrowth: 0.181,
  adoptionShare: 0.205,
  firstYear: 2008,
  lastYear: 2012,
  postedOn: '2009-01-01',
  handoverOn: '2012-01-01',
  /** Safe villages in the article's proportions of the demo's: 15 and 52 of about 1,429. */
  quietVillages: 2,
  lawfulVillages: 6,
});
const SYSTEM = 'SYSTEM:seed';
const EXAMPLE = '（示例）';

const UNITS = rowsTable('work_unit', {
  id: 'uuid',
  name: 'text',
  kind: 'text',
  level: 'text',
  regionCode: 'varchar',
  createdBy: 'text',
});
const PAIRINGS = rowsTable('pairing', {
  workUnitId: 'uuid',
  regionCode: 'varchar',
  startsOn: 'date',
  goals: 'text',
  createdBy: 'text',
});
const CADRES = rowsTable('stationed_cadre', {
  id: 'uuid',
  name: 'text',
  workUnitId: 'uuid',
  regionCode: 'varchar',
  userId: 'uuid',
  createdBy: 'text',
});
const POSTINGS = rowsTable('posting', {
  id: 'uuid',
  cadreId: 'uuid',
  cadreName: 'text',
  workUnitId: 'uuid',
  regionCode: 'varchar',
  role: 'text',
  state: 'text',
  startsOn: 'date',
  endsOn: 'date',
  handoverNote: 'text',
  previousPostingId: 'uuid',
  version: 'int',
});
const VISITS = rowsTable('visit', {
  postingId: 'uuid',
  cadreId: 'uuid',
  workUnitId: 'uuid',
  householdId: 'uuid',
  regionCode: 'varchar',
  visitedOn: 'date',
  purpose: 'text',
  findings: 'text',
  followUpNeeded: 'boolean',
  createdBy: 'text',
});
const ASSISTANCE = rowsTable('assistance', {
  id: 'uuid',
  householdId: 'uuid',
  postingId: 'uuid',
  cadreId: 'uuid',
  workUnitId: 'uuid',
  regionCode: 'varchar',
  type: 'text',
  description: 'text',
  amountYuan: 'bigint',
  state: 'text',
  plannedOn: 'date',
  startedOn: 'date',
  doneOn: 'date',
  abandonedOn: 'date',
  outcome: 'text',
  abandonReason: 'text',
  version: 'int',
  createdBy: 'text',
});
const EVENTS = timelineTable('assistance_event', 'assistanceId');
const INCOMES = rowsTable('household_income', {
  householdId: 'uuid',
  regionCode: 'varchar',
  year: 'int',
  incomeYuan: 'bigint',
});
const INDICATORS = rowsTable('village_indicator', {
  regionCode: 'varchar',
  year: 'int',
  households: 'int',
  population: 'int',
  cultivatedLandMu: 'numeric',
  poorHouseholds: 'int',
  perCapitaNetIncome: 'bigint',
  collectiveAssets: 'bigint',
  collectiveDebts: 'bigint',
  householdsInOrganizations: 'int',
});
const ORGANIZATIONS = rowsTable('village_organization', {
  id: 'uuid',
  regionCode: 'varchar',
  kind: 'text',
  name: 'text',
  foundedOn: 'date',
});
const MEMBERS = rowsTable('village_organization_member', {
  organizationId: 'uuid',
  householdId: 'uuid',
  regionPath: 'ltree',
  joinedOn: 'date',
});
const SAFETY = rowsTable('village_safety_record', {
  regionCode: 'varchar',
  year: 'int',
  publicOrderCases: 'int',
  criminalCases: 'int',
});

interface AssistanceRow {
  state: AssistanceState;
  version: number;
  startedOn?: string;
  doneOn?: string;
  abandonedOn?: string;
  outcome?: string;
  abandonReason?: string;
}

/** An assistance's life as the seed plays it: the columns each command sets, as the API's commands set them. */
export const ASSISTANCE_LIFE = defineLifecycle<AssistanceState, AssistanceCommandDetails, AssistanceRow>({
  machine: ASSISTANCE_MACHINE,
  roles: ['STATIONED_CADRE'],
  effects: {
    start: (d) => ({ startedOn: d.on }),
    complete: (d) => ({ doneOn: d.on, outcome: d.outcome }),
    abandon: (d) => ({ abandonedOn: d.on, abandonReason: d.reason }),
  },
});

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '于', '高', '郭', '马'];
const GIVEN = ['建华', '志刚', '丽娟', '国庆', '春生', '秀梅', '永强', '海涛', '玉芬', '德明'];
const FINDINGS: Record<VisitPurpose, string[]> = {
  POVERTY_CHECK: ['核实家庭收入和人口，仍符合贫困户条件', '家中有病人，劳动力不足', '今年收入有所增加'],
  POLICY_EXPLANATION: ['讲解粮食直补和新农合政策', '宣讲低保申请流程', '讲解危房改造补助政策'],
  DISPUTE: ['与邻居因地界有争执，已劝说', '家庭内部赡养问题，需村调委会介入'],
  PRODUCTION_HELP: ['帮助联系水稻种子', '指导大棚蔬菜种植', '联系收购商，解决销路'],
  OTHER: ['了解生产生活情况', '春耕准备情况良好'],
};
const PURPOSES: Record<VisitPurpose, number> = {
  POVERTY_CHECK: 20,
  POLICY_EXPLANATION: 30,
  DISPUTE: 5,
  PRODUCTION_HELP: 30,
  OTHER: 15,
};
const ASSISTANCE_WEIGHTS: Partial<Record<AssistanceType, number>> = {
  LOAN: 20,
  INPUTS: 25,
  GREENHOUSE_OR_BUILDING: 15,
  MARKET: 15,
  JOB: 10,
  TRAINING: 10,
  MEDICAL: 5,
};
const UNIT_NAMES: [string, 'DEPARTMENT' | 'STATE_ENTERPRISE' | 'INSTITUTION'][] = [
  ['财政局', 'DEPARTMENT'],
  ['农业局', 'DEPARTMENT'],
  ['供电公司', 'STATE_ENTERPRISE'],
  ['人民医院', 'INSTITUTION'],
];

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Adds the villages' demo data; `yishanUserId` links the demo account to 依山村's cadre. */
export async function seedVillages(m: EntityManager, opts: { yishanUserId: string | null; seed?: number }) {
  const rand = seededRandom(opts.seed ?? 20130601);
  const uuid = seededUuids((opts.seed ?? 20130601) + 10);
  const S = VILLAGE_SEED;
  const regions = await regionsIn(m);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const villages = regions
    .filter((r) => r.level === 'VILLAGE' && r.validTo == null)
    .map(({ code, name, path, households, population }) => {
      return { code, name, path, households: households ?? 0, population: population ?? 0 };
    });
  if (!villages.length) return null;
  const grid = regions.find((r) => r.parentCode === S.yishan);
  // 依山村's poor household of the greenhouse story, in the registry like every other.
  const storyId = await plantHousehold(m, {
    regionCode: grid?.code ?? S.yishan,
    address: '依山村一组12号',
    poor: true,
  });
  const registered = await registeredHouseholds(m);
  // The households of a village: those with a village among the regions of their path.
  const homes = registered.flatMap((h) => {
    const village = h.path.split('.').find((code) => byCode.get(code)?.level === 'VILLAGE');
    return village ? [{ ...h, villageCode: village }] : [];
  });

  // Work units: one county's two of its own, and the city's three.
  const counties = [...new Set(villages.map((v) => v.code.slice(0, 6)))];
  const countyNames = new Map(counties.map((c) => [c, byCode.get(c)?.name]));
  const units = [
    ...['哈尔滨市农业委员会', '哈尔滨市卫生局', '哈尔滨电业局'].map((name, i) => ({
      id: uuid(),
      name: `${name}${EXAMPLE}`,
      kind: i === 2 ? 'STATE_ENTERPRISE' : 'DEPARTMENT',
      level: 'CITY',
      regionCode: '230100',
      createdBy: SYSTEM,
    })),
    ...counties.flatMap((county, c) =>
      [0, 1].map((k) => {
        const [name, kind] = UNIT_NAMES[(c + k) % UNIT_NAMES.length];
        return {
          id: uuid(),
          name: `${countyNames.get(county) ?? county}${name}${EXAMPLE}`,
          kind,
          level: 'COUNTY',
          regionCode: county,
          createdBy: SYSTEM,
        };
      }),
    ),
  ];
  await insertRows(m, UNITS, units);
  const countyUnits = (county: string) => units.filter((u) => u.regionCode === county);
  const unitOf = villages.map((v, i) =>
    i % 5 === 0 ? units[i % 3] : countyUnits(v.code.slice(0, 6))[i % 2],
  );
  await insertRows(
    m,
    PAIRINGS,
    villages.map((v, i) => ({
      workUnitId: unitOf[i].id,
      regionCode: v.code,
      startsOn: '2009-01-01',
      goals: '摸清每户底数，帮助贫困户增收，化解矛盾纠纷',
      createdBy: SYSTEM,
    })),
  );

  // One cadre a village; 依山村 had one before the demo account's cadre took over.
  const name = () => `${rand.pick(SURNAMES)}${rand.pick(GIVEN)}`;
  const cadres = villages.map((v, i) => ({
    id: uuid(),
    name: name(),
    workUnitId: unitOf[i].id,
    regionCode: v.code,
    userId: v.code === S.yishan ? opts.yishanUserId : null,
    createdBy: SYSTEM,
  }));
  const yishanIndex = villages.findIndex((v) => v.code === S.yishan);
  const predecessor = {
    id: uuid(),
    name: name(),
    workUnitId: unitOf[yishanIndex].id,
    regionCode: S.yishan,
    userId: null,
    createdBy: SYSTEM,
  };
  await insertRows(m, CADRES, [...cadres, predecessor]);
  const posting = (cadre: (typeof cadres)[number], village: string, startsOn: string) => ({
    id: uuid(),
    cadreId: cadre.id,
    cadreName: cadre.name,
    workUnitId: cadre.workUnitId,
    regionCode: village,
    role: 'FIRST_SECRETARY',
    state: 'ACTIVE',
    startsOn,
    endsOn: null as string | null,
    handoverNote: null as string | null,
    previousPostingId: null as string | null,
    version: 1,
  });
  const postings = villages.map((v, i) =>
    posting(cadres[i], v.code, v.code === S.yishan ? S.handoverOn : S.postedOn),
  );
  const handedOver = {
    ...posting(predecessor, S.yishan, S.postedOn),
    state: 'ENDED',
    endsOn: '2011-12-31',
    version: 2,
    handoverNote:
      '全村户数、耕地、贫困户底数见走访记录；一组12号贫困户的温室大棚已建成，明年跟进销路；二组地界纠纷已调解，需回访。',
  };
  postings[yishanIndex].previousPostingId = handedOver.id;
  await insertRows(m, POSTINGS, [handedOver, ...postings]);
  const postingOn = (villageCode: string, on: string) =>
    villageCode === S.yishan && on < S.handoverOn
      ? handedOver
      : postings[villages.findIndex((v) => v.code === villageCode)];

  // Visits: poor households monthly and the others quarterly, from the posting on, with a miss now and then.
  const visits = [];
  // Households' ids are random, so the order above is by place; and every county has a poor household that falls
  // behind, so that "on schedule" is never all of them by chance.
  const countiesBehind = new Set<string>();
  for (const h of homes) {
    const county = h.villageCode.slice(0, 6);
    const firstPoor = h.poor && !countiesBehind.has(county);
    if (firstPoor) countiesBehind.add(county);
    const behind = rand.next() < 0.2 || firstPoor;
    for (let y = 2009; y <= S.lastYear; y++)
      for (let month = 1; month <= 12; month++) {
        const due = h.poor || month % 3 === 0;
        if (!due || rand.next() < (h.poor ? (behind ? 0.15 : 0) : 0.1)) continue;
        const on = day(y, h.poor ? month : month - rand.between(0, 2), rand.between(1, 28));
        const p = postingOn(h.villageCode, on);
        const purpose = h.poor && rand.next() < 0.5 ? 'POVERTY_CHECK' : rand.weighted(PURPOSES);
        visits.push({
          postingId: p.id,
          cadreId: p.cadreId,
          workUnitId: p.workUnitId,
          householdId: h.id,
          regionCode: h.regionCode,
          visitedOn: on,
          purpose,
          findings: rand.pick(FINDINGS[purpose]),
          followUpNeeded: purpose === 'DISPUTE' || rand.next() < 0.1,
          createdBy: SYSTEM,
        });
      }
  }
  await insertRows(m, VISITS, visits);

  // Assistance for every poor household, played through the machine; incomes before and after.
  const assistance = [];
  const events = [];
  const incomes: { householdId: string; regionCode: string; year: number; incomeYuan: number }[] = [];
  for (const h of homes.filter((x) => x.poor)) {
    const isStory = h.id === storyId;
    const plannedOn = isStory ? '2011-03-10' : day(2010, rand.between(1, 12), rand.between(1, 28));
    const p = postingOn(h.villageCode, plannedOn);
    const type: AssistanceType = isStory ? 'GREENHOUSE_OR_BUILDING' : rand.weighted(ASSISTANCE_WEIGHTS);
    const fate = isStory ? 0 : rand.next();
    const steps: LifeStep<AssistanceCommandDetails>[] = [];
    const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
    const start = isStory
      ? '2011-04-01'
      : day(Number(plannedOn.slice(0, 4)), Number(plannedOn.slice(5, 7)), 28);
    const doneOn = isStory ? '2011-10-20' : day(2011, rand.between(1, 12), rand.between(1, 28));
    if (fate < 0.9)
      steps.push({ command: 'start', at: at(start), actor: p.cadreName, details: { on: start } });
    if (fate < 0.7)
      steps.push({
        command: 'complete',
        at: at(doneOn),
        actor: p.cadreName,
        details: { on: doneOn, outcome: isStory ? '建成温室大棚两栋，种植反季节蔬菜' : '已落实，农户增收' },
      });
    else if (fate < 0.8)
      steps.push({
        command: 'abandon',
        at: at(doneOn),
        actor: p.cadreName,
        details: { on: doneOn, reason: '农户外出务工，暂停' },
      });
    const row: AssistanceRow = { state: 'PLANNED', version: 1 };
    const id = uuid();
    const { timeline } = playLife(
      ASSISTANCE_LIFE,
      row,
      { at: at(plannedOn), command: 'plan', actor: p.cadreName, details: { on: plannedOn } },
      steps,
      new Date(),
    );
    assistance.push({
      id,
      householdId: h.id,
      postingId: p.id,
      cadreId: p.cadreId,
      workUnitId: p.workUnitId,
      regionCode: h.regionCode,
      type,
      description: isStory ? '帮助贷款建温室大棚' : '结对帮扶',
      amountYuan: isStory ? 60_000 : rand.between(2, 30) * 1000,
      plannedOn,
      createdBy: SYSTEM,
      ...row,
    });
    for (const e of timeline)
      events.push({
        assistanceId: id,
        regionPath: h.path,
        ...timelineColumns(e),
      });
    const base = isStory ? 9_600 : rand.between(5_000, 9_500);
    const series = isStory
      ? [8_900, 9_400, 9_600, 22_000, 40_000]
      : [0, 1, 2, 3, 4].map((k) =>
          Math.round(base * (row.state === 'DONE' && k >= 3 ? 1.3 ** (k - 2) : 1.04 ** k)),
        );
    series.forEach((incomeYuan, k) =>
      incomes.push({ householdId: h.id, regionCode: h.regionCode, year: S.firstYear + k, incomeYuan }),
    );
  }
  await insertRows(m, ASSISTANCE, assistance);
  await insertRows(m, EVENTS, events);
  await insertRows(m, INCOMES, incomes);

  // Yearly profiles: 通河县 at +18.1% a year; 新庄村 from 2003, from debt to net assets.
  const indicators = [];
  for (const v of villages) {
    const households = Math.max(v.households, 120);
    const population = Math.max(v.population, households * 2 + 40);
    const land = households * rand.between(18, 35);
    const poor = Math.round(households * (0.06 + rand.next() * 0.08));
    const tonghe = v.code.startsWith(S.tonghe);
    const growth = tonghe ? S.incomeGrowth : 0.06 + rand.next() * 0.08;
    const base = rand.between(3_800, 5_200);
    const first = v.code === S.xinzhuang ? 2003 : S.firstYear;
    for (let year = first; year <= S.lastYear; year++) {
      const k = year - S.firstYear;
      const xz = v.code === S.xinzhuang ? (year - 2003) / (S.lastYear - 2003) : null;
      indicators.push({
        regionCode: v.code,
        year,
        households,
        population,
        cultivatedLandMu: land,
        poorHouseholds: Math.max(0, poor - k * 2),
        perCapitaNetIncome:
          xz != null ? Math.round(900 * (10_200 / 900) ** xz) : Math.round(base * (1 + growth) ** k),
        collectiveAssets: xz != null ? Math.round(10_900_000 * xz) : rand.between(2, 40) * 50_000,
        collectiveDebts: xz != null ? Math.round(1_400_000 * (1 - xz)) : rand.between(0, 10) * 50_000,
        householdsInOrganizations: Math.round(households * (0.2 + 0.1 * Math.max(0, k))),
      });
    }
  }
  await insertRows(m, INDICATORS, indicators);

  // The "1+3+N" model: 新庄村 and enough others for the article's share; the rest have their Party branch.
  const adopting = Math.round(villages.length * S.adoptionShare);
  const order = rand.shuffle(villages.map((v) => v.code).filter((c) => c !== S.xinzhuang));
  const adopters = new Set([S.xinzhuang, ...order.slice(0, adopting - 1)]);
  const kindNames = {
    PARTY_BRANCH: '党支部',
    COOPERATIVE: '农民专业合作社',
    TRADE_UNION: '工会',
    SERVICE_CENTRE: '便民服务中心',
    ASSOCIATION: '协会',
  };
  const organizations = villages.flatMap((v) => {
    const short = v.name.replace('村委会', '').replace(EXAMPLE, '');
    const kinds = adopters.has(v.code)
      ? [...MODEL_REQUIRED_KINDS, ...(['ASSOCIATION', 'ASSOCIATION'] as const).slice(0, rand.between(1, 2))]
      : rand.next() < 0.4
        ? (['PARTY_BRANCH', 'COOPERATIVE'] as const)
        : (['PARTY_BRANCH'] as const);
    return kinds.map((kind, i) => ({
      id: uuid(),
      regionCode: v.code,
      kind,
      name: `${short}${kind === 'ASSOCIATION' ? ['农机', '养殖', '老年'][i % 3] : ''}${kindNames[kind]}`,
      foundedOn:
        kind === 'PARTY_BRANCH' ? '1990-07-01' : day(rand.between(2009, 2011), rand.between(1, 12), 1),
    }));
  });
  await insertRows(m, ORGANIZATIONS, organizations);
  const cooperativeOf = new Map(
    organizations.filter((o) => o.kind === 'COOPERATIVE').map((o) => [o.regionCode, o]),
  );
  await insertRows(
    m,
    MEMBERS,
    homes.flatMap((h) => {
      const co = cooperativeOf.get(h.villageCode);
      const path = villages.find((v) => v.code === h.villageCode)!.path;
      return co && rand.next() < 0.6
        ? [{ organizationId: co.id, householdId: h.id, regionPath: path, joinedOn: '2012-01-01' }]
        : [];
    }),
  );

  // Safety records 2010–2012: a few villages quiet for three years, a few more without a criminal case.
  const shuffled = rand.shuffle(villages.map((v) => v.code));
  const quiet = new Set(shuffled.slice(0, S.quietVillages));
  const lawful = new Set(shuffled.slice(0, S.lawfulVillages));
  await insertRows(
    m,
    SAFETY,
    villages.flatMap((v) =>
      [2010, 2011, 2012].map((year) => ({
        regionCode: v.code,
        year,
        publicOrderCases: quiet.has(v.code) ? 0 : rand.between(1, 4),
        criminalCases: lawful.has(v.code) ? 0 : rand.between(1, 3),
      })),
    ),
  );
  return {
    workUnits: units.length,
    cadres: cadres.length + 1,
    visits: visits.length,
    assistance: assistance.length,
    indicators: indicators.length,
    adoptingVillages: adopters.size,
  };
}
