import {
  chinaDay,
  COMMUNITY_FUNCTIONS,
  makeIdNumber,
  maskIdNumber,
  POI_CATEGORIES,
  POI_CATEGORY_LABELS,
  type FormSchema,
  type ServiceApplicationState,
  type WorkCalendar,
  whyIneligible,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionsIn } from '../region/region.snapshot';
import type { ModuleServices } from '../../common/module';
import type { PersonalDataCipher } from '../../common/personal-data';
import {
  insertRows,
  rowsTable,
  seededRandom,
  TIMELINE_COLUMNS,
  timelineColumns,
  seededUuids,
  type SeededRandom,
} from '../../common/seed-kit';
import {
  completion,
  playApplication,
  submittedApplication,
  type ApplicationRow,
  type ApplicationStep,
} from './service-application.life';
import {
  CENTRAL_COMMUNITIES,
  COMMUNITY_ITEMS,
  generatedItems,
  POI_NAMES,
  POLICIES,
  policyBody,
  SENIOR_CARD,
  SHANGHONG,
  SHANGHONG_ITEMS,
  SHANGHONG_LOCATION,
  TONGJIANG_STREET,
  VILLAGE_ITEMS,
  type SeedItem,
} from './service.seed-data';
import { loadWorkCalendar } from './work-calendar.service';

const SEED = 20130601;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Applications per community or village with residents, and at 上红社区, over the last year. */
const APPLICATIONS = { perPlace: 9, shanghong: 240, days: 365 };
const SLOT_TIMES = [
  ['09:00', '10:00'],
  ['10:00', '11:00'],
  ['14:00', '15:00'],
  ['15:00', '16:00'],
] as const;

interface Place {
  code: string;
  level: string;
  parentCode: string;
}

/**
 * The public-service demo data (see service.seed-data.ts): policies, the catalogue and its offerings, 73 central
 * communities with their satellites, the convenience map of 上红社区, slots and applications played through the
 * domain's machine up to now. Set-based inserts; a few seconds.
 */
export async function seedServices(
  m: EntityManager,
  cipher: PersonalDataCipher,
  services: Pick<ModuleServices, 'residents'>,
  now = new Date(),
) {
  const rand = seededRandom(SEED);
  const places: Place[] = (await regionsIn(m))
    .filter((r) => (r.level === 'COMMUNITY' || r.level === 'VILLAGE') && r.validTo == null)
    .map((r) => ({ code: r.code, level: r.level, parentCode: r.parentCode! }));
  const communities = places.filter((p) => p.level === 'COMMUNITY');
  const villages = places.filter((p) => p.level === 'VILLAGE');
  if (!communities.some((c) => c.code === SHANGHONG)) return null;

  const policyIds = await seedPolicies(m);
  const streetItems = generatedItems('JD-TJ', 232, 0);
  const ownItems = generatedItems('SQ-SH', SHANGHONG_ITEMS - COMMUNITY_ITEMS.length - 232, 232);
  const itemIds = await seedItems(m, policyIds, [
    ...COMMUNITY_ITEMS.map((item) => ({ item, regionCode: '230100' })),
    ...VILLAGE_ITEMS.map((item) => ({ item, regionCode: '230100' })),
    ...streetItems.map((item) => ({ item, regionCode: TONGJIANG_STREET })),
    ...ownItems.map((item) => ({ item, regionCode: SHANGHONG })),
  ]);
  const offerings = [
    ...COMMUNITY_ITEMS.flatMap((i) =>
      communities.map((c) => ({ itemId: itemIds.get(i.code)!, regionCode: c.code })),
    ),
    ...VILLAGE_ITEMS.flatMap((i) =>
      villages.map((v) => ({ itemId: itemIds.get(i.code)!, regionCode: v.code })),
    ),
    ...streetItems.map((i) => ({ itemId: itemIds.get(i.code)!, regionCode: TONGJIANG_STREET })),
    ...ownItems.map((i) => ({ itemId: itemIds.get(i.code)!, regionCode: SHANGHONG })),
  ];
  await insertRows(m, rowsTable('service_offering', { itemId: 'uuid', regionCode: 'varchar' }), offerings);

  const locations = await communityLocations(m, communities);
  const profiles = await seedProfiles(m, rand, communities, locations);
  const points = await seedPoints(m, rand, profiles.mapped, locations);
  const catalogue = (place: Place): SeedItem[] =>
    place.level === 'VILLAGE'
      ? VILLAGE_ITEMS
      : place.code === SHANGHONG
        ? [...COMMUNITY_ITEMS, ...streetItems, ...ownItems]
        : COMMUNITY_ITEMS;
  const applications = await seedApplications(m, cipher, services, rand, {
    places,
    catalogue,
    itemIds,
    now,
    calendar: await loadWorkCalendar(m),
  });
  return {
    policies: policyIds.size,
    items: itemIds.size,
    offerings: offerings.length,
    profiles: { central: profiles.central, satellites: profiles.satellites },
    points,
    ...applications,
  };
}

