import type { Principal } from '../server/context';
import { AppError } from './app-error';
import { idempotency, payloadHash } from './idempotency';

/**
 * The retry key of a create command (catalogue case 45): per caller, with a digest of the input that ignores
 * the order of keys and the key itself. The replay through HTTP is in dispute-case.test.ts ("idempotent
 * registration"): same key and input → the first case, another input → BAD_USER_INPUT, ten at once → one row.
 */

const caller = (kind: Principal['kind'], id: string) => ({ kind, id }) as Principal;

describe('idempotency keys', () => {
  it('when the same input comes with its keys in another order, then the digest is the same', () => {
    const a = { title: '漏水', parties: [{ role: 'APPLICANT', name: '王某' }], amount: { yuan: 1, fen: 2 } };
    const b = { amount: { fen: 2, yuan: 1 }, parties: [{ name: '王某', role: 'APPLICANT' }], title: '漏水' };
    expect(payloadHash(a)).toBe(payloadHash(b));
  });

  it('when any value, or the order of a list, differs, then the digest differs', () => {
    const base = { title: '漏水', signatories: ['王某', '李某'] };
    expect(payloadHash({ ...base, title: '漏雨' })).not.toBe(payloadHash(base));
    expect(payloadHash({ ...base, signatories: ['李某', '王某'] })).not.toBe(payloadHash(base));
    expect(payloadHash({ ...base, extra: null })).not.toBe(payloadHash(base));
  });

  it('when the inputs differ only in their idempotencyKey, then the digest is the same: the key is not the payload', () => {
    expect(payloadHash({ title: 'x', idempotencyKey: 'a' })).toBe(
      payloadHash({ title: 'x', idempotencyKey: 'b' }),
    );
    expect(payloadHash({ title: 'x', idempotencyKey: 'a' })).toBe(payloadHash({ title: 'x' }));
  });

  it('when a date is in the input, then it counts as its instant: equal instants, equal digests', () => {
    const at = (iso: string) => ({ receivedAt: new Date(iso) });
    expect(payloadHash(at('2026-01-05T08:00:00+08:00'))).toBe(payloadHash(at('2026-01-05T00:00:00Z')));
    expect(payloadHash(at('2026-01-05T00:00:01Z'))).not.toBe(payloadHash(at('2026-01-05T00:00:00Z')));
  });

  it('when no key is sent, then there is nothing to replay: no key and no digest', () => {
    expect(idempotency(caller('USER', 'u1'), { idempotencyKey: null })).toEqual({
      createdBy: 'USER:u1',
      key: null,
      hash: null,
    });
    expect(idempotency(caller('API_KEY', 'k1'), {})).toMatchObject({ createdBy: 'API_KEY:k1', key: null });
  });

  it('when a key is sent, then it is trimmed and belongs to its caller: two callers may use the same key', () => {
    const input = { title: 'x', idempotencyKey: ' 1 ' };
    const user = idempotency(caller('USER', 'same-id'), input);
    const key = idempotency(caller('API_KEY', 'same-id'), input);
    expect(user).toEqual({ createdBy: 'USER:same-id', key: '1', hash: payloadHash(input) });
    expect(key.createdBy).not.toBe(user.createdBy);
  });

  it.each(['', '   ', 'k'.repeat(101)])(
    'when the key is %j, then BAD_USER_INPUT on idempotencyKey',
    (bad) => {
      let err: unknown;
      try {
        idempotency(caller('USER', 'u1'), { idempotencyKey: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'idempotencyKey' } });
    },
  );
});
