import { regionTree } from '../../test/factories';
import { household } from '../../test/people';
import { startTestApp, type TestApp } from '../../test/test-app';
import { cadre, logVisit, ok, one, startPosting, stationedCounty, workUnit } from '../../test/villages';

const ANY_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * Every region's household-months with a visit under it, by the unit and by any unit, recomputed from the visits
 * the other way round: the previous month as the latest earlier one, the run's start as the latest month at or
 * before this one whose month before has no visit.
 */
const CHAINS = `WITH hm AS (
    SELECT r.code, r.path, u.unit, v.household_id, date_trunc('month', v.visited_on)::date AS month
    FROM region r JOIN visit v ON v.region_path <@ r.path
    CROSS JOIN LATERAL (VALUES (v.work_unit_id), ('${ANY_UNIT}'::uuid)) u (unit)
    GROUP BY 1, 2, 3, 4, 5)
  SELECT a.code, a.unit::text, a.household_id::text AS id, a.month::text,
    coalesce((SELECT max(b.month) FROM hm b
      WHERE (b.code, b.unit, b.household_id) = (a.code, a.unit, a.household_id) AND b.month < a.month),
      '-infinity')::text AS previous,
    (SELECT max(b.month) FROM hm b
      WHERE (b.code, b.unit, b.household_id) = (a.code, a.unit, a.household_id) AND b.month <= a.month
        AND NOT EXISTS (SELECT 1 FROM hm c WHERE (c.code, c.unit, c.household_id) = (a.code, a.unit, a.household_id)
          AND c.month = (b.month - interval '1 month')::date))::text AS run_start,
    (SELECT coalesce(min(k.code), '') FROM region k WHERE k.parent_code = a.code AND h.region_path <@ k.path)
      AS home, h.region_path <@ a.path AS inside, 'POOR_HOUSEHOLD' = ANY(h.tags) AS poor, a.path::text
  FROM hm a JOIN household h ON h.id = a.household_id`;

/** The kept tables and rollups, and the same recomputed (rows of zeros left out of both). */
const PAIRS: { name: string; kept: string; scan: string }[] = [
  {
    name: 'household chains by region above, unit and month',
    // A chain by any unit with its only unit stands for that unit's chain too.
    kept: `SELECT c.region_code AS code, u.unit::text, c.household_id::text AS id, c.month::text,
             c.previous::text, c.run_start::text, coalesce(c.home, '') AS home, c.home IS NOT NULL AS inside, c.poor,
             c.region_path::text AS path
           FROM household_visit_chain c
           CROSS JOIN LATERAL (VALUES (c.work_unit_id), (c.only_unit)) u (unit) WHERE u.unit IS NOT NULL`,
    scan: `SELECT code, unit, id, month, previous, run_start, CASE WHEN inside THEN home ELSE '' END AS home, inside, poor, path
           FROM (${CHAINS}) s`,
  },
  {
    name: 'households visited by region, unit, month and previous month',
    kept: `SELECT region_code AS code, work_unit_id::text AS unit, month::text, previous::text, households
           FROM household_visit_chain_rollup WHERE households <> 0`,
    scan: `SELECT code, unit, month, previous, count(*)::int AS households FROM (${CHAINS}) s GROUP BY 1, 2, 3, 4`,
  },
  {
    name: 'poor households living under the region by their run of visited months',
    kept: `SELECT region_code AS code, month::text, run_start::text, home, households
           FROM poor_visit_run_rollup WHERE households <> 0`,
    scan: `SELECT code, month, run_start, home, count(*)::int AS households FROM (${CHAINS}) s
           WHERE unit = '${ANY_UNIT}' AND poor AND inside GROUP BY 1, 2, 3, 4`,
  },
  {
    name: 'households by region and first visited month',
    kept: `SELECT region_code AS code, month::text, households FROM household_first_visit_rollup
           WHERE households <> 0`,
    scan: `SELECT r.code, f.month::text, count(*)::int AS households
           FROM (SELECT v.household_id, date_trunc('month', min(v.visited_on))::date AS month FROM visit v GROUP BY 1) f
           JOIN household h ON h.id = f.household_id JOIN region r ON h.region_path <@ r.path GROUP BY 1, 2`,
  },
  {
    name: 'visits by region, work unit and month',
    kept: `SELECT region_code AS code, work_unit_id::text AS unit, month::text, visits FROM visit_unit_rollup
           WHERE visits <> 0`,
    scan: `SELECT r.code, v.work_unit_id::text AS unit, date_trunc('month', v.visited_on)::date::text AS month,
             count(*)::int AS visits
           FROM region r JOIN visit v ON v.region_path <@ r.path GROUP BY 1, 2, 3`,
  },
];

const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

const STATS = `query($r: String!, $f: Date!, $t: Date!) { cadreStats(regionCode: $r, from: $f, to: $t) {
  activeCadres villagesCovered visits households householdsVisited householdsNeverVisited poorHouseholds
  poorVisitedOnSchedule poorVisitMonths poorVisitMonthsDue onScheduleRate assistanceDone disputesReported
  disputesResolved cadresBelowTarget visitCoverage
  byChildRegion { regionCode visits households householdsVisited householdsNeverVisited poorHouseholds poorVisitedOnSchedule }
  byWorkUnit { workUnitId activeCadres visits householdsVisited } byMonth { month visits householdsVisited } } }`;

