import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createLogger } from '../logger';
import { createContext, createServices } from './context';

const services = createServices({
  secrets: { dataKey: randomBytes(32), jwtSecret: randomBytes(32) },
  auth: { accessTokenTtl: 900, refreshTokenTtl: 3600, principalCacheTtl: 5 },
});
// Not transactional and signed out: nothing here reaches the database.
const contextOf = () => createContext({ db: {} as DataSource, logger: createLogger('silent'), services });

describe('a request context’s loaders', () => {
  it('when a request uses one module’s loaders, then only that module’s are made, once, and for that request only', () => {
    const first = contextOf();
    expect(Object.keys(first.loaders)).toEqual(expect.arrayContaining(['region', 'mediation', 'resident']));
    const ctx = contextOf();
    expect(Object.keys(ctx.loaders)).toEqual([]);
    const region = ctx.loaders.region;
    expect(region.byCode).toBeDefined();
    expect(ctx.loaders.region).toBe(region);
    expect(Object.keys(ctx.loaders)).toEqual(['region']);
    expect(contextOf().loaders.region).not.toBe(region);
    expect(first.loaders.region).not.toBe(region);
  });

  it('when a module makes several loaders, then touching one makes them all for the request', () => {
    contextOf();
    const ctx = contextOf();
    const cases = ctx.loaders.mediation;
    expect(Object.keys(ctx.loaders).sort()).toEqual(['mediation', 'mediationRefs']);
    expect(ctx.loaders.mediation).toBe(cases);
  });
});
