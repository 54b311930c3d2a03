import { constantCase } from '@qiangji/domain';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AppError } from './app-error';
import { withInstants } from './look-ahead';
import type { Where } from './sql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  /** A number, or the count's promise when it is computed only on request (`listPage`). */
  totalCount: number | Promise<number>;
  pageInfo: PageInfo;
  edges: Edge<T>[];
}

/** `XConnection` and `XEdge` for a node type: one definition, so every list reads the same. */
export function ConnectionType<T extends object>(node: ClassType<T>) {
  @ObjectType(`${node.name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque; pass it as `after` to read the rows behind this one.' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${node.name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => Int, { description: 'All rows that match the filter, whatever the page.' })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => [EdgeType])
    edges: EdgeType[];
  }
  return ConnectionClass;
}

/** The page arguments every list takes; `offset` exists for the dashboard's page jumps only. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows to skip (dashboard page jumps); not with `after`.' })
  offset?: number | null;
}

export interface Page {
  limit: number;
  offset: number;
  /** Keyset position: the sort value and id of the last row the client saw. */
  after: [unknown, string] | null;
}

interface CursorPayload {
  /** The sort the cursor was made under: a cursor from another sort is refused, not misread. */
  s: string;
  v: [unknown, string];
}

export function encodeCursor(sortKey: string, value: unknown, id: string): string {
  return Buffer.from(JSON.stringify({ s: sortKey, v: [value, id] } satisfies CursorPayload)).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string, sortKey: string): [unknown, string] {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw AppError.badInput('The cursor is not valid.', 'after');
  }
  if (payload?.s !== sortKey || !Array.isArray(payload.v) || typeof payload.v[1] !== 'string') {
    throw AppError.badInput('The cursor is not valid for this sort order.', 'after');
  }
  return payload.v;
}

export function parsePage(args: PageArgs, sortKey: string): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw AppError.badInput(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw AppError.badInput('offset must not be negative.', 'offset');
  if (offset > 0 && args.after) throw AppError.badInput('Use either after or offset, not both.', 'offset');
  return { limit: first, offset, after: args.after ? decodeCursor(args.after, sortKey) : null };
}

/**
 * Builds the keyset condition `(sortExpr, idExpr) > ($n, $m)` (or `<` when descending);
 * row comparison keeps pages stable under inserts and lets PostgreSQL walk the index.
 */
export function keysetCondition(
  page: Page,
  sort: { expr: string; idExpr: string; direction: SortDirection },
  params: unknown[],
): string {
  if (!page.after) return 'TRUE';
  params.push(page.after[0], page.after[1]);
  const op = sort.direction === SortDirection.ASC ? '>' : '<';
  return `(${sort.expr}, ${sort.idExpr}) ${op} ($${params.length - 1}, $${params.length})`;
}

/** Turns `limit + 1` fetched rows into a connection page. */
export function toConnection<T>(
  rows: T[],
  page: Page,
  totalCount: number,
  cursorOf: (row: T) => string,
): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const nodes = hasNextPage ? rows.slice(0, page.limit) : rows;
  // A cursor is made when it is read: most clients ask for the page's endCursor only, not each edge's.
  const edges = nodes.map((node) => ({
    get cursor() {
      return cursorOf(node);
    },
    node,
  }));
  return { totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, edges };
}

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ListSort<T> {
  /** Names the order inside cursors, e.g. `NAME:ASC`: a cursor only works under the order that made it. */
  key: string;
  expr: string;
  idExpr: string;
  direction: SortDirection;
  value: (row: T) => unknown;
  id: (row: T) => string;
}

export interface SortField<T> {
  expr: string;
  value: (row: T) => unknown;
  /** The direction when the client names the field but not the direction. */
  direction?: SortDirection;
}

/**
 * The order of a list from the client's `orderBy`, among the fields the list allows (an enum, never a free
 * string), with the row's id as the tie-breaker so that keyset pages are exact.
 */
export function sortBy<T, F extends string>(
  fields: Record<F, SortField<T>>,
  orderBy: { field?: F | null; direction?: SortDirection | null } | null | undefined,
  fallback: F,
  id: { expr: string; of: (row: T) => string },
): ListSort<T> {
  const field = orderBy?.field ?? fallback;
  const spec = fields[field];
  const direction = orderBy?.direction ?? spec.direction ?? SortDirection.ASC;
  return {
    key: `${field}:${direction}`,
    expr: spec.expr,
    idExpr: id.expr,
    direction,
    value: spec.value,
    id: id.of,
  };
}

/** The order of a list that offers no choice of order: one field, with the row's id as the tie-breaker. */
export function fixedSort<T>(
  field: string,
  sort: Required<SortField<T>>,
  id: { expr: string; of: (row: T) => string },
): ListSort<T> {
  return sortBy({ [field]: sort }, null, field, id);
}

/** Runs list statements: inside the caller's scoped transaction for people and cases, plainly for reference data. */
export type ListRunner = <R>(work: (q: Queryable) => Promise<R>) => Promise<R>;

/** A list's statement before paging: what a page (`listPage`) and an export (`listBatches`) both read. */
export interface ListQuery<T> {
  from: string;
  columns: string;
  where: Where;
  sort: ListSort<T>;
  /**
   * A page's rows as one JSON value built by PostgreSQL, parsed once, rather than every column of every row by
   * `pg`; the fields named here are timestamps, turned back into `Date`s as `pg` reads them.
   */
  json?: { instants: readonly (keyof T & string)[] };
}

/** The SELECT of a keyset page: the list's rows after the page's keyset, in the list's order, `limit` of them. */
function pageSql<T>(q: ListQuery<T>, page: Page, limit: number): { sql: string; params: unknown[] } {
  const params = [...q.where.params];
  const keyset = keysetCondition(page, q.sort, params);
  params.push(limit, page.offset);
  return {
    sql: `SELECT ${q.columns} FROM ${q.from} WHERE ${q.where} AND ${keyset}
       ORDER BY ${q.sort.expr} ${q.sort.direction}, ${q.sort.idExpr} ${q.sort.direction}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  };
}

