import type { Action } from '@qiangji/domain';
import type { RequestContext } from '../server/context';
import { AppError } from './app-error';
import { requireAction, scopePath } from './authz';
import type { Queryable } from './connection';
import { DAY_AFTER, DAY_START, isoDay } from './sql';

/**
 * A cohort's statistics: the rows whose timestamp falls in a range of China days in a region's subtree, as
 * totals, per kind (a type, a category), per month and per direct child region, in one statement (GROUPING
 * SETS, with every current child listed even without rows). The caller gives the figure columns.
 */
export interface CohortSpec<K extends string> {
  table: string;
  /** The table's alias, which the figure columns and `where` use. */
  alias: string;
  /** The timestamp that puts a row in the range and in a month. */
  timestamp: string;
  /** The column of the kind breakdown; it is also the key of its rows. */
  kind: K;
  /** The kinds in the domain's order. */
  kinds: readonly string[];
  figureColumns: string;
  /** The same columns as zeros for a child without rows, in the same order (UNION ALL goes by position). */
  zeroColumns: string;
  /** More conditions on the cohort, numbering its parameters from $5. */
  where?: { sql: string; params: unknown[] };
}

export interface CohortRange {
  /** The region's ltree path, checked against the caller's jurisdiction. */
  path: string;
  regionCode: string;
  /** The region's current children, from the region tree in memory: every one gets a row, rows or not. */
  children: string[];
  from: string;
  to: string;
}

/**
 * What every statistics query checks first: the caller's action, the days (`to` on or after `from`) and the
 * region, inside the caller's jurisdiction.
 */
export async function statsRange(
  ctx: RequestContext,
  action: Action,
  regionCode: string,
  fromValue: Date | string,
  toValue: Date | string,
): Promise<CohortRange> {
  requireAction(ctx, action);
  const from = isoDay(fromValue);
  const to = isoDay(toValue);
  if (from > to) throw AppError.badInput('`to` must be on or after `from`.', 'to');
  const [path, children] = await Promise.all([
    scopePath(ctx, regionCode),
    ctx.services.region.currentChildrenOf(ctx, regionCode),
  ]);
  return { path, regionCode, children: children.map((c) => c.code), from, to };
}

interface GroupedRow {
  g: number;
  month: string | null;
  child: string | null;
}

// GROUPING(kind, month, child): a bit is set for each column the row is NOT grouped by.
const TOTAL = 0b111;
const BY_KIND = 0b011;
const BY_MONTH = 0b101;
const BY_CHILD = 0b110;

function cohortSql<K extends string>(spec: CohortSpec<K>): string {
  const a = spec.alias;
  return `WITH cohort AS (
       SELECT ${a}.*, to_char(${a}.${spec.timestamp} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
         CASE WHEN nlevel(${a}.region_path) > nlevel($1::ltree)
           THEN ltree2text(subpath(subpath(${a}.region_path, 0, nlevel($1::ltree) + 1), -1)) END AS child
       FROM ${spec.table} ${a}
       WHERE ${a}.region_path <@ $1::ltree
         AND ${a}.${spec.timestamp} >= ${DAY_START('$2')} AND ${a}.${spec.timestamp} < ${DAY_AFTER('$3')}
         AND ${spec.where?.sql ?? 'TRUE'}
     ),
     figures AS (
       SELECT GROUPING(${a}.${spec.kind}, ${a}.month, ${a}.child)::int AS g, ${a}.${spec.kind}, ${a}.month, ${a}.child,
         ${spec.figureColumns}
       FROM cohort ${a}
       GROUP BY GROUPING SETS ((), (${a}.${spec.kind}), (${a}.month), (${a}.child))
     )
     SELECT * FROM figures
     UNION ALL
     SELECT ${BY_CHILD}, NULL, NULL, r.code, ${spec.zeroColumns} FROM unnest($4::varchar[]) AS r (code)
     WHERE NOT EXISTS (SELECT 1 FROM figures f WHERE f.g = ${BY_CHILD} AND f.child = r.code)`;
}

/** Runs the cohort's statement and turns its rows into figure sets with `figures`. */
export async function cohortStats<K extends string, Row extends GroupedRow & Record<K, string | null>, F>(
  q: Queryable,
  spec: CohortSpec<K>,
  range: CohortRange,
  figures: (row: Row) => F,
) {
  const rows: Row[] = await q.query(cohortSql(spec), [
    range.path,
    range.from,
    range.to,
    range.children,
    ...(spec.where?.params ?? []),
  ]);
  const grouped = (g: number, by: (r: Row) => string | null, compare: (a: string, b: string) => number) =>
    rows.filter((r) => r.g === g && by(r) !== null).sort((a, b) => compare(by(a)!, by(b)!));
  const inDomainOrder = (a: string, b: string) => spec.kinds.indexOf(a) - spec.kinds.indexOf(b);
  const byCode = (a: string, b: string) => a.localeCompare(b);
  const byKind = grouped(BY_KIND, (r) => r[spec.kind], inDomainOrder).map((r) => ({
    [spec.kind]: r[spec.kind]!,
    ...figures(r),
  }));
  return {
    totals: figures(rows.find((r) => r.g === TOTAL)!),
    byKind: byKind as (F & Record<K, NonNullable<Row[K]>>)[],
    byMonth: grouped(BY_MONTH, (r) => r.month, byCode).map((r) => ({ month: r.month!, ...figures(r) })),
    // A NULL child is the rows placed on the region itself: in the totals, in no child.
    byChildRegion: grouped(BY_CHILD, (r) => r.child, byCode).map((r) => ({
      regionCode: r.child!,
      ...figures(r),
    })),
  };
}
