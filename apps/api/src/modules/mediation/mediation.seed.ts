import { chinaDay } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionsIn } from '../region/region.snapshot';
import { seededRandom, seededUuids } from '../../common/seed-kit';
import { demoRegions } from '../region/region.seed';
import { insertCases, type PlayedCase } from './dispute-case.life';
import { caseSpecs, playCase } from './dispute-case.seed';
import { storyCase } from './dispute-case.story';
import {
  demoTree,
  placesOf,
  seedClinicTallies,
  seedMediators,
  seedOrganizations,
  type RegionInfo,
} from './organization.seed';
import { insertMeetings, planMeetings } from './meeting.seed';
import { seedPetitions } from './petition.seed';

export { MEDIATION_SEED_FIGURES } from './mediation.seed-data';
export { placeName } from './organization.seed';

/**
 * Demo data for grand mediation (大调解), shaped on the 2013 Heilongjiang Daily report: the organisations of
 * the demo regions, their mediators, dispute cases with their timelines, petition backlog cases and
 * legal-clinic tallies. The 2012 figures are the article's exactly: 10,368 cases accepted, 9,917 mediated
 * (95.7%); petition backlog resolution 80%; 1,381 disputes mediated and 886 petitions handled by legal clinics.
 * Deterministic (fixed seeds, ids included), except that the recent cases are dated back from `now`.
 * Set-based (the seed kit): one statement per table, never one per row. Every case's life is played through
 * the domain's machine, so its state, version, deadline and timeline are those the API would have left.
 */

export interface MediationSeedResult {
  organizations: number;
  mediators: number;
  cases: number;
  events: number;
  meetings: number;
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
  const newId = seededUuids(seed + 1);
  const demo = new Set(demoRegions().map((r) => r.code));
  const regions: RegionInfo[] = (await regionsIn(m))
    .filter((r) => demo.has(r.code))
    .map(({ code, name, level, parentCode, path, households }) => ({
      ...{ code, name, level, parentCode, path },
      households: households ?? 0,
    }));
  const tree = demoTree(regions);
  if (!tree)
    return summary(
      { organizations: 0, mediators: 0, events: 0, meetings: 0, petitions: 0, clinicTallies: 0 },
      [],
    );

  const orgs = await seedOrganizations(m, rand, newId, tree);
  const mediators = await seedMediators(m, rand, newId, tree, orgs.all);
  const places = placesOf(tree, orgs, mediators.membersOf);
  const pickPlace = rand.chooser(places.map((p) => [p, Math.max(p.region.households, 300)] as const));

  const specs = caseSpecs(rand, pickPlace, now);
  const story = storyCase(tree, orgs, mediators.membersOf, newId, now);
  const cases: PlayedCase[] = story ? [story] : [];
  for (const spec of specs) cases.push(playCase(rand, spec, now, newId()));
  const centres = new Map(orgs.all.filter((o) => o.kind === 'COORDINATION_CENTRE').map((o) => [o.id, o]));
  // Their own generators: the meetings come after the cases and change none of their draws.
  const meetings = planMeetings(seededRandom(seed + 2), seededUuids(seed + 3), tree, centres, cases, now);
  const events = await insertCases(m, cases);
  await insertMeetings(m, meetings);

  const petitions = await seedPetitions(m, rand, places, pickPlace, now);
  const clinicTallies = await seedClinicTallies(m, rand, places, now);
  return summary(
    {
      organizations: orgs.all.length,
      mediators: mediators.count,
      events,
      meetings: meetings.length,
      petitions,
      clinicTallies,
    },
    cases,
  );
}

function summary(
  counts: Omit<MediationSeedResult, 'cases' | 'casesByYear' | 'casesByState'>,
  cases: readonly PlayedCase[],
): MediationSeedResult {
  const casesByYear: Record<string, number> = {};
  const casesByState: Record<string, number> = {};
  for (const { row } of cases) {
    const year = chinaDay(row.acceptedAt ?? row.receivedAt).slice(0, 4);
    casesByYear[year] = (casesByYear[year] ?? 0) + 1;
    casesByState[row.state] = (casesByState[row.state] ?? 0) + 1;
  }
  return { ...counts, cases: cases.length, casesByYear, casesByState };
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
