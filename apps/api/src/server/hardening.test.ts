import { regionTree } from '../test/factories';
import { codeOf } from '../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';

/** `{ region(code: "230100") { parent { parent … { code } } } }` with `depth` fields in all. */
function nested(depth: number): string {
  let inner = 'code';
  for (let i = 0; i < depth - 2; i++) inner = `parent { ${inner} }`;
  return `{ region(code: "230100") { ${inner} } }`;
}

function aliased(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
}

describe('limits on what one request may ask', () => {
  let app: TestApp;
  let api: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    api = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
  });
  afterAll(() => app.close());

  function expectRefused(res: {
    status: number;
    data?: unknown;
    errors?: { extensions: { code: string } }[];
  }) {
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.data).toBeUndefined();
    expect(res.status).toBe(400);
  }

  it('when a query is nested within the depth limit, then it runs', async () => {
    const res = await api.gql(nested(12));
    expect(res.errors).toBeUndefined();
  });

  it('when a query is nested deeper than the limit, then it is refused with BAD_USER_INPUT and no data', async () => {
    expectRefused(await api.gql(nested(13)));
    expectRefused(await api.gql(nested(40)));
  });

  it('when a query has 15 aliases, then it runs', async () => {
    const res = await api.gql(aliased(15));
    expect(res.errors).toBeUndefined();
  });

  it('when a query has more than 15 aliases, then it is refused with BAD_USER_INPUT and no data', async () => {
    expectRefused(await api.gql(aliased(16)));
    expectRefused(await api.gql(aliased(200)));
  });

  it('when a query has an enormous number of tokens, then it is refused with BAD_USER_INPUT and no data', async () => {
    const query = `{ me { ${'id '.repeat(5000)} } }`;
    expectRefused(await api.gql(query));
  });

  it('when a query has many directives, then it is refused with BAD_USER_INPUT and no data', async () => {
    const query = `{ me { id ${'@include(if: true) '.repeat(30)} } }`;
    expectRefused(await api.gql(query));
  });

  it('when a query is too costly, then it is refused with BAD_USER_INPUT and no data', async () => {
    const level = (inner: string) => `children(first: 200) { edges { node { code ${inner} } } }`;
    const query = `{ regions(first: 200) { edges { node { ${level(level(level('')))} } } } }`;
    expectRefused(await api.gql(query));
  });

  it('when an anonymous caller sends an over-limit query, then it is refused without running', async () => {
    const res = await app.gql(nested(40));
    expect(['BAD_USER_INPUT', 'UNAUTHENTICATED']).toContain(codeOf(res));
    expect(res.data).toBeUndefined();
  });

  it.each([
    ['two operations', [{ query: '{ __typename }' }, { query: '{ me { id } }' }]],
    ['one operation', [{ query: '{ me { id } }' }]],
    [
      'twenty logins',
      Array.from({ length: 20 }, () => ({
        query: 'mutation { login(username: "x", password: "y") { accessToken } }',
      })),
    ],
  ])(
    'when a batch (JSON array) of %s is posted, then it is refused and nothing runs',
    async (_what, batch) => {
      const res = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.accessToken}` },
        body: JSON.stringify(batch),
      });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(/"data"/);
      expect(text).not.toContain(api.userId);
    },
  );

  it('when a batch of logins is posted anonymously, then no attempt is recorded', async () => {
    const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: '230100' });
    const batch = Array.from({ length: 5 }, (_, i) => ({
      query: `mutation { login(username: "${user.username}", password: "wrong-${i}") { accessToken } }`,
    }));
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status).toBe(400);
    const [{ n }] = await app.db.query(`SELECT failed_logins AS n FROM app_user WHERE id = $1`, [
      user.userId,
    ]);
    expect(n).toBe(0);
  });
});
