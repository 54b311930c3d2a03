/** One request as the fake API received it. */
export interface SentRequest {
  /** The operation's name, e.g. `ResidentList` or `Refresh`. */
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  /** The Authorization header, or null when none was sent. */
  authorization: string | null;
}

export interface Reply {
  status?: number;
  body: unknown;
}

export const ok = (data: unknown): Reply => ({ body: { data } });
export const fail = (code: string, message = code, status = 200): Reply => ({
  status,
  body: { data: null, errors: [{ message, extensions: { code } }] },
});

/** A `fetch` that answers GraphQL requests from `answer` and records each one. */
export function fakeFetch(answer: (request: SentRequest) => Reply | Promise<Reply>) {
  const sent: SentRequest[] = [];
  const fetchFn: typeof fetch = async (_url, init) => {
    const { query, variables } = JSON.parse(String(init?.body)) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const request: SentRequest = {
      operation: /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '',
      query,
      variables: variables ?? {},
      authorization: headers.Authorization ?? null,
    };
    sent.push(request);
    const reply = await answer(request);
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchFn, sent };
}

/** sessionStorage's part the token store uses, over a Map. */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}
