import { regionTree } from '../../test/factories';
import { organization } from '../../test/mediation';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

const FIGURES =
  'accepted mediated failed withdrawn open overdue mediationRate medianDaysToConclude followedUp honoured';

const STATS = `query($code: String!, $from: Date!, $to: Date!) {
  mediationStats(regionCode: $code, from: $from, to: $to) {
    regionCode from to region { code } ${FIGURES}
    byType { type ${FIGURES} }
    byMonth { month ${FIGURES} }
    byChildRegion { regionCode region { code name level } ${FIGURES} }
    petitionBacklog { backlog resolved resolutionRate }
    legalClinics { clinics peopleServed disputesMediated petitionsHandled }
  }
}`;

interface Figures {
  accepted: number;
  mediated: number;
  failed: number;
  withdrawn: number;
  open: number;
  overdue: number;
  mediationRate: number | null;
  medianDaysToConclude: number | null;
  followedUp: number;
  honoured: number;
}
interface Stats extends Figures {
  regionCode: string;
  from: string;
  to: string;
  region: { code: string };
  byType: (Figures & { type: string })[];
  byMonth: (Figures & { month: string })[];
  byChildRegion: (Figures & { regionCode: string; region: { code: string; name: string; level: string } })[];
  petitionBacklog: { backlog: number; resolved: number; resolutionRate: number | null };
  legalClinics: { clinics: number; peopleServed: number; disputesMediated: number; petitionsHandled: number };
}

