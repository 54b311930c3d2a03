import { randomUUID } from 'node:crypto';
import { regionTree } from '../../test/factories';
import { apiKeyClient } from '../../test/mediation';
import { cityAdmin, codeOf } from '../../test/people';
import { securityRollupAndScan } from '../../test/security';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { writeRegions } from '../region/region.writer';

const RECORD = `mutation($input: RecordSecurityStatisticsInput!) { recordSecurityStatistics(input: $input) {
  inserted updated unchanged villageYearTotals { villageCode year publicOrderCases criminalCases } } }`;
const STATS = `query($code: String!, $from: String!, $to: String!, $years: Int) {
  securityStats(regionCode: $code, from: $from, to: $to, quietYears: $years) {
    reportedCases previousReportedCases reportedCasesChange
    byCategory { category cases previousCases change }
    byMonth { month cases previousCases }
    byChildRegion { regionCode cases previousCases change rank }
    villages quietYears villagesWithoutPublicOrderCase villagesWithoutCriminalCase } }`;

type Result = {
  inserted: number;
  updated: number;
  unchanged: number;
  villageYearTotals: Record<string, unknown>[];
};

describe('public security', () => {
  let app: TestApp;
  let district: string;
  let township: string;
  let villages: string[];
  let officer: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    district = tree.districtCode;
    township = `${district}100`;
    villages = [201, 202, 203].map((n) => `${township}${n}`);
    await app.db.transaction((m) =>
      writeRegions(
        m,
        [
          { code: township, name: '测试镇', level: 'TOWNSHIP', parentCode: district },
          ...villages.map((code, i) => ({
            code,
            name: `测试${i + 1}村`,
            level: 'VILLAGE' as const,
            parentCode: township,
          })),
        ],
        'insert-missing',
      ),
    );
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
  });
  afterAll(() => app.close());

  const record = (rows: Record<string, unknown>[], client = officer) =>
    client.gql<{ recordSecurityStatistics: Result }>(RECORD, { input: { rows } });
  const months = (year: number) =>
    Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

  it('when the same month is sent twice, then the second changes nothing; a changed count is one update', async () => {
    const rows = [
      { regionCode: villages[0], month: '2012-05', category: 'PUBLIC_ORDER', cases: 3 },
      { regionCode: villages[0], month: '2012-05', category: 'CRIMINAL', cases: 2 },
    ];
    const first = (await record(rows)).data!.recordSecurityStatistics;
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const [before] = await app.db.query(
      `SELECT max(version) AS v, max(updated_at) AS at FROM security_statistic`,
    );
    expect((await record(rows)).data!.recordSecurityStatistics).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const [after] = await app.db.query(
      `SELECT max(version) AS v, max(updated_at) AS at FROM security_statistic`,
    );
    expect(after).toEqual(before);
    const changed = (await record([{ ...rows[0], cases: 4 }, rows[1]])).data!.recordSecurityStatistics;
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(changed.villageYearTotals).toEqual([
      { villageCode: villages[0], year: 2012, publicOrderCases: 4, criminalCases: 2 },
    ]);
  });

  it("when a village's month is recorded, then its safety record of the year follows in the same request (issue 10)", async () => {
    const safety = () =>
      app.db.query(
        `SELECT public_order_cases AS "publicOrder", criminal_cases AS criminal FROM village_safety_record
         WHERE region_code = $1 AND year = 2011`,
        [villages[1]],
      );
    const month = (m: string, cases: number) => ({
      regionCode: villages[1],
      month: m,
      category: 'PUBLIC_ORDER',
      cases,
    });
    expect((await record([month('2011-03', 2), month('2011-04', 1)])).errors).toBeUndefined();
    expect(await safety()).toEqual([{ publicOrder: 3, criminal: 0 }]);
    expect((await record([month('2011-04', 5)])).errors).toBeUndefined();
    expect(await safety()).toEqual([{ publicOrder: 7, criminal: 0 }]);
  });

  it.each([
    [{ month: '2012-13' }, 'rows.0.month'],
    [{ cases: -1 }, 'rows.0.cases'],
    [{ regionCode: '2301' }, 'rows.0.regionCode'],
  ])('when a row has %j, then BAD_USER_INPUT on %s', async (overrides, field) => {
    const res = await record([
      { regionCode: villages[1], month: '2012-01', category: 'FRAUD', cases: 1, ...overrides },
    ]);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.field).toBe(field);
  });

  it('when a region and one inside it would both keep a month’s figures, then refused: they would count twice', async () => {
    const res = await record([
      { regionCode: township, month: '2012-05', category: 'PUBLIC_ORDER', cases: 9 },
    ]);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const both = await record([
      { regionCode: township, month: '2012-06', category: 'THEFT', cases: 1 },
      { regionCode: villages[2], month: '2012-06', category: 'THEFT', cases: 1 },
    ]);
    expect(both.errors![0].extensions.field).toBe('rows.1');
  });

  it('when the police system sends with its API key, then the rows are the POLICE_SYSTEM’s; a read key may not', async () => {
    const admin = await cityAdmin(app);
    const writer = await apiKeyClient(app, admin, district, ['READ', 'WRITE']);
    const reader = await apiKeyClient(app, admin, district, ['READ']);
    const row = { regionCode: villages[1], month: '2010-01', category: 'PUBLIC_ORDER', cases: 1 };
    expect(codeOf(await record([row], reader as SignedIn))).toBe('FORBIDDEN');
    expect((await record([row], writer as SignedIn)).data!.recordSecurityStatistics.inserted).toBe(1);
    const [{ source }] = await app.db.query(
      `SELECT source FROM security_statistic WHERE region_code = $1 AND month = '2010-01-01'`,
      [villages[1]],
    );
    expect(source).toBe('POLICE_SYSTEM');
  });

  it('when two years are counted, then totals, year-on-year changes, ranks and quiet villages come out of one query', async () => {
    // Village 1: public-order cases every year; village 2: none for three years, criminal cases in 2012;
    // village 3: no criminal case in 2012. Homicides are part of criminal cases, never added twice.
    const rows = [2010, 2011, 2012].flatMap((year) =>
      months(year).flatMap((month) => [
        { regionCode: villages[0], month, category: 'PUBLIC_ORDER', cases: year === 2012 ? 4 : 5 },
        { regionCode: villages[0], month, category: 'CRIMINAL', cases: 2 },
        { regionCode: villages[1], month, category: 'PUBLIC_ORDER', cases: 0 },
        { regionCode: villages[1], month, category: 'CRIMINAL', cases: 1 },
        { regionCode: villages[2], month, category: 'PUBLIC_ORDER', cases: 1 },
        { regionCode: villages[2], month, category: 'CRIMINAL', cases: year === 2012 ? 0 : 1 },
        { regionCode: villages[2], month, category: 'HOMICIDE', cases: year === 2012 ? 0 : 1 },
      ]),
    );
    const res = await record(rows);
    expect(res.errors).toBeUndefined();
    const stats = await officer.gql<{
      securityStats: Record<string, unknown> & {
        byCategory: { category: string; cases: number; previousCases: number; change: number | null }[];
        byChildRegion: unknown[];
        byMonth: unknown[];
      };
    }>(STATS, {
      code: township,
      from: '2012-01',
      to: '2012-12',
      years: 3,
    });
    expect(stats.errors).toBeUndefined();
    const s = stats.data!.securityStats;
    // 2012: 48 + 24 + 0 + 12 + 12 + 0 = 96; 2011: 60 + 24 + 0 + 12 + 12 + 12 = 120.
    expect(s).toMatchObject({ reportedCases: 96, previousReportedCases: 120, reportedCasesChange: -0.2 });
    expect(s.byCategory.find((c) => c.category === 'HOMICIDE')).toEqual({
      category: 'HOMICIDE',
      cases: 0,
      previousCases: 12,
      change: -1,
    });
    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth[0]).toEqual({ month: '2012-01', cases: 8, previousCases: 10 });
    expect(s.byChildRegion).toEqual([
      { regionCode: villages[0], cases: 72, previousCases: 84, change: -12 / 84, rank: 2 },
      { regionCode: villages[1], cases: 12, previousCases: 12, change: 0, rank: 3 },
      { regionCode: villages[2], cases: 12, previousCases: 24, change: -0.5, rank: 1 },
    ]);
    expect(s).toMatchObject({
      villages: 3,
      quietYears: 3,
      villagesWithoutPublicOrderCase: 1,
      villagesWithoutCriminalCase: 1,
    });
    const fromDistrict = await officer.gql<{
      securityStats: { reportedCases: number; byChildRegion: { regionCode: string; cases: number }[] };
    }>(STATS, { code: district, from: '2012-01', to: '2012-12' });
    // Children add up to the parent: the township holds everything, the street nothing.
    const children = fromDistrict.data!.securityStats.byChildRegion;
    expect(children.reduce((a, c) => a + c.cases, 0)).toBe(fromDistrict.data!.securityStats.reportedCases);
    expect(children.find((c) => c.regionCode === township)!.cases).toBe(96);
  });

  it('when figures are inserted, changed, re-sent and deleted, then the rollup securityStats reads equals a scan', async () => {
    const expectEqual = async () => {
      const { rollup, scan } = await securityRollupAndScan(app.db);
      expect(rollup.length).toBeGreaterThan(0);
      expect(rollup).toEqual(scan);
    };
    await expectEqual();
    // The tree's first street: figures at another level and in another branch than the villages'.
    const street = `${district}001`;
    const rows = [
      { regionCode: villages[1], month: '2012-03', category: 'PUBLIC_ORDER', cases: 7 },
      { regionCode: villages[2], month: '2013-01', category: 'FRAUD', cases: 0 },
      { regionCode: street, month: '2012-03', category: 'THEFT', cases: 5 },
    ];
    expect((await record(rows)).errors).toBeUndefined();
    await expectEqual();
    expect((await record(rows)).data!.recordSecurityStatistics.unchanged).toBe(rows.length);
    await app.db.query(`DELETE FROM security_statistic WHERE region_code = $1 AND month = '2012-03-01'`, [
      villages[1],
    ]);
    await expectEqual();
  });

  it('when a survey follows another, then its result carries the change in percentage points', async () => {
    const survey = (year: number, satisfied: number) =>
      officer.gql<{ recordSatisfactionSurvey: { id: string } }>(
        `mutation($input: RecordSatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $input) { id } }`,
        {
          input: {
            idempotencyKey: `survey-${year}-${district}`,
            year,
            regionCode: district,
            sampleSize: 1000,
            method: 'TELEPHONE',
            source: '国家统计局哈尔滨调查队',
            results: [{ question: 'SENSE_OF_SECURITY', group: 'PUBLIC', regionCode: district, satisfied }],
          },
        },
      );
    const first = await survey(2011, 0.925);
    expect((await survey(2011, 0.925)).data!.recordSatisfactionSurvey.id).toBe(
      first.data!.recordSatisfactionSurvey.id,
    );
    expect(codeOf(await survey(2011, 0.93))).toBe('BAD_USER_INPUT');
    await survey(2012, 0.929);
    const trend = await officer.gql<{
      satisfactionTrend: { year: number; satisfied: number; changePoints: number | null }[];
    }>(
      `query($code: String!) { satisfactionTrend(regionCode: $code) { year satisfied previousSatisfied changePoints } }`,
      { code: district },
    );
    const [y2011, y2012] = trend.data!.satisfactionTrend;
    expect(y2011).toMatchObject({ year: 2011, satisfied: 0.925, changePoints: null });
    expect(y2012.year).toBe(2012);
    expect(y2012.changePoints).toBeCloseTo(0.4, 9);
    const bad = await officer.gql(
      `mutation($input: RecordSatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $input) { id } }`,
      {
        input: {
          year: 2012,
          regionCode: district,
          sampleSize: 10,
          method: 'ONLINE',
          source: '测试',
          results: [{ question: 'PUBLIC_ORDER', regionCode: district, satisfied: 96.6 }],
        },
      },
    );
    expect(bad.errors![0].extensions.field).toBe('results.0.satisfied');
  });

  it('when legal-education events and prevention figures are recorded, then they list and add up', async () => {
    const key = randomUUID();
    const event = (title: string) =>
      officer.gql<{ recordLegalEducationEvent: { id: string } }>(
        `mutation($input: RecordLegalEducationEventInput!) { recordLegalEducationEvent(input: $input) { id } }`,
        {
          input: {
            idempotencyKey: key,
            format: 'BIG_LEGAL_FAIR',
            title,
            heldOn: '2012-05-01',
            regionCode: villages[0],
            audience: 300,
            organiser: '县司法局',
          },
        },
      );
    const first = await event('法律大集');
    expect((await event('法律大集')).data!.recordLegalEducationEvent.id).toBe(
      first.data!.recordLegalEducationEvent.id,
    );
    const list = await officer.gql<{ legalEducationEvents: { totalCount: number } }>(
      `query($code: String) { legalEducationEvents(filter: { regionCode: $code, format: [BIG_LEGAL_FAIR] }) { totalCount edges { node { title region { name } } } } }`,
      { code: township },
    );
    expect(list.data!.legalEducationEvents.totalCount).toBe(1);
    const set = (regionCode: string, value: number, coverage: number) =>
      officer.gql(
        `mutation($input: SetPreventionFiguresInput!) { setPreventionFigures(input: $input) { indicator value } }`,
        {
          input: {
            regionCode,
            year: 2012,
            figures: [
              { indicator: 'VIDEO_POINTS', value },
              { indicator: 'VIDEO_COVERAGE', value: coverage },
            ],
          },
        },
      );
    expect((await set(villages[0], 10, 0.8)).errors).toBeUndefined();
    await set(villages[1], 5, 0.5);
    const figures = await officer.gql<{
      preventionFigures: { indicator: string; value: number; regions: number }[];
    }>(
      `query($code: String!) { preventionFigures(regionCode: $code, year: 2012) { indicator name value regions } }`,
      { code: township },
    );
    expect(figures.data!.preventionFigures).toEqual([
      { indicator: 'VIDEO_POINTS', name: '', value: 15, regions: 2 },
    ]);
    expect(codeOf(await set(villages[0], 1.5, 0.5))).toBe('BAD_USER_INPUT');
  });

  it('when tagged residents are counted, then a reader sees counts per child region, never a person', async () => {
    const supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: district });
    const res = await supervisor.gql<{
      residentTagFigures: { totals: { tag: string; residents: number }[] };
    }>(
      `query($code: String) { residentTagFigures(regionCode: $code, tags: [SPECIAL_GROUP, FLOATING_POPULATION]) {
         regionCode totals { tag residents } byChildRegion { regionCode tag residents } } }`,
      { code: district },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.residentTagFigures.totals.map((t) => t.tag)).toEqual([
      'SPECIAL_GROUP',
      'FLOATING_POPULATION',
    ]);
    const auditor = await app.signIn({ roles: ['AUDITOR'], jurisdiction: district });
    expect(codeOf(await auditor.gql(`query { residentTagFigures { regionCode } }`))).toBe('FORBIDDEN');
  });
});
