import { regionTree } from '../../test/factories';
import { reportEvent } from '../../test/grid';
import { chinaDay } from '../../test/mediation';
import { cityAdmin, codeOf, gridsOf, household } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

describe('grid units, their workers, households and zero reports', () => {
  let app: TestApp;
  let grids: string[];
  let district: string;
  let community: string;
  let officer: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 3 });
    grids = gridsOf(tree);
    district = tree.districtCode;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    // Units drawn in 2011, so that workers can have been on them since 2012.
    await app.db.query(`UPDATE region SET valid_from = '2011-01-01' WHERE code = ANY($1)`, [grids]);
    officer = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
  });
  afterAll(() => app.close());

  it('when a worker is assigned and later replaced, then the unit keeps both with their dates, current first', async () => {
    const account = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grids[0] });
    const assign = (input: Record<string, unknown>) =>
      officer.gql<{ assignGridWorker: { id: string; version: number } }>(
        `mutation($input: AssignGridWorkerInput!) { assignGridWorker(input: $input) { id version } }`,
        { input: { regionCode: grids[0], workerName: '王秀梅', validFrom: '2012-01-01', ...input } },
      );
    const first = (await assign({ userId: account.userId })).data!.assignGridWorker;
    expect(codeOf(await assign({ userId: account.userId }))).toBe('CONFLICT');
    const stranger = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: grids[0] });
    const refused = await assign({ userId: stranger.userId });
    expect(refused.errors![0].extensions.field).toBe('userId');
    const ended = await officer.gql(
      `mutation($input: EndGridWorkerAssignmentInput!) { endGridWorkerAssignment(input: $input) { validTo } }`,
      { input: { id: first.id, expectedVersion: first.version, validTo: '2012-06-30' } },
    );
    expect(ended.errors).toBeUndefined();
    await assign({ workerName: '李建国', validFrom: '2012-07-01' });
    const unit = await officer.gql<{
      gridUnit: { workers: { workerName: string; validFrom: string; validTo: string | null }[] };
    }>(
      `query($code: String!) { gridUnit(code: $code) { code name workers { workerName validFrom validTo } } }`,
      { code: grids[0] },
    );
    expect(unit.data!.gridUnit.workers).toEqual([
      { workerName: '李建国', validFrom: '2012-07-01', validTo: null },
      { workerName: '王秀梅', validFrom: '2012-01-01', validTo: '2012-06-30' },
    ]);
  });

  it('when a household moves between units twice, then it is in exactly one and its history keeps the others', async () => {
    const h = await household(app, grids[0]);
    const move = async (to: string, on: string, version: number) =>
      officer.gql<{ moveHouseholdToGridUnit: { regionCode: string; version: number } }>(
        `mutation($input: MoveHouseholdToGridUnitInput!) { moveHouseholdToGridUnit(input: $input) { regionCode version } }`,
        { input: { householdId: h.id, expectedVersion: version, regionCode: to, on } },
      );
    const today = chinaDay(0);
    const first = await move(grids[1], today, h.version);
    expect(first.errors).toBeUndefined();
    const second = await move(grids[2], today, first.data!.moveHouseholdToGridUnit.version);
    expect(second.data!.moveHouseholdToGridUnit.regionCode).toBe(grids[2]);
    expect(codeOf(await move(grids[2], today, second.data!.moveHouseholdToGridUnit.version))).toBe(
      'BAD_USER_INPUT',
    );
    const history = await officer.gql<{
      household: { gridHistory: { regionCode: string; validTo: string | null }[] };
    }>(`query($id: ID!) { household(id: $id) { gridHistory { regionCode validFrom validTo } } }`, {
      id: h.id,
    });
    const rows = history.data!.household.gridHistory;
    expect(rows.filter((r) => r.validTo === null).map((r) => r.regionCode)).toEqual([grids[2]]);
    expect(rows.map((r) => r.regionCode).sort()).toEqual([...grids].sort());
    const future = await move(grids[0], chinaDay(-2), second.data!.moveHouseholdToGridUnit.version);
    expect(future.errors![0].extensions.field).toBe('on');
  });

  it('when the unit page is read, then its households, residents by tag and open events come with it', async () => {
    await household(app, grids[1], { tags: ['POOR_HOUSEHOLD'] });
    const e = await reportEvent(officer, grids[1]);
    const res = await officer.gql<{
      gridUnit: {
        households: { totalCount: number };
        residentTags: { tag: string; residents: number }[];
        openEvents: { edges: { node: { id: string } }[] };
      };
    }>(
      `query($code: String!) { gridUnit(code: $code) {
         households(first: 5) { totalCount } residentTags { tag residents } openEvents(first: 10) { edges { node { id } } } } }`,
      { code: grids[1] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.gridUnit.households.totalCount).toBeGreaterThanOrEqual(1);
    expect(res.data!.gridUnit.residentTags.map((t) => t.tag)).toContain('SPECIAL_GROUP');
    expect(res.data!.gridUnit.openEvents.edges.map((x) => x.node.id)).toContain(e.id);
  });

  it('when units report events, zero reports or nothing, then the coverage counts unit-days and lists the gaps', async () => {
    const day = chinaDay(1);
    const yesterday = new Date(`${day}T12:00:00+08:00`).toISOString();
    // grids[0]: an event yesterday; grids[1]: a zero report; grids[2]: nothing (a gap).
    await reportEvent(officer, grids[0], { reportedAt: yesterday });
    const zero = (regionCode: string) =>
      officer.gql<{ reportNothing: { day: string } }>(
        `mutation($input: ReportNothingInput!) { reportNothing(input: $input) { day reporterName } }`,
        { input: { regionCode, day } },
      );
    expect((await zero(grids[1])).data!.reportNothing.day).toBe(day);
    expect((await zero(grids[1])).errors).toBeUndefined();
    const coverage = await officer.gql<{ gridCoverage: Record<string, number> }>(
      `query($code: String, $from: Date!, $to: Date!) { gridCoverage(regionCode: $code, from: $from, to: $to) {
         gridUnits unitDays coveredUnitDays coverageRate gapUnits } }`,
      { code: community, from: day, to: day },
    );
    expect(coverage.data!.gridCoverage).toEqual({
      gridUnits: 3,
      unitDays: 3,
      coveredUnitDays: 2,
      coverageRate: 2 / 3,
      gapUnits: 1,
    });
    const gaps = await officer.gql<{
      gridCoverageGaps: {
        totalCount: number;
        edges: { node: { regionCode: string; missingDays: number } }[];
      };
    }>(
      `query($code: String, $from: Date!, $to: Date!) { gridCoverageGaps(regionCode: $code, from: $from, to: $to, first: 10) {
         totalCount edges { node { regionCode missingDays region { name } } } } }`,
      { code: community, from: day, to: day },
    );
    expect(gaps.data!.gridCoverageGaps.totalCount).toBe(1);
    expect(gaps.data!.gridCoverageGaps.edges[0].node).toMatchObject({ regionCode: grids[2], missingDays: 1 });
    const tooLong = await officer.gql(
      `query { gridCoverage(from: "2012-01-01", to: "2012-06-30") { unitDays } }`,
    );
    expect(tooLong.errors![0].extensions.field).toBe('to');
  });

  it('when the list is filtered (name, subtree, days unreported), then its filter answers as the old arguments did, with each unit’s last report', async () => {
    const day = chinaDay(1);
    type Units = { gridUnits: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
    const LIST = `query($filter: GridUnitFilter) { gridUnits(filter: $filter, first: 10) { totalCount
      edges { node { code name hasBoundary lastReportedDay workers { workerName } region { parent { code } } } } } }`;
    const list = async (filter: Record<string, unknown>) =>
      (await officer.gql<Units>(LIST, { filter })).data!.gridUnits;
    const unreported = await list({ regionCode: community, unreportedFrom: day, unreportedTo: day });
    expect(unreported.edges.map((e) => e.node.code)).toEqual([grids[2]]);
    const old = await officer.gql<Units>(
      `query($code: String, $from: Date, $to: Date) { gridUnits(regionCode: $code, unreportedFrom: $from, unreportedTo: $to) { totalCount } }`,
      { code: community, from: day, to: day },
    );
    expect(old.data!.gridUnits.totalCount).toBe(unreported.totalCount);
    const all = await list({ regionCode: community });
    expect(all.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ code: grids[0], hasBoundary: false, lastReportedDay: day }),
      expect.objectContaining({ code: grids[1], lastReportedDay: chinaDay(0) }),
      expect.objectContaining({
        code: grids[2],
        lastReportedDay: null,
        region: { parent: { code: community } },
      }),
    ]);
    expect((await list({ regionCode: community, q: '第3网' })).edges.map((e) => e.node.code)).toEqual([
      grids[2],
    ]);
    expect((await list({ q: grids[1] })).edges.map((e) => e.node.code)).toEqual([grids[1]]);
    const both = await officer.gql(
      `{ gridUnits(regionCode: "${community}", filter: { q: "网格" }) { totalCount } }`,
    );
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const half = await officer.gql(`{ gridUnits(filter: { unreportedFrom: "${day}" }) { totalCount } }`);
    expect(half.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unreportedTo' });
  });

  it('when a unit is redrawn, then a past week counts by the units valid then', async () => {
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 2 });
    const [old, replacement] = gridsOf(tree);
    // The first unit closed on 2012-03-05 and the second replaced it.
    await app.db.query(
      `UPDATE region SET valid_from = '2012-01-01', valid_to = '2012-03-05' WHERE code = $1`,
      [old],
    );
    await app.db.query(`UPDATE region SET valid_from = '2012-03-05' WHERE code = $1`, [replacement]);
    const admin = await cityAdmin(app);
    const res = await admin.gql<{ gridCoverage: { gridUnits: number; unitDays: number } }>(
      `query($code: String) { gridCoverage(regionCode: $code, from: "2012-03-01", to: "2012-03-07") { gridUnits unitDays } }`,
      { code: tree.districtCode },
    );
    expect(res.data!.gridCoverage).toEqual({ gridUnits: 2, unitDays: 7 });
  });

  it('when someone of another district asks for a unit, then FORBIDDEN', async () => {
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const outsider = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: other.districtCode });
    const res = await outsider.gql(`query($code: String!) { gridUnit(code: $code) { code } }`, {
      code: grids[0],
    });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(district).not.toBe(other.districtCode);
  });
});
