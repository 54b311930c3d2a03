import { isValidDivisionCode, type Action } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import type { Principal, RequestContext } from '../server/context';
import { AppError } from './app-error';

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
 * Runs `work` in a transaction as the database role `qiangji_app`, with the caller's jurisdiction as
 * the row-level-security scope. Both settings are transaction-local, so a pooled connection never
 * carries them into another request.
 */
export function inScope<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const principal = requirePrincipal(ctx);
  return ctx.db.transaction(async (manager) => {
    await manager.query(
      `SELECT set_config('role', 'qiangji_app', true), set_config('qiangji.scope', $1, true)`,
      [principal.jurisdiction.path],
    );
    return work(manager);
  });
}
