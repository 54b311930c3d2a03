import {
  assessDisputeRisk,
  disputeCaseDeadline,
  INDUSTRIES,
  INDUSTRY_LABELS,
  type DisputeCaseCommand,
  type DisputeCaseOutcome,
  type DisputeCaseState,
  type DisputeType,
  type Industry,
  type IntakeChannel,
  type OrganizationKind,
  type Referral,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { seededRandom } from '../../common/random';
import { demoRegions } from '../region/region.seed';

/**
 * Demo data for grand mediation (大调解), shaped on the 2013 Heilongjiang Daily report: the organisations of
 * the demo regions, their mediators, dispute cases with their timelines, petition backlog cases and
 * legal-clinic tallies. The 2012 figures are the article's exactly: 10,368 cases accepted, 9,917 mediated
 * (95.7%); petition backlog resolution 80%; 1,381 disputes mediated and 886 petitions handled by legal clinics.
 * Deterministic (fixed seeds, ids included), except that the recent cases are dated back from `now`.
 * Set-based: one INSERT … SELECT per table (from unnest arrays or one JSON document), never one per row.
 */

type Rand = ReturnType<typeof seededRandom>;
const EXAMPLE = '（示例）';
const CITY = '230100';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

export const MEDIATION_SEED_FIGURES = Object.freeze({
  year: 2012,
  accepted: 10_368,
  mediated: 9_917,
  failed: 316,
  withdrawn: 135,
  /** Left in FOLLOW_UP (a follow-up recorded, not closed); every other 2012 case is CLOSED. */
  inFollowUp: 12,
  clinicMediated: 1_381,
  petitionBacklog: 2_000,
  petitionsResolved: 1_600,
  clinicPetitions: 886,
});

/**
 * Cases accepted in the other demo years: the last quarter of 2011 (the pilot, before the project's launch in
 * 2012) and January to June 2013 (the article's date).
 */
const OTHER_YEARS = [
  { year: 2011, accepted: 1_800, from: 9, months: 3 },
  { year: 2013, accepted: 4_600, from: 0, months: 6 },
];
/**
 * Older cases have their whole timeline and their parties for a sample, and in the article's places; the
 * others have their register row only, so that the seed stays fast. Recent cases are complete.
 */
const FULL_TIMELINE_SHARE = 0.08;
const ARTICLE_PLACES = ['230102010003', '230128101201', '230129100204', '230184216200'];
const RECENT = { cases: 640, days: 300 };

export const PARTNER_UNIVERSITIES = [
  '黑龙江大学法学院',
  '哈尔滨工业大学法学院',
  '东北林业大学文法学院',
  '哈尔滨商业大学法学院',
  '黑龙江省政法管理干部学院',
  '哈尔滨工程大学人文学院',
  '东北农业大学文法学院',
  '哈尔滨师范大学法学院',
  '哈尔滨理工大学法学院',
  '哈尔滨学院法学院',
];

/** The six urban districts that have industry committees besides the city: 6 + 6 × 6 = 42 (the article's). */
const INDUSTRY_DISTRICTS = ['230102', '230103', '230104', '230108', '230109', '230110'];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭于高林何罗宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );
const GIVEN = [
  '建华',
  '国庆',
  '淑兰',
  '志刚',
  '玉芬',
  '海峰',
  '立新',
  '凤英',
  '永福',
  '春梅',
  '德胜',
  '秀云',
  '宝山',
  '丽华',
  '振国',
  '桂芝',
  '长青',
  '红梅',
  '树林',
  '晓东',
  '亚军',
  '金凤',
  '文斌',
  '雅琴',
];

type Weighted<T extends string> = Readonly<Partial<Record<T, number>>>;

const TYPE_WEIGHTS: Record<'COMMUNITY' | 'VILLAGE', Weighted<DisputeType>> = {
  VILLAGE: {
    LAND: 30,
    NEIGHBOURHOOD: 20,
    MARRIAGE_FAMILY: 18,
    DEBT: 11,
    LABOUR: 5,
    TRAFFIC_ACCIDENT: 5,
    PUBLIC_ORDER: 5,
    INSURANCE: 2,
    OTHER: 4,
  },
  COMMUNITY: {
    PROPERTY_MANAGEMENT: 24,
    NEIGHBOURHOOD: 22,
    MARRIAGE_FAMILY: 15,
    LABOUR: 10,
    DEBT: 10,
    TRAFFIC_ACCIDENT: 6,
    PUBLIC_ORDER: 5,
    INSURANCE: 4,
    OTHER: 4,
  },
};
const CHANNEL_WEIGHTS: Record<'COMMUNITY' | 'VILLAGE', Weighted<IntakeChannel>> = {
  VILLAGE: {
    WALK_IN: 40,
    STATIONED_CADRE: 20,
    GRID_WORKER: 20,
    HOTLINE: 10,
    PETITION_OFFICE: 5,
    COURT: 3,
    DISTRICT_SYSTEM: 2,
  },
  COMMUNITY: { WALK_IN: 40, GRID_WORKER: 25, HOTLINE: 15, PETITION_OFFICE: 8, COURT: 7, DISTRICT_SYSTEM: 5 },
};

