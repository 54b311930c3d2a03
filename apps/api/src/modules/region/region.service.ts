import {
  isValidDivisionCode,
  qualifiedRegionName,
  sketchedCentroid,
  type LatLng,
  type RegionLevel,
} from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import {
  encodeCursor,
  listPage,
  keysetCondition,
  MAX_PAGE_SIZE,
  parsePage,
  SortDirection,
  toConnection,
  type Connection,
  type ListQuery,
  type Page,
  type PageArgs,
} from '../../common/connection';
import { groupBy } from '../../common/group-by';
import { isWithin, unscoped } from '../../common/authz';
import { type Params, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import { regionTree, type TreeRegion } from './region.snapshot';
import { RegionOrderField, type RegionFilter, type RegionOrderBy, type RegionRow } from './region.types';

const COLUMNS = `r.code, r.name, r.level, r.parent_code AS "parentCode", r.urban_rural_code AS "urbanRuralCode",
  r.centroid_lat AS "centroidLat", r.centroid_lng AS "centroidLng", r.population, r.households,
  r.valid_from AS "validFrom", r.valid_to AS "validTo"`;

/** Lists show the tree as it stands today; a region looked up by code is returned whatever its dates. */
const current = (r = 'r') =>
  `(${r}.valid_from <= current_date AND (${r}.valid_to IS NULL OR ${r}.valid_to > current_date))`;
const CURRENT = current();

const SORT_EXPR: Record<RegionOrderField, string> = { CODE: 'r.code', NAME: 'r.name' };

interface Sort {
  key: string;
  expr: string;
  idExpr: string;
  direction: SortDirection;
  field: RegionOrderField;
}

function toSort(orderBy?: RegionOrderBy | null): Sort {
  const field = orderBy?.field ?? RegionOrderField.CODE;
  const direction = orderBy?.direction ?? SortDirection.ASC;
  return { key: `${field}:${direction}`, expr: SORT_EXPR[field], idExpr: 'r.code', direction, field };
}

function sortValue(row: RegionRow, field: RegionOrderField): string {
  return field === RegionOrderField.NAME ? row.name : row.code;
}

/** The page statement of `childrenOf`, run once for many parents through a LATERAL join. */
function pageSql(where: string[], params: unknown[], page: Page, sort: Sort) {
  const pageParams = [...params];
  const keyset = keysetCondition(page, sort, pageParams);
  pageParams.push(page.limit + 1, page.offset);
  const dir = sort.direction;
  const rowsSql = `SELECT ${COLUMNS} FROM region r WHERE ${[...where, keyset].join(' AND ')}
    ORDER BY ${sort.expr} ${dir}, ${sort.idExpr} ${dir} LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`;
  return { rowsSql, pageParams };
}

/**
 * One page of a region's current children (in code order) by code, as the statement would cut it: after the
 * cursor's (code, code) in the order's direction, then the offset, and one row more than the page to tell whether
 * another follows.
 */
function pageByCode(children: readonly TreeRegion[], page: Page, direction: SortDirection): TreeRegion[] {
  const ordered = direction === SortDirection.ASC ? children : [...children].reverse();
  const after = page.after && page.after.map(String);
  const beyond = (r: TreeRegion) => {
    if (!after) return true;
    const [code, id] = after;
    return direction === SortDirection.ASC
      ? r.code > code || (r.code === code && r.code > id)
      : r.code < code || (r.code === code && r.code < id);
  };
  const first = ordered.findIndex(beyond);
  if (first < 0) return [];
  return ordered.slice(first + page.offset, first + page.offset + page.limit + 1);
}

/**
 * SQL for another module whose items are regions of one level (the grid module's grid units are the GRID regions):
 * a relation of them with the region's own columns (code, name, valid_from, valid_to, boundary), narrowed to one
 * code, to a subtree, or to a subtree today. The region module keeps the only SQL that names its table; the caller
 * joins its own facts to `code`. Parameters go into `p`.
 */
export function regionsSql(
  p: Params,
  level: RegionLevel,
  within: { code: string } | { path: string; today: boolean },
): string {
  const where =
    'code' in within
      ? [`r.code = ${p.param(within.code)}`]
      : [`r.path <@ ${p.param(within.path, 'ltree')}`, ...(within.today ? [CURRENT] : [])];
  return `(SELECT r.code, r.name, r.valid_from, r.valid_to, r.boundary FROM region r
    WHERE r.level = '${level}' AND ${where.join(' AND ')})`;
}

function assertCode(code: string, field: string) {
  if (!isValidDivisionCode(code)) throw AppError.badInput(`${code} is not a valid division code.`, field);
}

export class RegionService {
  /** Regions by code, whatever their dates, from the tree in memory. */
  async findByCodes(ctx: RequestContext, codes: readonly string[]): Promise<RegionRow[]> {
    const tree = await regionTree(ctx);
    return codes.flatMap((code) => tree.byCode.get(code) ?? []);
  }

  /** Codes with their ltree paths, for scoping other modules' queries. */
  async pathsOf(
    ctx: RequestContext,
    codes: readonly string[],
  ): Promise<{ code: string; name: string; path: string }[]> {
    return this.findByCodes(ctx, codes) as Promise<TreeRegion[]>;
  }

  /** The codes of every region of the subtree at `path`, whatever their dates, from the tree in memory. */
  async codesWithin(ctx: RequestContext, path: string): Promise<string[]> {
    const tree = await regionTree(ctx);
    return [...tree.byCode.values()].filter((r) => isWithin(r.path, path)).map((r) => r.code);
  }

  /**
   * The regions of a level in the subtree at `path`, whatever their dates, each with the code of the root's child
   * it lies under (null on the root itself): for statistics that break a subtree down by child.
   */
  async levelWithin(
    ctx: RequestContext,
    path: string,
    level: RegionLevel,
  ): Promise<(TreeRegion & { child: string | null })[]> {
    const tree = await regionTree(ctx);
    const depth = path.split('.').length;
    return [...tree.byCode.values()]
      .filter((r) => r.level === level && isWithin(r.path, path))
      .map((r) => ({ ...r, child: r.path.split('.')[depth] ?? null }));
  }

  async get(ctx: RequestContext, code: string): Promise<RegionRow | null> {
    assertCode(code, 'code');
    return ctx.loaders.region.byCode.load(code);
  }

  async list(
    ctx: RequestContext,
    filter: RegionFilter | null | undefined,
    args: PageArgs & { orderBy?: RegionOrderBy | null },
  ): Promise<Connection<RegionRow>> {
    return listPage(unscoped(ctx), { ...(await this.listQuery(ctx, filter, args.orderBy)), args });
  }

  /** The rows the list (or its export) selects, in the list's order. */
  async listQuery(
    ctx: RequestContext,
    filter: RegionFilter | null | undefined,
    orderBy: RegionOrderBy | null | undefined,
  ): Promise<ListQuery<RegionRow>> {
    const sort = toSort(orderBy);
    const where = await this.filterClauses(ctx, filter ?? {}, new Where().add(CURRENT));
    return {
      from: 'region r',
      columns: COLUMNS,
      where,
      sort: { ...sort, value: (r) => sortValue(r, sort.field), id: (r) => r.code },
    };
  }

  /**
   * The children pages of many parents: by code from the tree in memory, which holds each region's current children
   * in code order (division codes are digits, which every collation orders alike), so no statement; by name in one
   * statement (a LATERAL join), since names are ordered by the database's collation. Counts from memory.
   */
  async childrenOf(
    ctx: RequestContext,
    parentCodes: readonly string[],
    args: PageArgs & { orderBy?: RegionOrderBy | null },
  ): Promise<Connection<RegionRow>[]> {
    const sort = toSort(args.orderBy);
    const page = parsePage(args, sort.key);
    const tree = await regionTree(ctx);
    const pages =
      sort.field === RegionOrderField.CODE
        ? new Map(parentCodes.map((code) => [code, pageByCode(tree.childrenOf(code), page, sort.direction)]))
        : await this.childPagesByName(ctx, parentCodes, page, sort);
    return parentCodes.map((code) =>
      toConnection<RegionRow>(pages.get(code) ?? [], page, tree.currentChildren.get(code) ?? 0, (r) =>
        encodeCursor(sort.key, sortValue(r, sort.field), r.code),
      ),
    );
  }

  private async childPagesByName(
    ctx: RequestContext,
    parentCodes: readonly string[],
    page: Page,
    sort: Sort,
  ) {
    const where = [CURRENT, 'r.parent_code = parent.code'];
    const { rowsSql, pageParams } = pageSql(where, [parentCodes], page, sort);
    const rows: (RegionRow & { forCode: string })[] = await unscoped(ctx)((q) =>
      q.query(
        `SELECT parent.code AS "forCode", p.* FROM unnest($1::varchar[]) AS parent(code)
           CROSS JOIN LATERAL (${rowsSql}) p`,
        pageParams,
      ),
    );
    return groupBy(rows, (r) => r.forCode);
  }

  /**
   * The current children of a region with what a map draws: the centroid, and the boundary where one was
   * imported (`db:import boundaries`). From the tree in memory; a statement only for the boundaries there are.
   */
  /**
   * The current children of a region for the map, with their boundaries where imported. A region without a
   * centroid of its own (streets, communities: the demo carries the districts' only) gets a sketched one near its
   * parent's, which may itself be sketched (`sketchedCentroid`): drilling down always has marks to draw.
   */
  async mapChildren(ctx: RequestContext, code: string): Promise<(TreeRegion & { boundary: unknown })[]> {
    const tree = await regionTree(ctx);
    const children = tree.childrenOf(code);
    const drawn = children.filter((c) => c.hasBoundary).map((c) => c.code);
    const boundaries: { code: string; boundary: unknown }[] = drawn.length
      ? await unscoped(ctx)((q) => q.query(`SELECT code, boundary FROM region WHERE code = ANY($1)`, [drawn]))
      : [];
    const byCode = new Map(boundaries.map((b) => [b.code, b.boundary]));
    const centroid = (region: TreeRegion): LatLng | null => {
      if (region.centroidLat != null && region.centroidLng != null)
        return { lat: region.centroidLat, lng: region.centroidLng };
      const parent = region.parentCode ? tree.byCode.get(region.parentCode) : undefined;
      const around = parent ? centroid(parent) : null;
      if (!parent || !around) return null;
      const siblings = tree.childrenOf(parent.code);
      const index = siblings.findIndex((s) => s.code === region.code);
      return sketchedCentroid(around, Math.max(index, 0), siblings.length, region.path.split('.').length);
    };
    return children.map((c) => {
      const at = centroid(c);
      return {
        ...c,
        centroidLat: at?.lat ?? null,
        centroidLng: at?.lng ?? null,
        boundary: byCode.get(c.code) ?? null,
      };
    });
  }

  /** The current children of a region, by code, from the tree in memory. */
  async currentChildrenOf(ctx: RequestContext, code: string): Promise<readonly TreeRegion[]> {
    return (await regionTree(ctx)).childrenOf(code);
  }

  /** The codes of every child of a region, current or not, from the tree in memory. */
  async everyChildOf(ctx: RequestContext, code: string): Promise<string[]> {
    const tree = await regionTree(ctx);
    return [...tree.byCode.values()].filter((r) => r.parentCode === code).map((r) => r.code);
  }

  /** Ancestors of each code, root first. */
  async ancestorsOf(ctx: RequestContext, codes: readonly string[]): Promise<RegionRow[][]> {
    const tree = await regionTree(ctx);
    return codes.map((code) => {
      const region = tree.byCode.get(code);
      return region ? tree.ancestorsOf(region) : [];
    });
  }

  /**
   * The names officials can tell apart (qualifiedRegionName): each region against its current namesakes. A grid
   * unit's or hamlet's namesakes are those of the same name under a parent of the same name, never the hundreds
   * of other 第1网格.
   */
  async qualifiedNamesOf(ctx: RequestContext, codes: readonly string[]): Promise<(string | null)[]> {
    const tree = await regionTree(ctx);
    return codes.map((code) => {
      const region = tree.byCode.get(code);
      if (!region) return null;
      const namesakes = (tree.byName.get(tree.nameKey(region)) ?? [])
        .filter((other) => other.code !== code)
        .map((other) => tree.ancestorsOf(other));
      return qualifiedRegionName(region, tree.ancestorsOf(region), namesakes);
    });
  }

  /** How many current regions of each level lie below each code, in one statement. */
  async descendantCountsOf(
    ctx: RequestContext,
    codes: readonly string[],
  ): Promise<{ level: RegionLevel; count: number }[][]> {
    const rows: { forCode: string; level: RegionLevel; count: number }[] = await unscoped(ctx)((q) =>
      q.query(
        `SELECT a.code AS "forCode", r.level, count(*)::int AS count FROM region a
       JOIN region r ON r.path <@ a.path AND r.code <> a.code AND ${CURRENT}
       WHERE a.code = ANY($1) GROUP BY a.code, r.level ORDER BY r.level`,
        [codes],
      ),
    );
    const byCode = groupBy(rows, (r) => r.forCode);
    return codes.map((code) => (byCode.get(code) ?? []).map(({ level, count }) => ({ level, count })));
  }

  private async filterClauses(ctx: RequestContext, filter: RegionFilter, where: Where): Promise<Where> {
    if (filter.codes) {
      if (filter.codes.length > MAX_PAGE_SIZE)
        throw AppError.badInput(`At most ${MAX_PAGE_SIZE} codes.`, 'codes');
      filter.codes.forEach((c) => assertCode(c, 'codes'));
      where.anyOf('r.code', filter.codes);
    }
    if (filter.parentCode != null) {
      await this.assertExists(ctx, filter.parentCode, 'parentCode');
      where.add(`r.parent_code = ${where.param(filter.parentCode)}`);
    }
    if (filter.withinCode != null) {
      await this.assertExists(ctx, filter.withinCode, 'withinCode');
      where.add(`r.path <@ (SELECT path FROM region WHERE code = ${where.param(filter.withinCode)})`);
    }
    if (filter.level) where.add(`r.level = ANY(${where.param(filter.level, 'region_level[]')})`);
    if (filter.nameContains != null) {
      const text = filter.nameContains.trim();
      if (text.length === 0 || text.length > 50) {
        throw AppError.badInput('nameContains must have 1 to 50 characters.', 'nameContains');
      }
      where.contains(['r.name'], text);
    }
    return where;
  }

  private async assertExists(ctx: RequestContext, code: string, field: string) {
    assertCode(code, field);
    if (!(await ctx.loaders.region.byCode.load(code))) {
      throw AppError.badInput(`Region ${code} does not exist.`, field);
    }
  }
}