describe('mediationStats on a small hand-built district', () => {
  let app: TestApp;
  let city: SignedIn;
  let district: string;
  let street1: string;
  let street2: string;
  let c11: string;
  let c12: string;
  let c21: string;
  let c22: string;
  let grid111: string;
  let cases = 0;

  /** A case as the API would have left it, written directly: accepted `acceptedAt`, concluded days later. */
  async function insertCase(c: {
    region: string;
    org: string;
    origin?: string;
    type?: string;
    state: string;
    outcome?: string | null;
    acceptedAt?: string | null;
    concludedAfterDays?: number;
    honoured?: boolean | null;
    dueAt?: string | null;
  }) {
    const accepted = c.acceptedAt ?? null;
    await app.db.query(
      `INSERT INTO dispute_case (number, channel, type, title, description, region_code, organization_id,
         origin_organization_id, people_involved, households_involved, risk, state, outcome, honoured, received_at,
         accepted_at, concluded_at, due_at, created_by)
       VALUES ($1, 'WALK_IN', $2, '测试纠纷', '测试用的纠纷。', $3, $4, $5, 2, 2, 'LOW', $6, $7, $8,
         coalesce($9::timestamptz - interval '1 hour', now()), $9::timestamptz,
         CASE WHEN $7::text IS NOT NULL THEN $9::timestamptz + $10 * interval '1 day' END, $11::timestamptz, 'test')`,
      [
        `2012-${String(++cases).padStart(6, '0')}`,
        c.type ?? 'LAND',
        c.region,
        c.org,
        c.origin ?? c.org,
        c.state,
        c.outcome ?? null,
        c.honoured ?? null,
        accepted,
        c.concludedAfterDays ?? 0,
        c.dueAt ?? null,
      ],
    );
  }

  async function petition(region: string, org: string | null, registered: string, resolved: string | null) {
    await app.db.query(
      `INSERT INTO petition_case (title, region_code, organization_id, state, registered_on, resolved_on)
       VALUES ('测试信访积案', $1, $2, $3, $4, $5)`,
      [region, org, resolved ? 'RESOLVED' : 'ASSIGNED', registered, resolved],
    );
  }

  const stats = async (client: SignedIn, code: string, from = '2012-01-01', to = '2012-12-31') => {
    const res = await client.gql<{ mediationStats: Stats }>(STATS, { code, from, to });
    return res;
  };
  const read = async (code: string, from?: string, to?: string) => {
    const res = await stats(city, code, from, to);
    expect(res.errors).toBeUndefined();
    return res.data!.mediationStats;
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 2, grids: 1 });
    district = tree.districtCode;
    [street1, street2] = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    [c11, c12, c21, c22] = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    grid111 = tree.rows.find((r) => r.level === 'GRID' && r.parentCode === c11)!.code;
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1, name: '别区' });
    const elsewhere = other.rows.find((r) => r.level === 'COMMUNITY')!.code;

    const committee = (code: string) => organization(app.db, code);
    const [k11, k12, k21, k22, kElsewhere] = await Promise.all(
      [c11, c12, c21, c22, elsewhere].map(committee),
    );
    const centre2 = await organization(app.db, street2, 'COORDINATION_CENTRE');
    const clinic12 = await organization(app.db, c12, 'LEGAL_CLINIC');
    const clinic21 = await organization(app.db, c21, 'LEGAL_CLINIC');
    await organization(app.db, elsewhere, 'LEGAL_CLINIC');

    // The cohort of 2012 in the district: 7 cases.
    // 00:30 on 1 January in Harbin is still 2011 in UTC: in the cohort.
    await insertCase({
      region: c11,
      org: k11,
      state: 'CLOSED',
      outcome: 'AGREEMENT_REACHED',
      acceptedAt: '2012-01-01T00:30:00+08:00',
      concludedAfterDays: 2,
      honoured: true,
    });
    await insertCase({
      region: grid111,
      org: k11,
      type: 'NEIGHBOURHOOD',
      state: 'FOLLOW_UP',
      outcome: 'AGREEMENT_REACHED',
      acceptedAt: '2012-01-15T10:00:00+08:00',
      concludedAfterDays: 4,
      honoured: false,
      dueAt: '2012-02-18T10:00:00+08:00',
    });
    await insertCase({
      region: c12,
      org: clinic12,
      state: 'AGREEMENT_REACHED',
      outcome: 'AGREEMENT_REACHED',
      acceptedAt: '2012-02-10T09:00:00+08:00',
      concludedAfterDays: 6,
      dueAt: '2012-03-17T09:00:00+08:00',
    });
    await insertCase({
      region: c21,
      org: clinic21,
      type: 'DEBT',
      state: 'CLOSED',
      outcome: 'MEDIATION_FAILED',
      acceptedAt: '2012-02-20T09:00:00+08:00',
      concludedAfterDays: 8,
    });
    await insertCase({
      region: c22,
      org: k22,
      type: 'DEBT',
      state: 'CLOSED',
      outcome: 'WITHDRAWN',
      acceptedAt: '2012-03-05T09:00:00+08:00',
      concludedAfterDays: 10,
    });
    await insertCase({
      region: c21,
      org: k21,
      state: 'IN_MEDIATION',
      acceptedAt: '2012-03-06T09:00:00+08:00',
      dueAt: '2012-04-05T09:00:00+08:00',
    });
    // Escalated: handled by the street's coordination centre now, still one case of c22.
    await insertCase({
      region: c22,
      org: centre2,
      origin: k22,
      state: 'ACCEPTED',
      acceptedAt: '2012-12-31T23:30:00+08:00',
      dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    // Outside the cohort: 23:30 on 31 December 2011 in Harbin, 00:10 on 1 January 2013 (still 2012 in UTC),
    // never accepted (received, declined), and another district.
    await insertCase({
      region: c11,
      org: k11,
      state: 'CLOSED',
      outcome: 'AGREEMENT_REACHED',
      acceptedAt: '2011-12-31T23:30:00+08:00',
      concludedAfterDays: 1,
      honoured: true,
    });
    await insertCase({
      region: c12,
      org: k12,
      state: 'IN_MEDIATION',
      acceptedAt: '2013-01-01T00:10:00+08:00',
      dueAt: '2013-01-31T00:10:00+08:00',
    });
    await insertCase({ region: c11, org: k11, state: 'RECEIVED', dueAt: '2012-06-01T00:00:00+08:00' });
    await insertCase({ region: c11, org: k11, state: 'DECLINED' });
    await insertCase({
      region: elsewhere,
      org: kElsewhere,
      state: 'CLOSED',
      outcome: 'AGREEMENT_REACHED',
      acceptedAt: '2012-05-05T09:00:00+08:00',
      concludedAfterDays: 3,
      honoured: true,
    });

    // Petition backlog of 2012: P1, P2, P4, P6 (4); resolved in 2012: P1, P2 (2); P1 by a clinic.
    await petition(c12, clinic12, '2011-05-01', '2012-03-01'); // P1
    await petition(c21, null, '2012-06-01', '2012-12-31'); // P2
    await petition(c21, null, '2010-01-01', '2011-12-31'); // P3: resolved before the range
    await petition(c22, centre2, '2012-12-31', null); // P4: still open
    await petition(c22, null, '2013-01-01', null); // P5: registered after the range
    await petition(c12, clinic12, '2011-01-01', '2013-01-01'); // P6: resolved after the range
    await petition(elsewhere, null, '2012-01-01', '2012-02-01'); // another district

    await app.db.query(
      `INSERT INTO legal_clinic_service (organization_id, region_path, month, people_served)
       SELECT $1, o.region_path, m::date, n FROM mediation_organization o,
         unnest(ARRAY['2011-12-01', '2012-01-01', '2012-12-01', '2013-01-01'], ARRAY[100, 10, 20, 1000]) AS t(m, n)
       WHERE o.id = $1`,
      [clinic12],
    );

    city = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
  });
  afterAll(() => app.close());

  it('when the district’s 2012 is asked for, then each figure counts the cases accepted in 2012 China time, once each', async () => {
    const s = await read(district);
    expect(s).toMatchObject({
      regionCode: district,
      from: '2012-01-01',
      to: '2012-12-31',
      region: { code: district },
      accepted: 7,
      mediated: 3,
      failed: 1,
      withdrawn: 1,
      open: 2,
      overdue: 1,
      followedUp: 2,
      honoured: 1,
    });
    expect(s.mediationRate).toBe(3 / 7);
    // Concluded after 2, 4, 6, 8 and 10 days.
    expect(s.medianDaysToConclude).toBeCloseTo(6, 9);
  });

  it('when broken down, then types follow the domain’s order, months only those with cases, children add up to the district', async () => {
    const s = await read(district);
    expect(s.byType.map((r) => [r.type, r.accepted, r.mediated])).toEqual([
      ['LAND', 4, 2],
      ['NEIGHBOURHOOD', 1, 1],
      ['DEBT', 2, 0],
    ]);
    expect(s.byType[0].mediationRate).toBe(0.5);
    expect(s.byMonth.map((r) => [r.month, r.accepted])).toEqual([
      ['2012-01', 2],
      ['2012-02', 2],
      ['2012-03', 2],
      ['2012-12', 1],
    ]);
    expect(s.byMonth[0]).toMatchObject({ mediated: 2, followedUp: 2, honoured: 1, mediationRate: 1 });
    expect(s.byMonth[0].medianDaysToConclude).toBeCloseTo(3, 9);
    expect(s.byChildRegion.map((r) => [r.regionCode, r.region.level, r.accepted, r.open, r.overdue])).toEqual(
      [
        [street1, 'STREET', 3, 0, 0],
        [street2, 'STREET', 4, 2, 1],
      ],
    );
    const keys = [
      'accepted',
      'mediated',
      'failed',
      'withdrawn',
      'open',
      'overdue',
      'followedUp',
      'honoured',
    ] as const;
    for (const k of keys) expect(s.byChildRegion.reduce((sum, r) => sum + r[k], 0)).toBe(s[k]);
  });

  it('when a street is asked for over January, then a community without cases is listed with zeros and no rate', async () => {
    const s = await read(street1, '2012-01-01', '2012-01-31');
    expect(s.accepted).toBe(2);
    expect(s.medianDaysToConclude).toBeCloseTo(3, 9);
    expect(s.byChildRegion).toEqual([
      expect.objectContaining({ regionCode: c11, accepted: 2, mediated: 2, mediationRate: 1 }),
      expect.objectContaining({
        regionCode: c12,
        accepted: 0,
        mediated: 0,
        mediationRate: null,
        medianDaysToConclude: null,
      }),
    ]);
  });

  it('when a community is asked for, then a case placed on the community itself is in the totals but in no grid unit', async () => {
    const s = await read(c11);
    expect(s.accepted).toBe(2);
    expect(s.byChildRegion).toEqual([expect.objectContaining({ regionCode: grid111, accepted: 1 })]);
  });

  it('when the range holds no case, then counts are 0 and the rate and median are null, not 0', async () => {
    const s = await read(district, '2014-01-01', '2014-12-31');
    expect(s).toMatchObject({
      accepted: 0,
      mediationRate: null,
      medianDaysToConclude: null,
      byType: [],
      byMonth: [],
    });
    expect(s.byChildRegion.map((r) => r.accepted)).toEqual([0, 0]);
  });

  it('when the escalated case is looked up, then it is counted once, at its place, not again at the centre', async () => {
    const s = await read(street2, '2012-12-01', '2012-12-31');
    expect(s).toMatchObject({ accepted: 1, open: 1, overdue: 0 });
    expect(s.byChildRegion.find((r) => r.regionCode === c22)!.accepted).toBe(1);
  });

  it('when the petition backlog is asked for, then backlog, resolved and the domain’s rate come out', async () => {
    const s = await read(district);
    expect(s.petitionBacklog).toEqual({ backlog: 4, resolved: 2, resolutionRate: 0.5 });
    // P4 and P5 are still open years later: a backlog, none resolved (0, not null).
    const later = await read(district, '2020-01-01', '2020-12-31');
    expect(later.petitionBacklog).toEqual({ backlog: 2, resolved: 0, resolutionRate: 0 });
    const before = await read(district, '2005-01-01', '2005-12-31');
    expect(before.petitionBacklog).toEqual({ backlog: 0, resolved: 0, resolutionRate: null });
  });

  it('when the legal clinics are asked for, then clinics, people served in the range’s months, mediated disputes and petitions count', async () => {
    const s = await read(district);
    expect(s.legalClinics).toEqual({
      clinics: 2,
      peopleServed: 30,
      disputesMediated: 1,
      petitionsHandled: 1,
    });
    const midMonth = await read(district, '2012-01-15', '2012-02-15');
    expect(midMonth.legalClinics.peopleServed).toBe(10);
  });

  it('when the years with data are asked for, then those with accepted cases in the scope or subtree come newest first', async () => {
    const YEARS = `query($code: String) { mediationYears(regionCode: $code) }`;
    const years = async (client: SignedIn, code?: string) => {
      const res = await client.gql<{ mediationYears: number[] }>(YEARS, { code });
      expect(res.errors).toBeUndefined();
      return res.data!.mediationYears;
    };
    // 23:30 on 31 December 2011 and 00:10 on 1 January 2013 in Harbin count for 2011 and 2013, China time;
    // received and declined cases were never accepted and give no year.
    expect(await years(city, district)).toEqual([2013, 2012, 2011]);
    expect(await years(city, street2)).toEqual([2012]);
    expect(await years(city, grid111)).toEqual([2012]);
    const streetOfficer = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: street2 });
    expect(await years(streetOfficer)).toEqual([2012]);

    const refused = await streetOfficer.gql(YEARS, { code: street1 });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const auditor = await app.signIn({ roles: ['AUDITOR'], jurisdiction: '230100' });
    expect((await auditor.gql(YEARS, { code: district })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await city.gql(YEARS, { code: '230199' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
  });

  it('when callers outside the region or without dispute:read ask, then FORBIDDEN; bad input is BAD_USER_INPUT', async () => {
    const streetOfficer = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: street1 });
    expect((await stats(streetOfficer, street2)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await stats(streetOfficer, district)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const own = await stats(streetOfficer, street1);
    expect(own.errors).toBeUndefined();
    expect(own.data!.mediationStats.accepted).toBe(3);

    const auditor = await app.signIn({ roles: ['AUDITOR'], jurisdiction: '230100' });
    expect((await stats(auditor, district)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await app.gql(STATS, { code: district, from: '2012-01-01', to: '2012-12-31' })).errors?.[0].extensions
        .code,
    ).toBe('UNAUTHENTICATED');

    const backwards = await stats(city, district, '2012-12-31', '2012-01-01');
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const unknown = await stats(city, '230199');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    const badDate = await city.gql(STATS, { code: district, from: '2012-02-30', to: '2012-12-31' });
    expect(badDate.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
