import { HTTP_STATUS_BY_CODE } from '@qiangji/domain';
import { HttpError } from 'react-admin';

/** Sends one GraphQL operation and resolves to its `data`, or rejects with an `HttpError`. */
export type GraphqlRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: unknown };
}

interface GraphqlResponse {
  data?: unknown;
  errors?: GraphqlError[];
}

/** Turns an API error into what the user reads; the API's messages are English, for developers. */
export type DescribeError = (code: string, message: string) => string;

/** Where the bearer token comes from (the signed-in session); absent for the anonymous login requests. */
export interface Credentials {
  /** The token to send now, refreshed first if it is about to expire; null when signed out. */
  accessToken(): Promise<string | null>;
  /** The API refused `rejected`: a token to retry with once, or null to give up (the user is signed out). */
  renew(rejected: string): Promise<string | null>;
}

export function createGraphqlRequest(
  endpoint: string,
  fetchFn: typeof fetch = fetch,
  describe: DescribeError = (_code, message) => message,
  credentials?: Credentials,
): GraphqlRequest {
  async function send(body: string, token: string | null) {
    const headers: Record<string, string> = {
      // A JSON body also satisfies the server's CSRF prevention, which refuses "simple" requests.
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetchFn(endpoint, { method: 'POST', headers, body });
    return { response, payload: await readJson(response) };
  }

  return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const body = JSON.stringify({ query, variables });
    const token = (await credentials?.accessToken()) ?? null;
    // The signed-in client has nothing the API answers anonymously (login and refresh use the anonymous
    // one): without a session, fail here, as the API would, instead of sending a request bound to be refused.
    if (credentials && !token) {
      throw new HttpError(describe('UNAUTHENTICATED', 'Not signed in.'), 401, { code: 'UNAUTHENTICATED' });
    }
    let { response, payload } = await send(body, token);
    // An access token may expire (or be revoked) between the expiry check and the server's; one retry with a
    // renewed token hides that race, a second refusal means the session is really over. Only HTTP 401: the
    // API refuses a token so before running anything, while a resolver's UNAUTHENTICATED (200) may come
    // after a mutation did its work, and sending that again is not safe.
    if (credentials && token && response.status === 401) {
      const renewed = await credentials.renew(token);
      if (renewed) ({ response, payload } = await send(body, renewed));
    }
    return dataOf<T>(response, payload, describe);
  };
}

/**
 * react-admin reads `body.errors` of a failed save as server-side validation: field → message, with
 * `root.serverError` as the notification. Only an input error naming its field is that; anything else (a
 * CONFLICT, say) must not be there, or the form would report "invalid form" and hide the real message.
 */
function formErrors(code: string, field: unknown, message: string) {
  if (code !== 'BAD_USER_INPUT' || typeof field !== 'string' || field === '') return {};
  return { errors: { [field]: message, root: { serverError: message } } };
}

export function dataOf<T>(response: Response, payload: GraphqlResponse | null, describe: DescribeError): T {
  const error = payload?.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL';
    const status = HTTP_STATUS_BY_CODE[code] ?? (response.ok ? 500 : response.status);
    const message = describe(code, error.message);
    throw new HttpError(message, status, {
      code,
      graphqlErrors: payload.errors,
      ...formErrors(code, error.extensions?.field, message),
    });
  }
  if (!response.ok || payload?.data == null) {
    const status = response.ok ? 500 : response.status;
    throw new HttpError(response.statusText || 'Unexpected response from the API', status, {
      code: 'INTERNAL',
    });
  }
  return payload.data as T;
}

/** A proxy or a crashed server may answer with HTML; that is a failed request, not a parse error. */
export async function readJson(response: Response): Promise<GraphqlResponse | null> {
  try {
    return (await response.json()) as GraphqlResponse;
  } catch {
    return null;
  }
}
