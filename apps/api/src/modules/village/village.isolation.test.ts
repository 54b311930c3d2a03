import { Client } from 'pg';
import { codeOf } from '../../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';
import { logVisit, one, stationedCounty } from '../../test/villages';

type World = Awaited<ReturnType<typeof stationedCounty>>;

const refused = (res: GraphQLResponse<unknown>, code: string) => {
  expect(codeOf(res)).toBe(code);
  expect(res.data ?? null).toBeNull();
};

/**
 * Villages' people and work are scoped like the registry: an officer of county B sees none of county A's
 * pairings, cadres, postings, visits, assistance, profiles or safety records, in lists, by id, nested or counted,
 * and writes none of them; the city sees both; the database refuses rows to a request without a scope.
 */
describe('villages and stationed cadres across jurisdictions', () => {
  let app: TestApp;
  let a: World;
  let b: World;
  let city: SignedIn;
  const ids = {} as { visitA: string; assistanceA: string; disputeCaseA: string };

  beforeAll(async () => {
    app = await startTestApp();
    a = await stationedCounty(app);
    b = await stationedCounty(app);
    city = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
    ids.visitA = (
      await logVisit(a.cadreAccount, { householdId: a.poorHome.id, purpose: 'DISPUTE' })
    ).data!.logVisit.id;
    ids.assistanceA = (
      await one<{ id: string }>(
        a.cadreAccount,
        `mutation($input: PlanAssistanceInput!) { planAssistance(input: $input) { id } }`,
        {
          input: {
            householdId: a.poorHome.id,
            type: 'LOAN',
            description: '小额贷款',
            plannedOn: '2012-05-01',
          },
        },
      )
    ).id;
    ids.disputeCaseA = (
      await one<{ disputeCaseId: string }>(
        a.cadreAccount,
        `mutation($input: ReportVisitDisputeInput!) { reportVisitDispute(input: $input) { disputeCaseId } }`,
        {
          input: {
            visitId: ids.visitA,
            type: 'LAND',
            title: '甲县地界纠纷',
            description: '地界',
            parties: [{ role: 'APPLICANT', name: '甲某' }],
            peopleInvolved: 1,
            householdsInvolved: 1,
          },
        },
      )
    ).disputeCaseId;
    for (const w of [a, b])
      await one(
        w.officer,
        `mutation($input: RecordVillageSafetyInput!) { recordVillageSafety(input: $input) { year } }`,
        { input: { villageCode: w.villages[0], year: 2012, publicOrderCases: 1, criminalCases: 0 } },
      );
  });
  afterAll(() => app.close());

  const LISTS: Record<string, string> = {
    pairings: `pairings { totalCount edges { node { id } } }`,
    stationedCadres: `stationedCadres { totalCount edges { node { id } } }`,
    postings: `postings { totalCount edges { node { id } } }`,
    visits: `visits { totalCount edges { node { id } } }`,
    assistances: `assistances { totalCount edges { node { id } } }`,
    villageIndicators: `villageIndicators { totalCount edges { node { id } } }`,
  };

  it.each(Object.keys(LISTS))(
    'when county B lists %s, then it sees only its own, and the city both',
    async (name) => {
      const count = async (who: SignedIn) =>
        (await one<{ totalCount: number }>(who, `{ ${LISTS[name]} }`)).totalCount;
      const [mine, theirs, all] = await Promise.all([count(b.officer), count(a.officer), count(city)]);
      expect(all).toBeGreaterThanOrEqual(mine + theirs);
      const filtered = await b.officer.gql(
        `query($r: String) { ${LISTS[name].replace(name, `${name}(filter: { regionCode: $r })`)} }`,
        {
          r: a.county,
        },
      );
      refused(filtered, 'FORBIDDEN');
    },
  );

  it('when county B reads the households due for a visit, then none is A’s, A’s region is refused, the city has both', async () => {
    const DUE = `query($r: String) { visitsDue(regionCode: $r, first: 200) { totalCount edges { node { id } } } }`;
    const due = async (who: SignedIn) =>
      (await one<{ totalCount: number; edges: { node: { id: string } }[] }>(who, DUE)).edges.map(
        (e) => e.node.id,
      );
    const [mine, all] = await Promise.all([due(b.officer), due(city)]);
    expect(mine).not.toContain(a.home.id);
    expect(mine).toContain(b.home.id);
    expect(all).toEqual(expect.arrayContaining([a.home.id, b.home.id]));
    refused(await b.officer.gql(DUE, { r: a.county }), 'FORBIDDEN');
  });

  it('when county B asks for county A’s things by id, then they are not found', async () => {
    refused(
      await b.officer.gql(`query($id: ID!) { visit(id: $id) { id } }`, { id: ids.visitA }),
      'NOT_FOUND',
    );
    refused(
      await b.officer.gql(`query($id: ID!) { assistance(id: $id) { id } }`, { id: ids.assistanceA }),
      'NOT_FOUND',
    );
    refused(
      await b.officer.gql(`query($id: ID!) { posting(id: $id) { id } }`, { id: a.posting.id }),
      'NOT_FOUND',
    );
    refused(
      await b.officer.gql(`query($id: ID!) { stationedCadre(id: $id) { id } }`, { id: a.cadre.id }),
      'NOT_FOUND',
    );
    refused(
      await b.officer.gql(`query($c: String!) { village(code: $c) { code } }`, { c: a.villages[0] }),
      'FORBIDDEN',
    );
    refused(
      await b.officer.gql(`query($id: ID!) { householdTimeline(householdId: $id) { kind } }`, {
        id: a.poorHome.id,
      }),
      'NOT_FOUND',
    );
  });

  it('when county A reads its own nested relations, then they are there; the city’s view of B’s case shows no A visit', async () => {
    const visit = await one<{
      household: { id: string };
      posting: { id: string };
      disputeCase: { visit: { id: string } };
    }>(
      a.officer,
      `query($id: ID!) { visit(id: $id) { household { id } posting { id } disputeCase { id visit { id } } } }`,
      { id: ids.visitA },
    );
    expect(visit).toMatchObject({
      household: { id: a.poorHome.id },
      posting: { id: a.posting.id },
      disputeCase: { visit: { id: ids.visitA } },
    });
    refused(
      await b.officer.gql(`query($id: ID!) { disputeCase(id: $id) { id visit { id } } }`, {
        id: ids.disputeCaseA,
      }),
      'NOT_FOUND',
    );
  });

  it('when county B writes into county A, then every write is refused and nothing is stored', async () => {
    refused(await logVisit(b.officer, { householdId: a.home.id, postingId: a.posting.id }), 'BAD_USER_INPUT');
    refused(
      await b.officer.gql(`mutation($input: StartPostingInput!) { startPosting(input: $input) { id } }`, {
        input: {
          cadreId: b.cadre.id,
          villageCode: a.villages[1],
          role: 'TEAM_MEMBER',
          startsOn: '2012-01-01',
        },
      }),
      'FORBIDDEN',
    );
    refused(
      await b.officer.gql(
        `mutation($input: StartAssistanceInput!) { startAssistance(input: $input) { id } }`,
        {
          input: { id: ids.assistanceA, expectedVersion: 1, on: '2012-06-01' },
        },
      ),
      'NOT_FOUND',
    );
    refused(
      await b.officer.gql(`mutation($input: EndPostingInput!) { endPosting(input: $input) { id } }`, {
        input: { id: a.posting.id, expectedVersion: 1, endsOn: '2012-06-01', handoverNote: '越权' },
      }),
      'NOT_FOUND',
    );
    refused(
      await b.officer.gql(
        `mutation($input: RecordVillageSafetyInput!) { recordVillageSafety(input: $input) { year } }`,
        {
          input: { villageCode: a.villages[0], year: 2012, publicOrderCases: 9, criminalCases: 9 },
        },
      ),
      'FORBIDDEN',
    );
    const csv = `villageCode,year,households,population,cultivatedLandMu,poorHouseholds,perCapitaNetIncome,collectiveAssets,collectiveDebts,householdsInOrganizations\n${a.villages[0]},2012,1,2,3,0,1,1,0,0`;
    const imported = await one<{ imported: number; errors: { line: number; field: string }[] }>(
      b.officer,
      `mutation($csv: String!) { importVillageIndicators(csv: $csv) { imported errors { line field } } }`,
      { csv },
    );
    expect(imported).toEqual({ imported: 0, errors: [{ line: 2, field: 'villageCode' }] });
    const [state] = await app.db.query(
      `SELECT (SELECT state FROM assistance WHERE id = $1) AS assistance, (SELECT state FROM posting WHERE id = $2) AS posting,
         (SELECT public_order_cases FROM village_safety_record WHERE region_code = $3 AND year = 2012) AS cases`,
      [ids.assistanceA, a.posting.id, a.villages[0]],
    );
    expect(state).toEqual({ assistance: 'PLANNED', posting: 'ACTIVE', cases: 1 });
  });

  it('when county B visits, helps, records or reads a household of county A, then each refusal is audited as such', async () => {
    const PLAN = `mutation($input: PlanAssistanceInput!) { planAssistance(input: $input) { id } }`;
    const INCOME = `mutation($input: RecordHouseholdIncomeInput!) { recordHouseholdIncome(input: $input) { year } }`;
    const household = { householdId: a.poorHome.id };
    refused(await logVisit(b.officer, { ...household, postingId: b.posting.id }), 'BAD_USER_INPUT');
    refused(
      await b.officer.gql(PLAN, {
        input: { ...household, type: 'TRAINING', description: '越权', plannedOn: '2012-06-01' },
      }),
      'BAD_USER_INPUT',
    );
    refused(
      await b.officer.gql(INCOME, { input: { ...household, year: 2012, incomeYuan: 1 } }),
      'BAD_USER_INPUT',
    );
    refused(
      await b.officer.gql(`query($id: ID!) { householdTimeline(householdId: $id) { kind } }`, {
        id: a.poorHome.id,
      }),
      'NOT_FOUND',
    );
    const rows: { action: string; changes: unknown; entityId: string | null }[] = await app.db.query(
      `SELECT action, changes, entity_id AS "entityId" FROM audit_event
       WHERE actor_id = $1 AND action LIKE '%\\_refused' AND changes->>'attemptedId' = $2 ORDER BY id`,
      [b.officer.userId, a.poorHome.id],
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'visit.log_refused',
        'assistance.plan_refused',
        'householdIncome.record_refused',
        'household.timeline_refused',
      ]),
    );
    // Who tried what, not the household's data.
    for (const r of rows)
      expect(r).toMatchObject({ entityId: null, changes: { attemptedId: a.poorHome.id } });
  });

  it('when county B reads the stats of county A, then FORBIDDEN; the city’s children are the two counties’ own figures', async () => {
    refused(
      await b.officer.gql(
        `{ cadreStats(regionCode: "${a.county}", from: "2012-01-01", to: "2012-12-31") { visits } }`,
      ),
      'FORBIDDEN',
    );
    refused(
      await b.officer.gql(`{ villageStats(regionCode: "${a.county}", year: 2012) { villages } }`),
      'FORBIDDEN',
    );
    const stats = await one<{ byChildRegion: { regionCode: string; visits: number }[] }>(
      city,
      `{ cadreStats(regionCode: "230100", from: "2012-01-01", to: "2012-12-31") { visits byChildRegion { regionCode visits } } }`,
    );
    const own = await one<{ visits: number }>(
      a.officer,
      `{ cadreStats(regionCode: "${a.county}", from: "2012-01-01", to: "2012-12-31") { visits } }`,
    );
    expect(stats.byChildRegion.find((r) => r.regionCode === a.county)?.visits).toBe(own.visits);
  });

  it('when the request role reads without a scope, then the database shows no village rows at all', async () => {
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE qiangji_app`);
      for (const table of [
        'pairing',
        'stationed_cadre',
        'posting',
        'visit',
        'assistance',
        'assistance_event',
        'household_income',
        'village_indicator',
        'village_organization',
        'village_organization_member',
        'village_safety_record',
      ]) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });
});
