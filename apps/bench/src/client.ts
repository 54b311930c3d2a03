import { SYSTEMS, type Data, type Fixtures, type Operation, type SystemKey } from './operations';

/** How Qiangji is called: the supervisor's and the administrator's access tokens, the district system's key. */
export interface Credentials {
  supervisor: string;
  admin: string;
  apiKey: string;
}

export interface RequestSpec {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export function requestFor(
  op: Operation,
  system: SystemKey,
  f: Fixtures,
  credentials: Credentials,
  after: string | null = null,
): RequestSpec {
  const { api } = SYSTEMS[system];
  const variables = op.variables?.(api, f, system, after) ?? {};
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (api === 'floor') return { path: `/${op.floor}`, headers, body: JSON.stringify(variables) };
  if (system === 'qiangji') {
    if (op.caller === 'apiKey') headers['x-api-key'] = credentials.apiKey;
    else
      headers.authorization = `Bearer ${op.caller === 'admin' ? credentials.admin : credentials.supervisor}`;
  }
  const query = api === 'qiangji' ? op.qiangji : op.postgraphile!;
  return { path: '/graphql', headers, body: JSON.stringify({ query, variables }) };
}

/** One request; an answer with errors (or not 200) is a failure, with the answer in the message. */
export async function send(base: string, spec: RequestSpec): Promise<Data> {
  const res = await fetch(base + spec.path, { method: 'POST', headers: spec.headers, body: spec.body });
  const text = await res.text();
  let body: { data?: Data; errors?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${spec.path}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  }
  if (res.status !== 200 || body.errors || !body.data)
    throw new Error(`${spec.path}: HTTP ${res.status}: ${text.slice(0, 1000)}`);
  return body.data;
}

/** GraphQL against Qiangji, for the bench's own set-up (sign-in, accounts, the write's cases). */
export async function qiangji(base: string, query: string, variables: Data = {}, token?: string) {
  return send(base, {
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
}

export async function signIn(base: string, username: string, password: string) {
  const data = await qiangji(
    base,
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken user { id username } } }`,
    { u: username, p: password },
  );
  return data.login as { accessToken: string; user: { id: string; username: string } };
}
