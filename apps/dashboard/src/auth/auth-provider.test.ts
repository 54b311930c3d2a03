import { HttpError } from 'react-admin';
import { createGraphqlRequest } from '../graphql-client';
import { fail, fakeFetch, memoryStorage, ok, type Reply, type SentRequest } from '../test-support/fake-fetch';
import { createAuthProvider } from './auth-provider';
import { REFRESH_MARGIN_MS, createSession } from './session';
import { createTokenStore } from './token-store';

const USER = {
  id: 'u-1',
  username: 'shanghong',
  kind: 'USER',
  roles: ['COMMUNITY_STAFF'],
  actions: ['RESIDENT_READ', 'HOUSEHOLD_READ', 'RESIDENT_REVEAL'],
  jurisdiction: { code: '230102010003', name: '上红社区居委会' },
};

/**
 * A fake API with the real token rules: a refresh issues `access-N` and `refresh-N`; each refresh token
 * works once, and presenting a used one revokes the whole session, as the API does.
 */
function fakeApi(opts: { expiresIn?: number; data?: (request: SentRequest) => Reply } = {}) {
  let generation = 0;
  let revoked = false;
  const validAccess = new Set<string>();
  const used = new Set<string>();
  const issue = () => {
    validAccess.add(`access-${generation}`);
    return {
      payload: {
        accessToken: `access-${generation}`,
        refreshToken: `refresh-${generation}`,
        expiresIn: opts.expiresIn ?? 900,
        user: USER,
      },
    };
  };
  const { fetchFn, sent } = fakeFetch(async (request) => {
    // Let concurrent requests overlap, as they would over a network.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (request.operation === 'Login') {
      return request.variables.password === 'qiangji-demo'
        ? ok(issue())
        : fail('UNAUTHENTICATED', 'Invalid username or password.');
    }
    if (request.operation === 'Refresh') {
      const token = String(request.variables.refreshToken);
      if (used.has(token)) revoked = true;
      if (revoked || token !== `refresh-${generation}`) {
        return fail('UNAUTHENTICATED', 'The refresh token is not valid; sign in again.');
      }
      used.add(token);
      generation += 1;
      return ok(issue());
    }
    const token = request.authorization?.replace('Bearer ', '') ?? '';
    if (revoked || !validAccess.has(token)) {
      return fail('UNAUTHENTICATED', 'The access token or API key is not valid.', 401);
    }
    if (request.operation === 'Logout') return ok({ done: true });
    if (request.operation === 'ChangePassword') {
      return request.variables.currentPassword === 'qiangji-demo'
        ? ok({ done: true })
        : fail('BAD_USER_INPUT', 'The current password is wrong.');
    }
    return opts.data?.(request) ?? ok({ me: { id: USER.id }, token: request.authorization });
  });
  return {
    fetchFn,
    sent,
    /** The server no longer accepts the access tokens issued so far (expired by its clock, say). */
    expireAccessTokens: () => validAccess.clear(),
    /** Someone presents a used refresh token: the API revokes the session. */
    reuse: (refreshToken: string) =>
      fetchFn('/graphql', {
        method: 'POST',
        body: JSON.stringify({ query: 'mutation Refresh { x }', variables: { refreshToken } }),
      }),
    refreshes: () => sent.filter((r) => r.operation === 'Refresh'),
  };
}

function setup(api: ReturnType<typeof fakeApi>, storage = memoryStorage()) {
  let clock = 1_000_000;
  const session = createSession(
    createGraphqlRequest('/graphql', api.fetchFn),
    createTokenStore(storage),
    () => clock,
  );
  const request = createGraphqlRequest('/graphql', api.fetchFn, undefined, session);
  const authProvider = createAuthProvider(session, request);
  return { session, request, authProvider, storage, advance: (ms: number) => (clock += ms) };
}

const ME = 'query Me { me { id } }';