async function seedPolicies(m: EntityManager): Promise<Map<string, string>> {
  const governed = (title: string) => COMMUNITY_ITEMS.filter((i) => i.policy === title).map((i) => i.name);
  const rows = (await insertRows(
    m,
    rowsTable('policy', {
      title: 'text',
      body: 'text',
      category: 'text',
      issuingBody: 'text',
      effectiveFrom: 'date',
      regionCode: 'varchar',
    }),
    POLICIES.map((p) => ({
      title: p.title,
      body: policyBody(p.title, governed(p.title)),
      category: p.category,
      issuingBody: p.issuingBody,
      effectiveFrom: p.from,
      regionCode: SHANGHONG,
    })),
    'RETURNING id, title',
  )) as { id: string; title: string }[];
  return new Map(rows.map((r) => [r.title, r.id]));
}

async function seedItems(
  m: EntityManager,
  policyIds: Map<string, string>,
  items: { item: SeedItem; regionCode: string }[],
): Promise<Map<string, string>> {
  const rows = (await insertRows(
    m,
    rowsTable('service_item', {
      code: 'text',
      name: 'text',
      category: 'text',
      servicePoint: 'text',
      eligibleTags: 'text[]',
      minAge: 'int',
      eligibility: 'text',
      materials: 'jsonb',
      formSchema: 'jsonb',
      onSite: 'boolean',
      timeLimitDays: 'int',
      policyId: 'uuid',
      regionCode: 'varchar',
    }),
    items.map(({ item, regionCode }) => ({
      ...item,
      eligibleTags: item.eligibleTags ?? [],
      minAge: item.minAge ?? null,
      eligibility: item.eligibility ?? '',
      policyId: item.policy ? policyIds.get(item.policy)! : null,
      regionCode,
    })),
    'RETURNING id, code',
  )) as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** 73 central communities (上红社区 among them, the first of each street too); the others are their satellites. */
type LatLng = { lat: number; lng: number };
const METRES_PER_DEGREE = 111_195;

/** The point `distance` metres from `centre` towards `bearing` (radians from north), on a small patch of earth. */
function offset(centre: LatLng, distance: number, bearing: number): LatLng {
  return {
    lat: centre.lat + (distance * Math.cos(bearing)) / METRES_PER_DEGREE,
    lng:
      centre.lng +
      (distance * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180)),
  };
}

/** How far from its district's centroid a demo community may lie: inside the district, around its middle. */
const DISTRICT_RADIUS_M = 6000;

/**
 * Every community's map location: 上红社区's own, the others within DISTRICT_RADIUS_M of their district's centroid,
 * drawn from a generator seeded by the community's code (the same point on every run, whatever else is seeded).
 * Communities of a district without a centroid (an import without them) have none.
 */
async function communityLocations(m: EntityManager, communities: Place[]): Promise<Map<string, LatLng>> {
  const districts = new Set(communities.map((c) => c.code.slice(0, 6)));
  const centroids = new Map<string, LatLng>(
    (await regionsIn(m))
      .filter((r) => districts.has(r.code) && r.centroidLat != null)
      .map((r) => [r.code, { lat: r.centroidLat!, lng: r.centroidLng! }]),
  );
  const located = new Map<string, LatLng>([[SHANGHONG, SHANGHONG_LOCATION]]);
  for (const c of communities) {
    const centre = centroids.get(c.code.slice(0, 6));
    if (!centre || located.has(c.code)) continue;
    const own = seededRandom(Number(c.code) % 2_147_483_647);
    located.set(c.code, offset(centre, DISTRICT_RADIUS_M * Math.sqrt(own.next()), own.next() * 2 * Math.PI));
  }
  return located;
}

