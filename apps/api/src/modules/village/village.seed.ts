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
  type SeededRandom,
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
const S = VILLAGE_SEED;

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

const KIND_NAMES = {
  PARTY_BRANCH: '党支部',
  COOPERATIVE: '农民专业合作社',
  TRADE_UNION: '工会',
  SERVICE_CENTRE: '便民服务中心',
  ASSOCIATION: '协会',
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const tenOClock = (d: string) => new Date(`${d}T10:00:00+08:00`);

interface Village {
  code: string;
  name: string;
  path: string;
  households: number;
  population: number;
}
type Home = Awaited<ReturnType<typeof registeredHouseholds>>[number] & { villageCode: string };

/** What the stages share: each draws from both streams where the stage before it stopped. */
interface Seeding {
  m: EntityManager;
  rand: SeededRandom;
  uuid: () => string;
  villages: Village[];
  homes: Home[];
}

/** Adds the villages' demo data; `yishanUserId` links the demo account to 依山村's cadre. */
export async function seedVillages(m: EntityManager, opts: { yishanUserId: string | null; seed?: number }) {
  const seed = opts.seed ?? 20130601;
  const planted = await plantVillages(m);
  if (!planted) return null;
  const { villages, homes, storyId, regionName } = planted;
  const s: Seeding = { m, rand: seededRandom(seed), uuid: seededUuids(seed + 10), villages, homes };
  const units = await seedWorkUnits(s, regionName);
  const unitOf = await seedPairings(s, units);
  const cadres = await seedCadres(s, unitOf, opts.yishanUserId);
  const postingOn = await seedPostings(s, cadres);
  const visits = await seedVisits(s, postingOn);
  const assistance = await seedAssistance(s, storyId, postingOn);
  const indicators = await seedIndicators(s);
  const adopters = pickAdopters(s);
  await seedMembers(s, await seedOrganizations(s, adopters));
  await seedSafety(s);
  return {
    workUnits: units.length,
    cadres: cadres.serving.length + 1,
    visits,
    assistance,
    indicators,
    adoptingVillages: adopters.size,
  };
}

async function plantVillages(m: EntityManager) {
  const regions = await regionsIn(m);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const villages: Village[] = regions
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
  // The households of a village: those with a village among the regions of their path.
  const homes = (await registeredHouseholds(m)).flatMap((h) => {
    const village = h.path.split('.').find((code) => byCode.get(code)?.level === 'VILLAGE');
    return village ? [{ ...h, villageCode: village }] : [];
  });
  return { villages, homes, storyId, regionName: (code: string) => byCode.get(code)?.name };
}

const unitRow = (s: Seeding, name: string, kind: string, level: string, regionCode: string) => ({
  id: s.uuid(),
  name: `${name}${EXAMPLE}`,
  kind,
  level,
  regionCode,
  createdBy: SYSTEM,
});
type Unit = ReturnType<typeof unitRow>;

/** Work units: one county's two of its own, and the city's three. */
async function seedWorkUnits(s: Seeding, regionName: (code: string) => string | undefined) {
  const counties = [...new Set(s.villages.map((v) => v.code.slice(0, 6)))];
  const units = [
    ...['哈尔滨市农业委员会', '哈尔滨市卫生局', '哈尔滨电业局'].map((name, i) =>
      unitRow(s, name, i === 2 ? 'STATE_ENTERPRISE' : 'DEPARTMENT', 'CITY', '230100'),
    ),
    ...counties.flatMap((county, c) =>
      [0, 1].map((k) => {
        const [name, kind] = UNIT_NAMES[(c + k) % UNIT_NAMES.length];
        return unitRow(s, `${regionName(county) ?? county}${name}`, kind, 'COUNTY', county);
      }),
    ),
  ];
  await insertRows(s.m, UNITS, units);
  return units;
}

/** Each village's work unit, paired with it: one in five a city's unit, the others their county's. */
async function seedPairings(s: Seeding, units: Unit[]) {
  const countyUnits = (county: string) => units.filter((u) => u.regionCode === county);
  const unitOf = s.villages.map((v, i) =>
    i % 5 === 0 ? units[i % 3] : countyUnits(v.code.slice(0, 6))[i % 2],
  );
  await insertRows(
    s.m,
    PAIRINGS,
    s.villages.map((v, i) => ({
      workUnitId: unitOf[i].id,
      regionCode: v.code,
      startsOn: '2009-01-01',
      goals: '摸清每户底数，帮助贫困户增收，化解矛盾纠纷',
      createdBy: SYSTEM,
    })),
  );
  return unitOf;
}

const cadreRow = (s: Seeding, workUnitId: string, regionCode: string, userId: string | null) => ({
  id: s.uuid(),
  name: `${s.rand.pick(SURNAMES)}${s.rand.pick(GIVEN)}`,
  workUnitId,
  regionCode,
  userId,
  createdBy: SYSTEM,
});
type Cadre = ReturnType<typeof cadreRow>;

/** One cadre a village; 依山村 had one before the demo account's cadre took over. */
async function seedCadres(s: Seeding, unitOf: Unit[], yishanUserId: string | null) {
  const serving = s.villages.map((v, i) =>
    cadreRow(s, unitOf[i].id, v.code, v.code === S.yishan ? yishanUserId : null),
  );
  const yishan = serving.find((c) => c.regionCode === S.yishan)!;
  const predecessor = cadreRow(s, yishan.workUnitId, S.yishan, null);
  await insertRows(s.m, CADRES, [...serving, predecessor]);
  return { serving, predecessor };
}

const postingRow = (s: Seeding, cadre: Cadre, village: string, startsOn: string) => ({
  id: s.uuid(),
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
type Posting = ReturnType<typeof postingRow>;
/** The posting a village's visit or assistance of that day falls under. */
type PostingOn = (villageCode: string, on: string) => Posting;

async function seedPostings(s: Seeding, { serving, predecessor }: { serving: Cadre[]; predecessor: Cadre }) {
  const postings = s.villages.map((v, i) =>
    postingRow(s, serving[i], v.code, v.code === S.yishan ? S.handoverOn : S.postedOn),
  );
  const handedOver: Posting = {
    ...postingRow(s, predecessor, S.yishan, S.postedOn),
    state: 'ENDED',
    endsOn: '2011-12-31',
    version: 2,
    handoverNote:
      '全村户数、耕地、贫困户底数见走访记录；一组12号贫困户的温室大棚已建成，明年跟进销路；二组地界纠纷已调解，需回访。',
  };
  postings.find((p) => p.regionCode === S.yishan)!.previousPostingId = handedOver.id;
  await insertRows(s.m, POSTINGS, [handedOver, ...postings]);
  const postingOn: PostingOn = (villageCode, on) =>
    villageCode === S.yishan && on < S.handoverOn
      ? handedOver
      : postings[s.villages.findIndex((v) => v.code === villageCode)];
  return postingOn;
}

/** Visits: poor households monthly and the others quarterly, from the posting on, with a miss now and then. */
async function seedVisits(s: Seeding, postingOn: PostingOn) {
  const visits = [];
  // Households' ids are random, so the order above is by place; and every county has a poor household that falls
  // behind, so that "on schedule" is never all of them by chance.
  const countiesBehind = new Set<string>();
  for (const h of s.homes) {
    const county = h.villageCode.slice(0, 6);
    const firstPoor = h.poor && !countiesBehind.has(county);
    if (firstPoor) countiesBehind.add(county);
    const behind = s.rand.next() < 0.2 || firstPoor;
    visits.push(...visitsOf(s.rand, h, behind, postingOn));
  }
  await insertRows(s.m, VISITS, visits);
  return visits.length;
}

function visitsOf(rand: SeededRandom, h: Home, behind: boolean, postingOn: PostingOn) {
  const visits = [];
  for (let y = 2009; y <= S.lastYear; y++)
    for (let month = 1; month <= 12; month++) {
      const due = h.poor || month % 3 === 0;
      if (!due || rand.next() < (h.poor ? (behind ? 0.15 : 0) : 0.1)) continue;
      const on = day(y, h.poor ? month : month - rand.between(0, 2), rand.between(1, 28));
      visits.push(visitOn(rand, h, on, postingOn(h.villageCode, on)));
    }
  return visits;
}

function visitOn(rand: SeededRandom, h: Home, on: string, p: Posting) {
  const purpose = h.poor && rand.next() < 0.5 ? 'POVERTY_CHECK' : rand.weighted(PURPOSES);
  return {
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
  };
}

interface AssistancePlan {
  plannedOn: string;
  type: AssistanceType;
  /** Under 0.7 the assistance is done, under 0.8 abandoned, under 0.9 only started; else still planned. */
  fate: number;
  startedOn: string;
  /** The day it is done or abandoned. */
  doneOn: string;
  description: string;
  amountYuan: number;
  outcome: string;
  /** The household's incomes from the first year; drawn when absent. */
  incomes?: number[];
}

const GREENHOUSE: AssistancePlan = {
  plannedOn: '2011-03-10',
  type: 'GREENHOUSE_OR_BUILDING',
  fate: 0,
  startedOn: '2011-04-01',
  doneOn: '2011-10-20',
  description: '帮助贷款建温室大棚',
  amountYuan: 60_000,
  outcome: '建成温室大棚两栋，种植反季节蔬菜',
  incomes: [8_900, 9_400, 9_600, 22_000, 40_000],
};

// The properties are drawn in the order they are written: the seeded data depends on it.
function drawnPlan(rand: SeededRandom): AssistancePlan {
  const month = rand.between(1, 12);
  return {
    plannedOn: day(2010, month, rand.between(1, 28)),
    type: rand.weighted(ASSISTANCE_WEIGHTS),
    fate: rand.next(),
    startedOn: day(2010, month, 28),
    doneOn: day(2011, rand.between(1, 12), rand.between(1, 28)),
    description: '结对帮扶',
    amountYuan: rand.between(2, 30) * 1000,
    outcome: '已落实，农户增收',
  };
}

/** Assistance for every poor household, played through the machine; incomes before and after. */
async function seedAssistance(s: Seeding, storyId: string, postingOn: PostingOn) {
  const lives = s.homes
    .filter((h) => h.poor)
    .map((h) => assistanceOf(s, h, h.id === storyId ? GREENHOUSE : drawnPlan(s.rand), postingOn));
  await insertRows(
    s.m,
    ASSISTANCE,
    lives.map(({ assistance }) => assistance),
  );
  await insertRows(
    s.m,
    EVENTS,
    lives.flatMap(({ events }) => events),
  );
  await insertRows(
    s.m,
    INCOMES,
    lives.flatMap(({ incomes }) => incomes),
  );
  return lives.length;
}

function assistanceOf(s: Seeding, h: Home, plan: AssistancePlan, postingOn: PostingOn) {
  const p = postingOn(h.villageCode, plan.plannedOn);
  const row: AssistanceRow = { state: 'PLANNED', version: 1 };
  const id = s.uuid();
  const { timeline } = playLife(
    ASSISTANCE_LIFE,
    row,
    { at: tenOClock(plan.plannedOn), command: 'plan', actor: p.cadreName, details: { on: plan.plannedOn } },
    assistanceSteps(plan, p.cadreName),
    new Date(),
  );
  const assistance = {
    id,
    householdId: h.id,
    postingId: p.id,
    cadreId: p.cadreId,
    workUnitId: p.workUnitId,
    regionCode: h.regionCode,
    type: plan.type,
    description: plan.description,
    amountYuan: plan.amountYuan,
    plannedOn: plan.plannedOn,
    createdBy: SYSTEM,
    ...row,
  };
  const incomes = (plan.incomes ?? drawnIncomes(s.rand, row.state)).map((incomeYuan, k) => {
    return { householdId: h.id, regionCode: h.regionCode, year: S.firstYear + k, incomeYuan };
  });
  const events = timeline.map((e) => ({ assistanceId: id, regionPath: h.path, ...timelineColumns(e) }));
  return { assistance, events, incomes };
}

function assistanceSteps(plan: AssistancePlan, actor: string) {
  const { fate, startedOn, doneOn } = plan;
  const steps: LifeStep<AssistanceCommandDetails>[] = [];
  if (fate < 0.9)
    steps.push({ command: 'start', at: tenOClock(startedOn), actor, details: { on: startedOn } });
  if (fate < 0.7)
    steps.push({
      command: 'complete',
      at: tenOClock(doneOn),
      actor,
      details: { on: doneOn, outcome: plan.outcome },
    });
  else if (fate < 0.8)
    steps.push({
      command: 'abandon',
      at: tenOClock(doneOn),
      actor,
      details: { on: doneOn, reason: '农户外出务工，暂停' },
    });
  return steps;
}

function drawnIncomes(rand: SeededRandom, state: AssistanceState) {
  const base = rand.between(5_000, 9_500);
  return [0, 1, 2, 3, 4].map((k) =>
    Math.round(base * (state === 'DONE' && k >= 3 ? 1.3 ** (k - 2) : 1.04 ** k)),
  );
}

/** Yearly profiles: 通河县 at +18.1% a year; 新庄村 from 2003, from debt to net assets. */
async function seedIndicators(s: Seeding) {
  const indicators = s.villages.flatMap((v) => indicatorsOf(s.rand, v));
  await insertRows(s.m, INDICATORS, indicators);
  return indicators.length;
}

function indicatorsOf(rand: SeededRandom, v: Village) {
  const households = Math.max(v.households, 120);
  const population = Math.max(v.population, households * 2 + 40);
  const land = households * rand.between(18, 35);
  const poor = Math.round(households * (0.06 + rand.next() * 0.08));
  const growth = v.code.startsWith(S.tonghe) ? S.incomeGrowth : 0.06 + rand.next() * 0.08;
  const base = rand.between(3_800, 5_200);
  const first = v.code === S.xinzhuang ? 2003 : S.firstYear;
  const indicators = [];
  for (let year = first; year <= S.lastYear; year++) {
    const k = year - S.firstYear;
    indicators.push({
      regionCode: v.code,
      year,
      households,
      population,
      cultivatedLandMu: land,
      poorHouseholds: Math.max(0, poor - k * 2),
      ...(v.code === S.xinzhuang ? xinzhuangFinances(year) : drawnFinances(rand, base * (1 + growth) ** k)),
      householdsInOrganizations: Math.round(households * (0.2 + 0.1 * Math.max(0, k))),
    });
  }
  return indicators;
}

function xinzhuangFinances(year: number) {
  const xz = (year - 2003) / (S.lastYear - 2003);
  return {
    perCapitaNetIncome: Math.round(900 * (10_200 / 900) ** xz),
    collectiveAssets: Math.round(10_900_000 * xz),
    collectiveDebts: Math.round(1_400_000 * (1 - xz)),
  };
}

function drawnFinances(rand: SeededRandom, income: number) {
  return {
    perCapitaNetIncome: Math.round(income),
    collectiveAssets: rand.between(2, 40) * 50_000,
    collectiveDebts: rand.between(0, 10) * 50_000,
  };
}

/** The "1+3+N" model: 新庄村 and enough others for the article's share; the rest have their Party branch. */
function pickAdopters({ rand, villages }: Seeding) {
  const adopting = Math.round(villages.length * S.adoptionShare);
  const order = rand.shuffle(villages.map((v) => v.code).filter((c) => c !== S.xinzhuang));
  return new Set([S.xinzhuang, ...order.slice(0, adopting - 1)]);
}

async function seedOrganizations(s: Seeding, adopters: Set<string>) {
  const organizations = s.villages.flatMap((v) => organizationsOf(s, v, adopters.has(v.code)));
  await insertRows(s.m, ORGANIZATIONS, organizations);
  return organizations;
}

function organizationsOf({ rand, uuid }: Seeding, v: Village, adopts: boolean) {
  const short = v.name.replace('村委会', '').replace(EXAMPLE, '');
  const kinds = adopts
    ? [...MODEL_REQUIRED_KINDS, ...(['ASSOCIATION', 'ASSOCIATION'] as const).slice(0, rand.between(1, 2))]
    : rand.next() < 0.4
      ? (['PARTY_BRANCH', 'COOPERATIVE'] as const)
      : (['PARTY_BRANCH'] as const);
  return kinds.map((kind, i) => ({
    id: uuid(),
    regionCode: v.code,
    kind,
    name: `${short}${kind === 'ASSOCIATION' ? ['农机', '养殖', '老年'][i % 3] : ''}${KIND_NAMES[kind]}`,
    foundedOn: kind === 'PARTY_BRANCH' ? '1990-07-01' : day(rand.between(2009, 2011), rand.between(1, 12), 1),
  }));
}

async function seedMembers(
  { m, rand, villages, homes }: Seeding,
  organizations: ReturnType<typeof organizationsOf>,
) {
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
}

/** Safety records 2010–2012: a few villages quiet for three years, a few more without a criminal case. */
async function seedSafety({ m, rand, villages }: Seeding) {
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
}