describe('auth provider', () => {
  it('when the user signs in, then the tokens are kept in memory and sessionStorage and sent as a Bearer token', async () => {
    const api = fakeApi();
    const { authProvider, request, storage } = setup(api);
    await authProvider.login({ username: ' shanghong ', password: 'qiangji-demo' });
    expect(api.sent[0].variables).toEqual({ username: 'shanghong', password: 'qiangji-demo' });
    expect(api.sent[0].authorization).toBeNull();
    const stored = JSON.parse(storage.items.get('qiangji.session') ?? '{}');
    expect(stored).toMatchObject({ accessToken: 'access-0', refreshToken: 'refresh-0', user: { id: 'u-1' } });
    await request(ME);
    expect(api.sent[1].authorization).toBe('Bearer access-0');
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
  });

  it('when the page is reloaded, then the session is read back from sessionStorage', async () => {
    const api = fakeApi();
    const first = setup(api);
    await first.authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    const reloaded = setup(api, first.storage);
    await expect(reloaded.authProvider.checkAuth({})).resolves.toBeUndefined();
    await reloaded.request(ME);
    expect(api.sent.at(-1)?.authorization).toBe('Bearer access-0');
  });

  it('when the password is wrong, then sign-in fails with a translatable message and nothing is stored', async () => {
    const { authProvider, storage } = setup(fakeApi());
    await expect(authProvider.login({ username: 'shanghong', password: 'wrong' })).rejects.toThrow(
      'app.auth.invalid_credentials',
    );
    expect(storage.items.size).toBe(0);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('when the access token is about to expire, then it is refreshed before the request', async () => {
    const api = fakeApi({ expiresIn: 900 });
    const { authProvider, request, advance, storage } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    advance(900_000 - REFRESH_MARGIN_MS + 1);
    await request(ME);
    expect(api.sent.map((r) => r.operation)).toEqual(['Login', 'Refresh', 'Me']);
    expect(api.sent[1].variables).toEqual({ refreshToken: 'refresh-0' });
    expect(api.sent[2].authorization).toBe('Bearer access-1');
    expect(JSON.parse(storage.items.get('qiangji.session') ?? '{}').refreshToken).toBe('refresh-1');
  });

  it('when several requests find the token expiring at once, then one refresh serves them all', async () => {
    const api = fakeApi();
    const { authProvider, request, advance } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    advance(900_000);
    await Promise.all([request(ME), request(ME), request(ME)]);
    expect(api.refreshes()).toHaveLength(1);
    expect(api.sent.filter((r) => r.operation === 'Me').map((r) => r.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-1',
      'Bearer access-1',
    ]);
  });

  it('when several requests are refused with 401 at once, then they share one refresh and each retries once', async () => {
    const api = fakeApi();
    const { authProvider, request } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    api.expireAccessTokens();
    const results = await Promise.all([request(ME), request(ME), request(ME)]);
    // Two refreshes would have presented refresh-0 twice, and the API would have ended the session.
    expect(api.refreshes()).toHaveLength(1);
    expect(results).toEqual([0, 1, 2].map(() => ({ me: { id: 'u-1' }, token: 'Bearer access-1' })));
    expect(api.sent.filter((r) => r.operation === 'Me')).toHaveLength(6);
  });

  it('when a request is refused with 401 and the refresh works, then it is retried once with the new token', async () => {
    let refused = false;
    const api = fakeApi({
      data: (r) => {
        // The first data request is refused although its token is current (revoked on the server, say).
        if (!refused) {
          refused = true;
          return fail('UNAUTHENTICATED', 'The access token or API key is not valid.', 401);
        }
        return ok({ me: { id: 'u-1' }, token: r.authorization });
      },
    });
    const { authProvider, request } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    await expect(request(ME)).resolves.toEqual({ me: { id: 'u-1' }, token: 'Bearer access-1' });
    expect(api.sent.map((r) => r.operation)).toEqual(['Login', 'Me', 'Refresh', 'Me']);
  });

  it('when the refresh is refused, then the session ends and the 401 reaches react-admin, which logs out', async () => {
    const api = fakeApi();
    const { authProvider, request, session, storage } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    await session.refresh();
    // A stolen copy of refresh-0 is presented: the API revokes the session, so the next refresh is refused.
    await api.reuse('refresh-0');
    const error = await request(ME).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 401 });
    await expect(authProvider.checkError(error)).rejects.toBe(error);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
    expect(storage.items.size).toBe(0);
  });

  it('when the API refuses an action with 403, then the user stays signed in', async () => {
    const { authProvider } = setup(fakeApi());
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    const forbidden = new HttpError('无权执行此操作', 403, { code: 'FORBIDDEN' });
    await expect(authProvider.checkError(forbidden)).resolves.toBeUndefined();
    await expect(authProvider.checkError(new HttpError('未找到该记录', 404))).resolves.toBeUndefined();
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
  });

  it('when the user logs out, then the logout mutation revokes the refresh token and the session is forgotten', async () => {
    const api = fakeApi();
    const { authProvider, storage } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    await authProvider.logout({});
    const logout = api.sent.find((r) => r.operation === 'Logout');
    expect(logout).toMatchObject({
      variables: { refreshToken: 'refresh-0' },
      authorization: 'Bearer access-0',
    });
    expect(storage.items.size).toBe(0);
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('when the logout request fails, then the user is signed out here all the same', async () => {
    const api = fakeApi();
    const { authProvider, storage } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    api.expireAccessTokens();
    await authProvider.logout({});
    expect(storage.items.size).toBe(0);
  });

  it('when react-admin asks who is signed in, then it gets the username with the jurisdiction and the actions', async () => {
    const { authProvider } = setup(fakeApi());
    await expect(authProvider.getPermissions!({})).resolves.toEqual([]);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    await expect(authProvider.getIdentity!()).resolves.toMatchObject({
      id: 'u-1',
      fullName: 'shanghong · 上红社区居委会',
    });
    await expect(authProvider.getPermissions!({})).resolves.toEqual(USER.actions);
  });

  it('when the user changes the password, then changePassword goes with the current and new one, signed in', async () => {
    const api = fakeApi();
    const { authProvider } = setup(api);
    await authProvider.login({ username: 'shanghong', password: 'qiangji-demo' });
    await authProvider.changePassword('qiangji-demo', 'new-password-1');
    expect(api.sent.find((r) => r.operation === 'ChangePassword')).toMatchObject({
      variables: { currentPassword: 'qiangji-demo', newPassword: 'new-password-1' },
      authorization: 'Bearer access-0',
    });
    await expect(authProvider.changePassword('wrong', 'new-password-2')).rejects.toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT' },
    });
  });
});