async function seedProfiles(
  m: EntityManager,
  rand: SeededRandom,
  communities: Place[],
  locations: Map<string, LatLng>,
) {
  const firstOfStreet = new Map<string, string>();
  for (const c of communities) if (!firstOfStreet.has(c.parentCode)) firstOfStreet.set(c.parentCode, c.code);
  const firsts = new Set(firstOfStreet.values());
  const others = rand.shuffle(communities.filter((c) => !firsts.has(c.code)));
  const central = new Set([
    ...firsts,
    ...others.slice(0, Math.max(0, CENTRAL_COMMUNITIES - firsts.size)).map((c) => c.code),
  ]);
  const article = COMMUNITY_FUNCTIONS.slice(0, 5);
  const rows = communities.map((c) => {
    const isCentral = central.has(c.code);
    const extra = rand.shuffle(COMMUNITY_FUNCTIONS.slice(5)).slice(0, rand.between(1, 5));
    const shanghong = c.code === SHANGHONG;
    return {
      regionCode: c.code,
      kind: isCentral ? 'CENTRAL' : 'ORDINARY',
      centralCode: isCentral ? null : firstOfStreet.get(c.parentCode)!,
      serviceAreaM2: isCentral ? (shanghong ? 2400 : rand.between(1000, 3600)) : rand.between(150, 900),
      functions: shanghong
        ? [...COMMUNITY_FUNCTIONS]
        : isCentral
          ? [...article, ...extra]
          : extra.slice(0, 2),
      openingHours: '周一至周五 8:30–17:00；周六 9:00–12:00；网上办理全天候24小时',
      officePhone: `0451-8${String(rand.between(4000000, 8999999))}`,
      lat: locations.get(c.code)?.lat ?? null,
      lng: locations.get(c.code)?.lng ?? null,
    };
  });
  // Centrals first: a satellite points at a row that exists.
  rows.sort((a, b) =>
    a.kind === b.kind ? a.regionCode.localeCompare(b.regionCode) : a.kind === 'CENTRAL' ? -1 : 1,
  );
  await insertRows(
    m,
    rowsTable('community_profile', {
      regionCode: 'varchar',
      kind: 'text',
      centralCode: 'varchar',
      serviceAreaM2: 'int',
      functions: 'text[]',
      openingHours: 'text',
      officePhone: 'text',
      lat: 'numeric',
      lng: 'numeric',
    }),
    rows,
  );
  // The first central community of each district beside 上红社区 gets a convenience map of its own too.
  const mapped = new Map<string, string>();
  for (const c of communities)
    if (
      central.has(c.code) &&
      c.code !== SHANGHONG &&
      locations.has(c.code) &&
      !mapped.has(c.code.slice(0, 6))
    )
      mapped.set(c.code.slice(0, 6), c.code);
  return { central: central.size, satellites: rows.length - central.size, mapped: [...mapped.values()] };
}

/**
 * The convenience maps: each category's points within about 1,400 m of 上红社区 (some beyond the 1,000 m circle),
 * and one or two of each category near a few other central communities (from a generator of their own, so
 * 上红社区's map and the rest of the seed stay as they were).
 */
