import { regionTree } from '../test/factories';
import { caseInput, organization } from '../test/mediation';
import { cityAdmin, codeOf, gridsOf } from '../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../test/test-app';

/**
 * Text PostgreSQL cannot store (issue 7 security item 2, second half): a NUL character in a variable or in an
 * inline argument is BAD_USER_INPUT on the field that holds it, answered before any resolver runs (HTTP 400), not
 * INTERNAL from deep in SQL; and nothing is written.
 */

const NUL = '\u0000';

describe('text with a NUL character', () => {
  let app: TestApp;
  let admin: SignedIn;
  let community: string;
  let grid: string;
  let centre: string;

  const counts = async () =>
    (
      await app.db.query(
        `SELECT (SELECT count(*)::int FROM dispute_case) AS cases, (SELECT count(*)::int FROM household) AS households,
           (SELECT count(*)::int FROM coordination_meeting) AS meetings,
           (SELECT count(*)::int FROM audit_event WHERE action NOT LIKE 'auth.%') AS audits`,
      )
    )[0];
  const expectRefusedOn = (res: GraphQLResponse, field: string) => {
    expect({
      status: res.status,
      code: codeOf(res),
      field: res.errors?.[0].extensions.field,
      data: res.data ?? null,
    }).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      field,
      data: null,
    });
    expect(res.errors![0].message).toBe('The text contains a character that cannot be stored (NUL).');
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    grid = gridsOf(tree)[0];
    admin = await cityAdmin(app);
    await organization(app.db, community);
    centre = await organization(
      app.db,
      tree.rows.find((r) => r.level === 'STREET')!.code,
      'COORDINATION_CENTRE',
    );
  });
  afterAll(() => app.close());

  describe('in a mutation', () => {
    it('when a variable of the input holds a NUL, then BAD_USER_INPUT on that field and no case is registered', async () => {
      const before = await counts();
      const register = (overrides: Record<string, unknown>) =>
        admin.gql(
          `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id } }`,
          {
            input: caseInput(community, overrides),
          },
        );
      expectRefusedOn(await register({ title: `邻里${NUL}纠纷` }), 'title');
      expectRefusedOn(
        await register({
          parties: [
            { role: 'APPLICANT', name: '王某' },
            { role: 'RESPONDENT', name: `李${NUL}` },
          ],
        }),
        'parties.1.name',
      );
      expect(await counts()).toEqual(before);
    });

    it('when an inline argument holds a NUL (the \\u0000 escape), then BAD_USER_INPUT on that field and no household is registered', async () => {
      const before = await counts();
      const res = await admin.gql(
        `mutation { registerHousehold(input: { regionCode: "${grid}", address: "测试路\\u00001号" }) { id } }`,
      );
      expectRefusedOn(res, 'address');
      expect(await counts()).toEqual(before);
    });

    it('when a string of a list holds a NUL, then the field names its position', async () => {
      const before = await counts();
      const res = await admin.gql(
        `mutation($input: RecordCoordinationMeetingInput!) { recordCoordinationMeeting(input: $input) { id } }`,
        { input: { organizationId: centre, heldOn: '2012-01-05', attendees: ['司法所', `派出所${NUL}`] } },
      );
      expectRefusedOn(res, 'attendees.1');
      expect(await counts()).toEqual(before);
    });

    it('when a plain argument holds a NUL, then the field is the argument', async () => {
      const res = await admin.gql(
        `mutation($p: String!) { revealResident(id: "00000000-0000-4000-8000-000000000000", purpose: $p) { id } }`,
        { p: `核对${NUL}身份` },
      );
      expectRefusedOn(res, 'purpose');
    });

    it('when an anonymous sign-in sends a NUL in the username, then BAD_USER_INPUT on username, not INTERNAL', async () => {
      const res = await app.gql(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
        {
          u: `admin${NUL}`,
          p: 'whatever-password',
        },
      );
      expectRefusedOn(res, 'username');
    });
  });

  describe('markup in text (case 42, the API’s half)', () => {
    it('when a case’s description holds HTML with a script handler, then it is stored and answered as that very text, not as markup', async () => {
      const html = '<img src=x onerror="alert(document.cookie)"><script>alert(1)</script>';
      const res = await admin.gql<{
        registerDisputeCase: { id: string; description: string; title: string };
      }>(
        `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id title description } }`,
        { input: caseInput(community, { title: `<b>${'标题'}</b>`, description: html }) },
      );
      expect(res.data!.registerDisputeCase).toMatchObject({ title: '<b>标题</b>', description: html });
      const [row] = await app.db.query(`SELECT description FROM dispute_case WHERE id = $1`, [
        res.data!.registerDisputeCase.id,
      ]);
      expect(row.description).toBe(html);
    });
  });

  describe('in a query', () => {
    it('when a filter variable holds a NUL, then BAD_USER_INPUT on it', async () => {
      const res = await admin.gql(
        `query($n: String) { residents(filter: { nameContains: $n }) { totalCount } }`,
        {
          n: `王${NUL}`,
        },
      );
      expectRefusedOn(res, 'nameContains');
    });

    it('when an inline filter holds a NUL, then BAD_USER_INPUT on it', async () => {
      expectRefusedOn(
        await admin.gql(`{ regions(filter: { nameContains: "\\u0000" }) { totalCount } }`),
        'nameContains',
      );
    });

    it('when one document comes again with a NUL in its variables, then that request is refused and the clean ones run', async () => {
      const query = `query($n: String, $c: String) { regions(filter: { nameContains: $n, parentCode: $c }) { totalCount } }`;
      const clean = await admin.gql(query, { n: '道里', c: '230100' });
      expect(clean.errors).toBeUndefined();
      expectRefusedOn(await admin.gql(query, { n: '道里', c: `230100${NUL}` }), 'parentCode');
      expectRefusedOn(await admin.gql(query, { n: `道${NUL}`, c: `230100${NUL}` }), 'nameContains');
      expect((await admin.gql(query, { n: '道里' })).errors).toBeUndefined();
    });

    it('when the same text has no NUL, then it runs: the check refuses only what PostgreSQL cannot store', async () => {
      const res = await admin.gql<{ regions: { totalCount: number } }>(
        `query($n: String) { regions(filter: { nameContains: $n }) { totalCount } }`,
        { n: '\u0001\u00a0\ud83d\ude00' },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.regions.totalCount).toBe(0);
    });
  });
});
