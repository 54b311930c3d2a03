import { createGraphqlRequest } from '../graphql-client';
import { fail, fakeFetch, memoryStorage, ok } from '../test-support/fake-fetch';
import { REFRESH_MARGIN_MS, createSession } from './session';
import { createTabSync, type Exclusive } from './tab-sync';
import { createTokenStore } from './token-store';

const USER = {
  id: 'u-1',
  username: 'grid',
  kind: 'USER',
  roles: ['GRID_WORKER'],
  actions: ['RESIDENT_READ'],
  jurisdiction: { code: '230102010003001', name: '第1网格', qualifiedName: '上红社区居委会 · 第1网格' },
};

/** The API's refresh rule: each refresh token works once; a second use revokes the whole session. */
function fakeApi() {
  let generation = 0;
  let revoked = false;
  const { fetchFn, sent } = fakeFetch(async (request) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const issue = () => ({
      payload: {
        accessToken: `access-${generation}`,
        refreshToken: `refresh-${generation}`,
        expiresIn: 900,
        user: USER,
      },
    });
    if (request.operation === 'Login') return ok(issue());
    if (request.operation === 'Refresh') {
      if (revoked || request.variables.refreshToken !== `refresh-${generation}`) {
        revoked = true;
        return fail('UNAUTHENTICATED', 'The refresh token is not valid; sign in again.');
      }
      generation += 1;
      return ok(issue());
    }
    return ok({ me: { id: USER.id }, token: request.authorization });
  });
  return { fetchFn, sent, revoked: () => revoked };
}

/** One mutex for every "tab" of the test, as navigator.locks is one per browser. */
function sharedLock(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

describe('one session across the tabs of a browser', () => {
  const channels: BroadcastChannel[] = [];
  let clock = 1_000_000;
  afterEach(() => channels.splice(0).forEach((channel) => channel.close()));

  function tab(api: ReturnType<typeof fakeApi>, lock: Exclusive) {
    const channel = new BroadcastChannel(`qiangji.test.${expect.getState().currentTestName}`);
    channels.push(channel);
    const session = createSession(
      createGraphqlRequest('/graphql', api.fetchFn),
      createTokenStore(memoryStorage()),
      () => clock,
      createTabSync(channel, lock, 50),
    );
    const request = createGraphqlRequest('/graphql', api.fetchFn, undefined, session);
    return { session, request };
  }

  it('when a second tab opens, then it takes over the first tab’s session instead of asking to sign in', async () => {
    const api = fakeApi();
    const lock = sharedLock();
    const first = tab(api, lock);
    await first.session.ready();
    await first.session.login('grid', 'qiangji-demo');
    const second = tab(api, lock);
    await second.session.ready();
    expect(second.session.user()).toMatchObject({ id: 'u-1' });
    await expect(second.request('query Me { me { id } }')).resolves.toMatchObject({
      token: 'Bearer access-0',
    });
    // The hand-over went tab to tab: no request to the API, and no token in a URL or in localStorage.
    expect(api.sent.map((r) => r.operation)).toEqual(['Login', 'Me']);
  });

  it('when both tabs find the token expiring at once, then one refresh serves both and the session survives', async () => {
    const api = fakeApi();
    const lock = sharedLock();
    const first = tab(api, lock);
    await first.session.login('grid', 'qiangji-demo');
    const second = tab(api, lock);
    await second.session.ready();
    clock += 900_000 - REFRESH_MARGIN_MS + 1;
    const results = await Promise.all([
      first.request('query Me { me { id } }'),
      second.request('query Me { me { id } }'),
    ]);
    expect(api.sent.filter((r) => r.operation === 'Refresh')).toHaveLength(1);
    expect(api.revoked()).toBe(false);
    expect(results).toEqual([
      { me: { id: 'u-1' }, token: 'Bearer access-1' },
      { me: { id: 'u-1' }, token: 'Bearer access-1' },
    ]);
    expect(second.session.refreshToken()).toBe('refresh-1');
  });

  it('when one tab signs out, then the other forgets the session too', async () => {
    const api = fakeApi();
    const lock = sharedLock();
    const first = tab(api, lock);
    await first.session.login('grid', 'qiangji-demo');
    const second = tab(api, lock);
    await second.session.ready();
    first.session.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second.session.user()).toBeNull();
  });

  it('when no other tab is open, then the tab is signed out after a short wait', async () => {
    const api = fakeApi();
    const alone = tab(api, sharedLock());
    await alone.session.ready();
    expect(alone.session.user()).toBeNull();
    expect(api.sent).toHaveLength(0);
  });
});