async function seedPoints(
  m: EntityManager,
  rand: SeededRandom,
  others: readonly string[],
  locations: Map<string, LatLng>,
) {
  const point = (r: SeededRandom, centre: LatLng) =>
    offset(centre, 80 + r.next() * 1320, r.next() * 2 * Math.PI);
  const hours = (category: string) => (category === 'BUS_STOP' ? '5:30–22:00' : '8:00–20:00');
  const rows = POI_CATEGORIES.flatMap((category) =>
    POI_NAMES[category].map((name) => ({
      category,
      name: `${name}（示例）`,
      ...point(rand, SHANGHONG_LOCATION),
      address: `道里区${rand.pick(['中医街', '通江街', '西十二道街', '友谊路', '尚志大街'])}${rand.between(1, 200)}号`,
      openingHours: hours(category),
      regionCode: SHANGHONG,
    })),
  );
  const own = seededRandom(SEED + 1);
  for (const code of others)
    for (const category of POI_CATEGORIES)
      for (let k = 1, n = own.between(1, 2); k <= n; k++)
        rows.push({
          category,
          name: `${POI_CATEGORY_LABELS[category].zh}${k}（示例）`,
          ...point(own, locations.get(code)!),
          address: `示例路${own.between(1, 200)}号`,
          openingHours: hours(category),
          regionCode: code,
        });
  await insertRows(
    m,
    rowsTable('point_of_interest', {
      category: 'text',
      name: 'text',
      address: 'text',
      lat: 'numeric',
      lng: 'numeric',
      openingHours: 'text',
      regionCode: 'varchar',
    }),
    rows,
  );
  return rows.length;
}

/** A valid answer for every field of a form (the seed's answers pass the API's own check). */
export function sampleAnswers(form: FormSchema, rand: SeededRandom, before: Date): Record<string, unknown> {
  return Object.fromEntries(
    form.fields.map((f) => {
      switch (f.type) {
        case 'TEXT':
          return [f.key, '（示例）本人申请，材料齐全'];
        case 'NUMBER': {
          const min = f.min ?? 0;
          const max = f.max ?? min + 100;
          return [f.key, rand.between(Math.ceil(min), Math.floor(Math.min(max, min + 50)))];
        }
        case 'DATE':
          return [f.key, new Date(before.getTime() - rand.between(2, 30) * DAY).toISOString().slice(0, 10)];
        case 'CHOICE':
          return [f.key, rand.pick(f.options)];
        case 'YES_NO':
          return [f.key, rand.next() < 0.7];
      }
    }),
  );
}

/** A moment during office hours in Harbin (08:30–16:30), `days` after `from`'s day. */
function officeTime(from: Date, days: number, rand: SeededRandom): Date {
  const day = Math.floor((from.getTime() + 8 * HOUR) / DAY) + days;
  return new Date(day * DAY - 8 * HOUR + 8.5 * HOUR + rand.between(0, 8 * 60) * 60_000);
}

