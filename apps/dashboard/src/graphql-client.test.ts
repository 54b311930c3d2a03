import { HttpError } from 'react-admin';
import { createGraphqlRequest, type Credentials } from './graphql-client';
import { fail, fakeFetch, ok } from './test-support/fake-fetch';

function respondWith(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json' },
    });
}

describe('GraphQL request', () => {
  it('when the API answers with data, then the data is returned', async () => {
    const request = createGraphqlRequest(
      '/graphql',
      respondWith(200, { data: { region: { id: '230100' } } }),
    );
    await expect(request('{ region(code: "230100") { id } }')).resolves.toEqual({ region: { id: '230100' } });
  });

  it('when the API answers with a GraphQL error, then it becomes an HttpError carrying the code', async () => {
    const errors = [{ message: 'Region 239999 does not exist.', extensions: { code: 'NOT_FOUND' } }];
    const request = createGraphqlRequest('/graphql', respondWith(200, { data: null, errors }));
    const error = await request('{ x }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      message: 'Region 239999 does not exist.',
      status: 404,
      body: { code: 'NOT_FOUND', graphqlErrors: errors },
    });
  });

  it('when the request is refused before execution, then the HTTP status is kept for unknown codes', async () => {
    const errors = [{ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }];
    const request = createGraphqlRequest('/graphql', respondWith(400, { errors }));
    await expect(request('{')).rejects.toMatchObject({ status: 400, body: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('when something other than the API answers, then the failure keeps its status', async () => {
    const request = createGraphqlRequest('/graphql', respondWith(502, '<html>Bad Gateway</html>'));
    await expect(request('{ x }')).rejects.toMatchObject({ status: 502, body: { code: 'INTERNAL' } });
  });

  it('when the request is sent, then it is a JSON POST with the query and variables', async () => {
    const seen: RequestInit[] = [];
    const fetchFn: typeof fetch = async (_url, init) => {
      seen.push(init ?? {});
      return new Response(JSON.stringify({ data: {} }), { status: 200 });
    };
    await createGraphqlRequest('/graphql', fetchFn)('query Q($a: Int) { x(a: $a) }', { a: 1 });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(seen[0].body))).toEqual({
      query: 'query Q($a: Int) { x(a: $a) }',
      variables: { a: 1 },
    });
  });

  it('when an input error names its field, then react-admin gets it as a field error with the message', async () => {
    const errors = [
      { message: 'A name has 1 to 50 characters.', extensions: { code: 'BAD_USER_INPUT', field: 'name' } },
    ];
    const request = createGraphqlRequest(
      '/graphql',
      respondWith(200, { data: null, errors }),
      (code, m) => `${code}: ${m}`,
    );
    await expect(request('{ x }')).rejects.toMatchObject({
      status: 400,
      body: {
        errors: {
          name: 'BAD_USER_INPUT: A name has 1 to 50 characters.',
          root: { serverError: 'BAD_USER_INPUT: A name has 1 to 50 characters.' },
        },
      },
    });
  });

  it('when the error is not about one field, then it carries no field errors, so react-admin shows its message', async () => {
    const request = createGraphqlRequest(
      '/graphql',
      fakeFetch(() => fail('CONFLICT', 'Version 3 is stale.')).fetchFn,
    );
    const error = await request('{ x }').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, message: 'Version 3 is stale.' });
    expect((error as HttpError).body).not.toHaveProperty('errors');
  });
});

describe('GraphQL request with credentials', () => {
  function credentials(tokens: (string | null)[]): Credentials & { renewed: string[] } {
    const renewed: string[] = [];
    let current = 'access-0';
    return {
      renewed,
      accessToken: async () => current,
      renew: async (rejected) => {
        renewed.push(rejected);
        const next = tokens.shift() ?? null;
        if (next) current = next;
        return next;
      },
    };
  }

  it('when signed in, then every request carries the access token as a Bearer token', async () => {
    const api = fakeFetch(() => ok({ me: { id: 'u-1' } }));
    await createGraphqlRequest('/graphql', api.fetchFn, undefined, credentials([]))('query Me { me { id } }');
    expect(api.sent[0].authorization).toBe('Bearer access-0');
  });

  it('when the API answers 401, then the token is renewed once and the request retried with it', async () => {
    const api = fakeFetch((r) =>
      r.authorization === 'Bearer access-1' ? ok({ me: { id: 'u-1' } }) : fail('UNAUTHENTICATED', 'no', 401),
    );
    const creds = credentials(['access-1']);
    const request = createGraphqlRequest('/graphql', api.fetchFn, undefined, creds);
    await expect(request('query Me { me { id } }')).resolves.toEqual({ me: { id: 'u-1' } });
    expect(creds.renewed).toEqual(['access-0']);
    expect(api.sent.map((r) => r.authorization)).toEqual(['Bearer access-0', 'Bearer access-1']);
  });

  it('when the retry is refused too, then the 401 is not retried again but reported', async () => {
    const api = fakeFetch(() => fail('UNAUTHENTICATED', 'no', 401));
    const creds = credentials(['access-1', 'access-2']);
    const request = createGraphqlRequest('/graphql', api.fetchFn, undefined, creds);
    await expect(request('query Me { me { id } }')).rejects.toMatchObject({ status: 401 });
    expect(api.sent).toHaveLength(2);
    expect(creds.renewed).toEqual(['access-0']);
  });

  it('when the token cannot be renewed, then the 401 is reported without a retry', async () => {
    const api = fakeFetch(() => fail('UNAUTHENTICATED', 'no', 401));
    const request = createGraphqlRequest('/graphql', api.fetchFn, undefined, credentials([null]));
    await expect(request('query Me { me { id } }')).rejects.toMatchObject({ status: 401 });
    expect(api.sent).toHaveLength(1);
  });

  it('when signed out, then nothing is sent and the request fails with 401', async () => {
    const api = fakeFetch(() => ok({}));
    const signedOut: Credentials = { accessToken: async () => null, renew: async () => null };
    await expect(
      createGraphqlRequest('/graphql', api.fetchFn, undefined, signedOut)('query Me { me { id } }'),
    ).rejects.toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(api.sent).toHaveLength(0);
  });

  it('when a 403 comes back, then no renewal is attempted: the user is signed in but not allowed', async () => {
    const api = fakeFetch(() => fail('FORBIDDEN', 'Your roles do not allow user:manage.'));
    const creds = credentials(['access-1']);
    await expect(
      createGraphqlRequest('/graphql', api.fetchFn, undefined, creds)('query Users { users { totalCount } }'),
    ).rejects.toMatchObject({ status: 403 });
    expect(creds.renewed).toEqual([]);
  });
});
