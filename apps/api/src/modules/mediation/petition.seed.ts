import { chinaDay, type PetitionCaseState } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { insertRows, rowsTable, type SeededRandom } from '../../common/seed-kit';
import { MEDIATION_SEED_FIGURES, PETITION_TITLES } from './mediation.seed-data';
import type { Place } from './organization.seed';

const DAY = 24 * 3600_000;

const PETITIONS = rowsTable('petition_case', {
  title: 'text',
  regionCode: 'varchar',
  organizationId: 'uuid',
  state: 'text',
  registeredOn: 'date',
  resolvedOn: 'date',
});

/**
 * Petition backlog cases (信访积案): the 2012 backlog is 2,000 cases, 1,600 of them resolved in 2012 (80%),
 * 886 of those by legal clinics; besides, cases resolved before 2012, registered in 2013 and recently.
 */
export async function seedPetitions(
  m: EntityManager,
  rand: SeededRandom,
  places: Place[],
  pickPlace: () => Place,
  now: Date,
): Promise<number> {
  const f = MEDIATION_SEED_FIGURES;
  const rows: {
    title: string;
    regionCode: string;
    organizationId: string | null;
    state: PetitionCaseState;
    registeredOn: string;
    resolvedOn: string | null;
  }[] = [];
  // Calendar days as UTC midnights: `between(a, b)` is a day from a (included) to b (excluded).
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const between = (from: string, to: string) => {
    const days = Math.max(1, (Date.parse(to) - Date.parse(from)) / DAY);
    return iso(Date.parse(from) + Math.floor(rand.next() * days) * DAY);
  };
  const later = (a: string, b: string) => (a > b ? a : b);
  const communities = places.filter((p) => p.clinic);
  const add = (opts: {
    clinic?: boolean;
    registered: string;
    resolved?: string | null;
    state?: PetitionCaseState;
  }) => {
    const place = opts.clinic ? rand.pick(communities) : pickPlace();
    const state = opts.state ?? (opts.resolved ? 'RESOLVED' : 'ASSIGNED');
    rows.push({
      title: rand.pick(PETITION_TITLES),
      regionCode: place.region.code,
      organizationId: state === 'REGISTERED' ? null : opts.clinic ? place.clinic!.id : place.centre.id,
      state,
      registeredOn: opts.registered,
      resolvedOn: opts.resolved ?? null,
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
      state: resolved ? 'RESOLVED' : rand.pick(['REGISTERED', 'ASSIGNED'] as const),
    });
  }
  await insertRows(m, PETITIONS, rows);
  return rows.length;
}
