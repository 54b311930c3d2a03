import { regionTree } from '../test/factories';
import { eventIn, HARBIN } from '../test/grid';
import { caseIn, mapLimit, mediator, organization, type CommandRefs } from '../test/mediation';
import { gridsOf, household, resident } from '../test/people';
import { serviceItem, submitApplication } from '../test/services';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';
import { logVisit, stationedCounty } from '../test/villages';

/**
 * Issue 9: no operation issues more than three statements of its own besides BEGIN, the scope and COMMIT, whatever
 * the page depth or size. The server's pool is watched: BEGIN and the scope go in one text through pg's client, and
 * COMMIT through the transaction's runner, so what the pool's `query` sees is the operation's own work.
 */
describe('statements per operation (issue 9)', () => {
  let app: TestApp;
  let supervisor: SignedIn;
  let county: string;
  let caseId: string;
  let serviceCommunity: string;
  let householdId: string;
  let cadreId: string;
  let signedStreet: string;
  /** The month now in China: its report has begun, and this test's facts are in it. */
  const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

  const OPERATIONS: Record<
    string,
    { query: string; variables?: () => Record<string, unknown>; fromMemory?: true }
  > = {
    'a case by id with its region, ancestors, organisation, mediator and parties': {
      query: `query($id: ID!) { disputeCase(id: $id) { id number state region { code name ancestors { name } }
        organization { name } mediator { name } parties { role name contact } } }`,
      variables: () => ({ id: caseId }),
    },
    '50 cases of the county by state, newest first, with mediator and region names': {
      query: `query($code: String!) { disputeCases(filter: { regionCode: $code, state: [ACCEPTED, MEDIATOR_ASSIGNED] },
        first: 50) { totalCount pageInfo { endCursor } edges { node { id number mediator { name } region { name } } } } }`,
      variables: () => ({ code: county }),
    },
    '200 cases with everything a list row shows': {
      query: `{ disputeCases(first: 200) { totalCount edges { node { id organization { name } mediator { name }
        region { qualifiedName parent { name } } deadlineStatus availableCommands } } } }`,
    },
    'the districts of the city': {
      query: `{ region(code: "230100") { children(first: 50) { totalCount edges { node { code name } } } } }`,
      // Children by code are the region tree's in memory (as the region itself is): no statement of their own.
      fromMemory: true,
    },
    'mediationStats of the city for this year': {
      query: `query($from: Date!, $to: Date!) { mediationStats(regionCode: "230100", from: $from, to: $to) {
        accepted mediationRate byType { type accepted } byMonth { month accepted } byChildRegion { regionCode accepted }
        petitionBacklog { backlog } legalClinics { clinics } } }`,
      variables: () => ({
        from: `${new Date().getFullYear()}-01-01`,
        to: `${new Date().getFullYear()}-12-31`,
      }),
    },
    'the command view of the city for this year, with its tiles, children and alerts': {
      query: `query($from: String!, $to: String!) { commandView(from: $from, to: $to) {
        tiles { key value previous change sparkline { month value } } children { regionCode figures { key value } }
        alerts { kind count filter } } }`,
      variables: () => ({ from: `${new Date().getFullYear()}-01`, to: `${new Date().getFullYear()}-12` }),
    },
    'residents of the county, audited': {
      query: `query($code: String!) { residents(filter: { regionCode: $code }, first: 100) { totalCount
        edges { node { id name idNumber phone tags } } } }`,
      variables: () => ({ code: county }),
    },
    '50 new applications of the work queue with their items and places': {
      query: `query($code: String!) { serviceApplications(filter: { regionCode: $code, queue: NEW }, first: 50) {
        totalCount edges { node { id number state dueAt overdue item { name } region { name } availableCommands } } } }`,
      variables: () => ({ code: county }),
    },
    'the convenience map of a place, nearest first': {
      query: `{ nearby(at: { lat: 45.777, lng: 126.623 }, radiusMeters: 1000, first: 50) { totalCount
        edges { node { name category distanceMeters } } } }`,
    },
    'the catalogue of a community with the policies its items rest on': {
      query: `query($code: String!) { serviceItems(filter: { offeredAt: $code }, first: 100) { totalCount
        edges { node { name formFields { key type } policy { title } } } } }`,
      variables: () => ({ code: serviceCommunity }),
    },
    'serviceStats of the city for this year': {
      query: `query($from: Date!, $to: Date!) { serviceStats(regionCode: "230100", from: $from, to: $to) {
        submitted onTimeRate overdue byCategory { category submitted } byMonth { month submitted }
        byChildRegion { regionCode submitted } } }`,
      variables: () => ({
        from: `${new Date().getFullYear()}-01-01`,
        to: `${new Date().getFullYear()}-12-31`,
      }),
    },
    'the grid event queue of the county with deadlines, commands and duplicate hints': {
      query: `query($code: String!) { gridEvents(filter: { regionCode: $code }, first: 50) { totalCount
        edges { node { id number state deadlineStatus availableCommands region { name } duplicateHints { id } } } } }`,
      variables: () => ({ code: county }),
    },
    'the grid-unit list of the county with workers, community, last report and boundary (issue 13)': {
      query: `query($code: String!) { gridUnits(filter: { regionCode: $code }, first: 50) { totalCount
        edges { node { code name hasBoundary lastReportedDay workers { workerName } region { qualifiedName parent { name } } } } } }`,
      variables: () => ({ code: county }),
    },
    'securityStats of the city for 2012': {
      query: `{ securityStats(regionCode: "230100", from: "2012-01", to: "2012-12") { reportedCases reportedCasesChange
        byCategory { category change } byMonth { month cases } byChildRegion { regionCode rank }
        villagesWithoutPublicOrderCase villagesWithoutCriminalCase } }`,
    },
    "a household's timeline: visits, assistance, incomes, disputes, members (issue 10)": {
      query: `query($id: ID!) { householdTimeline(householdId: $id) { at kind what summary refId } }`,
      variables: () => ({ id: householdId }),
    },
    'cadreStats of the city for a year, by child region, work unit and month (issue 10)': {
      query: `{ cadreStats(regionCode: "230100", from: "2012-01-01", to: "2012-12-31") { activeCadres visits
        households householdsVisited poorVisitedOnSchedule assistanceDone disputesResolved income { growth }
        byChildRegion { regionCode visits income { growth } } byWorkUnit { workUnitId visits } byMonth { month visits } } }`,
    },
    'the households due for a visit, 100 with their addresses (issue 10)': {
      query: `query($code: String!) { visitsDue(regionCode: $code, first: 100) { totalCount
        edges { node { id lastVisitedOn household { address } } } } }`,
      variables: () => ({ code: county }),
    },
    "a stationed cadre's page: postings, visits by month, households covered (issue 10)": {
      query: `query($id: ID!) { stationedCadre(id: $id) { name postings { role state handoverNote }
        visitsByMonth { month visits householdsVisited } householdsCovered } }`,
      variables: () => ({ id: cadreId }),
    },
    "the city's monthly report as it stands: every section live, the districts' sign-off (issue 13)": {
      query: `query($month: String!) { monthlyReport(regionCode: "230100", month: $month) { state deadline
        sections { key figures { key value } } children { regionCode state deadline overdue } } }`,
      variables: () => ({ month: thisMonth() }),
    },
    "a street's signed monthly report: its frozen figures, editions and timeline (issue 13)": {
      query: `query($code: String!, $month: String!) { monthlyReport(regionCode: $code, month: $month) { state
        sections { key figures { key value } } editions { edition sections { key } } timeline { command } } }`,
      variables: () => ({ code: signedStreet, month: thisMonth() }),
    },
    'households with their members, audited': {
      query: `query($code: String!) { households(filter: { regionCode: $code }, first: 100) {
        edges { node { address region { qualifiedName } members { name idNumber } } } } }`,
      variables: () => ({ code: county }),
    },
  };

  async function statementsOf(query: string, variables?: Record<string, unknown>) {
    await supervisor.gql(query, variables); // the principal and the reference data are read once, then kept
    const spy = jest.spyOn(app.apiDb, 'query');
    try {
      const res = await supervisor.gql(query, variables);
      expect(res.errors).toBeUndefined();
      return spy.mock.calls.map(([sql]) => String(sql)).filter((sql) => !sql.includes('rate_limit_bucket')); // the rate limit's background sync
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 2, grids: 1 });
    county = tree.districtCode;
    const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const committee = await organization(app.db, community);
    const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: county });
    const refs: CommandRefs = {
      mediatorId: await mediator(app.db, community, [committee]),
      centreId: await organization(
        app.db,
        tree.rows.find((r) => r.level === 'STREET')!.code,
        'COORDINATION_CENTRE',
      ),
    };
    const cases = await mapLimit(
      Array.from({ length: 30 }, (_, i) => i),
      4,
      (i) => caseIn(officer, community, i % 2 ? 'MEDIATOR_ASSIGNED' : 'ACCEPTED', refs),
    );
    caseId = cases[1].id;
    for (const [i, grid] of gridsOf(tree).entries())
      await eventIn(officer, grid, i % 2 ? 'DISPATCHED' : 'REPORTED', { lat: HARBIN.lat, lng: HARBIN.lng });
    for (const grid of gridsOf(tree)) {
      const home = await household(app, grid, { as: officer });
      householdId = home.id;
      await Promise.all([1, 2, 3].map(() => resident(app, home.id, { as: officer })));
    }
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
    signedStreet = tree.rows.find((r) => r.level === 'STREET')!.code;
    // The street signs after its communities, each by its own staff.
    const communities = tree.rows.filter((r) => r.parentCode === signedStreet).map((r) => r.code);
    for (const code of [...communities, signedStreet]) {
      const role = code === signedStreet ? 'STREET_OFFICER' : 'COMMUNITY_STAFF';
      const signer = await app.signIn({ roles: [role], jurisdiction: code });
      const signed = await signer.gql(
        `mutation($input: SignMonthlyReportInput!) { signMonthlyReport(input: $input) { state } }`,
        { input: { regionCode: code, month: thisMonth(), expectedVersion: 0 } },
      );
      expect(signed.errors).toBeUndefined();
    }
    const stationed = await stationedCounty(app);
    await logVisit(stationed.cadreAccount, { householdId: stationed.poorHome.id });
    cadreId = stationed.cadre.id;
    serviceCommunity = community;
    const item = await serviceItem(officer, community);
    const [applicant] = await app.db.query(`SELECT id FROM resident LIMIT 1`);
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        submitApplication(officer, { itemId: item.id, residentId: applicant.id, regionCode: community }),
      ),
    );
  });
  afterAll(() => app.close());

  it.each(Object.keys(OPERATIONS))(
    'when a supervisor asks for %s, then at most 3 statements do the work',
    async (name) => {
      const { query, variables, fromMemory } = OPERATIONS[name];
      const statements = await statementsOf(query, variables?.());
      // At least one, so that the spy is seen to see the work; none where the answer is the tree in memory's.
      if (fromMemory) expect(statements).toEqual([]);
      else expect(statements.length).toBeGreaterThanOrEqual(1);
      expect({ name, statements: statements.length }).toEqual({
        name,
        statements: Math.min(statements.length, 3),
      });
    },
  );

  it('when a page grows from 5 to 200 rows with their relations, then the statements stay as many', async () => {
    const PAGE = `query($first: Int) { residents(first: $first) { edges { node { id household { address region { name } }
      } } } households(first: $first) { edges { node { head { name } members { name } } } } }`;
    expect((await statementsOf(PAGE, { first: 200 })).length).toBe(
      (await statementsOf(PAGE, { first: 5 })).length,
    );
  });

  it('when page 2 follows page 1 by its cursor, then it costs what page 1 cost', async () => {
    const PAGE = `query($after: String) { disputeCases(first: 5, after: $after) { pageInfo { endCursor }
      edges { node { id mediator { name } } } } }`;
    const first = await supervisor.gql<{ disputeCases: { pageInfo: { endCursor: string } } }>(PAGE);
    const after = first.data!.disputeCases.pageInfo.endCursor;
    expect((await statementsOf(PAGE, { after })).length).toBe((await statementsOf(PAGE)).length);
  });
});