/**
 * One page of a filtered list as a connection: a keyset page and a count that share the same WHERE clause, so
 * they can never disagree. The count runs only when the client asks for `totalCount`. Every list of every module
 * reads through here.
 */
export async function listPage<T>(
  run: ListRunner,
  opts: ListQuery<T> & { args: PageArgs },
): Promise<Connection<T>> {
  const { sort } = opts;
  const page = parsePage(opts.args, sort.key);
  // One row more than the page: whether there is a next page, without a count.
  const { sql, params } = pageSql(opts, page, page.limit + 1);
  const json = opts.json;
  const rows: T[] = await run((q) => (json ? jsonRows(q, sql, params, json.instants) : q.query(sql, params)));
  const connection = toConnection(rows, page, 0, (r) => encodeCursor(sort.key, sort.value(r), sort.id(r)));
  let total: Promise<number> | undefined;
  return Object.defineProperty(connection, 'totalCount', {
    enumerable: true,
    get: () => (total ??= run((q) => countRows(q, opts))),
  });
}

/**
 * The rows of a page's SELECT as one `json_agg`, in the page's order: the aggregate reads the subquery's rows as its
 * LIMIT hands them on (PostgreSQL's documented "sorted subquery" form, as PostGraphile's lists rely on it too).
 */
async function jsonRows<T>(
  q: Queryable,
  sql: string,
  params: unknown[],
  instants: readonly (keyof T & string)[],
): Promise<T[]> {
  const [{ rows }] = await q.query(`SELECT coalesce(json_agg(t), '[]') AS rows FROM (${sql}) t`, params);
  return (rows as T[]).map((row) => withInstants(row as T & object, ...instants));
}

/** How many rows the list's filter selects, whatever the page. */
export async function countRows(
  q: Queryable,
  list: Pick<ListQuery<unknown>, 'from' | 'where'>,
): Promise<number> {
  const [{ n }] = await q.query(
    `SELECT count(*)::int AS n FROM ${list.from} WHERE ${list.where}`,
    list.where.params,
  );
  return n as number;
}

/**
 * Every row of a list, `size` at a time by keyset (the list's own order and index), for exports: one batch in
 * memory at a time, however long the list, each batch read when the caller asks for it.
 */
export async function* listBatches<T>(run: ListRunner, q: ListQuery<T>, size = 1000): AsyncGenerator<T[]> {
  let after: [unknown, string] | null = null;
  for (;;) {
    const { sql, params } = pageSql(q, { limit: size, offset: 0, after }, size);
    const rows: T[] = await run((m) => m.query(sql, params));
    if (rows.length) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = [q.sort.value(last), q.sort.id(last)];
  }
}

/** The one order of a list that takes no `orderBy`: its name in cursors (`NAME`), the row's field, the direction. */
export type FixedOrder<T> = readonly [name: string, field: keyof T & string, direction?: SortDirection];

/**
 * A list's one order: by `field`'s column (`heldOn` → `held_on`) of the table aliased in `from`
 * (`coordination_meeting mt`), the row's id breaking ties; a time's cursor value is its ISO form.
 */
export function inOrder<T extends { id: string }>(
  from: string,
  [name, field, direction]: FixedOrder<T>,
): ListSort<T> {
  const alias = from.split(' ').at(-1);
  const value = (row: T): unknown => {
    const v: unknown = row[field];
    return v instanceof Date ? v.toISOString() : v;
  };
  const column: SortField<T> = { expr: `${alias}.${constantCase(field).toLowerCase()}`, value, direction };
  return sortBy({ [name]: column }, null, name, { expr: `${alias}.id`, of: (row) => row.id });
}

/** A list's statement in its one order (`inOrder`): what its page and its export read. */
export function orderedQuery<T extends { id: string }>(
  order: FixedOrder<T>,
  opts: { from: string; columns: string; where: Where },
): ListQuery<T> {
  return { ...opts, sort: inOrder(opts.from, order) };
}

/** `listPage` in the list's one order (`inOrder`). */
export function listInOrder<T extends { id: string }>(
  run: ListRunner,
  order: FixedOrder<T>,
  opts: { from: string; columns: string; where: Where; args: PageArgs },
): Promise<Connection<T>> {
  return listPage(run, { ...orderedQuery(order, opts), args: opts.args });
}
