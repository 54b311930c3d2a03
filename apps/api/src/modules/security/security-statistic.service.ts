import {
  isValidDivisionCode,
  monthStart,
  previousYearPeriod,
  rankByFall,
  REPORTED_CASE_CATEGORIES,
  SECURITY_CATEGORIES,
  yearOnYearChange,
  type SecurityCategory,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import type { VillageYearCases } from '../village/profile.types';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  RecordSecurityStatisticsInput,
  RecordSecurityStatisticsResult,
  SecurityStatistic,
  SecurityStatisticFilter,
  SecurityStats,
} from './security.types';
import { Where } from '../../common/sql';

const COLUMNS = `s.id, s.region_code AS "regionCode", to_char(s.month, 'YYYY-MM') AS month, s.category, s.cases,
  s.source, s.version, s.updated_at AS "updatedAt"`;
const MAX_ROWS = 5000;
const MAX_MONTHS = 24;

/**
 * Each village's yearly public-order and criminal cases, from the rollup's yearly rows of the village (its own
 * figures and those below it): `villages` is a query of `code` rows, `years` a condition on `r.period`. A year
 * counts as reported when a figure was sent for it, even one of 0 cases.
 */
function villageYearsSql(villages: string, years: string): string {
  return `SELECT v.code AS "villageCode", extract(year FROM r.period)::int AS year,
      coalesce(sum(r.cases) FILTER (WHERE r.category = 'PUBLIC_ORDER'), 0)::int AS "publicOrderCases",
      coalesce(sum(r.cases) FILTER (WHERE r.category = 'CRIMINAL'), 0)::int AS "criminalCases"
    FROM (${villages}) v JOIN security_statistic_rollup r ON r.region_code = v.code
    WHERE r.grain = 'Y' AND r.figures > 0 AND r.category IN ('PUBLIC_ORDER', 'CRIMINAL') AND ${years}
    GROUP BY v.code, r.period`;
}

type Row = { regionCode: string; month: string; category: SecurityCategory; cases: number; path: string };

function checkRows(input: RecordSecurityStatisticsInput): Omit<Row, 'path'>[] {
  if (!input.rows.length) throw AppError.badInput('Send at least one row.', 'rows');
  if (input.rows.length > MAX_ROWS) throw AppError.badInput(`At most ${MAX_ROWS} rows at once.`, 'rows');
  const seen = new Set<string>();
  return input.rows.map((row, i) => {
    const field = `rows.${i}`;
    if (!isValidDivisionCode(row.regionCode))
      throw AppError.badInput(`${row.regionCode} is not a valid division code.`, `${field}.regionCode`);
    const month = monthStart(row.month, `${field}.month`);
    if (!Number.isInteger(row.cases) || row.cases < 0)
      throw AppError.badInput('cases is a whole number of 0 or more.', `${field}.cases`);
    const key = `${row.regionCode}|${month}|${row.category}`;
    if (seen.has(key))
      throw AppError.badInput('That region, month and category is in the rows twice.', field);
    seen.add(key);
    return { regionCode: row.regionCode, month, category: row.category, cases: row.cases };
  });
}

/**
 * Figures add up only if each branch keeps them at one level: a region's row next to its own district's row for
 * the same month and category would count twice. The index of the first row that breaks it, or -1.
 */
