import {
  chinaDay,
  INDUSTRIES,
  INDUSTRY_LABELS,
  type DisputeType,
  type Industry,
  type OrganizationKind,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { insertRows, rowsTable, type RowOf, type SeededRandom } from '../../common/seed-kit';
import { GIVEN, PARTNER_UNIVERSITIES, SURNAMES, TYPE_WEIGHTS } from './mediation.seed-data';

/**
 * The mediation organisations of the demo regions, their mediators and the places their cases come from; the
 * legal clinics' monthly tallies.
 */

const EXAMPLE = '（示例）';
export const CITY = '230100';
/** The six urban districts that have industry committees besides the city: 6 + 6 × 6 = 42 (the article's). */
const INDUSTRY_DISTRICTS = ['230102', '230103', '230104', '230108', '230109', '230110'];

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  path: string;
  households: number;
}

/** The demo regions as the seed reads them once. */
export interface DemoTree {
  byCode: Map<string, RegionInfo>;
  city: RegionInfo;
  districts: RegionInfo[];
  towns: RegionInfo[];
  /** Communities and villages: where disputes are registered. */
  units: RegionInfo[];
  childrenOf: Map<string, RegionInfo[]>;
}

export function demoTree(regions: RegionInfo[]): DemoTree | null {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const ofLevel = (...levels: string[]) => regions.filter((r) => levels.includes(r.level));
  const units = ofLevel('COMMUNITY', 'VILLAGE');
  const city = byCode.get(CITY);
  if (!city || !units.length) return null;
  const childrenOf = new Map<string, RegionInfo[]>();
  for (const r of regions) {
    if (!r.parentCode) continue;
    const list = childrenOf.get(r.parentCode) ?? [];
    list.push(r);
    childrenOf.set(r.parentCode, list);
  }
  return {
    byCode,
    city,
    districts: ofLevel('DISTRICT', 'COUNTY', 'COUNTY_CITY'),
    towns: ofLevel('STREET', 'TOWNSHIP'),
    units,
    childrenOf,
  };
}

export interface Org {
  id: string;
  kind: OrganizationKind;
  industry: Industry | null;
  name: string;
  regionCode: string;
  partnerUniversity: string | null;
}

export interface Person {
  id: string;
  name: string;
}

/** A community or village, with what handles its disputes. */
export interface Place {
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

export interface Organizations {
  all: Org[];
  centreOf: Map<string, Org>;
  committeeOf: Map<string, Org>;
  clinicOf: Map<string, Org>;
}

/** `上红社区居委会` → `上红社区` + suffix; the （示例） marker of generated places stays at the end. */
export function placeName(regionName: string, suffix: string): string {
  const marker = regionName.endsWith(EXAMPLE) ? EXAMPLE : '';
  const core = regionName.slice(0, regionName.length - marker.length).replace(/(居委会|村委会)$/, '');
  return `${core}${suffix}${marker}`;
}

const ORGANIZATIONS = rowsTable('mediation_organization', {
  id: 'uuid',
  kind: 'text',
  industry: 'text',
  name: 'text',
  regionCode: 'varchar',
  partnerUniversity: 'text',
});

/**
 * The city's association and industry committees, the six urban districts' industry committees, a coordination
 * centre per district and town, a people's committee per town and place, and a legal clinic per community.
 */
export async function seedOrganizations(
  m: EntityManager,
  rand: SeededRandom,
  newId: () => string,
  tree: DemoTree,
): Promise<Organizations> {
  const all: Org[] = [];
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
    all.push(o);
    return o;
  };
  const industries = (region: RegionInfo, prefix: string) => {
    for (const industry of INDUSTRIES)
      org('INDUSTRY_COMMITTEE', region, `${prefix}${INDUSTRY_LABELS[industry].zh}人民调解委员会`, {
        industry,
      });
  };
  org('MEDIATORS_ASSOCIATION', tree.city, '哈尔滨市人民调解员协会');
  industries(tree.city, '哈尔滨市');
  for (const code of INDUSTRY_DISTRICTS) {
    const d = tree.byCode.get(code);
    if (d) industries(d, d.name);
  }
  const byRegion = (kind: OrganizationKind, regions: RegionInfo[], suffix: string) =>
    new Map(regions.map((r) => [r.code, org(kind, r, placeName(r.name, suffix))]));
  const centreOf = byRegion('COORDINATION_CENTRE', [...tree.districts, ...tree.towns], '大调解协调中心');
  const committeeOf = byRegion('PEOPLES_COMMITTEE', [...tree.towns, ...tree.units], '人民调解委员会');
  // One clinic per demo community (109 of the article's 174: as many as there are communities).
  const universities = rand.shuffle([...PARTNER_UNIVERSITIES]);
  const clinicOf = new Map(
    tree.units
      .filter((r) => r.level === 'COMMUNITY')
      .map((r, i) => [
        r.code,
        org('LEGAL_CLINIC', r, placeName(r.name, '法律诊所'), {
          partnerUniversity: universities[i % universities.length],
        }),
      ]),
  );
  await insertRows(m, ORGANIZATIONS, all);
  return { all, centreOf, committeeOf, clinicOf };
}

