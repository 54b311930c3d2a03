import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_LIMITS, type Action, type Role, type TimeLimits } from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import type { ModuleDeps, ModuleLoaders, ModuleServices } from '../common/module';
import { PersonalDataCipher } from '../common/personal-data';
import { ScopedTransaction } from '../common/scoped-transaction';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Secrets } from '../secrets';
import { MODULES } from './modules';

export type Services = ModuleServices;

/** One instance of each module's service for the life of the process, built in the order of `MODULES`. */
export function createServices(opts: {
  secrets: Secrets;
  auth: Config['auth'];
  timeLimits?: TimeLimits;
}): Services {
  const deps: ModuleDeps = {
    cipher: new PersonalDataCipher(opts.secrets.dataKey),
    jwtSecret: opts.secrets.jwtSecret,
    auth: opts.auth,
    timeLimits: opts.timeLimits ?? DEFAULT_TIME_LIMITS,
    modules: MODULES,
  };
  const services = {} as Services;
  for (const module of MODULES) Object.assign(services, module.services?.(deps, services));
  return services;
}

/** Who is calling: a signed-in user or a district system's API key, with its jurisdiction. */
export interface Principal {
  kind: 'USER' | 'API_KEY';
  id: string;
  /** The login: a username, or an API key's name with its prefix. */
  name: string;
  /** What people call it: a user's display name, an API key's name. */
  displayName: string;
  roles: Role[];
  actions: ReadonlySet<Action>;
  jurisdiction: { code: string; name: string; path: string };
}

export interface RequestContext {
  requestId: string;
  clientIp: string | null;
  db: DataSource;
  logger: Logger;
  services: Services;
  principal: Principal | null;
  loaders: ModuleLoaders;
  /** The request's scoped transaction (`inScope`, `atomically`); absent outside signed-in requests (the CLI). */
  transaction?: ScopedTransaction | null;
}

/** A context per GraphQL request (or per CLI run): loaders cache for its lifetime only. */
export function createContext(opts: {
  db: DataSource;
  logger: Logger;
  services: Services;
  requestId?: string;
  clientIp?: string | null;
  principal?: Principal | null;
  /** A request of the HTTP API: a signed-in caller's reads and commands share one scoped transaction. */
  transactional?: boolean;
}): RequestContext {
  const requestId = opts.requestId ?? randomUUID();
  const { transactional, ...given } = opts;
  const principal = opts.principal ?? null;
  const ctx = {
    ...given,
    requestId,
    clientIp: opts.clientIp ?? null,
    principal,
    logger: opts.logger.child({ requestId }),
    // Made here, not by a plugin: Apollo hands resolvers a shallow copy of the context, and the loaders keep this one.
    transaction:
      transactional && principal ? new ScopedTransaction(opts.db, principal.jurisdiction.path) : null,
  } as RequestContext;
  ctx.loaders = loadersFor(ctx);
  return ctx;
}

/** The context a request's loaders were made for (a symbol: Object.keys of the loaders stays the modules' keys). */
const OWNER = Symbol('context');
type LazyLoaders = ModuleLoaders & { [OWNER]: RequestContext };

/**
 * Which loaders each module makes, learnt from the first context: after it, a request makes a module's loaders
 * when it first touches one of them (most requests touch one or two modules of many), on a prototype of getters
 * that the made loaders then shadow.
 */
let lazyPrototype: object | null = null;

function loadersFor(ctx: RequestContext): ModuleLoaders {
  if (lazyPrototype) return Object.assign(Object.create(lazyPrototype) as LazyLoaders, { [OWNER]: ctx });
  const loaders = {} as ModuleLoaders;
  const prototype = {};
  for (const module of MODULES) {
    const made = module.loaders?.(ctx);
    if (!made) continue;
    Object.assign(loaders, made);
    const keys = Object.keys(made);
    const make = (target: LazyLoaders) => {
      const fresh = module.loaders!(target[OWNER]) as Record<string, unknown>;
      for (const k of keys) Object.defineProperty(target, k, { value: fresh[k], enumerable: true });
      return fresh;
    };
    for (const key of keys)
      Object.defineProperty(prototype, key, {
        get(this: LazyLoaders) {
          return make(this)[key];
        },
      });
  }
  lazyPrototype = prototype;
  return loaders;
}
