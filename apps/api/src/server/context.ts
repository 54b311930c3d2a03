import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { createRegionLoaders, type RegionLoaders } from '../modules/region/region.loaders';
import { RegionService } from '../modules/region/region.service';

/** One instance of each module's service for the life of the process. */
export function createServices() {
  return { region: new RegionService() };
}
export type Services = ReturnType<typeof createServices>;

export interface RequestContext {
  requestId: string;
  db: DataSource;
  logger: Logger;
  services: Services;
  loaders: { region: RegionLoaders };
}

/** A context per GraphQL request (or per CLI run): loaders cache for its lifetime only. */
export function createContext(opts: {
  db: DataSource;
  logger: Logger;
  services: Services;
  requestId?: string;
}): RequestContext {
  const requestId = opts.requestId ?? randomUUID();
  const ctx = { ...opts, requestId, logger: opts.logger.child({ requestId }) } as RequestContext;
  ctx.loaders = { region: createRegionLoaders(ctx, opts.services.region) };
  return ctx;
}
