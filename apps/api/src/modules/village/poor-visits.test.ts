import { regionTree } from '../../test/factories';
import { household } from '../../test/people';
import { startTestApp, type TestApp } from '../../test/test-app';
import { logVisit, ok, one, stationedCounty } from '../../test/villages';

/**
 * The household-months with a visit and their rollups as the triggers keep them, and the same counts recomputed
 * from the visits and the register by a scan written the other way round (every region whose path the fact's
 * lies under). Rows of zeros are left out of both.
 */
const PAIRS: { name: string; kept: string; scan: string }[] = [
  {
    name: 'household-months with a visit',
    kept: `SELECT household_id AS id, to_char(month, 'YYYY-MM') AS month, visits, poor, region_path::text AS path
           FROM household_visit_month`,
    scan: `SELECT v.household_id AS id, to_char(v.visited_on, 'YYYY-MM') AS month, count(*)::int AS visits,
             'POOR_HOUSEHOLD' = ANY(h.tags) AS poor, h.region_path::text AS path
           FROM visit v JOIN household h ON h.id = v.household_id GROUP BY 1, 2, 4, 5`,
  },
  {
    name: 'households visited by region and month',
    kept: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, households_visited, poor_visited
           FROM household_visit_rollup WHERE households_visited <> 0`,
    scan: `SELECT r.code, to_char(v.visited_on, 'YYYY-MM') AS month, count(DISTINCT h.id)::int AS households_visited,
             count(DISTINCT h.id) FILTER (WHERE 'POOR_HOUSEHOLD' = ANY(h.tags))::int AS poor_visited
           FROM region r JOIN household h ON h.region_path <@ r.path JOIN visit v ON v.household_id = h.id
           GROUP BY 1, 2`,
  },
  {
    name: 'households by region, poor or not',
    kept: `SELECT region_code AS code, poor, households FROM household_rollup WHERE households <> 0`,
    scan: `SELECT r.code, 'POOR_HOUSEHOLD' = ANY(h.tags) AS poor, count(*)::int AS households
           FROM region r JOIN household h ON h.region_path <@ r.path GROUP BY 1, 2`,
  },
];

const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('poor households visited on schedule: the household-months and their rollups, kept with the facts', () => {
  let app: TestApp;
  let county: Awaited<ReturnType<typeof stationedCounty>>;

  const expectKeptEqualsScan = async () => {
    for (const pair of PAIRS) {
      const [kept, scan] = [await app.db.query(pair.kept), await app.db.query(pair.scan)];
      expect([pair.name, sorted(kept)]).toEqual([pair.name, sorted(scan)]);
    }
  };
  const tileOf = async (from: string, to: string) => {
    const res = await county.officer.gql<{ commandView: { tiles: { key: string; value: number | null }[] } }>(
      `query($from: String!, $to: String!) { commandView(from: $from, to: $to) { tiles { key value } } }`,
      { from, to },
    );
    return ok(res, 'commandView').commandView.tiles.find((t) => t.key === 'poorVisitsOnSchedule')!.value;
  };

  beforeAll(async () => {
    app = await startTestApp();
    county = await stationedCounty(app);
  });
  afterAll(() => app.close());

  it('when visits are logged, moved to another month and deleted, then each household-month counts once and the rollups equal a scan', async () => {
    const { cadreAccount, poorHome, home } = county;
    const second = await household(app, county.grids[0], { as: county.officer, tags: ['POOR_HOUSEHOLD'] });
    // Twice in March and once in April for the first poor household; March for the second; one for a household
    // that is not poor.
    const logged: string[] = [];
    for (const [h, visitedOn] of [
      [poorHome.id, '2013-03-05'],
      [poorHome.id, '2013-03-25'],
      [poorHome.id, '2013-04-02'],
      [second.id, '2013-03-10'],
      [home.id, '2013-03-11'],
    ])
      logged.push(ok(await logVisit(cadreAccount, { householdId: h, visitedOn }), 'logVisit').logVisit.id);
    await expectKeptEqualsScan();
    // 2 poor households × 2 months due, 3 of them visited (the first in both, the second in March).
    expect(await tileOf('2013-03', '2013-04')).toBeCloseTo(3 / 4, 12);
    expect(await tileOf('2013-03', '2013-03')).toBe(1);

    // An import corrects a day (the API has no such command; the triggers see every writer): March → May.
    await app.db.query(`UPDATE visit SET visited_on = '2013-05-20' WHERE id = $1`, [logged[3]]);
    await expectKeptEqualsScan();
    expect(await tileOf('2013-03', '2013-03')).toBe(0.5);
    // One of the two March visits goes: March still has one.
    await app.db.query(`DELETE FROM visit WHERE id = $1`, [logged[0]]);
    await expectKeptEqualsScan();
    expect(await tileOf('2013-03', '2013-03')).toBe(0.5);
    await app.db.query(`DELETE FROM visit WHERE id = ANY($1)`, [[logged[1], logged[2]]]);
    await expectKeptEqualsScan();
    expect(await tileOf('2013-03', '2013-04')).toBe(0);
  });

  it('when a household leaves poverty or moves, then its months follow it and the rollups still equal a scan', async () => {
    const { cadreAccount, officer, grids } = county;
    const h = await household(app, grids[0], { as: officer, tags: ['POOR_HOUSEHOLD'] });
    ok(await logVisit(cadreAccount, { householdId: h.id, visitedOn: '2013-07-07' }), 'logVisit');
    await expectKeptEqualsScan();
    const updated = await one<{ version: number }>(
      officer,
      `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { version } }`,
      { input: { id: h.id, expectedVersion: h.version, tags: [] } },
    );
    await expectKeptEqualsScan();
    await one(officer, `mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`, {
      input: { id: h.id, expectedVersion: updated.version, regionCode: grids[1] },
    });
    await expectKeptEqualsScan();
    const [row] = await app.db.query(
      `SELECT poor, region_path::text AS path FROM household_visit_month WHERE household_id = $1`,
      [h.id],
    );
    expect(row.poor).toBe(false);
    expect(row.path.endsWith(grids[1])).toBe(true);
  });

  it('when a village with visited households moves to a street of another district, then its months go along and the rollups still equal a scan', async () => {
    const { cadreAccount, poorHome, villages } = county;
    ok(await logVisit(cadreAccount, { householdId: poorHome.id, visitedOn: '2013-08-08' }), 'logVisit');
    const other = await regionTree(app.db, { rural: true, streets: 1, communities: 1, grids: 1 });
    const street = other.rows.find((r) => r.level === 'TOWNSHIP' || r.level === 'STREET')!.code;
    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [street, villages[0]]);
    await expectKeptEqualsScan();
    const [{ months }] = await app.db.query(
      `SELECT count(*)::int AS months FROM household_visit_rollup WHERE region_code = $1 AND poor_visited > 0`,
      [other.districtCode],
    );
    expect(months).toBeGreaterThan(0);
  });
});
