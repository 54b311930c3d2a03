import { AppError } from '../../common/app-error';
import { scopePath } from '../../common/authz';
import type { RequestContext } from '../../server/context';

/**
 * The path of a village (村) of the caller's jurisdiction: what pairings, postings, profiles, organisations and
 * safety records are placed on. Anything else is the client's mistake on its field; outside the jurisdiction,
 * FORBIDDEN, as every region filter.
 */
export async function villagePath(ctx: RequestContext, code: string, field: string): Promise<string> {
  const path = await scopePath(ctx, code, field);
  const region = await ctx.services.region.get(ctx, code);
  if (region?.level !== 'VILLAGE') throw AppError.badInput(`${code} is not a village.`, field);
  return path;
}
