import { HttpError } from 'react-admin';
import { createGraphqlRequest } from './graphql-client';

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
      body: { code: 'NOT_FOUND', errors },
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
});
