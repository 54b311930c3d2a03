import { Client } from 'pg';
import { regionTree } from '../../test/factories';
import { eventIn, HARBIN, reportEvent, runGridCommand, type TestGridEvent } from '../../test/grid';
import { codeOf, gridsOf } from '../../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * Grid events, grid units, zero reports, security statistics, surveys, legal education and prevention figures
 * across two districts: B sees nothing of A's, by id, in lists, in counts, in nested fields and in statistics.
 */
interface District {
  code: string;
  community: string;
  grid: string;
  officer: SignedIn;
  event: TestGridEvent;
}

const expectRefused = (res: GraphQLResponse<unknown>, code: string) => {
  expect(codeOf(res)).toBe(code);
  expect(res.data ?? null).toBeNull();
};

describe('grid management and public security across jurisdictions', () => {
  let app: TestApp;
  const d = { A: {} as District, B: {} as District };

  beforeAll(async () => {
    app = await startTestApp();
    for (const name of ['A', 'B'] as const) {
      const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1, name: `${name}区` });
      const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: tree.districtCode });
      const grid = gridsOf(tree)[0];
      const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
      // Both at the same spot and of the same category: a hint across districts would leak.
      const event = await eventIn(officer, grid, 'DISPATCHED', { lat: HARBIN.lat, lng: HARBIN.lng });
      await officer.gql(
        `mutation($input: RecordSecurityStatisticsInput!) { recordSecurityStatistics(input: $input) { inserted } }`,
        {
          input: { rows: [{ regionCode: community, month: '2012-01', category: 'PUBLIC_ORDER', cases: 7 }] },
        },
      );
      await officer.gql(
        `mutation($input: RecordLegalEducationEventInput!) { recordLegalEducationEvent(input: $input) { id } }`,
        {
          input: {
            format: 'BIG_FILM',
            title: `${name}区法制电影`,
            heldOn: '2012-03-01',
            regionCode: community,
            audience: 100,
            organiser: '司法所',
          },
        },
      );
      await officer.gql(
        `mutation($input: RecordSatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $input) { id } }`,
        {
          input: {
            year: 2012,
            regionCode: tree.districtCode,
            sampleSize: 100,
            method: 'TELEPHONE',
            source: '调查队',
            results: [{ question: 'SENSE_OF_SECURITY', regionCode: tree.districtCode, satisfied: 0.9 }],
          },
        },
      );
      await officer.gql(`mutation($input: ReportNothingInput!) { reportNothing(input: $input) { id } }`, {
        input: { regionCode: grid, day: '2012-03-01' },
      });
      d[name] = { code: tree.districtCode, community, grid, officer, event };
    }
  });
  afterAll(() => app.close());

  it("when B reads A's event by id or takes a step on it, then NOT_FOUND, and A's event is unchanged", async () => {
    expectRefused(
      await d.B.officer.gql(`query($id: ID!) { gridEvent(id: $id) { id } }`, { id: d.A.event.id }),
      'NOT_FOUND',
    );
    expect(codeOf(await runGridCommand(d.B.officer, 'startDisposal', d.A.event))).toBe('NOT_FOUND');
    const [{ state }] = await app.db.query(`SELECT state FROM grid_event WHERE id = $1`, [d.A.event.id]);
    expect(state).toBe('DISPATCHED');
  });

  it.each([
    ['gridEvents', `query($code: String) { gridEvents(filter: { regionCode: $code }) { totalCount } }`],
    ['gridUnit', `query($code: String!) { gridUnit(code: $code) { code } }`],
    ['gridUnits', `query($code: String) { gridUnits(regionCode: $code) { totalCount } }`],
    [
      'gridCoverage',
      `query($code: String) { gridCoverage(regionCode: $code, from: "2012-03-01", to: "2012-03-01") { unitDays } }`,
    ],
    [
      'gridCoverageGaps',
      `query($code: String) { gridCoverageGaps(regionCode: $code, from: "2012-03-01", to: "2012-03-01") { totalCount } }`,
    ],
    [
      'gridLoopFigures',
      `query($code: String) { gridLoopFigures(regionCode: $code, from: "2012-01-01", to: "2030-01-01") { reported } }`,
    ],
    [
      'securityStatistics',
      `query($code: String) { securityStatistics(filter: { regionCode: $code }) { totalCount } }`,
    ],
    [
      'securityStats',
      `query($code: String!) { securityStats(regionCode: $code, from: "2012-01", to: "2012-12") { reportedCases } }`,
    ],
    ['satisfactionSurveys', `query($code: String) { satisfactionSurveys(regionCode: $code) { totalCount } }`],
    ['satisfactionTrend', `query($code: String!) { satisfactionTrend(regionCode: $code) { year } }`],
    [
      'legalEducationEvents',
      `query($code: String) { legalEducationEvents(filter: { regionCode: $code }) { totalCount } }`,
    ],
    [
      'preventionFigures',
      `query($code: String!) { preventionFigures(regionCode: $code, year: 2012) { value } }`,
    ],
    ['residentTagFigures', `query($code: String) { residentTagFigures(regionCode: $code) { regionCode } }`],
  ])("when B asks for %s of A's region, then FORBIDDEN", async (_name, query) => {
    expectRefused(
      await d.B.officer.gql(query, { code: query.includes('gridUnit(') ? d.A.grid : d.A.code }),
      'FORBIDDEN',
    );
  });

  it.each([
    [
      'reportGridEvent',
      `mutation($g: String!) { reportGridEvent(input: { category: OTHER, regionCode: $g, description: "越界上报" }) { id } }`,
    ],
    [
      'reportNothing',
      `mutation($g: String!) { reportNothing(input: { regionCode: $g, day: "2012-03-02" }) { id } }`,
    ],
    [
      'assignGridWorker',
      `mutation($g: String!) { assignGridWorker(input: { regionCode: $g, workerName: "越界", validFrom: "2012-01-01" }) { id } }`,
    ],
    [
      'recordSecurityStatistics',
      `mutation($g: String!) { recordSecurityStatistics(input: { rows: [{ regionCode: $g, month: "2012-02", category: FRAUD, cases: 1 }] }) { inserted } }`,
    ],
    [
      'setPreventionFigures',
      `mutation($g: String!) { setPreventionFigures(input: { regionCode: $g, year: 2012, figures: [] }) { value } }`,
    ],
  ])(
    "when B writes %s into A's grid unit, then FORBIDDEN and nothing is written",
    async (_name, mutation) => {
      const before = await counts();
      expectRefused(await d.B.officer.gql(mutation, { g: d.A.grid }), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    },
  );

  const counts = async () =>
    (
      await app.db.query(
        `SELECT (SELECT count(*) FROM grid_event)::int AS events, (SELECT count(*) FROM zero_report)::int AS zero,
           (SELECT count(*) FROM grid_worker_assignment)::int AS workers,
           (SELECT count(*) FROM security_statistic)::int AS stats, (SELECT count(*) FROM prevention_figure)::int AS figures`,
      )
    )[0];

  it("when B lists without a filter, then only B's rows are there, counted so", async () => {
    const res = await d.B.officer.gql<
      Record<string, { totalCount: number; edges: { node: { id: string } }[] }>
    >(
      `query { gridEvents { totalCount edges { node { id } } } securityStatistics { totalCount edges { node { id } } }
         legalEducationEvents { totalCount edges { node { id } } } satisfactionSurveys { totalCount edges { node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.gridEvents.edges.map((e) => e.node.id)).toEqual([d.B.event.id]);
    for (const list of ['gridEvents', 'securityStatistics', 'legalEducationEvents', 'satisfactionSurveys'])
      expect([list, res.data![list].totalCount]).toEqual([list, 1]);
  });

  it("when B's event lies where A's does, then its duplicate hints leave A's out", async () => {
    const res = await d.B.officer.gql<{ gridEvent: { duplicateHints: { id: string }[] } }>(
      `query($id: ID!) { gridEvent(id: $id) { duplicateHints { id } } }`,
      { id: d.B.event.id },
    );
    expect(res.data!.gridEvent.duplicateHints).toEqual([]);
    const mine = await reportEvent(d.B.officer, d.B.grid, { lat: HARBIN.lat, lng: HARBIN.lng });
    const hints = await d.B.officer.gql<{ gridEvent: { duplicateHints: { id: string }[] } }>(
      `query($id: ID!) { gridEvent(id: $id) { duplicateHints { id } } }`,
      { id: mine.id },
    );
    expect(hints.data!.gridEvent.duplicateHints.map((h) => h.id)).toEqual([d.B.event.id]);
  });

  it('when the request role connects without a scope, then it sees no row of any new table', async () => {
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await client.query(`SET ROLE qiangji_app`);
      for (const table of [
        'grid_event',
        'grid_event_step',
        'zero_report',
        'grid_worker_assignment',
        'household_grid_membership',
        'security_statistic',
        'satisfaction_survey',
        'survey_result',
        'legal_education_event',
        'prevention_figure',
      ]) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect([table, rows[0].n]).toEqual([table, 0]);
      }
    } finally {
      await client.end();
    }
  });
});
