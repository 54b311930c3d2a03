import { createHash } from 'node:crypto';
import { regionTree } from '../test/factories';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';

const INTROSPECTION = `{ __schema { types { name } } }`;

/** The harness sets NODE_ENV=test: here it is taken away, as in a production build run without it. */
async function startWithoutNodeEnv(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ NODE_ENV: '', ...env });
}

describe('safe by default: no NODE_ENV, no GraphQL variables', () => {
  let app: TestApp;
  let api: SignedIn;
  beforeAll(async () => {
    app = await startWithoutNodeEnv();
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    api = await app.signIn({ roles: ['SUPERVISOR'] });
  });
  afterAll(() => app.close());

  it('when a signed-in caller asks for the schema, then introspection is refused (case 1)', async () => {
    const res = await api.gql(INTROSPECTION);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(res)).not.toMatch(/"Query"|"Resident"/);
  });

  it('when a field is misspelt, then no "Did you mean", no type names and no stack trace (case 2)', async () => {
    const res = await api.gql(
      `{ residnt(id: "x") { id } regions(filter: { regionCod: "230100" }) { totalCount } }`,
    );
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/Did you mean|resident|regionCode|stacktrace|\.ts:|\.js:/i);
    for (const error of res.errors!) expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['a misspelt field', `{ residnt { id } }`],
    ['introspection', INTROSPECTION],
    ['a real field', `{ residents(first: 1) { totalCount } }`],
    [
      'a fragment on a guessed type',
      `mutation { login(username: "a", password: "b") { ... on Resident { id } } }`,
    ],
    [
      'a variable of a guessed type',
      `mutation($f: ResidentFilter) { login(username: "a", password: "b") { accessToken } }`,
    ],
  ])(
    'when an anonymous caller sends %s, then 401 before validation, naming no field or type (cases 1, 2)',
    async (_what, query) => {
      const res = await app.gql(query);
      expect(res.status).toBe(401);
      expect(res.errors).toEqual([
        { message: 'Sign in, or send an API key.', extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    },
  );

  it('when an anonymous caller signs in or asks for __typename, then it runs as before', async () => {
    expect((await app.gql(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
    const wrong = await app.gql(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
      { u: api.username, p: 'not-the-password' },
    );
    expect(wrong.status).toBe(200);
    expect(wrong.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]).not.toHaveProperty('extensions.stacktrace');
  });

  it('when a query comes with an automatic persisted query hash, then it is refused and the hash is never registered (issue 7 item 11)', async () => {
    const query = `{ __typename }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const send = (body: object) =>
      fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.accessToken}` },
        body: JSON.stringify(body),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { data?: unknown; errors: { message: string }[] },
      }));
    // The APQ protocol answers its errors with 200, so that clients fall back to sending the query.
    const register = await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(register.body).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })],
    });
    expect(register.body.errors[0].message).toBe('PersistedQueryNotSupported');
    const byHash = await send({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.body.data).toBeUndefined();
    expect(byHash.body.errors[0].message).toBe('PersistedQueryNotSupported');
  });

  it('when a browser opens /graphql, then a short page says what it is and where the guide is, without a stack', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('docs/api-guide.md');
    expect(page).toContain('GraphQL');
    expect(page).not.toMatch(/stack|\.ts:|node_modules/i);
  });

  it('when a program GETs /graphql without the CSRF header, then it is still refused with 400 (case 4)', async () => {
    const res = await fetch(`${app.baseUrl}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'text/html' },
    });
    expect(res.status).toBe(400);
  });

  it('when a browser asks for /favicon.ico, then it gets an icon', async () => {
    const res = await fetch(`${app.baseUrl}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect((await res.text()).length).toBeGreaterThan(100);
  });
});

describe('diagnostics asked for explicitly, as npm run dev does', () => {
  let app: TestApp;
  let api: SignedIn;
  beforeAll(async () => {
    app = await startWithoutNodeEnv({
      GRAPHQL_INTROSPECTION: 'true',
      GRAPHQL_FIELD_SUGGESTIONS: 'true',
      GRAPHQL_STACK_TRACES: 'true',
    });
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    api = await app.signIn({ roles: ['SUPERVISOR'] });
  });
  afterAll(() => app.close());

  it('when introspection and suggestions are asked for, then a signed-in caller gets them', async () => {
    const schema = await api.gql<{ __schema: { types: { name: string }[] } }>(INTROSPECTION);
    expect(schema.data!.__schema.types.map((t) => t.name)).toContain('Resident');
    const typo = await api.gql(`{ regionz { totalCount } }`);
    expect(typo.errors![0].message).toMatch(/Did you mean .*"regions"/);
  });

  it('when they are asked for, then anonymous callers are still refused before validation', async () => {
    const res = await app.gql(`{ regionz { totalCount } }`);
    expect(res.status).toBe(401);
    expect(JSON.stringify(res)).not.toMatch(/regions|stacktrace/);
  });
});
