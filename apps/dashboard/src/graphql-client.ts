import { HttpError } from 'react-admin';

/** Sends one GraphQL operation and resolves to its `data`, or rejects with an `HttpError`. */
export type GraphqlRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

interface GraphqlResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

// react-admin reacts to an error's HTTP status (authProvider.checkError logs out on 401/403), while GraphQL
// answers 200 for most failures; so each API error code gets the status a REST API would have sent.
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
};

/** Turns an API error into what the user reads; the API's messages are English, for developers. */
export type DescribeError = (code: string, message: string) => string;

export function createGraphqlRequest(
  endpoint: string,
  fetchFn: typeof fetch = fetch,
  describe: DescribeError = (_code, message) => message,
): GraphqlRequest {
  return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const response = await fetchFn(endpoint, {
      method: 'POST',
      // A JSON body also satisfies the server's CSRF prevention, which refuses "simple" requests.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const payload = await readJson(response);
    const error = payload?.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'INTERNAL';
      const status = STATUS_BY_CODE[code] ?? (response.ok ? 500 : response.status);
      throw new HttpError(describe(code, error.message), status, { code, errors: payload.errors });
    }
    if (!response.ok || payload?.data == null) {
      const status = response.ok ? 500 : response.status;
      throw new HttpError(response.statusText || 'Unexpected response from the API', status, {
        code: 'INTERNAL',
      });
    }
    return payload.data as T;
  };
}

/** A proxy or a crashed server may answer with HTML; that is a failed request, not a parse error. */
async function readJson(response: Response): Promise<GraphqlResponse | null> {
  try {
    return (await response.json()) as GraphqlResponse;
  } catch {
    return null;
  }
}
