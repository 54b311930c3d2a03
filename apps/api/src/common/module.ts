import type { TimeLimits } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError } from './app-error';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { RequestContext } from '../server/context';
import type { AlertSource, CountAlert, KpiTile } from './command-view';
import type { Response } from 'express';
import type { ConstraintMeaning } from './database-errors';
import type { ListExport } from './export';
import type { ReportSection } from './report-section';
import type { PersonalDataCipher } from './personal-data';

/**
 * The services of every module, one instance each for the life of the process. Each module adds its own by
 * augmenting this interface in its `index.ts` (`declare module '../../common/module'`), so `ctx.services` is
 * typed without the kit knowing any module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleServices {}

/** The DataLoaders of every module, created per request; augmented by each module like `ModuleServices`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleLoaders {}

/** What the process gives every module when it builds its services. */
export interface ModuleDeps {
  cipher: PersonalDataCipher;
  jwtSecret: Buffer;
  auth: Config['auth'];
  timeLimits: TimeLimits;
  /** Every module's declaration, for a module that gathers what the others declare (tiles, report sections). */
  modules: readonly ModuleDefinition[];
}

/** What a module's demo seed gets: the seed transaction, the cipher, and whether demo accounts are wanted. */
export interface SeedContext {
  m: EntityManager;
  services: ModuleServices;
  cipher: PersonalDataCipher;
  logger: Logger;
  /** The demo accounts and their well-known password exist on the embedded development database only. */
  accounts: boolean;
}

/**
 * A module is one folder and one declaration: its services (built from the services of the modules listed
 * before it), its per-request loaders, its GraphQL resolvers, its TypeORM entities and its demo data.
 * `server/modules.ts` lists them; context, schema, data source and seed loop over that list.
 */
export interface ModuleDefinition {
  name: string;
  services?(deps: ModuleDeps, services: ModuleServices): Partial<ModuleServices>;
  /** The same keys on every call: a request makes a module's loaders when it first touches one of them. */
  loaders?(ctx: RequestContext): Partial<ModuleLoaders>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  /**
   * The tables (and rollups, views) the module owns: only its own code names them in SQL; every other module reads
   * them through its services (`server/module-tables.test.ts`).
   */
  tables?: readonly string[];
  /** Adds the module's demo data when it has none; returns what it added, for the log. */
  seed?(seed: SeedContext): Promise<unknown>;
  /** What the module's unique constraints mean to a client when a concurrent write breaks one. */
  constraints?: Record<string, ConstraintMeaning>;
  /** The module's KPI tiles on the command view, read from its rollups (`common/command-view.ts`). */
  kpis?: readonly KpiTile[];
  /** The module's alerts on the command view. */
  alerts?: readonly (AlertSource | CountAlert)[];
  /** The module's lists as exports (CSV, XLSX), served by `POST /exports/<list>` (common/export.ts). */
  exports?: ListExport[];
  /** The module's sections of the monthly report, in their fixed order (common/report-section.ts). */
  reportSections?: ReportSection[];
  /** Files the module serves by `POST /downloads/<name>` with a JSON body, streamed to the response. */
  downloads?: Record<string, Download>;
}

/** A file download: the signed-in caller's context (its scoped transaction), the parsed JSON body, the response. */
export type Download = (ctx: RequestContext, body: unknown, res: Response) => Promise<void>;

/** A download's JSON body through its schema, or BAD_USER_INPUT on the first field at fault. */
export function downloadBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0].path.map(String).join('.');
  throw AppError.badInput(`${field || 'The body'} is not valid.`, field || undefined);
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}
