import {
  chinaDay,
  onTimeRate,
  SERVICE_APPLICATION_MACHINE,
  type FormSchema,
  type ServiceApplicationState,
} from '@qiangji/domain';
import { validateFormAnswers } from '@qiangji/domain/forms';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { CENTRAL_COMMUNITIES, SHANGHONG, SHANGHONG_ITEMS, SHANGHONG_POLICIES } from './service.seed-data';

describe('the public-service demo data', () => {
  let app: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    // A copy of the run's seeded demo; the first file to ask seeds it (on a busy machine, a minute and more).
    app = await startTestApp({}, { seeded: true });
    admin = await app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: '230100' });
  }, 180_000);
  afterAll(() => app.close());

  const total = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await admin.gql<Record<string, { totalCount: number }>>(query, variables);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0].totalCount;
  };

  it('when the villages’ centres are counted, then they offer 33 items in 10 categories, house-building approval among them', async () => {
    const [row] = await app.db.query(
      `SELECT count(*)::int AS items, count(DISTINCT category)::int AS categories,
         bool_or(name = '农村建房审批') AS building FROM service_item WHERE service_point = 'VILLAGE_CENTRE'`,
    );
    expect(row).toEqual({ items: 33, categories: 10, building: true });
    const [village] = await app.db.query(
      `SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1`,
    );
    expect(
      await total(`query($c: String) { serviceItems(filter: { offeredAt: $c }) { totalCount } }`, {
        c: village.code,
      }),
    ).toBe(33);
  });

  it('when 上红社区’s catalogue is read, then it lists 540 items with the ones the article names', async () => {
    expect(
      await total(`query($c: String) { serviceItems(filter: { offeredAt: $c }) { totalCount } }`, {
        c: SHANGHONG,
      }),
    ).toBe(SHANGHONG_ITEMS);
    const names: { name: string }[] = await app.db.query(`SELECT name FROM service_item`);
    for (const part of ['老年证', '最低生活保障', '老龄津贴', '计划生育', '身份证'])
      expect(names.some((n) => n.name.includes(part))).toBe(true);
    const [{ categories }] = await app.db.query(
      `SELECT count(DISTINCT category)::int AS categories FROM service_item`,
    );
    expect(categories).toBeGreaterThanOrEqual(10);
  });

  it('when 上红社区’s public list is read, then it discloses 31 policies, 低保, 计生 and 老龄津贴 among them, as safe HTML', async () => {
    const res = await admin.gql<{
      policies: { totalCount: number; edges: { node: { title: string; bodyHtml: string } }[] };
    }>(
      `query($c: String) { policies(filter: { publishedFor: $c }, first: 50) { totalCount edges { node { title bodyHtml items { name } } } } }`,
      { c: SHANGHONG },
    );
    expect(res.data!.policies.totalCount).toBe(SHANGHONG_POLICIES);
    const titles = res.data!.policies.edges.map((e) => e.node.title).join(' ');
    for (const part of ['最低生活保障', '计划生育', '高龄老人津贴']) expect(titles).toContain(part);
    expect(res.data!.policies.edges[0].node.bodyHtml).toContain('<h2>办事流程</h2>');
  });

  it('when the city’s communities are counted, then 73 are central and the others their satellites, adding up', async () => {
    const res = await admin.gql<{
      communityStats: {
        centralCommunities: number;
        satellites: number;
        residentsCovered: number;
        applicationsHandled: number;
        functionsOffered: { function: string; communities: number }[];
        byCentralCommunity: { satellites: number; residentsCovered: number; applicationsHandled: number }[];
      };
    }>(
      `query($to: Date!) { communityStats(regionCode: "230100", from: "2000-01-01", to: $to) {
         centralCommunities satellites residentsCovered applicationsHandled functionsOffered { function communities }
         byCentralCommunity { satellites residentsCovered applicationsHandled } } }`,
      { to: chinaDay() },
    );
    const s = res.data!.communityStats;
    const [{ communities }] = await app.db.query(
      `SELECT count(*)::int AS communities FROM region WHERE level = 'COMMUNITY' AND valid_to IS NULL`,
    );
    expect(s.centralCommunities).toBe(CENTRAL_COMMUNITIES);
    expect(s.satellites).toBe(communities - CENTRAL_COMMUNITIES);
    expect(s.byCentralCommunity).toHaveLength(CENTRAL_COMMUNITIES);
    for (const key of ['satellites', 'residentsCovered', 'applicationsHandled'] as const)
      expect(s.byCentralCommunity.reduce((sum, c) => sum + c[key], 0)).toBe(s[key]);
    expect(s.functionsOffered.find((f) => f.function === 'ELDERLY_CARE')!.communities).toBe(
      CENTRAL_COMMUNITIES,
    );
    expect(s.applicationsHandled).toBeGreaterThan(0);
  });

  it('when the seeded applications are read, then their states, versions and timelines are what the machine allows', async () => {
    const rows: {
      state: ServiceApplicationState;
      version: number;
      steps: { from: string | null; to: string }[];
    }[] = await app.db.query(
      `SELECT a.state, a.version, json_agg(json_build_object('from', e.from_state, 'to', e.to_state) ORDER BY e.id) AS steps
         FROM service_application a JOIN service_application_event e ON e.application_id = a.id GROUP BY a.id`,
    );
    expect(rows.length).toBeGreaterThan(2000);
    const states = new Set(rows.map((r) => r.state));
    for (const s of ['COMPLETED', 'REJECTED', 'WITHDRAWN', 'ACCEPTED', 'APPOINTMENT_BOOKED'] as const)
      expect(states).toContain(s);
    const graph = SERVICE_APPLICATION_MACHINE.graph;
    for (const r of rows) {
      expect(r.steps.length).toBe(r.version);
      expect(r.steps.at(-1)!.to).toBe(r.state);
      r.steps.slice(1).forEach((s, i) => {
        expect(s.from).toBe(r.steps[i].to);
        expect(graph[s.from as ServiceApplicationState].to).toContain(s.to);
      });
    }
  });

  it('when the seeded answers are checked against their items’ forms, then every one passes the API’s own check', async () => {
    const rows: { answers: unknown; form: FormSchema }[] = await app.db.query(
      `SELECT a.answers, i.form_schema AS form FROM service_application a JOIN service_item i ON i.id = a.item_id`,
    );
    for (const r of rows) expect(() => validateFormAnswers(r.form, r.answers)).not.toThrow();
    const [{ over }] = await app.db.query(
      `SELECT count(*)::int AS over FROM service_slot WHERE booked > capacity`,
    );
    expect(over).toBe(0);
  });

  it('when serviceStats of the city is read, then it agrees with the rows and its breakdowns add up', async () => {
    const from = chinaDay(Date.now() - 400 * 86_400_000);
    const to = chinaDay();
    const res = await admin.gql<{
      serviceStats: Record<string, number> & Record<string, Record<string, number>[]>;
    }>(
      `query($from: Date!, $to: Date!) { serviceStats(regionCode: "230100", from: $from, to: $to) {
         submitted completed completedOnTime onTimeRate overdue appointmentsKept appointmentsMissed medianWorkingDays
         byState { state count } byCategory { category submitted } byMonth { month submitted }
         byChildRegion { regionCode submitted completed overdue } } }`,
      { from, to },
    );
    expect(res.errors).toBeUndefined();
    const s = res.data!.serviceStats;
    const [row] = await app.db.query(
      `SELECT count(*)::int AS submitted, count(*) FILTER (WHERE state = 'COMPLETED')::int AS completed,
         count(*) FILTER (WHERE state = 'COMPLETED' AND on_time)::int AS "completedOnTime",
         count(*) FILTER (WHERE state IN ('SUBMITTED', 'ACCEPTED', 'APPOINTMENT_BOOKED', 'HANDLED_ON_SITE')
           AND due_at < now())::int AS overdue
       FROM service_application`,
    );
    expect({
      submitted: s.submitted,
      completed: s.completed,
      completedOnTime: s.completedOnTime,
      overdue: s.overdue,
    }).toEqual(row);
    expect(s.onTimeRate).toBe(onTimeRate(row.completedOnTime, row.completed));
    expect(s.onTimeRate).toBeGreaterThan(0.5);
    const sum = (list: Record<string, number>[], key: string) => list.reduce((n, r) => n + r[key], 0);
    expect(sum(s.byState, 'count')).toBe(s.submitted);
    expect(sum(s.byCategory, 'submitted')).toBe(s.submitted);
    expect(sum(s.byMonth, 'submitted')).toBe(s.submitted);
    expect(sum(s.byChildRegion, 'submitted')).toBe(s.submitted);
    expect(sum(s.byChildRegion, 'overdue')).toBe(s.overdue);
  });

  it('when 上红社区’s 1,000-metre map is read, then its points lie inside the circle, nearest first, and more lie beyond', async () => {
    const res = await admin.gql<{
      nearby: { totalCount: number; edges: { node: { distanceMeters: number } }[] };
    }>(
      `query($c: String) { nearby(communityCode: $c, radiusMeters: 1000, first: 200) { totalCount edges { node { distanceMeters category } } } }`,
      { c: SHANGHONG },
    );
    const distances = res.data!.nearby.edges.map((e) => e.node.distanceMeters);
    expect(distances.length).toBeGreaterThanOrEqual(20);
    expect(distances.every((d) => d <= 1000)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(
      await total(`query($c: String) { nearby(communityCode: $c, radiusMeters: 5000) { totalCount } }`, {
        c: SHANGHONG,
      }),
    ).toBeGreaterThan(res.data!.nearby.totalCount);
  });

  it('when every community is read, then each has a location near its district’s centroid, and nearby answers for any of them', async () => {
    const rows: { code: string; lat: number; lng: number; dLat: number; dLng: number }[] = await app.db.query(
      `SELECT r.code, p.lat, p.lng, d.centroid_lat AS "dLat", d.centroid_lng AS "dLng"
       FROM region r JOIN community_profile p ON p.region_code = r.code JOIN region d ON d.code = left(r.code, 6)
       WHERE r.level = 'COMMUNITY' AND r.valid_to IS NULL`,
    );
    expect(rows.length).toBeGreaterThan(CENTRAL_COMMUNITIES);
    // Metres on a small patch of earth, as the seed placed them.
    const metres = (r: (typeof rows)[number]) =>
      111_195 * Math.hypot(r.lat - r.dLat, (r.lng - r.dLng) * Math.cos((r.dLat * Math.PI) / 180));
    for (const r of rows.filter((x) => x.code !== SHANGHONG))
      expect([r.code, metres(r) <= 6001]).toEqual([r.code, true]);
    const [again] = await app.db.query(
      `SELECT lat, lng FROM community_profile WHERE region_code <> $1 ORDER BY region_code LIMIT 1`,
      [SHANGHONG],
    );
    expect(again.lat).not.toBeNull();
    const mapped: { code: string; n: number }[] = await app.db.query(
      `SELECT region_code AS code, count(*)::int AS n FROM point_of_interest WHERE region_code <> $1 GROUP BY 1`,
      [SHANGHONG],
    );
    expect(mapped.length).toBeGreaterThanOrEqual(3);
    const ordinary = rows.find((r) => r.code !== SHANGHONG && !mapped.some((x) => x.code === r.code))!;
    for (const code of [mapped[0].code, ordinary.code]) {
      const res = await admin.gql<{ nearby: { totalCount: number } }>(
        `query($c: String) { nearby(communityCode: $c, radiusMeters: 1500) { totalCount } }`,
        { c: code },
      );
      expect(res.errors).toBeUndefined();
      if (code === mapped[0].code) expect(res.data!.nearby.totalCount).toBe(mapped[0].n);
    }
  });

  it('when the seeded items are read, then they carry who may apply, and every seeded applicant met it on the day', async () => {
    const items: { code: string; minAge: number | null; tags: string[] }[] = await app.db.query(
      `SELECT code, min_age AS "minAge", eligible_tags AS tags FROM service_item
       WHERE code IN ('SQ-SENIOR-CARD', 'SQ-OLD-AGE-ALLOWANCE', 'SQ-MIN-ALLOWANCE', 'SQ-DISABILITY-CARD') ORDER BY code`,
    );
    expect(items).toEqual([
      { code: 'SQ-DISABILITY-CARD', minAge: null, tags: ['DISABLED'] },
      { code: 'SQ-MIN-ALLOWANCE', minAge: null, tags: ['MINIMUM_ALLOWANCE', 'POOR_HOUSEHOLD'] },
      { code: 'SQ-OLD-AGE-ALLOWANCE', minAge: 80, tags: [] },
      { code: 'SQ-SENIOR-CARD', minAge: 60, tags: [] },
    ]);
    const [row] = await app.db.query(
      `SELECT count(*)::int AS applications,
         count(*) FILTER (WHERE i.min_age IS NOT NULL OR i.eligible_tags <> '{}')::int AS conditional,
         count(*) FILTER (WHERE
           (i.min_age IS NOT NULL AND r.birth_date + make_interval(years => i.min_age) > (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date)
           OR (i.eligible_tags <> '{}' AND NOT r.tags && i.eligible_tags))::int AS ineligible
       FROM service_application a JOIN service_item i ON i.id = a.item_id JOIN resident r ON r.id = a.resident_id`,
    );
    expect(row.conditional).toBeGreaterThan(50);
    expect(row.ineligible).toBe(0);
  });
});
