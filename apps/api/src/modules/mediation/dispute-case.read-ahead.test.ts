import { regionTree } from '../../test/factories';
import {
  caseIn,
  mapLimit,
  mediator,
  organization,
  registerCase,
  type CommandRefs,
} from '../../test/mediation';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * Issue 9: a case by id and a page of cases read the relations their selection asks for (mediator, parties,
 * places) in their own statement, by look-ahead; what they answer is what the loaders answer elsewhere (a
 * command's answer resolves the same fields through them), masked the same.
 */

const RELATIONS = `region { code name ancestors { name } } organization { name }
  mediator { id name phone regionCode active version createdAt updatedAt specialities }
  parties { id role name contact resident { id } }`;
const CASE = `id number state receivedAt acceptedAt dueAt updatedAt deadlineStatus availableCommands ${RELATIONS}`;

describe('dispute cases read their relations ahead (issue 9)', () => {
  let app: TestApp;
  let officer: SignedIn;
  let county: string;
  let community: string;
  let refs: CommandRefs;

  /** The statements of the API's pool during one request, besides BEGIN, the scope and COMMIT. */
  async function statementsOf(query: string, variables?: Record<string, unknown>) {
    const spy = jest.spyOn(app.apiDb, 'query');
    try {
      const res = await officer.gql<Record<string, unknown>>(query, variables);
      expect(res.errors).toBeUndefined();
      const statements = spy.mock.calls.map(([sql]) => String(sql));
      return { data: res.data!, statements: statements.filter((sql) => !sql.includes('rate_limit_bucket')) };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    county = tree.districtCode;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const committee = await organization(app.db, community);
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: county });
    refs = {
      mediatorId: await mediator(app.db, community, [committee]),
      centreId: await organization(
        app.db,
        tree.rows.find((r) => r.level === 'STREET')!.code,
        'COORDINATION_CENTRE',
      ),
    };
    await mapLimit([0, 1, 2, 3, 4, 5], 3, (i) =>
      caseIn(officer, community, i % 2 ? 'MEDIATOR_ASSIGNED' : 'ACCEPTED', refs),
    );
    await officer.gql(`{ __typename }`); // the principal and the reference data are read once, then kept
  });
  afterAll(() => app.close());

  it('when a case is read by id with its relations, then one statement reads them, as the loaders would', async () => {
    const accepted = await caseIn(officer, community, 'ACCEPTED', refs);
    const assigned = await officer.gql<{ assignMediator: Record<string, unknown> }>(
      `mutation($input: AssignMediatorInput!) { assignMediator(input: $input) { ${CASE} } }`,
      { input: { id: accepted.id, expectedVersion: accepted.version, mediatorId: refs.mediatorId } },
    );
    expect(assigned.errors).toBeUndefined();
    const { data, statements } = await statementsOf(`query($id: ID!) { disputeCase(id: $id) { ${CASE} } }`, {
      id: accepted.id,
    });
    expect(statements).toHaveLength(1);
    expect(data.disputeCase).toEqual(assigned.data!.assignMediator);
    expect(data.disputeCase).toMatchObject({
      mediator: { id: refs.mediatorId },
      parties: [
        { role: 'APPLICANT', contact: '138****1234' },
        { role: 'RESPONDENT', contact: null },
      ],
    });
  });

  it('when a page of cases asks for mediator and region names, then one statement reads the page', async () => {
    const query = `query($code: String!) { disputeCases(filter: { regionCode: $code }, first: 50) {
      edges { node { id mediator { name } region { name } } } } }`;
    const { data, statements } = await statementsOf(query, { code: county });
    expect(statements).toHaveLength(1);
    const rows: { id: string; mediator: string | null; region: string }[] = await app.db.query(
      `SELECT c.id, m.name AS mediator, r.name AS region FROM dispute_case c JOIN region r ON r.code = c.region_code
       LEFT JOIN mediator m ON m.id = c.mediator_id WHERE c.region_path <@ (SELECT path FROM region WHERE code = $1)`,
      [county],
    );
    const page = (
      data.disputeCases as { edges: { node: Record<string, { name: string } | string | null> }[] }
    ).edges;
    expect(page.length).toBe(rows.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const { node } of page)
      expect(node).toEqual({
        id: node.id,
        mediator: byId.get(node.id as string)!.mediator
          ? { name: byId.get(node.id as string)!.mediator }
          : null,
        region: { name: byId.get(node.id as string)!.region },
      });
  });

  it('when the selection leaves the relations out, then none is read, and fragments count like fields', async () => {
    const bare = await statementsOf(
      `query($code: String!) { disputeCases(filter: { regionCode: $code }, first: 50) {
      edges { node { id } } } }`,
      { code: county },
    );
    expect(bare.statements).toHaveLength(1);
    expect(bare.statements[0]).not.toMatch(/aheadMediator|aheadParties/);
    const viaFragment = await statementsOf(
      `query($code: String!) { disputeCases(filter: { regionCode: $code }, first: 50) { edges { node { ...Row } } } }
       fragment Row on DisputeCase { id mediator { name } }`,
      { code: county },
    );
    expect(viaFragment.statements).toHaveLength(1);
    expect(viaFragment.statements[0]).toMatch(/aheadMediator/);
  });

  it('when a registered case has no mediator yet, then it reads as null ahead too', async () => {
    const fresh = await registerCase(officer, community);
    const { data, statements } = await statementsOf(
      `query($id: ID!) { disputeCase(id: $id) { id mediator { name } } }`,
      {
        id: fresh.id,
      },
    );
    expect(statements).toHaveLength(1);
    expect(data.disputeCase).toEqual({ id: fresh.id, mediator: null });
  });

  it('when a page selects a few fields, then it reads only their columns and answers what the full selection answers', async () => {
    const page = (
      node: string,
    ) => `query($code: String!) { disputeCases(filter: { regionCode: $code }, first: 50) {
      pageInfo { endCursor } edges { cursor node { ${node} } } } }`;
    const slim = await statementsOf(page(`id number receivedAt mediator { name }`), { code: county });
    expect(slim.statements).toHaveLength(1);
    expect(slim.statements[0]).not.toMatch(/c\.description|c\.agreement|md\.qualifications/);
    const full = await statementsOf(page(`${CASE} description`), { code: county });
    expect(full.statements[0]).toMatch(/c\.description/);
    type Page = { pageInfo: unknown; edges: { cursor: string; node: Record<string, unknown> }[] };
    const fullPage = full.data.disputeCases as Page;
    expect(slim.data.disputeCases).toEqual({
      pageInfo: fullPage.pageInfo,
      edges: fullPage.edges.map(({ cursor, node }) => ({
        cursor,
        node: {
          id: node.id,
          number: node.number,
          receivedAt: node.receivedAt,
          mediator: node.mediator && { name: (node.mediator as { name: string }).name },
        },
      })),
    });
  });

  it('when a case by id selects the fields its resolvers compute, then they read what they need and answer as with every column', async () => {
    const [{ id }] = await app.db.query(`SELECT id FROM dispute_case WHERE mediator_id IS NOT NULL LIMIT 1`);
    const computed = `deadlineStatus availableCommands organization { name } mediator { region { code } }`;
    const slim = await statementsOf(`query($id: ID!) { disputeCase(id: $id) { ${computed} } }`, { id });
    expect(slim.statements[0]).not.toMatch(/c\.description/);
    const full = await statementsOf(`query($id: ID!) { disputeCase(id: $id) { ${computed} description } }`, {
      id,
    });
    expect(full.data.disputeCase).toMatchObject(slim.data.disputeCase as object);
  });

  it('when the selection names a field of the case that another module resolves, then every column is read', async () => {
    const { statements } = await statementsOf(
      `query($code: String!) { disputeCases(filter: { regionCode: $code }, first: 5) {
        edges { node { id gridEvent { id } } } } }`,
      { code: county },
    );
    expect(statements[0]).toMatch(/c\.description/);
  });
});
