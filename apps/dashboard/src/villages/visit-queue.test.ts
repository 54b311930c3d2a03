import { HttpError } from 'react-admin';
import { enqueue, flushQueue, isRetryable, readQueue, type QueueStorage } from './visit-queue';

function memory(): QueueStorage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('the phone’s visit queue', () => {
  it('when the network is down, then the entry stays with its key and is sent with it once the network is back', async () => {
    const storage = memory();
    const entry = enqueue(storage, 'yishan', { householdId: 'h1' }, 'k1');
    const keys: string[] = [];
    const offline = await flushQueue(storage, 'yishan', async (e) => {
      keys.push(e.key);
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toMatchObject({ sent: [], refused: [], pending: 1 });
    const online = await flushQueue(storage, 'yishan', async (e) => {
      keys.push(e.key);
      return { id: 'v1' };
    });
    expect(online.sent).toEqual([{ entry, visit: { id: 'v1' } }]);
    expect(online.pending).toBe(0);
    expect(keys).toEqual(['k1', 'k1']);
    expect(readQueue(storage)).toEqual([]);
  });

  it('when the API refuses an entry, then it leaves the queue and is reported; the next ones go on', async () => {
    const storage = memory();
    enqueue(storage, 'yishan', { n: 1 }, 'bad');
    enqueue(storage, 'yishan', { n: 2 }, 'good');
    const result = await flushQueue(storage, 'yishan', async (e) => {
      if (e.key === 'bad') throw new HttpError('Invalid input', 400, { code: 'BAD_USER_INPUT' });
      return { id: e.key };
    });
    expect(result.refused.map((r) => r.entry.key)).toEqual(['bad']);
    expect(result.sent.map((s) => s.entry.key)).toEqual(['good']);
    expect(readQueue(storage)).toEqual([]);
  });

  it('when another account is signed in, then it leaves the first account’s entries alone', async () => {
    const storage = memory();
    enqueue(storage, 'yishan', {}, 'k');
    const result = await flushQueue(storage, 'other', async () => ({}));
    expect(result).toMatchObject({ sent: [], pending: 0 });
    expect(readQueue(storage).map((e) => e.key)).toEqual(['k']);
  });

  it('when errors are sorted, then only the lasting refusals are not retried', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new HttpError('down', 503))).toBe(true);
    expect(isRetryable(new HttpError('signed out', 401))).toBe(true);
    expect(isRetryable(new HttpError('no', 403))).toBe(false);
  });
});
