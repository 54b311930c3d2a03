import { isValidDivisionCode, type Action } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import type { Principal, RequestContext } from '../server/context';
import { AppError, Refusal } from './app-error';
import type { ListRunner } from './connection';

export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API key.');
  return ctx.principal;
}

export function requireAction(ctx: RequestContext, action: Action): Principal {
  const principal = requirePrincipal(ctx);
  if (!principal.actions.has(action)) throw new AppError('FORBIDDEN', `Your roles do not allow ${action}.`);
  return principal;
}

/**
 * The subtree a query may read: the caller's jurisdiction, narrowed by a region filter when there is one.
 * A filter outside the jurisdiction is refused, never silently widened or emptied.
 */
export async function scopePath(
  ctx: RequestContext,
  regionCode: string | null | undefined,
  field = 'regionCode',
) {
  const principal = requirePrincipal(ctx);
  if (regionCode == null) return principal.jurisdiction.path;
  if (!isValidDivisionCode(regionCode))
    throw AppError.badInput(`${regionCode} is not a valid division code.`, field);
  const [region] = await ctx.services.region.pathsOf(ctx, [regionCode]);
  if (!region) throw AppError.badInput(`Region ${regionCode} does not exist.`, field);
  if (!isWithin(region.path, principal.jurisdiction.path)) {
    throw new AppError('FORBIDDEN', `Region ${regionCode} is outside your jurisdiction.`);
  }
  return region.path;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}.`);
}

/**
 * Reads as the database role `qiangji_app`, with the caller's jurisdiction as the row-level-security scope:
 * inside the request's transaction (`ctx.transaction`), or in a transaction of its own outside a request. Both
 * settings are transaction-local, so a pooled connection never carries them into another request.
 */
export function inScope<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  requirePrincipal(ctx);
  return ctx.transaction ? ctx.transaction.run(work) : inScopeAlone(ctx, work);
}

/** A write in the caller's scope: all of it with its audit row, or nothing (a savepoint of the request's transaction). */
export function atomically<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  requirePrincipal(ctx);
  return ctx.transaction ? ctx.transaction.atomic(work) : inScopeAlone(ctx, work);
}

/** `inScope` in a transaction of its own. A `Refusal` commits (its record stays), then is thrown. */
export async function inScopeAlone<T>(
  ctx: RequestContext,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const principal = requirePrincipal(ctx);
  const outcome = await ctx.db.transaction(async (manager) => {
    await manager.query(
      `SELECT set_config('role', 'qiangji_app', true), set_config('qiangji.scope', $1, true)`,
      [principal.jurisdiction.path],
    );
    try {
      return { value: await work(manager) };
    } catch (err) {
      if (err instanceof Refusal) return { refusal: err };
      throw err;
    }
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.value;
}

/** A list runner for people and cases: every statement inside the caller's scope. */
export function scoped(ctx: RequestContext): ListRunner {
  return (work) => inScope(ctx, work);
}

/**
 * Reads of reference data (regions, organisations), which row-level security does not guard: on the request's
 * connection when it has one, so that a request never holds one pooled connection while waiting for another.
 */
export function unscoped(ctx: RequestContext): ListRunner {
  return (work) => (ctx.transaction ? ctx.transaction.run(work) : work(ctx.db));
}
