import { chinaDay } from '@qiangji/domain';
import { eventIn } from '../../test/grid';
import { regionTree } from '../../test/factories';
import { gridsOf, household, resident } from '../../test/people';
import { serviceItem, stepOk, submitApplication } from '../../test/services';
import { startTestApp, type TestApp } from '../../test/test-app';
import { logVisit, ok, stationedCounty } from '../../test/villages';

const MONTH = (c: string) => `to_char(date_trunc('month', ${c} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')`;

/**
 * The rollups of the areas beside mediation as the triggers keep them, and the same counts by a scan written the
 * other way round: for every region, the facts whose path lies under its path (`<@`), grouped. Rows of zeros are
 * left out of both.
 */
const PAIRS: { name: string; rollup: string; scan: string }[] = [
  {
    name: 'applications by month submitted',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, submitted, completed, completed_on_time,
               open_due FROM service_application_rollup WHERE submitted <> 0`,
    scan: `SELECT r.code, ${MONTH('a.submitted_at')} AS month, count(*)::int AS submitted,
             count(*) FILTER (WHERE a.state = 'COMPLETED')::int AS completed,
             count(*) FILTER (WHERE a.state = 'COMPLETED' AND a.on_time)::int AS completed_on_time,
             count(*) FILTER (WHERE a.state IN ('SUBMITTED', 'ACCEPTED', 'APPOINTMENT_BOOKED', 'HANDLED_ON_SITE')
               AND a.due_at IS NOT NULL)::int AS open_due
           FROM region r JOIN service_application a ON a.region_path <@ r.path GROUP BY 1, 2`,
  },
  {
    name: 'grid events by month reported',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, reported, closed, closed_on_time, open_due
             FROM grid_event_rollup WHERE reported <> 0`,
    scan: `SELECT r.code, ${MONTH('e.reported_at')} AS month, count(*)::int AS reported,
             count(*) FILTER (WHERE e.state IN ('CLOSED', 'EVALUATED'))::int AS closed,
             count(*) FILTER (WHERE e.state IN ('CLOSED', 'EVALUATED') AND e.closed_at <= e.due_at)::int
               AS closed_on_time,
             count(*) FILTER (WHERE e.state IN ('DISPATCHED', 'IN_DISPOSAL', 'DISPOSED', 'VERIFIED')
               AND e.due_at IS NOT NULL)::int AS open_due
           FROM region r JOIN grid_event e ON e.region_path <@ r.path GROUP BY 1, 2`,
  },
  {
    name: 'reported cases by month',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, reported FROM security_case_rollup
             WHERE reported <> 0`,
    scan: `SELECT r.code, to_char(s.month, 'YYYY-MM') AS month, sum(s.cases)::int AS reported
           FROM region r JOIN security_statistic s ON s.region_path <@ r.path
           WHERE s.category IN ('CRIMINAL', 'PUBLIC_ORDER') GROUP BY 1, 2 HAVING sum(s.cases) <> 0`,
  },
  {
    name: 'visits by month',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, visits FROM visit_rollup
             WHERE visits <> 0`,
    scan: `SELECT r.code, to_char(v.visited_on, 'YYYY-MM') AS month, count(*)::int AS visits
           FROM region r JOIN visit v ON v.region_path <@ r.path GROUP BY 1, 2`,
  },
  {
    name: 'visits by month and cadre',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, cadre_id, visits FROM cadre_visit_rollup
             WHERE visits <> 0`,
    scan: `SELECT r.code, to_char(v.visited_on, 'YYYY-MM') AS month, v.cadre_id, count(*)::int AS visits
           FROM region r JOIN visit v ON v.region_path <@ r.path GROUP BY 1, 2, 3`,
  },
  {
    name: 'visits by year and cadre',
    rollup: `SELECT region_code AS code, to_char(year, 'YYYY') AS year, cadre_id, visits FROM cadre_visit_year_rollup
             WHERE visits <> 0`,
    scan: `SELECT r.code, to_char(v.visited_on, 'YYYY') AS year, v.cadre_id, count(*)::int AS visits
           FROM region r JOIN visit v ON v.region_path <@ r.path GROUP BY 1, 2, 3`,
  },
  {
    name: 'covered grid unit-days by month',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, covered FROM grid_coverage_rollup
             WHERE covered <> 0`,
    scan: `SELECT r.code, to_char(d.day, 'YYYY-MM') AS month, count(DISTINCT (d.region_code, d.day))::int AS covered
           FROM region r JOIN (
             SELECT e.region_code, e.region_path, (e.reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day
             FROM grid_event e
             UNION ALL SELECT z.region_code, z.region_path, z.day FROM zero_report z) d ON d.region_path <@ r.path
           GROUP BY 1, 2`,
  },
];