const TITLES: Record<DisputeType, string[]> = {
  LAND: [
    '承包地地界纠纷',
    '宅基地权属纠纷',
    '土地流转费用纠纷',
    '农田路占用纠纷',
    '林地边界纠纷',
    '征地补偿分配纠纷',
  ],
  NEIGHBOURHOOD: [
    '邻里漏水纠纷',
    '邻里噪音纠纷',
    '通道占用纠纷',
    '排水沟堵塞纠纷',
    '院墙界址纠纷',
    '饲养家禽扰邻纠纷',
  ],
  MARRIAGE_FAMILY: ['赡养老人纠纷', '离婚财产分割纠纷', '家庭琐事纠纷', '子女抚养费纠纷', '遗产继承纠纷'],
  LABOUR: ['拖欠工资纠纷', '工伤赔偿纠纷', '解除劳动合同纠纷', '农民工工资纠纷'],
  DEBT: ['民间借贷纠纷', '货款拖欠纠纷', '合伙经营债务纠纷'],
  TRAFFIC_ACCIDENT: ['交通事故赔偿纠纷', '农用车刮碰纠纷', '电动车撞伤行人纠纷'],
  PROPERTY_MANAGEMENT: ['物业费收缴纠纷', '供暖费纠纷', '小区停车位纠纷', '电梯维修费用纠纷', '楼道堆物纠纷'],
  INSURANCE: ['车辆保险理赔纠纷', '农业保险理赔纠纷', '人身保险理赔纠纷'],
  PUBLIC_ORDER: ['酒后斗殴赔偿纠纷', '口角引发轻微伤害纠纷', '损坏财物赔偿纠纷'],
  OTHER: ['消费纠纷', '装修质量纠纷', '宠物伤人纠纷'],
};
const DESCRIPTIONS: Record<DisputeType, string> = {
  LAND: '因土地界址、使用或补偿问题发生争执，双方各执一词，申请人民调解。',
  NEIGHBOURHOOD: '因相邻关系中的日常琐事多次发生口角，影响邻里和睦，申请人民调解。',
  MARRIAGE_FAMILY: '家庭成员之间因赡养、抚养或财产问题产生矛盾，申请人民调解。',
  LABOUR: '因工资支付、工伤待遇或劳动关系解除发生争议，申请人民调解。',
  DEBT: '因借款或货款到期未还发生争执，申请人民调解。',
  TRAFFIC_ACCIDENT: '发生道路交通事故后，双方就损害赔偿数额协商未果，申请人民调解。',
  PROPERTY_MANAGEMENT: '业主与物业服务企业就服务质量和费用发生争议，申请人民调解。',
  INSURANCE: '投保人与保险公司就理赔范围和数额发生争议，申请人民调解。',
  PUBLIC_ORDER: '因口角引发肢体冲突，造成轻微损害，经公安机关移交人民调解。',
  OTHER: '双方因其他民事权益问题发生争执，申请人民调解。',
};
const TERMS: Record<DisputeType, string> = {
  LAND: '双方共同确认地界，按原界址恢复，今后互不侵占。',
  NEIGHBOURHOOD: '双方互谅互让，消除妨碍，恢复邻里和睦。',
  MARRIAGE_FAMILY: '子女按月轮流承担赡养义务，家庭财产按协议分配。',
  LABOUR: '用人单位于十五日内一次性支付拖欠款项。',
  DEBT: '债务人分三期偿还欠款，每期按时交付。',
  TRAFFIC_ACCIDENT: '责任方一次性赔偿医疗费、误工费等各项损失。',
  PROPERTY_MANAGEMENT: '物业公司限期整改服务问题，业主按约定补交费用。',
  INSURANCE: '保险公司按合同约定的比例予以理赔。',
  PUBLIC_ORDER: '过错方赔礼道歉并赔偿医药费用。',
  OTHER: '双方按协议内容履行各自义务。',
};
const REFERRALS: Weighted<Referral> = {
  LITIGATION: 60,
  ARBITRATION: 15,
  ADMINISTRATIVE: 20,
  PETITION_OFFICE: 5,
};
const WITHDRAW_REASONS = ['双方已自行和解', '申请人撤回调解申请', '当事人已向人民法院起诉'];
const DECLINE_REASONS = ['不属于人民调解受理范围', '纠纷已由人民法院受理', '一方当事人明确拒绝调解'];
const SESSION_PLACES = {
  VILLAGE: ['村调解室', '当事人家中', '田间地头'],
  COMMUNITY: ['社区调解室', '当事人家中'],
};
const PETITION_TITLES = [
  '征地补偿信访积案',
  '房屋拆迁安置信访',
  '企业改制职工安置信访',
  '农村土地承包经营权信访',
  '拖欠农民工工资信访',
  '涉法涉诉信访',
  '城市供热信访',
  '低保待遇信访',
  '集体资产分配信访',
];

/** A chooser by weight: cumulative weights and a binary search, built once per table. */
function chooser<T>(entries: [T, number][]): (rand: Rand) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  return (rand) => {
    const x = rand.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo][0];
  };
}

const choosers = new WeakMap<object, (rand: Rand) => unknown>();
function weighted<T extends string>(rand: Rand, weights: Weighted<T>): T {
  let choose = choosers.get(weights);
  if (!choose) choosers.set(weights, (choose = chooser(Object.entries(weights) as [T, number][])));
  return choose(rand) as T;
}

