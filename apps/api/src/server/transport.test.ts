import { regionTree } from '../test/factories';
import { gridsOf } from '../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';

/**
 * What reaches GraphQL at all (catalogue cases 5–8 and 14): simple cross-site requests, mutations by GET, bodies
 * GraphQL cannot trust, and documents that try to trick validation. Each is refused with its status before a
 * resolver runs, and nothing is written.
 */

describe('requests refused before any resolver', () => {
  let app: TestApp;
  let admin: SignedIn;
  let grid: string;
  let register: string;

  const households = async () =>
    (await app.db.query(`SELECT count(*)::int AS n FROM household`))[0].n as number;
  const send = async (init: RequestInit & { path?: string }) => {
    const res = await fetch(`${app.baseUrl}${init.path ?? '/graphql'}`, {
      ...init,
      headers: { authorization: `Bearer ${admin.accessToken}`, ...(init.headers as Record<string, string>) },
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      body: JSON.parse(text) as {
        data?: unknown;
        errors?: { message: string; extensions: { code: string } }[];
      },
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    grid = gridsOf(tree)[0];
    admin = await app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: '230100' });
    register = `mutation { registerHousehold(input: { regionCode: "${grid}", address: "跨站登记1号" }) { id } }`;
  });
  afterAll(() => app.close());

  it.each([
    [
      'text/plain',
      (q: string) => ({ headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: q }) }),
    ],
    [
      'application/x-www-form-urlencoded',
      (q: string) => ({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent(q)}`,
      }),
    ],
    [
      'multipart/form-data',
      (q: string) => {
        const form = new FormData();
        form.append('operations', JSON.stringify({ query: q }));
        form.append('map', '{}');
        return { body: form };
      },
    ],
  ])(
    'when a mutation is posted as %s without a preflight header, then 400 and nothing is written (case 5)',
    async (_type, make) => {
      const before = await households();
      const res = await send({ method: 'POST', ...make(register) });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(await households()).toBe(before);
    },
  );

  it('when a GET names a content type other than JSON, even with the preflight header, then 415 (case 6)', async () => {
    const res = await send({
      method: 'GET',
      path: '/graphql?query=%7B__typename%7D',
      headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(415);
    expect(res.body.data).toBeUndefined();
  });

  it('when a mutation comes by GET, with the preflight header, then 405 and nothing is written (case 7)', async () => {
    const before = await households();
    const res = await send({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(register)}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
    expect(res.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await households()).toBe(before);
    // The same header on a query is what a program sends: it runs.
    const query = await send({
      method: 'GET',
      path: '/graphql?query=%7B__typename%7D',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(query.body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(['utf-7', 'utf-16', 'iso-8859-1', 'UTF-7', '"utf-7"'])(
    'when the body says charset=%s, then 415: JSON is UTF-8, and UTF-7 would smuggle characters (case 8)',
    async (charset) => {
      const before = await households();
      const res = await send({
        method: 'POST',
        headers: { 'content-type': `application/json; charset=${charset}` },
        body: JSON.stringify({ query: register.replace('跨站登记1号', '+ADw-img+AD4-') }),
      });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 415,
        body: {
          errors: [
            { message: 'The request body must be JSON in UTF-8.', extensions: { code: 'BAD_USER_INPUT' } },
          ],
        },
      });
      expect(await households()).toBe(before);
    },
  );

  it('when the body says charset=utf-8, in capitals or quoted, then it runs', async () => {
    for (const charset of ['utf-8', 'UTF-8', '"utf-8"'])
      expect(
        (
          await send({
            method: 'POST',
            headers: { 'content-type': `application/json; charset=${charset}` },
            body: JSON.stringify({ query: '{ __typename }' }),
          })
        ).body,
      ).toEqual({ data: { __typename: 'Query' } });
  });

  it('when a variable is JSON nested 100,000 deep, then a declared one is refused with 400 and an undeclared one is ignored, quickly (case 8)', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const started = Date.now();
    const declared = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query($f: ResidentFilter) { residents(filter: $f) { totalCount } }","variables":{"f":${deep}}}`,
    });
    expect(declared.status).toBe(400);
    expect(declared.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(declared.text.length).toBeLessThan(1000);
    const undeclared = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"{ __typename }","variables":{"f":${deep}}}`,
    });
    expect(undeclared.body).toEqual({ data: { __typename: 'Query' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('when an answer is sent, then it carries its request id and no ETag (no hash of every answer for a POST)', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('when the local proxy forwards a client’s address, then its audit rows record that address; without the header, the socket’s', async () => {
    const auditedIp = async (headers: Record<string, string>, address: string) => {
      const res = await send({
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: `mutation { registerHousehold(input: { regionCode: "${grid}", address: "${address}" }) { id } }`,
        }),
      });
      const { id } = (res.body.data as { registerHousehold: { id: string } }).registerHousehold;
      const rows = await app.db.query(
        `SELECT client_ip AS ip FROM audit_event WHERE action = 'household.register' AND entity_id = $1`,
        [id],
      );
      return rows.map((r: { ip: string }) => r.ip);
    };
    expect(await auditedIp({ 'x-forwarded-for': '203.0.113.7' }, '转发路1号')).toEqual(['203.0.113.7']);
    expect(await auditedIp({}, '直连路1号')).toEqual([
      expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/),
    ]);
  });

  it('when the body is malformed JSON, then 400 in the GraphQL shape (case 8)', async () => {
    const res = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ __typename }"',
    });
    expect(res).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });

  it('when fragments spread each other in a cycle, then a validation error, 400, and no data (case 14)', async () => {
    const res = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query { me { ...A } } fragment A on SessionUser { id ...B } fragment B on SessionUser { ...A }',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0]).toMatchObject({
      message: 'Cannot spread fragment "A" within itself via "B".',
    });
  });

  it('when a fragment is named __schema, then it is a name like any other: it reaches no introspection (case 14)', async () => {
    const introspect = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query { ...__schema } fragment __schema on Query { __schema { types { name } } }',
      }),
    });
    expect(introspect.status).toBe(400);
    expect(introspect.text).not.toContain('Resident');
    const plain = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { ...__schema } fragment __schema on Query { me { id } }' }),
    });
    expect(plain.body).toEqual({ data: { me: { id: admin.userId } } });
  });
});