function mixedLevels(rows: Row[]): number {
  const byKey = new Map<string, { path: string; i: number }[]>();
  rows.forEach((r, i) => {
    const key = `${r.month}|${r.category}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { path: r.path, i }]);
  });
  for (const group of byKey.values()) {
    group.sort((a, b) => a.path.localeCompare(b.path));
    for (let k = 1; k < group.length; k++) if (isWithin(group[k].path, group[k - 1].path)) return group[k].i;
  }
  return -1;
}

/** Monthly reported cases: the idempotent upsert of the police system and officials, and `securityStats`. */
export class SecurityStatisticService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: RequestContext, filter: SecurityStatisticFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: SecurityStatisticFilter | null | undefined,
  ): Promise<ListQuery<SecurityStatistic>> {
    requireAction(ctx, 'security:read');
    const where = new Where().subtree('s.region_path', await scopePath(ctx, filter?.regionCode));
    where.anyOf('s.category', filter?.category);
    if (filter?.from) where.add(`s.month >= ${where.param(monthStart(filter.from, 'from'), 'date')}`);
    if (filter?.to) where.add(`s.month <= ${where.param(monthStart(filter.to, 'to'), 'date')}`);
    return {
      from: 'security_statistic s',
      columns: COLUMNS,
      where,
      sort: fixedSort(
        'MONTH',
        { expr: 's.month', value: (s) => `${s.month}-01`, direction: SortDirection.DESC },
        { expr: 's.id', of: (s) => s.id },
      ),
    };
  }

  /**
   * One upsert per region, month and category: a row whose cases did not change is left alone (no new version),
   * so sending the same month twice changes nothing. Returns the yearly totals of the villages it touched.
   */
  async record(
    ctx: RequestContext,
    input: RecordSecurityStatisticsInput,
  ): Promise<RecordSecurityStatisticsResult> {
    const principal = requireAction(ctx, 'security:write');
    const checked = checkRows(input);
    const codes = [...new Set(checked.map((r) => r.regionCode))];
    const paths = new Map((await ctx.services.region.pathsOf(ctx, codes)).map((r) => [r.code, r.path]));
    const rows = checked.map((r, i): Row => {
      const path = paths.get(r.regionCode);
      if (!path) throw AppError.badInput(`Region ${r.regionCode} does not exist.`, `rows.${i}.regionCode`);
      if (!isWithin(path, principal.jurisdiction.path))
        throw new AppError('FORBIDDEN', `Region ${r.regionCode} is outside your jurisdiction.`);
      return { ...r, path };
    });
    const mixed = mixedLevels(rows);
    if (mixed >= 0)
      throw AppError.badInput(
        'Figures of a region and of one inside it cannot both be kept.',
        `rows.${mixed}`,
      );
    const source = principal.kind === 'API_KEY' ? 'POLICE_SYSTEM' : 'ENTERED';
    return atomically(ctx, async (m) => {
      const payload = JSON.stringify(
        rows.map((r, i) => ({
          i,
          code: r.regionCode,
          p: r.path,
          month: r.month,
          category: r.category,
          cases: r.cases,
        })),
      );
      const [clash] = await m.query(
        `SELECT n.i FROM jsonb_to_recordset($1::jsonb) AS n (i int, code text, p ltree, month date, category text)
         JOIN security_statistic s ON s.month = n.month AND s.category = n.category AND s.region_code <> n.code
           AND (s.region_path @> n.p OR s.region_path <@ n.p)
         LIMIT 1`,
        [payload],
      );
      if (clash)
        throw AppError.badInput(
          'Figures of a region and of one above or inside it cannot both be kept: they would count twice.',
          `rows.${clash.i}`,
        );
      const changed: { inserted: boolean }[] = await m.query(
        `INSERT INTO security_statistic (region_code, month, category, cases, source, created_by)
         SELECT r.code, r.month, r.category, r.cases, $2, $3
         FROM jsonb_to_recordset($1::jsonb) AS r (code text, month date, category text, cases int)
         ON CONFLICT (region_code, month, category) DO UPDATE
           SET cases = EXCLUDED.cases, source = EXCLUDED.source, version = security_statistic.version + 1,
             updated_at = now()
           WHERE security_statistic.cases IS DISTINCT FROM EXCLUDED.cases
         RETURNING (xmax = 0) AS inserted`,
        [payload, source, `${principal.kind}:${principal.id}`],
      );
      const inserted = changed.filter((c) => c.inserted).length;
      const updated = changed.length - inserted;
      if (changed.length)
        await this.audit.record(ctx, m, {
          action: 'securityStatistic.record',
          entityType: 'SecurityStatistic',
          changes: { rows: { new: rows.length }, inserted: { new: inserted }, updated: { new: updated } },
          regionPath: principal.jurisdiction.path,
        });
      // The villages' safety records follow in the same transaction: "no case for three years" is their query.
      const villageYearTotals = await this.villageYearTotals(ctx, m, rows);
      await ctx.services.villageSafety.recordCounts(ctx, m, villageYearTotals);
      return { inserted, updated, unchanged: rows.length - changed.length, villageYearTotals };
    });
  }

  /**
   * The yearly totals of every village the rows touched (the village itself or a place inside it), for each year
   * they touched, from this module's own table: what the villages' safety records are fed with.
   */
  async villageYearTotals(
    ctx: RequestContext,
    m: EntityManager,
    rows: readonly { path: string; month: string }[],
  ): Promise<VillageYearCases[]> {
    const villageCodes = [...new Set(rows.flatMap((r) => r.path.split('.').filter((c) => c.length === 12)))];
    const villages = (await ctx.services.region.findByCodes(ctx, villageCodes)).filter(
      (v) => v.level === 'VILLAGE',
    );
    if (!villages.length) return [];
    const years = [...new Set(rows.map((r) => Number(r.month.slice(0, 4))))];
    return m.query(
      `${villageYearsSql(
        `SELECT unnest($1::text[]) AS code`,
        `extract(year FROM r.period)::int = ANY($2::int[])`,
      )} ORDER BY 1, 2`,
      [villages.map((v) => v.code), years],
    );
  }

  async stats(
    ctx: RequestContext,
    regionCode: string,
    fromValue: string,
    toValue: string,
    quietYears: number,
  ): Promise<SecurityStats> {
    requireAction(ctx, 'security:read');
    const path = await scopePath(ctx, regionCode);
    const period = this.period(fromValue, toValue);
    if (!Number.isInteger(quietYears) || quietYears < 1 || quietYears > 10)
      throw AppError.badInput('quietYears is from 1 to 10.', 'quietYears');
    const lastYear = Number(period.to.slice(0, 4));
    const [current, every, villages] = await Promise.all([
      ctx.services.region.currentChildrenOf(ctx, regionCode),
      ctx.services.region.everyChildOf(ctx, regionCode),
      ctx.services.region.levelWithin(ctx, path, 'VILLAGE'),
    ]);
    type FigureRow = {
      g: number;
      category: SecurityCategory | null;
      month: string | null;
      child: string | null;
      cases: number;
      previous: number;
    };
    const [rows, [quiet]] = await inScope(ctx, (m) =>
      Promise.all([
        m.query(
          // The rollup's rows of the region (totals, months) and of its children (their totals): a few thousand
          // for the city, as for a district, whatever the number of statistics below.
          `WITH r AS (
             SELECT r.region_code = $5 AS own, r.region_code AS child, r.category, r.cases,
               r.period >= $1::date AS current,
               to_char(CASE WHEN r.period >= $1::date THEN r.period ELSE (r.period + interval '1 year')::date END,
                 'YYYY-MM') AS month
             FROM security_statistic_rollup r
             WHERE r.grain = 'M' AND (r.period BETWEEN $1::date AND $2::date OR r.period BETWEEN $3::date AND $4::date)
               AND r.region_code = ANY($6::varchar[] || $5::varchar))
           SELECT GROUPING(r.month)::int * 2 + 1 AS g, r.category, r.month, NULL AS child,
             coalesce(sum(r.cases) FILTER (WHERE r.current), 0)::int AS cases,
             coalesce(sum(r.cases) FILTER (WHERE NOT r.current), 0)::int AS previous
           FROM r WHERE r.own GROUP BY GROUPING SETS ((r.category), (r.category, r.month))
           UNION ALL
           SELECT 2, r.category, NULL, r.child,
             coalesce(sum(r.cases) FILTER (WHERE r.current), 0)::int,
             coalesce(sum(r.cases) FILTER (WHERE NOT r.current), 0)::int
           FROM r WHERE NOT r.own GROUP BY r.category, r.child
           UNION ALL
           SELECT 4, NULL, NULL, r.code, 0, 0 FROM unnest($7::varchar[]) AS r (code)`,
          [
            period.from,
            period.to,
            period.previous.from,
            period.previous.to,
            regionCode,
            every,
            current.map((c) => c.code),
          ],
        ) as Promise<FigureRow[]>,
        m.query(
          `WITH villages AS (SELECT unnest($1::varchar[]) AS code),
           years AS (${villageYearsSql(
             'SELECT code FROM villages',
             `r.period >= make_date($2::int - $3::int + 1, 1, 1) AND r.period < make_date($2::int + 1, 1, 1)`,
           )}),
           quiet AS (
             SELECT y."villageCode", count(*) AS years, sum(y."publicOrderCases") AS "publicOrder",
               bool_or(y.year = $2::int) AS reported, sum(y."criminalCases") FILTER (WHERE y.year = $2::int) AS criminal
             FROM years y GROUP BY y."villageCode")
           SELECT (SELECT count(*) FROM villages)::int AS villages,
             count(*) FILTER (WHERE q.years = $3::int AND q."publicOrder" = 0)::int AS "withoutPublicOrderCase",
             count(*) FILTER (WHERE q.reported AND q.criminal = 0)::int AS "withoutCriminalCase"
           FROM quiet q`,
          [villages.filter((v) => v.current).map((v) => v.code), lastYear, quietYears],
        ),
      ]),
    );
    const reported = (r: FigureRow) => r.category !== null && REPORTED_CASE_CATEGORIES.includes(r.category);
    const sumBy = (g: number, key: (r: FigureRow) => string) => {
      const sums = new Map<string, { cases: number; previous: number }>();
      for (const r of rows.filter((x) => x.g === g && (g === 4 || reported(x)))) {
        const s = sums.get(key(r)) ?? { cases: 0, previous: 0 };
        sums.set(key(r), { cases: s.cases + r.cases, previous: s.previous + r.previous });
      }
      return sums;
    };
    const byCategory = SECURITY_CATEGORIES.map((category) => {
      const r = rows.find((x) => x.g === 3 && x.category === category);
      const cases = r?.cases ?? 0;
      const previousCases = r?.previous ?? 0;
      return { category, cases, previousCases, change: yearOnYearChange(cases, previousCases) };
    });
    const total = byCategory
      .filter((c) => REPORTED_CASE_CATEGORIES.includes(c.category))
      .reduce((a, c) => ({ cases: a.cases + c.cases, previous: a.previous + c.previousCases }), {
        cases: 0,
        previous: 0,
      });
    const children = new Map([...sumBy(4, (r) => r.child!), ...sumBy(2, (r) => r.child ?? '')]);
    children.delete('');
    const byChild = [...children.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, s]) => ({
        regionCode: code,
        cases: s.cases,
        previousCases: s.previous,
        change: yearOnYearChange(s.cases, s.previous),
      }));
    const ranks = rankByFall(byChild.map((c) => c.change));
    return {
      regionCode,
      from: period.from.slice(0, 7),
      to: period.to.slice(0, 7),
      reportedCases: total.cases,
      previousReportedCases: total.previous,
      reportedCasesChange: yearOnYearChange(total.cases, total.previous),
      byCategory,
      byMonth: [...sumBy(1, (r) => r.month!).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, s]) => ({ month, cases: s.cases, previousCases: s.previous })),
      byChildRegion: byChild.map((c, i) => ({ ...c, rank: ranks[i] })),
      villages: quiet.villages,
      quietYears,
      villagesWithoutPublicOrderCase: quiet.withoutPublicOrderCase,
      villagesWithoutCriminalCase: quiet.withoutCriminalCase,
    };
  }

  /** The years with figures in a region's subtree, newest first: what the year picker offers. One statement. */
  async years(ctx: RequestContext, regionCode: string | null | undefined): Promise<number[]> {
    requireAction(ctx, 'security:read');
    const path = await scopePath(ctx, regionCode);
    const rows: { year: number }[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT DISTINCT extract(year FROM s.month)::int AS year FROM security_statistic s
         WHERE s.region_path <@ $1::ltree ORDER BY year DESC`,
        [path],
      ),
    );
    return rows.map((r) => r.year);
  }

  private period(fromValue: string, toValue: string) {
    const from = monthStart(fromValue, 'from');
    const to = monthStart(toValue, 'to');
    if (to < from) throw AppError.badInput('to is before from.', 'to');
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7));
    if (months >= MAX_MONTHS) throw AppError.badInput(`A period spans at most ${MAX_MONTHS} months.`, 'to');
    return { from, to, previous: previousYearPeriod(from, to) };
  }
}
