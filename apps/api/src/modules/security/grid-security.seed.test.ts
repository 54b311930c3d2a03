import { formatPercent, GRID_EVENT_STATES } from '@qiangji/domain';
import { chinaDay } from '../../test/mediation';
import { cityAdmin } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { NO_CRIMINAL_SHARE, QUIET_SHARE, TONGHE } from './security.seed';

describe('the grid and public-security demo data', () => {
  let app: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    // A copy of the run's seeded demo; the first file to ask seeds it (on a busy machine, a minute and more).
    app = await startTestApp({}, { seeded: true });
    admin = await cityAdmin(app);
  }, 180_000);
  afterAll(() => app.close());

  const stats = (code: string) =>
    admin.gql<{
      securityStats: {
        reportedCases: number;
        previousReportedCases: number;
        reportedCasesChange: number;
        byCategory: { category: string; cases: number; change: number }[];
        byChildRegion: { regionCode: string; cases: number; rank: number | null }[];
        villages: number;
        villagesWithoutPublicOrderCase: number;
        villagesWithoutCriminalCase: number;
      };
    }>(
      `query($code: String!) { securityStats(regionCode: $code, from: "2012-01", to: "2012-12") {
         reportedCases previousReportedCases reportedCasesChange byCategory { category cases change }
         byChildRegion { regionCode cases rank } villages villagesWithoutPublicOrderCase villagesWithoutCriminalCase } }`,
      { code },
    );

  it('when 2012 is compared with 2011, then the city’s cases fell 19.8% and its homicides 18.3%, districts adding up', async () => {
    const res = await stats('230100');
    expect(res.errors).toBeUndefined();
    const s = res.data!.securityStats;
    expect([s.reportedCases, s.previousReportedCases]).toEqual([72_180, 90_000]);
    expect(formatPercent(s.reportedCasesChange)).toBe('-19.8%');
    expect(formatPercent(s.byCategory.find((c) => c.category === 'HOMICIDE')!.change)).toBe('-18.3%');
    expect(s.byChildRegion).toHaveLength(18);
    expect(s.byChildRegion.reduce((a, c) => a + c.cases, 0)).toBe(s.reportedCases);
    expect(s.byChildRegion.map((c) => c.rank).sort((a, b) => a! - b!)[0]).toBe(1);
  });

  it('when 通河县’s villages are counted, then the article’s shares are quiet for three years and free of criminal cases', async () => {
    const s = (await stats(TONGHE)).data!.securityStats;
    expect(s.villages).toBeGreaterThan(5);
    expect(s.villagesWithoutPublicOrderCase).toBe(Math.round(s.villages * QUIET_SHARE));
    expect(s.villagesWithoutCriminalCase).toBe(Math.round(s.villages * NO_CRIMINAL_SHARE));
    const city = (await stats('230100')).data!.securityStats;
    expect(city.villagesWithoutPublicOrderCase).toBe(s.villagesWithoutPublicOrderCase);
  });

  it('when the surveys are read, then 92.5% in 2011, 92.9% in 2012 (+0.4 points), farmers 96.6%', async () => {
    const trend = (code: string, question: string, group: string) =>
      admin.gql<{ satisfactionTrend: { year: number; satisfied: number; changePoints: number | null }[] }>(
        `query($code: String!, $q: SurveyQuestion!, $g: SurveyGroup!) {
           satisfactionTrend(regionCode: $code, question: $q, group: $g) { year satisfied changePoints } }`,
        { code, q: question, g: group },
      );
    const city = (await trend('230100', 'SENSE_OF_SECURITY', 'PUBLIC')).data!.satisfactionTrend;
    expect(city.map((r) => [r.year, formatPercent(r.satisfied)])).toEqual([
      [2010, '91.8%'],
      [2011, '92.5%'],
      [2012, '92.9%'],
    ]);
    expect(city[2].changePoints).toBeCloseTo(0.4, 9);
    const farmers = (await trend(TONGHE, 'PUBLIC_ORDER', 'FARMERS')).data!.satisfactionTrend;
    expect(formatPercent(farmers.at(-1)!.satisfied)).toBe('96.6%');
  });

  it('when the grid events are counted, then a few hundred lie across every state of the loop but referral', async () => {
    const rows: { state: string; n: number }[] = await app.db.query(
      `SELECT state, count(*)::int AS n FROM grid_event GROUP BY state`,
    );
    const total = rows.reduce((a, r) => a + r.n, 0);
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(500);
    for (const state of GRID_EVENT_STATES.filter((s) => s !== 'REFERRED'))
      expect([state, rows.some((r) => r.state === state)]).toEqual([state, true]);
    // Each event's version and state are those its timeline's steps left.
    const [{ wrong }] = await app.db.query(
      `SELECT count(*)::int AS wrong FROM grid_event e
       WHERE e.version <> (SELECT count(*) FROM grid_event_step s WHERE s.event_id = e.id)
          OR e.state <> (SELECT s.to_state FROM grid_event_step s WHERE s.event_id = e.id ORDER BY s.id DESC LIMIT 1)`,
    );
    expect(wrong).toBe(0);
  });

  it('when the last week is covered, then most unit-days have a report and some units have gaps', async () => {
    const res = await admin.gql<{
      gridCoverage: { coverageRate: number; gapUnits: number; gridUnits: number };
    }>(
      `query($from: Date!, $to: Date!) { gridCoverage(from: $from, to: $to) { coverageRate gapUnits gridUnits } }`,
      { from: chinaDay(7), to: chinaDay(1) },
    );
    const c = res.data!.gridCoverage;
    expect(c.coverageRate).toBeGreaterThan(0.8);
    expect(c.coverageRate).toBeLessThan(0.97);
    expect(c.gapUnits).toBeGreaterThan(0);
    expect(c.gapUnits).toBeLessThan(c.gridUnits);
  });

  it('when the event queue and the loop figures are read, then the city sees its open events and its punctuality', async () => {
    const res = await admin.gql<{
      gridEvents: { totalCount: number };
      gridLoopFigures: { closed: number; onTimeRate: number };
    }>(
      `query($from: Date!, $to: Date!) { gridEvents(filter: { state: [DISPATCHED, IN_DISPOSAL] }, first: 20) { totalCount }
         gridLoopFigures(from: $from, to: $to) { closed onTimeRate } }`,
      { from: chinaDay(40), to: chinaDay(0) },
    );
    expect(res.data!.gridEvents.totalCount).toBeGreaterThan(10);
    expect(res.data!.gridLoopFigures.closed).toBeGreaterThan(50);
    expect(res.data!.gridLoopFigures.onTimeRate).toBeGreaterThan(0.6);
    expect(res.data!.gridLoopFigures.onTimeRate).toBeLessThan(1);
  });
});
