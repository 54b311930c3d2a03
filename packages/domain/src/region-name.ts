import type { RegionLevel } from './region';

/** What the naming rule reads of a region and of each of its ancestors. */
export interface RegionNamePart {
  name: string;
  level: RegionLevel;
}

/**
 * Levels whose names repeat under every parent (每个社区都有第1网格, many villages have a 一屯): they are always
 * shown after their parent's name.
 */
export const LEVELS_NAMED_WITH_PARENT: readonly RegionLevel[] = Object.freeze(['GRID', 'HAMLET']);

/** Between the names of a path: 上红社区 · 第1网格. */
export const REGION_NAME_SEPARATOR = ' · ';

const namedWithParent = (level: RegionLevel) => LEVELS_NAMED_WITH_PARENT.includes(level);

/**
 * The region's own name, or for a grid unit or hamlet its parent's name first ("上红社区 · 第1网格").
 * `lineage` runs from the root of the tree down to the parent.
 */
export function baseRegionName(region: RegionNamePart, lineage: readonly RegionNamePart[]): string {
  const parent = lineage.at(-1);
  return parent && namedWithParent(region.level)
    ? `${parent.name}${REGION_NAME_SEPARATOR}${region.name}`
    : region.name;
}

/**
 * The ancestors that may tell namesakes apart, root first: those below the city (every region is in 哈尔滨市),
 * without the parent when the base name already shows it.
 */
function qualifiers(region: RegionNamePart, lineage: readonly RegionNamePart[]): string[] {
  const below = lineage.filter((ancestor) => ancestor.level !== 'CITY');
  const usable = namedWithParent(region.level) && lineage.length > 0 ? below.slice(0, -1) : below;
  return usable.map((ancestor) => ancestor.name);
}

const tail = (names: readonly string[], count: number) => names.slice(Math.max(0, names.length - count));
const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * A name an official can tell apart from every other region: the base name (baseRegionName), and when other
 * regions share it, the nearest ancestors below the city that none of them shares, in brackets, top down:
 * "东升村 (宾县 · 宁远镇)". `namesakes` are the lineages (root first, down to the parent) of the other regions
 * whose base name is the same; where nothing tells them apart, the whole path below the city is shown.
 */
export function qualifiedRegionName(
  region: RegionNamePart,
  lineage: readonly RegionNamePart[],
  namesakes: readonly (readonly RegionNamePart[])[],
): string {
  const base = baseRegionName(region, lineage);
  const own = qualifiers(region, lineage);
  if (namesakes.length === 0 || own.length === 0) return base;
  const others = namesakes.map((other) => qualifiers(region, other));
  let count = 1;
  while (count < own.length && others.some((other) => same(tail(other, count), tail(own, count)))) count += 1;
  return `${base} (${tail(own, count).join(REGION_NAME_SEPARATOR)})`;
}
