import { chinaDay } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import type { RequestContext } from '../../server/context';

/** A `date` column's day: node-postgres makes it local midnight, so the local calendar names it. */
export function dateText(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** A region that is a grid unit valid on the day (today in China by default), else BAD_USER_INPUT on `field`. */
export async function requireCurrentGridUnit(
  ctx: RequestContext,
  code: string,
  field: string,
  day: string = chinaDay(),
) {
  const [unit] = await ctx.services.region.findByCodes(ctx, [code]);
  if (!unit || unit.level !== 'GRID') throw AppError.badInput(`${code} is not a grid unit.`, field);
  const from = dateText(unit.validFrom);
  const to = unit.validTo ? dateText(unit.validTo) : null;
  if (from > day || (to !== null && to <= day))
    throw AppError.badInput(`Grid unit ${code} is not valid on ${day}.`, field);
  return unit;
}