function shuffle<T>(rand: Rand, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand.next() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Version-4-shaped ids from a seeded generator: the same ids on every run. */
function uuids(seed: number) {
  const rand = seededRandom(seed);
  const word = () =>
    Math.floor(rand.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return () => {
    const [a, b, c, d] = [word(), word(), word(), word()];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[c.charCodeAt(0) % 4]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}

/** `上红社区居委会` → `上红社区` + suffix; the （示例） marker of generated places stays at the end. */
export function placeName(regionName: string, suffix: string): string {
  const marker = regionName.endsWith(EXAMPLE) ? EXAMPLE : '';
  const core = regionName.slice(0, regionName.length - marker.length).replace(/(居委会|村委会)$/, '');
  return `${core}${suffix}${marker}`;
}

/** A day in China time, YYYY-MM-DD. */
const chinaDay = (t: Date | number) => new Date(new Date(t).getTime() + CHINA).toISOString().slice(0, 10);
/** Midnight at the start of a China-time day, as an instant. */
const chinaMidnight = (year: number, month = 0, day = 1) => Date.UTC(year, month, day) - CHINA;

interface RegionInfo {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  path: string;
  households: number;
}

interface Org {
  id: string;
  kind: OrganizationKind;
  industry: Industry | null;
  name: string;
  regionCode: string;
  partnerUniversity: string | null;
}

interface Person {
  id: string;
  name: string;
}

interface Place {
  region: RegionInfo;
  kind: 'COMMUNITY' | 'VILLAGE';
  grids: string[];
  hamlets: string[];
  committee: Org;
  centre: Org;
  clinic: Org | null;
  mediators: Person[];
  clinicMediators: Person[];
}

interface CaseRow {
  id: string;
  channel: IntakeChannel;
  type: DisputeType;
  title: string;
  description: string;
  regionCode: string;
  path: string;
  organizationId: string;
  originOrganizationId: string;
  mediatorId: string | null;
  amountAtStake: string | null;
  peopleInvolved: number;
  householdsInvolved: number;
  threats: boolean;
  risk: string;
  riskReasons: string[];
  state: DisputeCaseState;
  outcome: DisputeCaseOutcome | null;
  declineReason: string | null;
  referral: Referral | null;
  agreement: object | null;
  honoured: boolean | null;
  receivedAt: Date;
  acceptedAt: Date | null;
  concludedAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  atRiskAt: Date | null;
  parties: [string, string];
  /** Written with its parties and whole timeline (see FULL_TIMELINE_SHARE). */
  full: boolean;
}

interface EventRow {
  caseId: string;
  path: string;
  at: Date;
  command: DisputeCaseCommand | 'register';
  from: DisputeCaseState | null;
  to: DisputeCaseState;
  actor: string;
  details: Record<string, unknown>;
}

/** What is decided about a case before its life is played out. */
interface CaseSpec {
  place: Place;
  receivedAt: Date;
  /** Null for a case that is declined. */
  acceptedAt: Date | null;
  outcome: DisputeCaseOutcome | 'DECLINED';
  clinic?: boolean;
  /** Stays in FOLLOW_UP after its follow-up (never closed). */
  staysInFollowUp?: boolean;
  /** The share of cases that run over the time limit of mediation. */
  late?: number;
  /** Every step in the timeline; otherwise the register row only. */
  fullTimeline?: boolean;
}

export interface MediationSeedResult {
  organizations: number;
  mediators: number;
  cases: number;
  events: number;
  petitions: number;
  clinicTallies: number;
  casesByYear: Record<string, number>;
  casesByState: Record<string, number>;
}

export async function seedMediation(
  m: EntityManager,
  opts: { seed?: number; now?: Date } = {},
): Promise<MediationSeedResult> {
  const seed = opts.seed ?? 20130701;
  const now = opts.now ?? new Date();
  const rand = seededRandom(seed);
  const newId = uuids(seed + 1);

  const regions: RegionInfo[] = await m.query(
    `SELECT code, name, level, parent_code AS "parentCode", path::text AS path, coalesce(households, 0) AS households
     FROM region WHERE code = ANY($1) ORDER BY code`,
    [demoRegions().map((r) => r.code)],
  );
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const ofLevel = (...levels: string[]) => regions.filter((r) => levels.includes(r.level));
  const districts = ofLevel('DISTRICT', 'COUNTY', 'COUNTY_CITY');
  const towns = ofLevel('STREET', 'TOWNSHIP');
  const units = ofLevel('COMMUNITY', 'VILLAGE');
  if (!byCode.has(CITY) || !units.length) return emptyResult();

  // ---- Organisations ----
  const orgs: Org[] = [];
  const org = (kind: OrganizationKind, region: RegionInfo, name: string, extra: Partial<Org> = {}) => {
    const o: Org = {
      id: newId(),
      kind,
      industry: null,
      name,
      regionCode: region.code,
      partnerUniversity: null,
      ...extra,
    };
    orgs.push(o);
    return o;
  };
  const city = byCode.get(CITY)!;
  org('MEDIATORS_ASSOCIATION', city, '哈尔滨市人民调解员协会');
  for (const industry of INDUSTRIES)
    org('INDUSTRY_COMMITTEE', city, `哈尔滨市${INDUSTRY_LABELS[industry].zh}人民调解委员会`, { industry });
  for (const code of INDUSTRY_DISTRICTS) {
    const d = byCode.get(code);
    if (!d) continue;
    for (const industry of INDUSTRIES)
      org('INDUSTRY_COMMITTEE', d, `${d.name}${INDUSTRY_LABELS[industry].zh}人民调解委员会`, { industry });
  }
  const centreOf = new Map<string, Org>();
  for (const r of [...districts, ...towns])
    centreOf.set(r.code, org('COORDINATION_CENTRE', r, placeName(r.name, '大调解协调中心')));
  const committeeOf = new Map<string, Org>();
  for (const r of [...towns, ...units])
    committeeOf.set(r.code, org('PEOPLES_COMMITTEE', r, placeName(r.name, '人民调解委员会')));
  // One clinic per demo community (109 of the article's 174: as many as there are communities).
  const clinicOf = new Map<string, Org>();
  const universities = shuffle(rand, [...PARTNER_UNIVERSITIES]);
  units
    .filter((r) => r.level === 'COMMUNITY')
    .forEach((r, i) =>
      clinicOf.set(
        r.code,
        org('LEGAL_CLINIC', r, placeName(r.name, '法律诊所'), {
          partnerUniversity: universities[i % universities.length],
        }),
      ),
    );
  await m.query(
    `INSERT INTO mediation_organization (id, kind, industry, name, region_code, partner_university)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::varchar[], $6::text[])`,
    [
      orgs.map((o) => o.id),
      orgs.map((o) => o.kind),
      orgs.map((o) => o.industry),
      orgs.map((o) => o.name),
      orgs.map((o) => o.regionCode),
      orgs.map((o) => o.partnerUniversity),
    ],
  );

  // ---- Mediators, each a member of the organisation that recruited them ----
  const mediatorRows: {
    id: string;
    name: string;
    employment: 'FULL_TIME' | 'PART_TIME';
    specialities: DisputeType[];
    qualification: object;
    training: object;
    region: RegionInfo;
    organizationId: string;
  }[] = [];
  const membersOf = new Map<string, Person[]>();
  const personName = () => `${rand.pick(SURNAMES)}${rand.pick(GIVEN)}`;
  const recruit = (
    o: Org,
    count: number,
    fullTime: number,
    specialities: () => DisputeType[],
    name?: string,
  ) => {
    const region = byCode.get(o.regionCode)!;
    const district = byCode.get(o.regionCode.slice(0, 6)) ?? city;
    const members: Person[] = [];
    for (let i = 0; i < count; i++) {
      const person = { id: newId(), name: i === 0 && name ? name : personName() };
      const clinic = o.kind === 'LEGAL_CLINIC';
      mediatorRows.push({
        ...person,
        employment: i < fullTime ? 'FULL_TIME' : 'PART_TIME',
        specialities: specialities(),
        qualification: clinic
          ? {
              title: '法律职业资格证书',
              issuedBy: '中华人民共和国司法部',
              obtainedOn: `${rand.between(2002, 2011)}-09-15`,
            }
          : {
              title: '人民调解员证',
              issuedBy: `${district.name}司法局`,
              obtainedOn: `${rand.between(2003, 2011)}-${String(rand.between(1, 12)).padStart(2, '0')}-10`,
            },
        training: {
          title: clinic ? '社区法律诊所调解技能培训' : '人民调解员业务培训',
          completedOn: `2012-${String(rand.between(3, 11)).padStart(2, '0')}-${String(rand.between(1, 28)).padStart(2, '0')}`,
          hours: rand.pick([8, 16, 24, 40]),
        },
        region,
        organizationId: o.id,
      });
      members.push(person);
    }
    membersOf.set(o.id, members);
  };
  const typesFor = (kind: 'COMMUNITY' | 'VILLAGE') => () => {
    const first = weighted(rand, TYPE_WEIGHTS[kind]);
    let second = weighted(rand, TYPE_WEIGHTS[kind]);
    if (second === first) second = 'NEIGHBOURHOOD' === first ? 'MARRIAGE_FAMILY' : 'NEIGHBOURHOOD';
    return [first, second];
  };
  const INDUSTRY_TYPE: Record<Industry, DisputeType[]> = {
    LABOUR_PERSONNEL: ['LABOUR'],
    ROAD_TRAFFIC: ['TRAFFIC_ACCIDENT', 'INSURANCE'],
    WOMENS_LABOUR: ['LABOUR', 'MARRIAGE_FAMILY'],
    PUBLIC_ORDER: ['PUBLIC_ORDER', 'NEIGHBOURHOOD'],
    PROPERTY_MANAGEMENT: ['PROPERTY_MANAGEMENT'],
    INSURANCE: ['INSURANCE', 'TRAFFIC_ACCIDENT'],
  };
  for (const o of orgs) {
    const region = byCode.get(o.regionCode)!;
    if (o.kind === 'PEOPLES_COMMITTEE' && (region.level === 'COMMUNITY' || region.level === 'VILLAGE')) {
      const kind = region.level as 'COMMUNITY' | 'VILLAGE';
      // 敖亚斌, party secretary of 双金村, heads its mediation committee (the article's story).
      recruit(
        o,
        3,
        kind === 'COMMUNITY' ? 1 : 0,
        typesFor(kind),
        o.regionCode === '230129100204' ? '敖亚斌' : undefined,
      );
    } else if (o.kind === 'PEOPLES_COMMITTEE') {
      recruit(o, 4, 2, typesFor(region.level === 'STREET' ? 'COMMUNITY' : 'VILLAGE'));
    } else if (o.kind === 'COORDINATION_CENTRE') {
      recruit(o, 2, 2, () => ['LAND', 'LABOUR']);
    } else if (o.kind === 'INDUSTRY_COMMITTEE') {
      recruit(o, 3, 2, () => INDUSTRY_TYPE[o.industry!]);
    } else if (o.kind === 'LEGAL_CLINIC') {
      recruit(o, 2, 0, () =>
        shuffle(rand, ['LABOUR', 'DEBT', 'MARRIAGE_FAMILY'] as DisputeType[]).slice(0, 2),
      );
    }
  }
  await m.query(
    `INSERT INTO mediator (id, name, employment, specialities, qualifications, trainings, region_code)
     SELECT id, name, employment, specialities::text[], jsonb_build_array(q::jsonb), jsonb_build_array(t::jsonb), code
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::varchar[])
       AS u(id, name, employment, specialities, q, t, code)`,
    [
      mediatorRows.map((r) => r.id),
      mediatorRows.map((r) => r.name),
      mediatorRows.map((r) => r.employment),
      mediatorRows.map((r) => `{${r.specialities.join(',')}}`),
      mediatorRows.map((r) => JSON.stringify(r.qualification)),
      mediatorRows.map((r) => JSON.stringify(r.training)),
      mediatorRows.map((r) => r.region.code),
    ],
  );
  await m.query(
    `INSERT INTO mediator_membership (mediator_id, organization_id, region_path)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::ltree[])`,
    [
      mediatorRows.map((r) => r.id),
      mediatorRows.map((r) => r.organizationId),
      mediatorRows.map((r) => r.region.path),
    ],
  );

  // ---- Places: communities and villages, with what handles their disputes ----
  const childrenOf = new Map<string, RegionInfo[]>();
  for (const r of regions) {
    if (!r.parentCode) continue;
    const list = childrenOf.get(r.parentCode) ?? [];
    list.push(r);
    childrenOf.set(r.parentCode, list);
  }
  const places: Place[] = units.map((region) => {
    const committee = committeeOf.get(region.code)!;
    const clinic = clinicOf.get(region.code) ?? null;
    const below = childrenOf.get(region.code) ?? [];
    return {
      region,
      kind: region.level as 'COMMUNITY' | 'VILLAGE',
      grids: below.filter((r) => r.level === 'GRID').map((r) => r.code),
      hamlets: below.filter((r) => r.level === 'HAMLET').map((r) => r.code),
      committee,
      centre: centreOf.get(region.parentCode!)!,
      clinic,
      mediators: membersOf.get(committee.id)!,
      clinicMediators: clinic ? membersOf.get(clinic.id)! : [],
    };
  });
  const choosePlace = chooser(places.map((p): [Place, number] => [p, Math.max(p.region.households, 300)]));
  const pickPlace = () => choosePlace(rand);

  // ---- Which cases: the 2012 cohort exactly, other years and recent ones by chance ----
  const specs: CaseSpec[] = [];
  const inYear = (year: number, fromMonth = 0, months = 12) => {
    const start = chinaMidnight(year, fromMonth);
    const end = chinaMidnight(year, fromMonth + months);
    return new Date(start + Math.floor(rand.next() * (end - start)));
  };
  /** Hours until acceptance; the time limit is 3 days, and `late` of the cases miss it. */
  const acceptDelay = (late: number) =>
    (rand.next() < late ? rand.between(73, 160) : rand.between(1, 60)) * HOUR;
  const accepted = (acceptedAt: Date): Pick<CaseSpec, 'receivedAt' | 'acceptedAt'> => ({
    acceptedAt,
    receivedAt: new Date(acceptedAt.getTime() - rand.between(1, 48) * HOUR - rand.between(0, 59) * 60_000),
  });
  const randomOutcome = (): DisputeCaseOutcome => {
    const x = rand.next();
    return x < 0.952 ? 'AGREEMENT_REACHED' : x < 0.985 ? 'MEDIATION_FAILED' : 'WITHDRAWN';
  };

  const f = MEDIATION_SEED_FIGURES;
  const cohort: CaseSpec[] = shuffle(rand, [
    ...Array<DisputeCaseOutcome>(f.mediated).fill('AGREEMENT_REACHED'),
    ...Array<DisputeCaseOutcome>(f.failed).fill('MEDIATION_FAILED'),
    ...Array<DisputeCaseOutcome>(f.withdrawn).fill('WITHDRAWN'),
  ]).map((outcome) => ({ place: pickPlace(), ...accepted(inYear(f.year)), outcome }));
  // 1,381 agreements by the communities' legal clinics, and a few cases they could not settle.
  const communityCases = (o: DisputeCaseOutcome) =>
    shuffle(
      rand,
      cohort.filter((s) => s.outcome === o && s.place.clinic),
    );
  for (const s of communityCases('AGREEMENT_REACHED').slice(0, f.clinicMediated)) s.clinic = true;
  for (const s of communityCases('MEDIATION_FAILED').slice(0, 40)) s.clinic = true;
  cohort
    .filter((s) => s.outcome === 'AGREEMENT_REACHED' && !s.clinic && chinaDay(s.acceptedAt!) >= '2012-12-01')
    .slice(0, f.inFollowUp)
    .forEach((s) => (s.staysInFollowUp = true));
  specs.push(...cohort);
  for (const { year, accepted: count, from, months } of OTHER_YEARS) {
    for (let i = 0; i < count; i++) {
      const place = pickPlace();
      specs.push({
        place,
        ...accepted(inYear(year, from, months)),
        outcome: randomOutcome(),
        clinic: year >= 2012 && Boolean(place.clinic) && rand.next() < 0.3,
      });
    }
  }
  // Declined at intake: about 1% of what is received; never accepted, so in no cohort.
  for (const { year, from, months } of [...OTHER_YEARS, { year: f.year, from: 0, months: 12 }])
    for (let i = 0; i < months * 8; i++)
      specs.push({
        place: pickPlace(),
        receivedAt: inYear(year, from, months),
        acceptedAt: null,
        outcome: 'DECLINED',
      });
  // Recent cases, dated back from now: the older ones closed, the last weeks' still open, some overdue.
  for (let i = 0; i < RECENT.cases; i++) {
    const place = pickPlace();
    const receivedAt = new Date(now.getTime() - Math.floor(rand.next() ** 1.3 * RECENT.days * DAY) - HOUR);
    const declined = rand.next() < 0.015;
    specs.push({
      place,
      receivedAt,
      acceptedAt: declined ? null : new Date(receivedAt.getTime() + acceptDelay(0.2)),
      late: 0.15,
      outcome: declined ? 'DECLINED' : randomOutcome(),
      clinic: Boolean(place.clinic) && rand.next() < 0.2,
      fullTimeline: true,
    });
  }

  // ---- Each case's life, played out up to now ----
  const cases: CaseRow[] = [];
  const events: EventRow[] = [];
  const story = storyCase(byCode, committeeOf, centreOf, membersOf, newId);
  if (story) {
    cases.push(story.row);
    events.push(...story.events);
  }
  for (const s of specs)
    s.fullTimeline ||= rand.next() < FULL_TIMELINE_SHARE || ARTICLE_PLACES.includes(s.place.region.code);
  specs.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  for (const spec of specs) {
    const { row, timeline } = playCase(rand, spec, now, newId());
    cases.push(row);
    events.push(...timeline);
  }

  // One JSON document per statement: PostgreSQL reads it faster than dozens of parallel arrays. Rows are
  // inserted in the document's order (oldest first), so case numbers follow the dates of receipt.
  await m.query(
    `INSERT INTO dispute_case (id, number, channel, type, title, description, region_code, organization_id,
       origin_organization_id, mediator_id, amount_at_stake, people_involved, households_involved, threats, risk,
       risk_reasons, state, outcome, decline_reason, referral, agreement, honoured, received_at, accepted_at,
       concluded_at, closed_at, due_at, at_risk_at, created_by)
     SELECT id, to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
         lpad(nextval('dispute_case_number')::text, 6, '0'),
       channel, type, title, description, region_code, organization_id, origin_organization_id, mediator_id,
       amount_at_stake, people_involved, households_involved, threats, risk, risk_reasons, state, outcome,
       decline_reason, referral, agreement, honoured, received_at, accepted_at, concluded_at, closed_at, due_at,
       at_risk_at, 'seed'
     FROM json_to_recordset($1::json) AS t(id uuid, channel text, type text, title text, description text,
       region_code varchar, organization_id uuid, origin_organization_id uuid, mediator_id uuid,
       amount_at_stake numeric, people_involved int, households_involved int, threats boolean, risk text,
       risk_reasons text[], state text, outcome text, decline_reason text, referral text, agreement jsonb,
       honoured boolean, received_at timestamptz, accepted_at timestamptz, concluded_at timestamptz,
       closed_at timestamptz, due_at timestamptz, at_risk_at timestamptz)`,
    [
      json(
        cases.map((c) => ({
          id: c.id,
          channel: c.channel,
          type: c.type,
          title: c.title,
          description: c.description,
          region_code: c.regionCode,
          organization_id: c.organizationId,
          origin_organization_id: c.originOrganizationId,
          mediator_id: c.mediatorId ?? undefined,
          amount_at_stake: c.amountAtStake ?? undefined,
          people_involved: c.peopleInvolved,
          households_involved: c.householdsInvolved,
          threats: c.threats,
          risk: c.risk,
          risk_reasons: c.riskReasons,
          state: c.state,
          outcome: c.outcome ?? undefined,
          decline_reason: c.declineReason ?? undefined,
          referral: c.referral ?? undefined,
          agreement: c.agreement ?? undefined,
          honoured: c.honoured ?? undefined,
          received_at: c.receivedAt,
          accepted_at: c.acceptedAt ?? undefined,
          concluded_at: c.concludedAt ?? undefined,
          closed_at: c.closedAt ?? undefined,
          due_at: c.dueAt ?? undefined,
          at_risk_at: c.atRiskAt ?? undefined,
        })),
      ),
    ],
  );
  await m.query(
    `INSERT INTO dispute_party (case_id, region_path, role, name)
     SELECT case_id, path, role, name FROM unnest($1::uuid[], $2::ltree[], $3::text[], $4::text[])
       AS t(case_id, path, role, name)`,
    columns(
      cases
        .filter((c) => c.full)
        .flatMap((c) => [
          [c.id, c.path, 'APPLICANT', c.parties[0]],
          [c.id, c.path, 'RESPONDENT', c.parties[1]],
        ]),
      [0, 1, 2, 3].map((k) => (p: string[]) => p[k]),
    ),
  );
  // Timeline rows go in case by case, oldest first: their ids keep each case's order.
  await m.query(
    `INSERT INTO dispute_case_event (case_id, region_path, at, command, from_state, to_state, actor_name, details)
     SELECT case_id, path, at, command, from_state, to_state, actor, details
     FROM json_to_recordset($1::json) AS t(case_id uuid, path ltree, at timestamptz, command text, from_state text,
       to_state text, actor text, details jsonb)`,
    [
      json(
        events.map((e) => ({
          case_id: e.caseId,
          path: e.path,
          at: e.at,
          command: e.command,
          from_state: e.from ?? undefined,
          to_state: e.to,
          actor: e.actor,
          details: e.details,
        })),
      ),
    ],
  );

  const petitions = await seedPetitions(m, rand, places, pickPlace, now);
  const clinicTallies = await seedClinicTallies(m, rand, places, now);

  const casesByYear: Record<string, number> = {};
  const casesByState: Record<string, number> = {};
  for (const c of cases) {
    const year = chinaDay(c.acceptedAt ?? c.receivedAt).slice(0, 4);
    casesByYear[year] = (casesByYear[year] ?? 0) + 1;
    casesByState[c.state] = (casesByState[c.state] ?? 0) + 1;
  }
  return {
    organizations: orgs.length,
    mediators: mediatorRows.length,
    cases: cases.length,
    events: events.length,
    petitions,
    clinicTallies,
    casesByYear,
    casesByState,
  };
}

function emptyResult(): MediationSeedResult {
  return {
    organizations: 0,
    mediators: 0,
    cases: 0,
    events: 0,
    petitions: 0,
    clinicTallies: 0,
    casesByYear: {},
    casesByState: {},
  };
}

/** Rows for json_to_recordset; a missing key reads as NULL, so nulls are left out (as undefined). */
function json(rows: object[]): string {
  return JSON.stringify(rows);
}

/** Rows to the column arrays of an `unnest` insert. */
function columns<T>(rows: T[], getters: ((row: T) => unknown)[]): unknown[][] {
  return getters.map((get) => rows.map(get));
}

/**
 * One case from intake to where it stands `now`: every step a timeline row, the case's columns as the API
 * would have left them (state, outcome, timestamps, deadline of the current stage).
 */
function playCase(rand: Rand, spec: CaseSpec, now: Date, id: string): { row: CaseRow; timeline: EventRow[] } {
  const { place } = spec;
  const type = weighted(rand, TYPE_WEIGHTS[place.kind]);
  const channel = weighted(rand, CHANNEL_WEIGHTS[place.kind]);
  const onGrid = place.grids.length && (channel === 'GRID_WORKER' || rand.next() < 0.08);
  const regionCode =
    place.hamlets.length && rand.next() < 0.5
      ? rand.pick(place.hamlets)
      : onGrid
        ? rand.pick(place.grids)
        : place.region.code;
  const path = regionCode === place.region.code ? place.region.path : `${place.region.path}.${regionCode}`;
  const x = rand.next();
  const householdsInvolved = x < 0.8 ? 2 : x < 0.94 ? rand.between(3, 4) : rand.between(5, 12);
  const peopleInvolved = householdsInvolved + rand.between(0, householdsInvolved * 2);
  const threats = rand.next() < 0.04;
  const money = ['DEBT', 'LABOUR', 'TRAFFIC_ACCIDENT', 'INSURANCE', 'LAND'].includes(type);
  const amount = money
    ? rand.next() < 0.04
      ? rand.between(100, 600) * 1000
      : rand.between(10, 800) * 100
    : null;
  const risk = assessDisputeRisk({
    type,
    householdsInvolved,
    peopleInvolved,
    threats,
    amountAtStake: amount,
  });
  const clinic = Boolean(spec.clinic && place.clinic);
  const organization = clinic ? place.clinic! : place.committee;
  const members = clinic ? place.clinicMediators : place.mediators;
  const mediator = rand.pick(members);
  const parties: [string, string] = [`${rand.pick(SURNAMES)}某`, `${rand.pick(SURNAMES)}某`];
  const escalates = !clinic && risk.level === 'HIGH' && rand.next() < 0.4;

  // The plan: every step with its time; the case goes as far as `now`.
  // Details are built only for the rows written; `apply` sets the columns the step changes.
  type Step = Omit<EventRow, 'caseId' | 'path' | 'details'> & {
    details: (at: Date) => Record<string, unknown>;
    apply?: (at: Date) => void;
  };
  const steps: Step[] = [];
  let t = spec.receivedAt.getTime();
  const at = (ms: number) => new Date(Math.max(ms, t + 60_000));
  const row: CaseRow = {
    id,
    channel,
    type,
    title: rand.pick(TITLES[type]),
    description: `${parties[0]}与${parties[1]}${DESCRIPTIONS[type]}`,
    regionCode,
    path,
    organizationId: organization.id,
    originOrganizationId: organization.id,
    mediatorId: null,
    amountAtStake: amount == null ? null : `${amount}.00`,
    peopleInvolved,
    householdsInvolved,
    threats,
    risk: risk.level,
    riskReasons: risk.reasons,
    state: 'RECEIVED',
    outcome: null,
    declineReason: null,
    referral: null,
    agreement: null,
    honoured: null,
    receivedAt: spec.receivedAt,
    acceptedAt: null,
    concludedAt: null,
    closedAt: null,
    dueAt: null,
    atRiskAt: null,
    parties,
    full: Boolean(spec.fullTimeline),
  };
  const step = (
    when: number,
    command: Step['command'],
    to: DisputeCaseState,
    actor: string,
    details: Step['details'] = () => ({}),
    apply?: Step['apply'],
  ) => {
    const e = {
      at: at(when),
      command,
      from: steps.length ? steps[steps.length - 1].to : null,
      to,
      actor,
      details,
      apply,
    };
    t = e.at.getTime();
    steps.push(e);
  };
  step(t, 'register', 'RECEIVED', organization.name, () => ({
    channel,
    risk: risk.level,
    riskReasons: risk.reasons,
    ...(risk.level === 'HIGH' && {
      notifiedOrganizationId: place.centre.id,
      notifiedOrganizationName: place.centre.name,
    }),
  }));
  if (spec.outcome === 'DECLINED') {
    const reason = rand.pick(DECLINE_REASONS);
    step(
      t + rand.between(2, 40) * HOUR,
      'decline',
      'DECLINED',
      organization.name,
      () => ({ reason }),
      () => (row.declineReason = reason),
    );
  } else {
    const acceptedAt = spec.acceptedAt!;
    step(
      acceptedAt.getTime(),
      'accept',
      'ACCEPTED',
      organization.name,
      undefined,
      (at) => (row.acceptedAt = at),
    );
    // The time limit is 30 days; a share of the cases runs over it.
    const concludeDays =
      rand.next() < (spec.late ?? 0.05) ? 31 + rand.next() * 25 : 0.3 + rand.next() ** 1.7 * 26;
    const concludeAt = acceptedAt.getTime() + concludeDays * DAY;
    const early = spec.outcome === 'WITHDRAWN' && rand.next() < 0.3;
    if (!early) {
      step(
        t + (rand.next() < 0.15 ? rand.between(24, 72) : rand.between(1, 20)) * HOUR,
        'assignMediator',
        'MEDIATOR_ASSIGNED',
        organization.name,
        () => ({ mediatorId: mediator.id, mediatorName: mediator.name }),
        () => (row.mediatorId = mediator.id),
      );
      if (escalates) {
        const centre = place.centre;
        step(
          t + rand.between(1, 12) * HOUR,
          'escalate',
          'MEDIATOR_ASSIGNED',
          organization.name,
          () => ({
            fromOrganizationId: organization.id,
            toOrganizationId: centre.id,
            toOrganizationName: centre.name,
            reason: '涉及人数较多，存在引发群体性事件的风险，提请协调中心协调处理',
          }),
          () => (row.organizationId = centre.id),
        );
      }
      const sessions = rand.between(1, 3);
      for (let k = 1; k <= sessions; k++) {
        const when = t + ((concludeAt - t) * k) / (sessions + 1);
        const where = rand.pick(SESSION_PLACES[place.kind]);
        step(when, 'recordSession', 'IN_MEDIATION', mediator.name, () => ({
          date: chinaDay(when),
          place: where,
          participants: [...parties, mediator.name],
          notes: null,
        }));
      }
    }
    const outcome = spec.outcome;
    const conclude = (at: Date) => {
      row.outcome = outcome;
      row.concludedAt = at;
    };
    if (outcome === 'AGREEMENT_REACHED') {
      const courtConfirmed = rand.next() < 0.08;
      const agreement = (at: Date) => ({
        terms: TERMS[type],
        signatories: [...parties],
        signedOn: chinaDay(at),
        courtConfirmed,
      });
      step(
        concludeAt,
        'concludeWithAgreement',
        'AGREEMENT_REACHED',
        mediator.name,
        (at) => ({ agreement: agreement(at) }),
        (at) => {
          conclude(at);
          row.agreement = agreement(at);
        },
      );
      const honoured = rand.next() < 0.965;
      const followUpAt = t + rand.between(7, 28) * DAY + rand.between(0, 8) * HOUR;
      step(
        followUpAt,
        'recordFollowUp',
        'FOLLOW_UP',
        mediator.name,
        () => ({
          date: chinaDay(followUpAt),
          honoured,
          notes: honoured ? '回访双方，协议已履行' : '回访发现协议未完全履行，已督促履行',
        }),
        () => (row.honoured = honoured),
      );
      if (!spec.staysInFollowUp)
        step(t + rand.between(1, 96) * HOUR, 'close', 'CLOSED', mediator.name, undefined, (at) => {
          row.closedAt = at;
        });
    } else {
      const referral = outcome === 'MEDIATION_FAILED' ? weighted(rand, REFERRALS) : null;
      const reason = outcome === 'WITHDRAWN' ? rand.pick(WITHDRAW_REASONS) : null;
      step(
        early ? t + rand.between(6, 96) * HOUR : concludeAt,
        outcome === 'MEDIATION_FAILED' ? 'concludeWithoutAgreement' : 'withdraw',
        outcome,
        early ? organization.name : mediator.name,
        () =>
          outcome === 'MEDIATION_FAILED'
            ? { referral, reason: '双方分歧较大，经多次调解未能达成协议' }
            : { reason },
        (at) => {
          conclude(at);
          row.referral = referral;
        },
      );
      step(
        t + rand.between(2, 120) * HOUR,
        'close',
        'CLOSED',
        early ? organization.name : mediator.name,
        undefined,
        (at) => (row.closedAt = at),
      );
    }
  }

  const timeline: EventRow[] = [];
  for (const s of steps) {
    if (s.at > now) break;
    s.apply?.(s.at);
    row.state = s.to;
    if (spec.fullTimeline || !timeline.length)
      timeline.push({
        caseId: id,
        path,
        at: s.at,
        command: s.command,
        from: s.from,
        to: s.to,
        actor: s.actor,
        details: s.details(s.at),
      });
  }
  const deadline = disputeCaseDeadline(row.state, row);
  row.dueAt = deadline?.dueAt ?? null;
  row.atRiskAt = deadline?.atRiskAt ?? null;
  return { row, timeline };
}

/**
 * The article's story: in May 2009 a villager of 金圣屯 (双金村) turned some 100 m of the farm road into a
 * paddy field; 敖亚斌, head of the village mediation committee, visited him several times until he agreed to
 * restore it.
 */
function storyCase(
  byCode: Map<string, RegionInfo>,
  committeeOf: Map<string, Org>,
  centreOf: Map<string, Org>,
  membersOf: Map<string, Person[]>,
  newId: () => string,
): { row: CaseRow; events: EventRow[] } | null {
  const hamlet = byCode.get('23012910020401') ?? byCode.get('230129100204');
  const committee = committeeOf.get('230129100204');
  if (!hamlet || !committee) return null;
  const centre = centreOf.get('230129100')!;
  const ao = membersOf.get(committee.id)![0];
  const id = newId();
  const china = (s: string) => new Date(`${s}+08:00`);
  const risk = assessDisputeRisk({
    type: 'LAND',
    householdsInvolved: 14,
    peopleInvolved: 30,
    threats: false,
  });
  const parties: [string, string] = ['金圣屯村民代表', '邢某'];
  const agreement = {
    terms:
      '邢某同意将私自占用、改为水田的近百米农田路按原面积修复，恢复村民上地通行；修复完成前不得继续耕种该段路面。',
    signatories: ['邢某', '金圣屯村民代表'],
    signedOn: '2009-05-24',
    courtConfirmed: false,
  };
  const row: CaseRow = {
    id,
    channel: 'WALK_IN',
    type: 'LAND',
    title: '金圣屯农田路被改水田纠纷',
    description:
      '金圣屯屯南的一条小路是村民上地的必经之路。2009年5月，村民邢某在没人注意的情况下，将地头近百米的农田路改为水田并据为己有，一夜之间冒出的半亩水田把小路从中撕开一条长长的豁口。村民们议论纷纷，群情激奋，要求村里解决。',
    regionCode: hamlet.code,
    path: hamlet.path,
    organizationId: committee.id,
    originOrganizationId: committee.id,
    mediatorId: ao.id,
    amountAtStake: null,
    peopleInvolved: 30,
    householdsInvolved: 14,
    threats: false,
    risk: risk.level,
    riskReasons: risk.reasons,
    state: 'CLOSED',
    outcome: 'AGREEMENT_REACHED',
    declineReason: null,
    referral: null,
    agreement,
    honoured: true,
    receivedAt: china('2009-05-18T08:30:00'),
    acceptedAt: china('2009-05-18T10:00:00'),
    concludedAt: china('2009-05-24T16:00:00'),
    closedAt: china('2009-06-22T10:00:00'),
    dueAt: null,
    atRiskAt: null,
    parties,
    full: true,
  };
  const visit = (date: string, notes: string) => ({
    date,
    place: '邢某家中',
    participants: ['邢某', ao.name],
    notes,
  });
  const e = (
    when: string,
    command: EventRow['command'],
    from: DisputeCaseState | null,
    to: DisputeCaseState,
    actor: string,
    details: Record<string, unknown>,
  ): EventRow => ({ caseId: id, path: hamlet.path, at: china(when), command, from, to, actor, details });
  return {
    row,
    events: [
      e('2009-05-18T08:30:00', 'register', null, 'RECEIVED', committee.name, {
        channel: 'WALK_IN',
        risk: risk.level,
        riskReasons: risk.reasons,
        ...(risk.level === 'HIGH' && {
          notifiedOrganizationId: centre.id,
          notifiedOrganizationName: centre.name,
        }),
      }),
      e('2009-05-18T10:00:00', 'accept', 'RECEIVED', 'ACCEPTED', committee.name, {
        note: '土地纠纷最频发也最敏感，防止引发群体性事件或刑事治安案件',
      }),
      e('2009-05-18T10:30:00', 'assignMediator', 'ACCEPTED', 'MEDIATOR_ASSIGNED', committee.name, {
        mediatorId: ao.id,
        mediatorName: ao.name,
      }),
      e(
        '2009-05-19T18:00:00',
        'recordSession',
        'MEDIATOR_ASSIGNED',
        'IN_MEDIATION',
        ao.name,
        visit('2009-05-19', '到邢某家中劝解，说明农田路是村民上地的必经之路，占路改田于法无据。'),
      ),
      e(
        '2009-05-21T18:30:00',
        'recordSession',
        'IN_MEDIATION',
        'IN_MEDIATION',
        ao.name,
        visit('2009-05-21', '再次上门，依法做思想工作，讲明土地承包法律规定和可能的后果。'),
      ),
      e(
        '2009-05-24T16:00:00',
        'recordSession',
        'IN_MEDIATION',
        'IN_MEDIATION',
        ao.name,
        visit('2009-05-24', '邢某意识到问题的严重性，同意修复农田路。'),
      ),
      e('2009-05-24T16:30:00', 'concludeWithAgreement', 'IN_MEDIATION', 'AGREEMENT_REACHED', ao.name, {
        agreement,
      }),
      e('2009-06-20T09:00:00', 'recordFollowUp', 'AGREEMENT_REACHED', 'FOLLOW_UP', ao.name, {
        date: '2009-06-20',
        honoured: true,
        notes: '回访金圣屯，农田路已按原面积修复，村民通行恢复正常。',
      }),
      e('2009-06-22T10:00:00', 'close', 'FOLLOW_UP', 'CLOSED', ao.name, {}),
    ],
  };
}

/**
 * Petition backlog cases (信访积案): the 2012 backlog is 2,000 cases, 1,600 of them resolved in 2012 (80%),
 * 886 of those by legal clinics; besides, cases resolved before 2012, registered in 2013 and recently.
 */
async function seedPetitions(
  m: EntityManager,
  rand: Rand,
  places: Place[],
  pickPlace: () => Place,
  now: Date,
): Promise<number> {
  const f = MEDIATION_SEED_FIGURES;
  const rows: {
    title: string;
    place: Place;
    org: string | null;
    state: string;
    registered: string;
    resolved: string | null;
  }[] = [];
  // Calendar days as UTC midnights: `between(a, b)` is a day from a (included) to b (excluded).
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const between = (from: string, to: string) => {
    const days = Math.max(1, (Date.parse(to) - Date.parse(from)) / DAY);
    return iso(Date.parse(from) + Math.floor(rand.next() * days) * DAY);
  };
  const later = (a: string, b: string) => (a > b ? a : b);
  const communities = places.filter((p) => p.clinic);
  const add = (opts: { clinic?: boolean; registered: string; resolved?: string | null; state?: string }) => {
    const place = opts.clinic ? rand.pick(communities) : pickPlace();
    const state = opts.state ?? (opts.resolved ? 'RESOLVED' : 'ASSIGNED');
    rows.push({
      title: rand.pick(PETITION_TITLES),
      place,
      org: state === 'REGISTERED' ? null : opts.clinic ? place.clinic!.id : place.centre.id,
      state,
      registered: opts.registered,
      resolved: opts.resolved ?? null,
    });
  };
  // The 2012 backlog: registered by the end of 2012, not resolved before it.
  const registeredBy2012 = () => between('2008-01-01', '2013-01-01');
  for (let i = 0; i < f.petitionsResolved; i++) {
    const registered = registeredBy2012();
    add({
      clinic: i < f.clinicPetitions,
      registered,
      resolved: between(later(registered, '2012-01-01'), '2013-01-01'),
    });
  }
  for (let i = 0; i < f.petitionBacklog - f.petitionsResolved; i++) {
    const registered = registeredBy2012();
    if (i < 250) add({ clinic: i < 60, registered, resolved: between('2013-01-01', '2014-01-01') });
    else add({ registered, state: i % 3 === 0 ? 'UNRESOLVED' : 'ASSIGNED' });
  }
  // Resolved in 2011, before the project: not in the 2012 backlog.
  for (let i = 0; i < 600; i++) {
    const registered = between('2007-01-01', '2011-06-01');
    add({ registered, resolved: between(later(registered, '2011-01-01'), '2012-01-01') });
  }
  // Registered in 2013, and recently.
  for (let i = 0; i < 220; i++) {
    const registered = between('2013-01-01', '2013-07-01');
    add({ registered, resolved: rand.next() < 0.6 ? between(registered, '2014-01-01') : null });
  }
  const today = chinaDay(now);
  for (let i = 0; i < 90; i++) {
    const registered = chinaDay(now.getTime() - rand.between(5, 300) * DAY);
    const resolved = rand.next() < 0.5 ? between(registered, today) : null;
    add({
      registered,
      resolved,
      clinic: rand.next() < 0.3,
      state: resolved ? 'RESOLVED' : rand.pick(['REGISTERED', 'ASSIGNED']),
    });
  }
  await m.query(
    `INSERT INTO petition_case (title, region_code, organization_id, state, registered_on, resolved_on)
     SELECT * FROM unnest($1::text[], $2::varchar[], $3::uuid[], $4::text[], $5::date[], $6::date[])`,
    columns(rows, [
      (r) => r.title,
      (r) => r.place.region.code,
      (r) => r.org,
      (r) => r.state,
      (r) => r.registered,
      (r) => r.resolved,
    ]),
  );
  return rows.length;
}

/** People served by each legal clinic per month: 2012 to June 2013, and the recent months. */
async function seedClinicTallies(m: EntityManager, rand: Rand, places: Place[], now: Date): Promise<number> {
  const months: string[] = [];
  for (let i = 0; i < 18; i++)
    months.push(`${2012 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
  const today = chinaDay(now);
  const [year, month] = today.split('-').map(Number);
  for (let k = 9; k >= 0; k--) {
    const d = new Date(Date.UTC(year, month - 1 - k, 1));
    months.push(d.toISOString().slice(0, 10));
  }
  const rows: [string, string, string, number][] = [];
  for (const p of places.filter((x) => x.clinic))
    for (const mo of new Set(months)) rows.push([p.clinic!.id, p.region.path, mo, rand.between(12, 38)]);
  await m.query(
    `INSERT INTO legal_clinic_service (organization_id, region_path, month, people_served)
     SELECT * FROM unnest($1::uuid[], $2::ltree[], $3::date[], $4::int[])`,
    columns(
      rows,
      [0, 1, 2, 3].map((k) => (r: (typeof rows)[number]) => r[k]),
    ),
  );
  return rows.length;
}

/**
 * The mediator record of a demo account: named as the account, a member of every mediation organisation in its
 * jurisdiction (the township's committee and centre, its villages' committees).
 */
export async function linkDemoMediator(
  m: EntityManager,
  account: { id: string; displayName: string; jurisdiction: string },
): Promise<void> {
  const [md] = await m.query(
    `INSERT INTO mediator (name, employment, specialities, region_code, user_id)
     VALUES ($1, 'FULL_TIME', '{LAND,NEIGHBOURHOOD}', $2, $3) RETURNING id, region_path::text AS path`,
    [account.displayName, account.jurisdiction, account.id],
  );

  await m.query(
    `INSERT INTO mediator_membership (mediator_id, organization_id, region_path)
     SELECT $1, o.id, $2::ltree FROM mediation_organization o
     WHERE o.region_path <@ $2::ltree AND o.kind IN ('PEOPLES_COMMITTEE', 'COORDINATION_CENTRE')`,
    [md.id, md.path],
  );
}
