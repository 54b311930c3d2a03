import { chinaDay, LEVELS_NAMED_WITH_PARENT, type RegionLevel } from '@qiangji/domain';
import { ReferenceCache } from '../../common/reference-cache';
import type { Queryable } from '../../common/connection';
import type { RequestContext } from '../../server/context';
import type { RegionRow } from './region.types';

/** A region of the tree; `current` when valid on the day the tree was loaded for (today, in China). */
export type TreeRegion = RegionRow & { path: string; hasBoundary: boolean; current: boolean };

/** The region tree in memory: by code, and the current regions by the name an official would read. */
export interface RegionTree {
  byCode: ReadonlyMap<string, TreeRegion>;
  /** Current regions by name; grid units and hamlets by parent name and name (every community has a 第1网格). */
  byName: ReadonlyMap<string, readonly TreeRegion[]>;
  /** How many current regions each code has as children. */
  currentChildren: ReadonlyMap<string, number>;
  /** The current children of each code, by code. */
  childrenOf(code: string): readonly TreeRegion[];
  /** From the city down to the parent; the region itself excluded. */
  ancestorsOf(region: TreeRegion): TreeRegion[];
  nameKey(region: TreeRegion): string;
}

const COLUMNS = `r.code, r.name, r.level, r.parent_code AS "parentCode", r.urban_rural_code AS "urbanRuralCode",
  r.centroid_lat AS "centroidLat", r.centroid_lng AS "centroidLng", r.population, r.households,
  r.valid_from AS "validFrom", r.valid_to AS "validTo", r.path::text AS path,
  r.boundary IS NOT NULL AS "hasBoundary",
  r.valid_from <= $1::date AND (r.valid_to IS NULL OR r.valid_to > $1::date) AS current`;

async function loadTree(q: Queryable, day: string): Promise<RegionTree> {
  const rows: TreeRegion[] = await q.query(`SELECT ${COLUMNS} FROM region r`, [day]);
  const byCode = new Map<string, TreeRegion>(rows.map((region) => [region.code, region]));
  const named = (level: RegionLevel) => LEVELS_NAMED_WITH_PARENT.includes(level);
  const nameKey = (r: TreeRegion) =>
    named(r.level) ? `${byCode.get(r.parentCode ?? '')?.name ?? ''}\u0000${r.name}` : r.name;
  const byName = new Map<string, TreeRegion[]>();
  const currentChildren = new Map<string, number>();
  const children = new Map<string, TreeRegion[]>();
  for (const row of rows) {
    if (!row.current) continue;
    if (row.parentCode) {
      currentChildren.set(row.parentCode, (currentChildren.get(row.parentCode) ?? 0) + 1);
      const siblings = children.get(row.parentCode);
      if (siblings) siblings.push(row);
      else children.set(row.parentCode, [row]);
    }
    const region = byCode.get(row.code)!;
    const key = nameKey(region);
    const group = byName.get(key);
    if (group) group.push(region);
    else byName.set(key, [region]);
  }
  const ancestorsOf = (region: TreeRegion) =>
    region.path
      .split('.')
      .slice(0, -1)
      .flatMap((code) => byCode.get(code) ?? []);
  for (const siblings of children.values()) siblings.sort((a, b) => a.code.localeCompare(b.code));
  const childrenOf = (code: string) => children.get(code) ?? [];
  return { byCode, byName, currentChildren, childrenOf, ancestorsOf, nameKey };
}

/**
 * Every region, whatever its dates, in code order, read afresh in `q`'s transaction: for the demo seeds, which run
 * outside any request (after the region seed, in the same transaction) and so have no tree in memory.
 */
export async function regionsIn(q: Queryable): Promise<TreeRegion[]> {
  const tree = await loadTree(q, chinaDay());
  return [...tree.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

// Kept per day as well: a region whose first or last day comes stops or starts being current at midnight.
const cache = new ReferenceCache<RegionTree>('region', loadTree, () => chinaDay());

/**
 * The region tree as the request's transaction sees it: from memory while no region changed, read again after a
 * change (an import). Outside a request (the CLI) it is read for the caller alone.
 */
export async function regionTree(ctx: RequestContext): Promise<RegionTree> {
  return (await cache.get(ctx)) ?? loadTree(ctx.db, chinaDay());
}