const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('the rollups of villages, services, grid and security, kept in the transaction of the facts', () => {
  let app: TestApp;
  let county: Awaited<ReturnType<typeof stationedCounty>>;

  const expectRollupsEqualScans = async () => {
    for (const pair of PAIRS) {
      const [rollup, scan] = [await app.db.query(pair.rollup), await app.db.query(pair.scan)];
      expect([pair.name, sorted(rollup)]).toEqual([pair.name, sorted(scan)]);
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    county = await stationedCounty(app);
  });
  afterAll(() => app.close());

  it('when events go round the loop, applications are submitted and completed, figures are recorded twice and cadres visit through the API, then every rollup equals a scan', async () => {
    const { officer, grids, villages } = county;
    // Verifying a disposal is the grid's own work: an administrator takes the events round the loop.
    const admin = await app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: county.county });
    await Promise.all(
      (['REPORTED', 'DISPATCHED', 'IN_DISPOSAL', 'CLOSED', 'EVALUATED'] as const).map((state) =>
        eventIn(admin, grids[0], state),
      ),
    );
    // A zero report on a day with an event and on one without: the unit-day counts once. The second is yesterday,
    // so the unit must have existed then (a tree made today starts today).
    await app.db.query(`UPDATE region SET valid_from = current_date - 7 WHERE code = $1`, [grids[0]]);
    for (const day of [chinaDay(new Date()), chinaDay(Date.now() - 86_400_000)])
      ok(
        await admin.gql(`mutation($input: ReportNothingInput!) { reportNothing(input: $input) { id } }`, {
          input: { regionCode: grids[0], day },
        }),
        'reportNothing',
      );
    // Applications are handled at community service points: a district of its own.
    const town = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const community = town.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const clerk = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: town.districtCode });
    const item = await serviceItem(clerk, community, { onSite: false });
    const home = await household(app, gridsOf(town)[0], { as: clerk });
    const applicant = await resident(app, home.id, { as: clerk });
    const submitted = await Promise.all(
      [0, 1, 2].map(() =>
        submitApplication(clerk, { itemId: item.id, residentId: applicant.id, regionCode: community }),
      ),
    );
    await stepOk(clerk, 'complete', await stepOk(clerk, 'accept', submitted[0]));
    await stepOk(clerk, 'accept', submitted[1]);
    const record = (cases: number) =>
      officer.gql(
        `mutation($input: RecordSecurityStatisticsInput!) { recordSecurityStatistics(input: $input) { inserted } }`,
        {
          input: {
            rows: [
              { regionCode: villages[0], month: '2012-03', category: 'CRIMINAL', cases },
              { regionCode: villages[1], month: '2012-03', category: 'PUBLIC_ORDER', cases: 4 },
              { regionCode: villages[1], month: '2012-03', category: 'THEFT', cases: 2 },
            ],
          },
        },
      );
    ok(await record(7), 'recordSecurityStatistics');
    ok(await record(5), 'recordSecurityStatistics');
    for (const visitedOn of ['2012-06-01', '2012-06-20', '2012-07-02'])
      ok(await logVisit(county.cadreAccount, { householdId: county.poorHome.id, visitedOn }), 'logVisit');
    await expectRollupsEqualScans();
    const [row] = await app.db.query(
      `SELECT reported FROM security_case_rollup WHERE region_code = $1 AND month = '2012-03-01'`,
      [county.county],
    );
    expect(row.reported).toBe(9);
  });

  it('when a deadline passes, then the overdue tiles move with the clock while the rollups stay and still equal a scan', async () => {
    const { officer, grids } = county;
    const view = async () => {
      const res = await officer.gql<{ commandView: { tiles: { key: string; value: number | null }[] } }>(
        `query($from: String!, $to: String!) { commandView(from: $from, to: $to) { tiles { key value } } }`,
        { from: new Date().toISOString().slice(0, 7), to: new Date().toISOString().slice(0, 7) },
      );
      return Object.fromEntries(ok(res, 'commandView').commandView.tiles.map((t) => [t.key, t.value]));
    };
    const before = await view();
    const e = await eventIn(officer, grids[1], 'DISPATCHED');
    expect((await view()).overdueGridEvents).toBe(before.overdueGridEvents);
    await app.db.query(`UPDATE grid_event SET due_at = now() - interval '1 hour' WHERE id = $1`, [e.id]);
    expect((await view()).overdueGridEvents).toBe((before.overdueGridEvents ?? 0) + 1);
    await expectRollupsEqualScans();
  });
});