const INDUSTRY_TYPES: Record<Industry, DisputeType[]> = {
  LABOUR_PERSONNEL: ['LABOUR'],
  ROAD_TRAFFIC: ['TRAFFIC_ACCIDENT', 'INSURANCE'],
  WOMENS_LABOUR: ['LABOUR', 'MARRIAGE_FAMILY'],
  PUBLIC_ORDER: ['PUBLIC_ORDER', 'NEIGHBOURHOOD'],
  PROPERTY_MANAGEMENT: ['PROPERTY_MANAGEMENT'],
  INSURANCE: ['INSURANCE', 'TRAFFIC_ACCIDENT'],
};

const MEDIATORS = rowsTable('mediator', {
  id: 'uuid',
  name: 'text',
  employment: 'text',
  specialities: 'text[]',
  qualifications: 'jsonb',
  trainings: 'jsonb',
  regionCode: 'varchar',
});
type MediatorRow = RowOf<typeof MEDIATORS.columns> & {
  id: string;
  regionPath: string;
  organizationId: string;
};
const MEMBERSHIPS = rowsTable('mediator_membership', {
  mediatorId: 'uuid',
  organizationId: 'uuid',
  regionPath: 'ltree',
});

/** Each organisation's mediators, members of the organisation that recruited them; the members by organisation. */
export async function seedMediators(
  m: EntityManager,
  rand: SeededRandom,
  newId: () => string,
  tree: DemoTree,
  orgs: Org[],
): Promise<{ count: number; membersOf: Map<string, Person[]> }> {
  const rows: MediatorRow[] = [];
  const membersOf = new Map<string, Person[]>();
  const twoTypes = (kind: 'COMMUNITY' | 'VILLAGE') => () => {
    const first = rand.weighted(TYPE_WEIGHTS[kind]);
    let second = rand.weighted(TYPE_WEIGHTS[kind]);
    if (second === first) second = 'NEIGHBOURHOOD' === first ? 'MARRIAGE_FAMILY' : 'NEIGHBOURHOOD';
    return [first, second];
  };
  const recruit = (
    o: Org,
    count: number,
    fullTime: number,
    specialities: () => DisputeType[],
    name?: string,
  ) => {
    const region = tree.byCode.get(o.regionCode)!;
    const district = tree.byCode.get(o.regionCode.slice(0, 6)) ?? tree.city;
    const clinic = o.kind === 'LEGAL_CLINIC';
    const members: Person[] = [];
    for (let i = 0; i < count; i++) {
      const person = {
        id: newId(),
        name: i === 0 && name ? name : `${rand.pick(SURNAMES)}${rand.pick(GIVEN)}`,
      };
      rows.push({
        ...person,
        employment: i < fullTime ? 'FULL_TIME' : 'PART_TIME',
        specialities: specialities(),
        qualifications: [
          clinic
            ? {
                title: '法律职业资格证书',
                issuedBy: '中华人民共和国司法部',
                obtainedOn: `${rand.between(2002, 2011)}-09-15`,
              }
            : {
                title: '人民调解员证',
                issuedBy: `${district.name}司法局`,
                obtainedOn: `${rand.between(2003, 2011)}-${pad(rand.between(1, 12))}-10`,
              },
        ],
        trainings: [
          {
            title: clinic ? '社区法律诊所调解技能培训' : '人民调解员业务培训',
            completedOn: `2012-${pad(rand.between(3, 11))}-${pad(rand.between(1, 28))}`,
            hours: rand.pick([8, 16, 24, 40]),
          },
        ],
        regionCode: region.code,
        regionPath: region.path,
        organizationId: o.id,
      });
      members.push(person);
    }
    membersOf.set(o.id, members);
  };
  for (const o of orgs) {
    const level = tree.byCode.get(o.regionCode)!.level;
    if (o.kind === 'PEOPLES_COMMITTEE' && (level === 'COMMUNITY' || level === 'VILLAGE')) {
      // 敖亚斌, party secretary of 双金村, heads its mediation committee (the article's story).
      const head = o.regionCode === '230129100204' ? '敖亚斌' : undefined;
      recruit(o, 3, level === 'COMMUNITY' ? 1 : 0, twoTypes(level), head);
    } else if (o.kind === 'PEOPLES_COMMITTEE')
      recruit(o, 4, 2, twoTypes(level === 'STREET' ? 'COMMUNITY' : 'VILLAGE'));
    else if (o.kind === 'COORDINATION_CENTRE') recruit(o, 2, 2, () => ['LAND', 'LABOUR']);
    else if (o.kind === 'INDUSTRY_COMMITTEE') recruit(o, 3, 2, () => INDUSTRY_TYPES[o.industry!]);
    else if (o.kind === 'LEGAL_CLINIC')
      recruit(o, 2, 0, () => rand.shuffle<DisputeType>(['LABOUR', 'DEBT', 'MARRIAGE_FAMILY']).slice(0, 2));
  }
  await insertRows(m, MEDIATORS, rows);
  await insertRows(
    m,
    MEMBERSHIPS,
    rows.map((r) => ({ ...r, mediatorId: r.id })),
  );
  return { count: rows.length, membersOf };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The communities and villages, each with its committee, centre, clinic and their mediators. */
export function placesOf(tree: DemoTree, orgs: Organizations, membersOf: Map<string, Person[]>): Place[] {
  return tree.units.map((region) => {
    const committee = orgs.committeeOf.get(region.code)!;
    const clinic = orgs.clinicOf.get(region.code) ?? null;
    const below = tree.childrenOf.get(region.code) ?? [];
    return {
      region,
      kind: region.level as 'COMMUNITY' | 'VILLAGE',
      grids: below.filter((r) => r.level === 'GRID').map((r) => r.code),
      hamlets: below.filter((r) => r.level === 'HAMLET').map((r) => r.code),
      committee,
      centre: orgs.centreOf.get(region.parentCode!)!,
      clinic,
      mediators: membersOf.get(committee.id)!,
      clinicMediators: clinic ? membersOf.get(clinic.id)! : [],
    };
  });
}

const CLINIC_TALLIES = rowsTable('legal_clinic_service', {
  organizationId: 'uuid',
  regionPath: 'ltree',
  month: 'date',
  peopleServed: 'int',
});

/** People served by each legal clinic per month: 2012 to June 2013, and the recent months. */
export async function seedClinicTallies(
  m: EntityManager,
  rand: SeededRandom,
  places: Place[],
  now: Date,
): Promise<number> {
  const months = new Set<string>();
  for (let i = 0; i < 18; i++) months.add(`${2012 + Math.floor(i / 12)}-${pad((i % 12) + 1)}-01`);
  const [year, month] = chinaDay(now).split('-').map(Number);
  for (let k = 9; k >= 0; k--)
    months.add(new Date(Date.UTC(year, month - 1 - k, 1)).toISOString().slice(0, 10));
  const rows = places
    .filter((p) => p.clinic)
    .flatMap((p) =>
      [...months].map((mo) => ({
        organizationId: p.clinic!.id,
        regionPath: p.region.path,
        month: mo,
        peopleServed: rand.between(12, 38),
      })),
    );
  await insertRows(m, CLINIC_TALLIES, rows);
  return rows.length;
}