async function seedApplications(
  m: EntityManager,
  cipher: PersonalDataCipher,
  services: Pick<ModuleServices, 'residents'>,
  rand: SeededRandom,
  opts: {
    places: Place[];
    catalogue: (p: Place) => SeedItem[];
    itemIds: Map<string, string>;
    now: Date;
    calendar: WorkCalendar;
  },
) {
  const residents = await services.residents.forSeed(m);
  const byPlace = new Map<string, typeof residents>();
  for (const r of residents) {
    const place = r.path.split('.')[3];
    if (place) byPlace.set(place, [...(byPlace.get(place) ?? []), r]);
  }
  const uuid = seededUuids(SEED);
  const slots = new Map<
    string,
    { id: string; regionCode: string; day: string; startsAt: string; endsAt: string }
  >();
  const slotFor = (regionCode: string, at: Date, k: number) => {
    const day = new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const [startsAt, endsAt] = SLOT_TIMES[k % SLOT_TIMES.length];
    const key = `${regionCode}|${day}|${startsAt}`;
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { id: uuid(), regionCode, day, startsAt, endsAt }));
    return slot;
  };

  const played: { row: ApplicationRow; timeline: ReturnType<typeof playApplication>['timeline'] }[] = [];
  for (const place of opts.places) {
    const people = byPlace.get(place.code);
    if (!people?.length) continue;
    const items = opts.catalogue(place);
    const count = place.code === SHANGHONG ? APPLICATIONS.shanghong : APPLICATIONS.perPlace;
    for (let n = 0; n < count; n++) {
      const item = n % 5 === 0 && place.level === 'COMMUNITY' ? SENIOR_CARD : rand.pick(items);
      const submittedAt = officeTime(opts.now, -rand.between(0, APPLICATIONS.days), rand);
      if (submittedAt > opts.now) continue;
      // Only residents who may apply, as the API checks at submission.
      const rule = { eligibleTags: item.eligibleTags ?? [], minAge: item.minAge ?? null };
      const eligible = people.filter((p) => !whyIneligible(rule, p, chinaDay(submittedAt)));
      if (!eligible.length) continue;
      const acting = item === SENIOR_CARD && rand.next() < 0.4;
      const row: ApplicationRow = submittedApplication({
        id: uuid(),
        itemId: opts.itemIds.get(item.code)!,
        category: item.category,
        regionCode: place.code,
        residentId: rand.pick(eligible).id,
        channel: rand.next() < 0.45 ? 'PORTAL' : 'WINDOW',
        actingName: acting
          ? `${rand.pick(['宋', '王', '李', '张', '刘'])}${rand.pick(['建国', '志强', '丽华', '海涛'])}`
          : null,
        actingRelationship: acting ? rand.pick(['儿子', '女儿', '配偶']) : null,
        answers: sampleAnswers(item.formSchema, rand, submittedAt),
        materials: item.materials.filter((mat) => mat.required).map((mat) => mat.name),
        onSite: item.onSite,
        timeLimitDays: item.timeLimitDays,
        submittedAt,
      });
      if (acting) {
        const idNumber = makeIdNumber(
          '230102',
          `19${rand.between(60, 85)}-0${rand.between(1, 9)}-1${rand.between(0, 9)}`,
          n % 1000,
        );
        row.actingIdNumberEncrypted = cipher.encrypt(idNumber);
        row.actingIdNumberMasked = maskIdNumber(idNumber);
      }
      const steps = planSteps(row, rand, slotFor, opts.calendar);
      const actor = place.level === 'VILLAGE' ? '村便民服务中心' : '社区服务窗口';
      played.push(playApplication(row, steps, opts.now, actor, opts.calendar));
    }
  }
  played.sort((a, b) => a.row.submittedAt.getTime() - b.row.submittedAt.getTime());

  const booked = new Map<string, number>();
  for (const { row } of played) if (row.slotId) booked.set(row.slotId, (booked.get(row.slotId) ?? 0) + 1);
  // Room for the demo's own bookings: the next two weeks of 上红社区's slots.
  for (let d = 1; d <= 14; d++)
    SLOT_TIMES.forEach((_, k) => slotFor(SHANGHONG, officeTime(opts.now, d, rand), k));
  await insertRows(
    m,
    rowsTable('service_slot', {
      id: 'uuid',
      regionCode: 'varchar',
      day: 'date',
      startsAt: 'time',
      endsAt: 'time',
      capacity: 'int',
      booked: 'int',
    }),
    [...slots.values()].map((s) => ({
      ...s,
      booked: booked.get(s.id) ?? 0,
      capacity: Math.max(4, booked.get(s.id) ?? 0),
    })),
  );
  await insertRows(
    m,
    rowsTable(
      'service_application',
      {
        id: 'uuid',
        itemId: 'uuid',
        category: 'text',
        regionCode: 'varchar',
        residentId: 'uuid',
        channel: 'text',
        actingName: 'text',
        actingRelationship: 'text',
        actingIdNumberEncrypted: 'text',
        actingIdNumberMasked: 'text',
        answers: 'jsonb',
        materials: 'text[]',
        state: 'text',
        version: 'int',
        onSite: 'boolean',
        timeLimitDays: 'int',
        submittedAt: 'timestamptz',
        acceptedAt: 'timestamptz',
        dueAt: 'timestamptz',
        completedAt: 'timestamptz',
        endedAt: 'timestamptz',
        slotId: 'uuid',
        appointmentDay: 'date',
        appointmentStartsAt: 'time',
        noShows: 'int',
        handledOnSiteAt: 'timestamptz',
        returnReason: 'text',
        rejectReason: 'text',
        withdrawReason: 'text',
        workingDays: 'int',
        onTime: 'boolean',
      },
      {
        // The API's numbering: BJ, the year of submission in China, then the city-wide sequence in time order.
        number: `'BJ' || to_char(r."submittedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('service_application_number')::text, 6, '0')`,
        createdBy: `'seed'`,
      },
    ),
    played.map((p) => p.row),
  );
  const events = played.flatMap(({ row, timeline }) =>
    timeline.map((e) => ({
      applicationId: row.id,
      ...timelineColumns(e),
    })),
  );
  await insertRows(
    m,
    rowsTable(
      'service_application_event',
      {
        applicationId: 'uuid',
        ...TIMELINE_COLUMNS,
      },
      {
        regionPath: `(SELECT a.region_path FROM service_application a WHERE a.id = r."applicationId")`,
      },
    ),
    events,
  );
  const states: Partial<Record<ServiceApplicationState, number>> = {};
  for (const { row } of played) states[row.state] = (states[row.state] ?? 0) + 1;
  return { applications: played.length, slots: slots.size, events: events.length, states };
}

