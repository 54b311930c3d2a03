import type { StoredSession } from './token-store';

/**
 * The other tabs of this browser, for sharing one session: a refresh token works once and the API ends the
 * whole session when one is presented twice, so tabs that share a session must rotate it one at a time and
 * tell each other the new tokens. Same origin only (BroadcastChannel); tokens never go into a URL or into
 * localStorage, and live only as long as some tab holds them.
 */
export interface TabSync {
  /** The newest copy of a session the other tabs hold (of `sessionId` if given), or null if none answers. */
  ask(sessionId?: string): Promise<StoredSession | null>;
  /** Tells the other tabs that `sessionId` now has these tokens, or (null) that it has ended. */
  announce(sessionId: string, session: StoredSession | null): void;
  /** Called with what other tabs announce. */
  onAnnounce(listener: (sessionId: string, session: StoredSession | null) => void): void;
  /** Answers the other tabs' questions with this tab's session. */
  serve(current: () => StoredSession | null): void;
  /** Runs `work` while no other tab runs its own: one rotation at a time across the browser. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Whether another tab of the dashboard is open: with none, there is no one to ask (and no wait). */
  othersOpen(): Promise<boolean>;
}

type Message =
  | { type: 'ask'; id: string; sessionId?: string }
  | { type: 'answer'; id: string; session: StoredSession }
  | { type: 'announce'; sessionId: string; session: StoredSession | null };

const TAB_LOCK = 'qiangji.tab.';

/** How long a question waits for answers: tabs answer at once unless their page is busy. */
export const ANSWER_WINDOW_MS = 250;

export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** A cross-tab mutex: the Web Locks API in browsers. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export function createTabSync(
  channel: Channel,
  exclusive: Exclusive,
  windowMs = ANSWER_WINDOW_MS,
  othersOpen: () => Promise<boolean> = async () => true,
): TabSync {
  const waiting = new Map<string, StoredSession[]>();
  const listeners: ((sessionId: string, session: StoredSession | null) => void)[] = [];
  let current: () => StoredSession | null = () => null;

  channel.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as Message;
    if (message.type === 'ask') {
      const session = current();
      if (session && (!message.sessionId || session.sessionId === message.sessionId)) {
        channel.postMessage({ type: 'answer', id: message.id, session } satisfies Message);
      }
    } else if (message.type === 'answer') {
      waiting.get(message.id)?.push(message.session);
    } else if (message.type === 'announce') {
      listeners.forEach((listener) => listener(message.sessionId, message.session));
    }
  });

  return {
    async ask(sessionId) {
      const id = crypto.randomUUID();
      const answers: StoredSession[] = [];
      waiting.set(id, answers);
      channel.postMessage({ type: 'ask', id, sessionId } satisfies Message);
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      waiting.delete(id);
      return answers.reduce<StoredSession | null>(
        (newest, s) => (!newest || s.issuedAt > newest.issuedAt ? s : newest),
        null,
      );
    },
    announce(sessionId, session) {
      channel.postMessage({ type: 'announce', sessionId, session } satisfies Message);
    },
    onAnnounce(listener) {
      listeners.push(listener);
    },
    serve(read) {
      current = read;
    },
    exclusive,
    othersOpen,
  };
}

/**
 * The browser's tabs, or null where they cannot be kept in step: without the Web Locks API (a page served over
 * plain HTTP from another host is not a secure context) two tabs could rotate the same token at once and end
 * the session, so each tab then keeps a session of its own, signed in separately.
 */
export function browserTabSync(): TabSync | null {
  if (typeof BroadcastChannel === 'undefined' || !globalThis.navigator?.locks) return null;
  const locks = navigator.locks;
  // LockManager.request resolves to what the callback's promise resolves to.
  const exclusive = <T>(work: () => Promise<T>) =>
    locks.request('qiangji.session.rotate', work) as Promise<unknown> as Promise<T>;
  // Each tab holds a lock of its own while it lives (the browser releases it when the tab goes), so a new tab
  // sees at once whether there is anyone to ask.
  const presence = `${TAB_LOCK}${crypto.randomUUID()}`;
  void locks.request(presence, () => new Promise<never>(() => {}));
  const othersOpen = async () =>
    ((await locks.query()).held ?? []).some(
      (lock) => lock.name?.startsWith(TAB_LOCK) && lock.name !== presence,
    );
  return createTabSync(new BroadcastChannel('qiangji.session'), exclusive, ANSWER_WINDOW_MS, othersOpen);
}
