import type { SessionUser } from './operations';

/** What survives a page reload: the tokens, when the access token expires, and who is signed in. */
export interface StoredSession {
  /** Chosen at sign-in and kept through rotations: which session the tabs share. */
  sessionId: string;
  /** Epoch milliseconds of the tokens' issue: the newest copy of a session wins. */
  issuedAt: number;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds: when the access token expires, and when to refresh it before use. */
  expiresAt: number;
  refreshAt: number;
  user: SessionUser;
}

export interface TokenStore {
  get(): StoredSession | null;
  set(session: StoredSession): void;
  clear(): void;
}

const KEY = 'qiangji.session';

/**
 * Memory first, mirrored to sessionStorage so a reload keeps the user signed in. Not localStorage: the tokens
 * end with the last tab that holds them; other tabs get them from a tab (tab-sync.ts), never from storage.
 */
export function createTokenStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
): TokenStore {
  let current: StoredSession | null | undefined;
  return {
    get() {
      if (current === undefined) current = read(storage);
      return current;
    },
    set(session) {
      current = session;
      attempt(() => storage?.setItem(KEY, JSON.stringify(session)));
    },
    clear() {
      current = null;
      attempt(() => storage?.removeItem(KEY));
    },
  };
}

function read(storage: Pick<Storage, 'getItem'> | null): StoredSession | null {
  try {
    const session = JSON.parse(storage?.getItem(KEY) ?? 'null') as StoredSession | null;
    return session?.refreshToken && session.user && session.refreshAt && session.sessionId ? session : null;
  } catch {
    return null;
  }
}

/** Storage can be full or disabled (private browsing); the session then lives in memory only. */
function attempt(write: () => void): void {
  try {
    write();
  } catch {
    // memory still holds the session
  }
}
