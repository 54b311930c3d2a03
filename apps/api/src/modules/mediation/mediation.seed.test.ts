import { DISPUTE_CASE_MACHINE, formatPercent, type DisputeCaseState } from '@qiangji/domain';
import { startTestApp, type TestApp } from '../../test/test-app';
import type { EntityManager } from 'typeorm';
import { demoRegions } from '../region/region.seed';
import { MEDIATION_SEED_FIGURES, placeName, seedMediation } from './mediation.seed';

const DISPUTE_CASE_STATE_GRAPH = DISPUTE_CASE_MACHINE.graph;

const FIGURES = [
  'accepted',
  'mediated',
  'failed',
  'withdrawn',
  'open',
  'overdue',
  'followedUp',
  'honoured',
] as const;

type Figures = Record<(typeof FIGURES)[number], number> & { mediationRate: number | null };

const STATS = `query($code: String!, $from: Date!, $to: Date!) {
  mediationStats(regionCode: $code, from: $from, to: $to) {
    ${FIGURES.join(' ')} mediationRate medianDaysToConclude
    byChildRegion { regionCode region { code name level } ${FIGURES.join(' ')} }
    byMonth { month accepted }
    byType { type accepted mediated }
    petitionBacklog { backlog resolved resolutionRate }
    legalClinics { clinics peopleServed disputesMediated petitionsHandled }
  }
}`;