/**
 * The steps an application will take, in time: most are accepted within a day, booked within three (the
 * article's call-back), handled on the appointment's day and completed; a few are returned for material,
 * rejected, withdrawn, missed or late. Steps after now have not happened yet: those applications are open.
 */
function planSteps(
  a: ApplicationRow,
  rand: SeededRandom,
  slotFor: (
    regionCode: string,
    at: Date,
    k: number,
  ) => { id: string; day: string; startsAt: string; endsAt: string },
  calendar: WorkCalendar,
): ApplicationStep[] {
  const steps: ApplicationStep[] = [];
  const actor = '社区工作人员';
  let t = a.submittedAt;
  let submitted = a.submittedAt;
  // Each step after the one before, during office hours `days` later (the same day: later that day).
  const after = (days: number) => {
    const next = officeTime(t, days, rand);
    return (t = next > t ? next : new Date(t.getTime() + 15 * 60_000));
  };
  const fate = rand.next();
  if (fate < 0.04) {
    steps.push({ command: 'reject', at: after(1), actor, details: { reason: '不符合申请条件' } });
    return steps;
  }
  if (fate < 0.12) {
    steps.push({
      command: 'returnForMaterial',
      at: after(1),
      actor,
      details: { missing: ['户口簿'], note: null },
    });
    submitted = after(rand.between(2, 6));
    steps.push({ command: 'resubmit', at: submitted, actor, details: { materials: a.materials } });
  }
  steps.push({ command: 'accept', at: after(rand.between(0, 1)), actor, details: { note: null } });
  const withdrawAt = fate > 0.96 ? rand.between(0, 2) : -1;
  if (a.onSite) {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (withdrawAt === attempt) {
        steps.push({ command: 'withdraw', at: after(1), actor, details: { reason: '申请人撤回' } });
        return steps;
      }
      const booking = after(rand.between(0, 2));
      const slot = slotFor(a.regionCode, officeTime(booking, rand.between(1, 5), rand), rand.between(0, 3));
      steps.push({
        command: 'bookAppointment',
        at: booking,
        actor,
        details: { slotId: slot.id, day: slot.day, startsAt: slot.startsAt, endsAt: slot.endsAt },
      });
      const visit = new Date(`${slot.day}T${slot.startsAt}:00+08:00`);
      if (attempt === 0 && rand.next() < 0.06) {
        t = new Date(visit.getTime() + 8 * HOUR);
        steps.push({ command: 'recordNoShow', at: t, actor, details: { day: slot.day } });
        continue;
      }
      t = new Date(visit.getTime() + 20 * 60_000);
      steps.push({ command: 'handleOnSite', at: t, actor, details: { note: null } });
      break;
    }
    if (steps.at(-1)?.command !== 'handleOnSite') return steps;
  } else if (withdrawAt >= 0) {
    steps.push({ command: 'withdraw', at: after(1), actor, details: { reason: '申请人撤回' } });
    return steps;
  }
  const late = rand.next() < 0.08;
  const done = after(
    late ? a.timeLimitDays + 4 : rand.between(0, Math.max(1, Math.floor(a.timeLimitDays / 2))),
  );
  steps.push({
    command: 'complete',
    at: done,
    actor,
    details: completion({ ...a, submittedAt: submitted }, done, calendar),
  });
  return steps;
}
