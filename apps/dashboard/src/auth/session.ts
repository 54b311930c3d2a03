import { HttpError } from 'react-admin';
import type { Credentials, GraphqlRequest } from '../graphql-client';
import { LOGIN, REFRESH, type AuthPayload, type SessionUser } from './operations';
import type { TabSync } from './tab-sync';
import type { StoredSession, TokenStore } from './token-store';

/** Refresh this long before the access token expires (at most a quarter of its life, for short test TTLs). */
export const REFRESH_MARGIN_MS = 60_000;

/** The signed-in session: its tokens for the GraphQL client, and who is signed in for react-admin. */
export interface Session extends Credentials {
  /** Resolves once the session is known: this tab's own, or one another tab of this browser handed over. */
  ready(): Promise<void>;
  login(username: string, password: string): Promise<SessionUser>;
  /** Rotates the tokens now; every caller during one rotation shares it. Null when the session is over. */
  refresh(): Promise<string | null>;
  user(): SessionUser | null;
  refreshToken(): string | null;
  /** Forgets the tokens here and in the other tabs; revoking them on the server is the caller's business. */
  end(): void;
}

/**
 * `request` must be the anonymous GraphQL client: login and refresh are the API's only anonymous operations,
 * and a refresh must not itself wait for a refresh. With `tabs`, the browser's tabs share one session: a new
 * tab takes it over from another, and rotations run one at a time across the tabs, each announced to all.
 */
export function createSession(
  request: GraphqlRequest,
  store: TokenStore,
  now: () => number = Date.now,
  tabs: TabSync | null = null,
): Session {
  // Single flight: a refresh token works once and the API kills the whole session when one is presented
  // twice, so concurrent requests that find the token expiring must share one rotation, never start two.
  let inflight: Promise<string | null> | null = null;

  function issue(payload: AuthPayload, sessionId: string): StoredSession {
    const lifetime = payload.expiresIn * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 4);
    return {
      sessionId,
      issuedAt: now(),
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      expiresAt: now() + lifetime,
      refreshAt: now() + lifetime - margin,
      user: payload.user,
    };
  }

  /** Takes a newer copy of this tab's session (or, with none, any session) when another tab holds one. */
  function adopt(session: StoredSession | null): void {
    const mine = store.get();
    if (!session) return;
    if (!mine || (session.sessionId === mine.sessionId && session.issuedAt > mine.issuedAt))
      store.set(session);
  }

  tabs?.serve(() => store.get());
  tabs?.onAnnounce((sessionId, session) => {
    if (store.get()?.sessionId !== sessionId) return;
    if (session) adopt(session);
    else store.clear();
  });
  const handover =
    tabs && !store.get()
      ? tabs.othersOpen().then(async (others) => (others ? adopt(await tabs.ask()) : undefined))
      : Promise.resolve();

  async function rotate(): Promise<string | null> {
    const stale = store.get()?.accessToken;
    const exclusive = tabs?.exclusive ?? ((work) => work());
    return exclusive(async () => {
      // Another tab may have rotated while this one waited for its turn: its tokens are the ones to use.
      if (tabs && store.get()) adopt(await tabs.ask(store.get()!.sessionId));
      const before = store.get();
      if (!before) return null;
      if (before.accessToken !== stale && now() < before.refreshAt) return before.accessToken;
      try {
        const { payload } = await request<{ payload: AuthPayload }>(REFRESH, {
          refreshToken: before.refreshToken,
        });
        // A logout (or a new login) while the request was in flight wins over its answer.
        if (store.get()?.refreshToken !== before.refreshToken) return store.get()?.accessToken ?? null;
        const rotated = issue(payload, before.sessionId);
        store.set(rotated);
        tabs?.announce(rotated.sessionId, rotated);
        return payload.accessToken;
      } catch (error) {
        // The API refused the refresh token (used, revoked, expired, user disabled): the session is over. A
        // network or server failure is not proof of that; the next request tries again.
        if (error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 429) {
          if (store.get()?.refreshToken === before.refreshToken) store.clear();
          return null;
        }
        throw error;
      }
    });
  }

  function refresh(): Promise<string | null> {
    inflight ??= rotate().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  return {
    ready: () => handover,

    async login(username, password) {
      const { payload } = await request<{ payload: AuthPayload }>(LOGIN, { username, password });
      store.set(issue(payload, crypto.randomUUID()));
      return payload.user;
    },

    refresh,

    // Refreshed on use, not on a timer: a tab left idle lets its session lapse with the refresh token,
    // instead of rotating tokens for ever.
    async accessToken() {
      await handover;
      const session = store.get();
      if (!session) return null;
      if (inflight) return inflight;
      return now() < session.refreshAt ? session.accessToken : refresh();
    },

    async renew(rejected) {
      const session = store.get();
      if (!session) return null;
      // Another request already rotated the tokens after this one was sent: retry with the new token.
      if (session.accessToken !== rejected) return session.accessToken;
      return refresh();
    },

    user: () => store.get()?.user ?? null,
    refreshToken: () => store.get()?.refreshToken ?? null,
    end: () => {
      const sessionId = store.get()?.sessionId;
      store.clear();
      if (sessionId) tabs?.announce(sessionId, null);
    },
  };
}
