import type { DataSource } from 'typeorm';
import type { Principal } from '../../server/context';
import { PrincipalCache, type Loaded } from './principal-cache';

const principal: Principal = {
  kind: 'USER',
  id: '00000000-0000-4000-8000-000000000001',
  name: 'supervisor',
  displayName: 'Supervisor',
  roles: ['SUPERVISOR'],
  actions: new Set(),
  jurisdiction: { code: '230100', name: '哈尔滨市', path: '230100' },
};

/** A load that waits until `finish` is called, counting how often it ran. */
function gatedLoad() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls = { count: 0 };
  const load = async (): Promise<Loaded> => {
    calls.count++;
    await gate;
    return { principal };
  };
  return { load, calls, finish: () => release() };
}

// Not the API's data source: no listener, so nothing is kept once a load ends; what is shared is the load itself.
const db = {} as DataSource;

describe('PrincipalCache', () => {
  it('when ten requests with one credential miss together, then the account is read once', async () => {
    const cache = new PrincipalCache(10_000);
    const { load, calls, finish } = gatedLoad();
    const answers = Array.from({ length: 10 }, () => cache.get(db, 'token', load));
    finish();
    expect(await Promise.all(answers)).toEqual(Array(10).fill(principal));
    expect(calls.count).toBe(1);
  });

  it('when the load has ended, then the next miss reads the account again', async () => {
    const cache = new PrincipalCache(10_000);
    const first = gatedLoad();
    first.finish();
    await cache.get(db, 'token', first.load);
    const second = gatedLoad();
    second.finish();
    await cache.get(db, 'token', second.load);
    expect([first.calls.count, second.calls.count]).toEqual([1, 1]);
  });

  it('when an eviction comes during a load, then a request after it does not join that load', async () => {
    const cache = new PrincipalCache(10_000);
    const before = gatedLoad();
    const early = cache.get(db, 'token', before.load);
    cache.evict(principal.id);
    const after = gatedLoad();
    const late = cache.get(db, 'token', after.load);
    before.finish();
    after.finish();
    await Promise.all([early, late]);
    expect([before.calls.count, after.calls.count]).toEqual([1, 1]);
  });

  it('when another credential misses at the same time, then it has a load of its own', async () => {
    const cache = new PrincipalCache(10_000);
    const { load, calls, finish } = gatedLoad();
    const answers = [cache.get(db, 'token', load), cache.get(db, 'key:hash', load)];
    finish();
    await Promise.all(answers);
    expect(calls.count).toBe(2);
  });
});