describe('cadreStats over whole months: the household chains and their rollups, kept with the visits', () => {
  let app: TestApp;
  let w: Awaited<ReturnType<typeof stationedCounty>>;
  let secondPosting: string;

  const expectKeptEqualsScan = async () => {
    for (const pair of PAIRS) {
      const [kept, scan] = [await app.db.query(pair.kept), await app.db.query(pair.scan)];
      expect([pair.name, sorted(kept)]).toEqual([pair.name, sorted(scan)]);
    }
  };
  const stats = (regionCode: string, from: string, to: string) =>
    one<Record<string, unknown>>(w.officer, STATS, { r: regionCode, f: from, t: to });
  /**
   * Whole months read the rollups; the same months from their second day scan the visits. With no visit on the
   * first day, every figure is the same.
   */
  const expectRollupsEqualScan = async (regionCode: string, from: string, to: string) => {
    const [rollups, scan] = [
      await stats(regionCode, `${from}-01`, to),
      await stats(regionCode, `${from}-02`, to),
    ];
    expect(rollups.visits).toEqual(expect.any(Number));
    expect(rollups).toEqual(scan);
  };
  const log = async (householdId: string, visitedOn: string, postingId?: string) =>
    ok(
      await logVisit(postingId ? w.officer : w.cadreAccount, { householdId, visitedOn, postingId }),
      'logVisit',
    ).logVisit.id;

  beforeAll(async () => {
    app = await startTestApp();
    w = await stationedCounty(app);
    const unit = await workUnit(w.officer, w.county);
    const second = await cadre(w.officer, unit, w.villages[0]);
    secondPosting = (await startPosting(w.officer, second.id, w.villages[0])).id;
  });
  afterAll(() => app.close());

  it('when visits are logged, moved to another day, household or unit, and deleted, then the chains and rollups equal a scan and cadreStats the scan of its visits', async () => {
    const { poorHome, home } = w;
    const ids: string[] = [];
    for (const [h, day] of [
      [poorHome.id, '2013-01-10'],
      [poorHome.id, '2013-02-11'],
      [poorHome.id, '2013-02-20'],
      [poorHome.id, '2013-04-03'],
      [home.id, '2013-02-12'],
      [home.id, '2013-05-12'],
    ])
      ids.push(await log(h, day));
    ids.push(await log(poorHome.id, '2013-05-05', secondPosting));
    await expectKeptEqualsScan();
    await expectRollupsEqualScan(w.county, '2013-01', '2013-05-31');
    await expectRollupsEqualScan(w.villages[0], '2013-02', '2013-04-30');

    // March filled: one run from January through May for the poor household.
    await app.db.query(`UPDATE visit SET visited_on = '2013-03-15' WHERE id = $1`, [ids[2]]);
    await expectKeptEqualsScan();
    const filled = await stats(w.county, '2013-01-01', '2013-05-31');
    expect(filled).toMatchObject({ poorVisitedOnSchedule: 1, householdsVisited: 2 });
    await expectRollupsEqualScan(w.county, '2013-02', '2013-05-31');

    // Another household's visit, then another unit's; then February's only visit of the poor household goes.
    await app.db.query(`UPDATE visit SET household_id = $2 WHERE id = $1`, [ids[4], poorHome.id]);
    await app.db.query(
      `UPDATE visit SET work_unit_id = (SELECT work_unit_id FROM visit WHERE id = $2) WHERE id = $1`,
      [ids[0], ids[6]],
    );
    await expectKeptEqualsScan();
    await app.db.query(`DELETE FROM visit WHERE id = ANY($1)`, [[ids[1], ids[4]]]);
    await expectKeptEqualsScan();
    const split = await stats(w.county, '2013-01-01', '2013-05-31');
    expect(split).toMatchObject({ poorVisitedOnSchedule: 0 });
    await expectRollupsEqualScan(w.county, '2013-01', '2013-05-31');
    await expectRollupsEqualScan(w.county, '2013-03', '2013-05-31');
  });

  it('when a household moves, leaves poverty, or its village moves to another district, then its chains follow and equal a scan', async () => {
    const h = await household(app, w.grids[0], { as: w.officer, tags: ['POOR_HOUSEHOLD'] });
    for (const day of ['2013-07-07', '2013-08-08', '2013-09-09']) await log(h.id, day);
    await expectKeptEqualsScan();
    await expectRollupsEqualScan(w.county, '2013-07', '2013-09-30');

    const moved = await one<{ version: number }>(
      w.officer,
      `mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { version } }`,
      { input: { id: h.id, expectedVersion: h.version, regionCode: w.grids[1] } },
    );
    await expectKeptEqualsScan();
    // Visited under the first village, it lives under the second now: the county counts it, by its new home.
    await expectRollupsEqualScan(w.county, '2013-07', '2013-09-30');
    await one(
      w.officer,
      `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { version } }`,
      { input: { id: h.id, expectedVersion: moved.version, tags: [] } },
    );
    await expectKeptEqualsScan();
    await expectRollupsEqualScan(w.county, '2013-07', '2013-09-30');

    const other = await regionTree(app.db, { rural: true, streets: 1, communities: 1, grids: 1 });
    const street = other.rows.find((r) => r.level === 'TOWNSHIP' || r.level === 'STREET')!.code;
    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [street, w.villages[0]]);
    await expectKeptEqualsScan();
    const [{ households }] = await app.db.query(
      `SELECT count(DISTINCT household_id)::int AS households FROM household_visit_chain WHERE region_code = $1`,
      [other.districtCode],
    );
    expect(households).toBeGreaterThan(0);
  });
});
