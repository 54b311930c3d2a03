import { HttpError } from 'react-admin';

/**
 * Visits logged on a phone wait here until the API has them: villages have poor coverage, so an entry is stored
 * on the phone first, with the idempotency key it keeps for every retry. A retry of an entry the API stored but
 * whose answer was lost returns the first visit, so nothing is lost or recorded twice.
 */
export interface QueuedVisit {
  /** The idempotencyKey of every attempt. */
  key: string;
  /** Whose entry it is: only that account sends it. */
  username: string;
  input: Record<string, unknown>;
  queuedAt: string;
}

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const QUEUE_KEY = 'qiangji.visitQueue';

export function readQueue(storage: QueueStorage): QueuedVisit[] {
  try {
    const parsed = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function writeQueue(storage: QueueStorage, entries: QueuedVisit[]) {
  storage.setItem(QUEUE_KEY, JSON.stringify(entries));
}

export function enqueue(
  storage: QueueStorage,
  username: string,
  input: Record<string, unknown>,
  key: string = crypto.randomUUID(),
  now: Date = new Date(),
): QueuedVisit {
  const entry = { key, username, input, queuedAt: now.toISOString() };
  writeQueue(storage, [...readQueue(storage), entry]);
  return entry;
}

function remove(storage: QueueStorage, key: string) {
  writeQueue(
    storage,
    readQueue(storage).filter((e) => e.key !== key),
  );
}

/**
 * Whether a failed send may succeed later: no answer at all (offline, a dropped connection), a server error, a
 * rate limit or an expired sign-in. An answer that refuses the entry (BAD_USER_INPUT, FORBIDDEN …) will not change.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof HttpError)) return true;
  return error.status >= 500 || error.status === 429 || error.status === 401 || error.status === 0;
}

export interface FlushResult {
  sent: { entry: QueuedVisit; visit: unknown }[];
  refused: { entry: QueuedVisit; error: unknown }[];
  /** Still waiting: the first retryable failure stops the round, the rest keep their order. */
  pending: number;
}

/** Sends the account's queued visits, oldest first; each leaves the queue once the API has answered it. */
export async function flushQueue(
  storage: QueueStorage,
  username: string,
  send: (entry: QueuedVisit) => Promise<unknown>,
): Promise<FlushResult> {
  const result: FlushResult = { sent: [], refused: [], pending: 0 };
  for (const entry of readQueue(storage).filter((e) => e.username === username)) {
    try {
      result.sent.push({ entry, visit: await send(entry) });
      remove(storage, entry.key);
    } catch (error) {
      if (isRetryable(error)) break;
      result.refused.push({ entry, error });
      remove(storage, entry.key);
    }
  }
  result.pending = readQueue(storage).filter((e) => e.username === username).length;
  return result;
}