describe('the mediation demo data', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A copy of the run's seeded demo; the first file to ask seeds it (on a busy machine, a minute and more).
    app = await startTestApp({}, { seeded: true });
  }, 180_000);
  afterAll(() => app.close());

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> =>
    (await app.db.query(sql, params))[0];

  it('when 2012 is counted in China time, then 10,368 cases were accepted and 9,917 mediated, all closed or in follow-up', async () => {
    const rows: { state: string; outcome: string; n: number; ended: boolean }[] = await app.db.query(
      `SELECT state, outcome, count(*)::int AS n,
         bool_and(due_at IS NULL AND closed_at IS NOT NULL) AS ended
       FROM dispute_case
       WHERE accepted_at >= '2012-01-01T00:00:00+08:00' AND accepted_at < '2013-01-01T00:00:00+08:00'
       GROUP BY state, outcome ORDER BY state, outcome`,
    );
    const f = MEDIATION_SEED_FIGURES;
    const count = (p: (r: (typeof rows)[number]) => boolean) =>
      rows.filter(p).reduce((sum, r) => sum + r.n, 0);
    expect(count(() => true)).toBe(10_368);
    expect(count((r) => r.outcome === 'AGREEMENT_REACHED')).toBe(9_917);
    expect(count((r) => r.outcome === 'MEDIATION_FAILED')).toBe(f.failed);
    expect(count((r) => r.outcome === 'WITHDRAWN')).toBe(f.withdrawn);
    expect(count((r) => r.state === 'FOLLOW_UP')).toBe(f.inFollowUp);
    expect(count((r) => r.state === 'CLOSED')).toBe(10_368 - f.inFollowUp);
    expect(rows.filter((r) => r.state === 'CLOSED').every((r) => r.ended)).toBe(true);
  });

  it('when cases are listed by year and state, then 2011, 2013 and open recent cases exist, some overdue or high risk, a few declined', async () => {
    const years: { year: string; n: number }[] = await app.db.query(
      `SELECT to_char(accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year, count(*)::int AS n
       FROM dispute_case WHERE accepted_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const byYear = Object.fromEntries(years.map((y) => [y.year, y.n]));
    expect(byYear['2011']).toBeGreaterThan(1000);
    expect(byYear['2013']).toBeGreaterThan(3000);
    const open = await one<{
      open: number;
      overdue: number;
      high: number;
      declined: number;
      received: number;
    }>(
      `SELECT count(*) FILTER (WHERE state IN ('RECEIVED', 'ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'))::int AS open,
         count(*) FILTER (WHERE outcome IS NULL AND due_at < now() AND state <> 'DECLINED')::int AS overdue,
         count(*) FILTER (WHERE outcome IS NULL AND risk = 'HIGH' AND state <> 'DECLINED')::int AS high,
         count(*) FILTER (WHERE state = 'DECLINED')::int AS declined,
         count(*) FILTER (WHERE state = 'RECEIVED')::int AS received
       FROM dispute_case`,
    );
    expect(open.open).toBeGreaterThan(20);
    expect(open.overdue).toBeGreaterThan(0);
    expect(open.high).toBeGreaterThan(0);
    expect(open.declined).toBeGreaterThan(10);
    expect(open.received).toBeGreaterThan(0);
  });

  it('when a case is read, then its columns agree with its state: timestamps in order, deadline only while it runs', async () => {
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM dispute_case WHERE NOT (
         (accepted_at IS NULL OR accepted_at >= received_at)
         AND (concluded_at IS NULL OR concluded_at >= accepted_at)
         AND (closed_at IS NULL OR closed_at >= concluded_at)
         AND ((state = 'DECLINED') = (decline_reason IS NOT NULL))
         AND ((state IN ('DECLINED', 'CLOSED')) = (due_at IS NULL))
         AND ((outcome IS NULL) = (concluded_at IS NULL))
         AND ((outcome = 'AGREEMENT_REACHED') IS NOT DISTINCT FROM (agreement IS NOT NULL) OR outcome IS NULL)
         AND ((state = 'CLOSED') = (closed_at IS NOT NULL))
         AND (state IN ('RECEIVED', 'DECLINED') OR accepted_at IS NOT NULL)
         AND number ~ ('^' || to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-\\d{6}$'))`,
    );
    expect(bad.n).toBe(0);
    // Each case is handled by an organisation covering its place; escalated ones by a coordination centre.
    const placement = await one<{ outside: number; escalated: number; wrong: number }>(
      `SELECT count(*) FILTER (WHERE NOT c.region_path <@ o.region_path)::int AS outside,
         count(*) FILTER (WHERE c.organization_id <> c.origin_organization_id)::int AS escalated,
         count(*) FILTER (WHERE c.organization_id <> c.origin_organization_id AND o.kind <> 'COORDINATION_CENTRE')::int AS wrong
       FROM dispute_case c JOIN mediation_organization o ON o.id = c.organization_id`,
    );
    expect(placement).toMatchObject({ outside: 0, wrong: 0 });
    expect(placement.escalated).toBeGreaterThan(0);
  });

  it('when the timelines are read, then every case starts with register and full timelines follow the state graph to the case’s state', async () => {
    const steps: { from: DisputeCaseState; to: DisputeCaseState; n: number }[] = await app.db.query(
      `SELECT from_state AS "from", to_state AS "to", count(*)::int AS n FROM dispute_case_event
       WHERE from_state IS NOT NULL GROUP BY 1, 2`,
    );
    for (const s of steps) {
      if (s.from === s.to && s.from === 'MEDIATOR_ASSIGNED') continue; // an escalation keeps the state
      expect(DISPUTE_CASE_STATE_GRAPH[s.from].to).toContain(s.to);
    }
    const broken = await one<{ n: number; first: number; last: number; full: number }>(
      `WITH e AS (
         SELECT e.case_id, e.command, e.from_state, e.to_state, e.at,
           lag(e.to_state) OVER w AS prev, lag(e.at) OVER w AS prev_at,
           row_number() OVER w AS k, row_number() OVER (PARTITION BY e.case_id ORDER BY e.id DESC) AS back,
           count(*) OVER (PARTITION BY e.case_id) AS rows
         FROM dispute_case_event e WINDOW w AS (PARTITION BY e.case_id ORDER BY e.id))
       SELECT count(*) FILTER (WHERE k > 1 AND (from_state IS DISTINCT FROM prev OR at < prev_at))::int AS n,
         count(*) FILTER (WHERE k = 1 AND command <> 'register')::int AS first,
         (SELECT count(*)::int FROM e JOIN dispute_case c ON c.id = e.case_id
          WHERE e.back = 1 AND e.rows > 1 AND e.to_state <> c.state) AS last,
         (SELECT count(DISTINCT case_id)::int FROM e WHERE rows > 1) AS full
       FROM e`,
    );
    // Older cases outside the sample keep their register row only; the others have every step.
    expect(broken).toMatchObject({ n: 0, first: 0, last: 0 });
    expect(broken.full).toBeGreaterThan(1000);
    const missing = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM dispute_case c
       WHERE NOT EXISTS (SELECT 1 FROM dispute_case_event e WHERE e.case_id = c.id AND e.command = 'register')`,
    );
    expect(missing.n).toBe(0);
  });

  it('when the coordination meetings are read, then each decided cases escalated to its centre, while they were mediated, on their timelines', async () => {
    const m = await one<{ meetings: number; decisions: number; wrong: number; untimely: number }>(
      `SELECT (SELECT count(*)::int FROM coordination_meeting) AS meetings,
         count(*)::int AS decisions,
         count(*) FILTER (WHERE c.organization_id <> mt.organization_id OR NOT d.region_path <@ mt.region_path
           OR c.region_path <> d.region_path)::int AS wrong,
         count(*) FILTER (WHERE e.id IS NULL OR e.from_state <> e.to_state
           OR e.to_state NOT IN ('MEDIATOR_ASSIGNED', 'IN_MEDIATION') OR e.details->>'decision' <> d.decision
           OR (e.at AT TIME ZONE 'Asia/Shanghai')::date <> mt.held_on)::int AS untimely
       FROM coordination_meeting_decision d
       JOIN coordination_meeting mt ON mt.id = d.meeting_id
       JOIN dispute_case c ON c.id = d.case_id
       LEFT JOIN dispute_case_event e ON e.case_id = d.case_id AND e.command = 'coordinationDecision'
         AND e.details->>'meetingId' = mt.id::text`,
    );
    expect(m.meetings).toBeGreaterThan(50);
    expect(m.decisions).toBeGreaterThanOrEqual(m.meetings);
    expect(m).toMatchObject({ wrong: 0, untimely: 0 });
  });

  it('when the organisations are counted, then every place has its committee, towns and districts a centre, 42 industry committees, one association', async () => {
    const kinds: { kind: string; n: number }[] = await app.db.query(
      `SELECT kind, count(*)::int AS n FROM mediation_organization GROUP BY kind`,
    );
    const n = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    const regions = await one<{ towns: number; units: number; districts: number; communities: number }>(
      `SELECT count(*) FILTER (WHERE level IN ('STREET', 'TOWNSHIP'))::int AS towns,
         count(*) FILTER (WHERE level IN ('COMMUNITY', 'VILLAGE'))::int AS units,
         count(*) FILTER (WHERE level IN ('DISTRICT', 'COUNTY', 'COUNTY_CITY'))::int AS districts,
         count(*) FILTER (WHERE level = 'COMMUNITY')::int AS communities
       FROM region`,
    );
    expect(n).toEqual({
      PEOPLES_COMMITTEE: regions.towns + regions.units,
      COORDINATION_CENTRE: regions.towns + regions.districts,
      INDUSTRY_COMMITTEE: 42,
      LEGAL_CLINIC: regions.communities,
      MEDIATORS_ASSOCIATION: 1,
    });
    const names: { name: string }[] = await app.db.query(
      `SELECT name FROM mediation_organization WHERE region_code IN ('230102010003', '230129100', '230129', '230100')
       ORDER BY name`,
    );
    expect(names.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        '上红社区人民调解委员会',
        '上红社区法律诊所',
        '延寿镇大调解协调中心',
        '延寿县大调解协调中心',
        '哈尔滨市人民调解员协会',
        '哈尔滨市物业纠纷人民调解委员会',
      ]),
    );
    const lonely = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM mediation_organization o
       WHERE o.kind <> 'MEDIATORS_ASSOCIATION'
         AND NOT EXISTS (SELECT 1 FROM mediator_membership mm WHERE mm.organization_id = o.id)`,
    );
    expect(lonely.n).toBe(0);
  });

  it('when the article’s story is looked up, then 金圣屯’s farm-road case was mediated by 敖亚斌 for 双金村, followed up and closed', async () => {
    const story = await one<Record<string, unknown>>(
      `SELECT c.number, c.type, c.region_code, c.state, c.outcome, c.honoured, o.name AS organization, md.name AS mediator,
         c.agreement->>'signedOn' AS "signedOn",
         (SELECT array_agg(e.command ORDER BY e.id) FROM dispute_case_event e WHERE e.case_id = c.id) AS commands
       FROM dispute_case c JOIN mediation_organization o ON o.id = c.organization_id
       JOIN mediator md ON md.id = c.mediator_id
       WHERE c.title = '金圣屯农田路被改水田纠纷'`,
    );
    expect(story).toMatchObject({
      number: '2009-000001',
      type: 'LAND',
      region_code: '23012910020401',
      state: 'CLOSED',
      outcome: 'AGREEMENT_REACHED',
      honoured: true,
      organization: '双金村人民调解委员会',
      mediator: '敖亚斌',
      signedOn: '2009-05-24',
      commands: [
        'register',
        'accept',
        'assignMediator',
        'recordSession',
        'recordSession',
        'recordSession',
        'concludeWithAgreement',
        'recordFollowUp',
        'close',
      ],
    });
  });

  it('when a city supervisor asks for 2012, then the API gives the article’s 95.7% and the districts add up to the city', async () => {
    const supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
    const res = await supervisor.gql<{
      mediationStats: Figures & {
        byChildRegion: (Figures & { regionCode: string; region: { name: string; level: string } })[];
        byMonth: { month: string; accepted: number }[];
        byType: { type: string; accepted: number }[];
        petitionBacklog: { backlog: number; resolved: number; resolutionRate: number };
        legalClinics: {
          clinics: number;
          peopleServed: number;
          disputesMediated: number;
          petitionsHandled: number;
        };
      };
    }>(STATS, { code: '230100', from: '2012-01-01', to: '2012-12-31' });
    expect(res.errors).toBeUndefined();
    const s = res.data!.mediationStats;
    expect(s).toMatchObject({ accepted: 10_368, mediated: 9_917, open: 0, overdue: 0 });
    expect(s.mediationRate).toBeCloseTo(9_917 / 10_368, 12);
    expect(formatPercent(s.mediationRate)).toBe('95.7%');
    expect(s.byChildRegion).toHaveLength(18);
    for (const figure of FIGURES)
      expect(s.byChildRegion.reduce((sum, r) => sum + r[figure], 0)).toBe(s[figure]);
    expect(s.byChildRegion.every((r) => r.accepted > 0)).toBe(true);
    expect(s.byChildRegion.find((r) => r.regionCode === '230129')!.region.name).toBe('延寿县');
    expect(s.byMonth.map((r) => r.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2012-${String(i + 1).padStart(2, '0')}`),
    );
    expect(s.byMonth.reduce((sum, r) => sum + r.accepted, 0)).toBe(10_368);
    expect(s.byType.reduce((sum, r) => sum + r.accepted, 0)).toBe(10_368);
    expect(s.byType.find((r) => r.type === 'LAND')!.accepted).toBeGreaterThan(1000);
    expect(s.petitionBacklog).toEqual({ backlog: 2_000, resolved: 1_600, resolutionRate: 0.8 });
    expect(s.legalClinics).toMatchObject({ disputesMediated: 1_381, petitionsHandled: 886 });
    expect(s.legalClinics.clinics).toBeGreaterThan(100);
    expect(s.legalClinics.peopleServed).toBeGreaterThan(30_000);
  });

  it('when a district officer asks for another district, then it is FORBIDDEN; for its own, it gets its own share', async () => {
    const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: '230129' });
    const other = await officer.gql(STATS, { code: '230102', from: '2012-01-01', to: '2012-12-31' });
    expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const city = await officer.gql(STATS, { code: '230100', from: '2012-01-01', to: '2012-12-31' });
    expect(city.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const own = await officer.gql<{ mediationStats: Figures & { byChildRegion: Figures[] } }>(STATS, {
      code: '230129',
      from: '2012-01-01',
      to: '2012-12-31',
    });
    expect(own.errors).toBeUndefined();
    const s = own.data!.mediationStats;
    expect(s.accepted).toBeGreaterThan(0);
    expect(s.accepted).toBeLessThan(10_368);
    expect(s.byChildRegion.reduce((sum, r) => sum + r.accepted, 0)).toBe(s.accepted);
  });
});

describe('the mediation demo data, generated without a database', () => {
  /** A stand-in for the EntityManager: answers the region query as the database would, records the rest. */
  function recorder() {
    const rows = demoRegions();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const path = (code: string): string => {
      const parent = byCode.get(code)!.parentCode;
      return parent ? `${path(parent)}.${code}` : code;
    };
    const regions = rows.map((r) => ({ ...r, path: path(r.code), households: r.households ?? 0 }));
    const statements: unknown[] = [];
    const m = {
      async query(sql: string, params: unknown[]) {
        if (sql.trimStart().startsWith('SELECT')) return regions;
        statements.push([sql, params]);
        return [];
      },
    } as unknown as EntityManager;
    return { m, statements };
  }

  it('when generated twice with the same clock, then every statement and value is the same', async () => {
    const now = new Date('2026-06-15T04:00:00Z');
    const [a, b] = [recorder(), recorder()];
    const [ra, rb] = [await seedMediation(a.m, { now }), await seedMediation(b.m, { now })];
    expect(rb).toEqual(ra);
    expect(JSON.stringify(b.statements)).toBe(JSON.stringify(a.statements));
    expect(ra.casesByYear['2012']).toBeGreaterThanOrEqual(MEDIATION_SEED_FIGURES.accepted);
  });

  it('when a place is named, then 居委会/村委会 go and the 示例 marker stays last', () => {
    expect(placeName('上红社区居委会', '人民调解委员会')).toBe('上红社区人民调解委员会');
    expect(placeName('双金村村委会', '人民调解委员会')).toBe('双金村人民调解委员会');
    expect(placeName('前进村村委会（示例）', '人民调解委员会')).toBe('前进村人民调解委员会（示例）');
    expect(placeName('延寿县', '大调解协调中心')).toBe('延寿县大调解协调中心');
  });
});
