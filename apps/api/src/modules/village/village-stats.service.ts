import {
  cadreVisitTarget,
  compoundAnnualGrowth,
  coverageRate,
  DEFAULT_VISIT_TARGETS,
  MODEL_REQUIRED_KINDS,
  onScheduleVisitRate,
  poorVisitMonthsDue,
  promotionRate,
  SAFE_VILLAGE_YEARS,
  targetPeriods,
  yearOnYearChange,
  type VisitTargets,
} from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { statsRange } from '../../common/cohort-stats';
import { inScope, requireAction, scopePath } from '../../common/authz';
import type { RequestContext } from '../../server/context';
import { Params } from '../../common/sql';
import { GROUPED, isWholeMonths, visitFiguresFromRollups, visitFiguresScanned } from './cadre-stats.sql';
import { childSql, rollupByChildSql } from './visit.sql';
import type {
  CadreFigures,
  CadreMonthFigures,
  CadreStats,
  CadreUnitFigures,
  IncomeGrowthFigures,
  VillageFigures,
  VillageStats,
} from './village-stats.types';

type Dim = 'total' | 'child' | 'unit' | 'month';
type Counts = Record<string, number | null>;

const CADRE_COUNTS = [
  'activeCadres',
  'villagesCovered',
  'visits',
  'households',
  'householdsVisited',
  'householdsNeverVisited',
  'poorHouseholds',
  'poorVisitedOnSchedule',
  'poorVisitMonths',
  'assistanceDone',
  'disputesReported',
  'disputesResolved',
  'cadresBelowTarget',
] as const;

/**
 * The stationed cadres' KPIs, each figure set in one SQL statement over the subtree (GROUPING SETS for the
 * breakdowns), rates and growth from @qiangji/domain. Every statement runs in the caller's scope.
 */
export class VillageStatsService {
  constructor(private readonly targets: VisitTargets = DEFAULT_VISIT_TARGETS) {}

  async cadreStats(
    ctx: RequestContext,
    regionCode: string,
    fromValue: Date | string,
    toValue: Date | string,
  ): Promise<CadreStats> {
    const range = await statsRange(ctx, 'village:read', regionCode, fromValue, toValue);
    const { path, from, to } = range;
    const child = (column: string) => childSql(column, '$1::ltree');
    const fromYear = Number(from.slice(0, 4)) - 1;
    const toYear = Number(to.slice(0, 4));
    const cadreTarget = cadreVisitTarget(from, to, this.targets);
    const { households, disputeCases } = ctx.services;
    const everyChild = await ctx.services.region.everyChildOf(ctx, regionCode);
    const p = new Params();
    p.params.push(path, from, to, range.children, everyChild, regionCode);
    // Whole months with monthly targets read the rollups; a range that cuts a month scans its visits.
    const fromRollups = isWholeMonths(from, to) && this.targets.poorHouseholdMonths === 1;
    const visitFigures = fromRollups
      ? visitFiguresFromRollups(p, { path, from, to, regionCode, cadreTarget })
      : visitFiguresScanned(p, {
          months: this.targets.poorHouseholdMonths,
          periods: targetPeriods(from, to, this.targets.poorHouseholdMonths),
          cadreTarget,
        });
    const rows: { dim: Dim; key: string | null; f: Counts }[] = await inScope(ctx, (m) =>
      m.query(
        `WITH posted AS (
           SELECT p.cadre_id, p.work_unit_id AS unit, p.region_code AS village, ${child('p.region_path')} AS child
           FROM posting p
           WHERE p.region_path <@ $1::ltree AND p.starts_on <= $3::date AND (p.ends_on IS NULL OR p.ends_on >= $2::date)
         ),
         done AS (
           SELECT a.work_unit_id AS unit, to_char(a.done_on, 'YYYY-MM') AS month, ${child('a.region_path')} AS child
           FROM assistance a
           WHERE a.region_path <@ $1::ltree AND a.state = 'DONE' AND a.done_on BETWEEN $2::date AND $3::date
         ),
         ${visitFigures.ctes(households.subtreeSql('$1::ltree'))}
         SELECT ${GROUPED(['child', 'unit'])}, jsonb_build_object('activeCadres', count(DISTINCT cadre_id),
           'villagesCovered', count(DISTINCT village)) AS f
         FROM posted GROUP BY GROUPING SETS ((), (child), (unit))
         UNION ALL
         ${visitFigures.figures(disputeCases.mediatedSql('dispute_case_id'))}
         UNION ALL
         SELECT ${GROUPED(['child', 'unit', 'month'])}, jsonb_build_object('assistanceDone', count(*))
         FROM done GROUP BY GROUPING SETS ((), (child), (unit), (month))
         UNION ALL
         ${rollupByChildSql('household_visit_rollup', `jsonb_build_object('poorVisitMonths', sum(r.poor_visited))`, '$6::varchar', '$5::varchar[]', '$2::date', '$3::date')}
         UNION ALL
         SELECT 'child', c, '{}'::jsonb FROM unnest($4::varchar[]) c`,
        p.params,
      ),
    );
    const income = await this.incomeGrowth(ctx, path, fromYear, toYear);
    const merged = mergeFigures(rows);
    const figuresOf = (f: Counts) => cadreFigures(f, from, to);
    const total = figuresOf(merged.get('total:') ?? {});
    return {
      ...total,
      cadresBelowTarget: (merged.get('total:')?.cadresBelowTarget as number) ?? 0,
      regionCode,
      from,
      to,
      income: income.get(null) ?? noIncome(fromYear, toYear),
      byChildRegion: keysOf(merged, 'child').map((code) => ({
        regionCode: code,
        ...figuresOf(merged.get(`child:${code}`)!),
        income: income.get(code) ?? noIncome(fromYear, toYear),
      })),
      byWorkUnit: keysOf(merged, 'unit').map((id) => unitFigures(id, merged.get(`unit:${id}`)!)),
      byMonth: monthsOf(from, to).map((month) => monthFigures(month, merged.get(`month:${month}`) ?? {})),
    };
  }

  /**
   * Per-capita income at the baseline and the end year, weighted by population, over the villages with both
   * (so a village added later does not make a jump), for the subtree and each child: one statement.
   */
  private async incomeGrowth(ctx: RequestContext, path: string, fromYear: number, toYear: number) {
    const rows: { child: string | null; g: number; start: number | null; end: number | null }[] =
      await inScope(ctx, (m) =>
        m.query(
          `WITH both_years AS (
             SELECT i.region_code, ${childSql('i.region_path', '$1::ltree')} AS child,
               sum(i.per_capita_net_income * i.population) FILTER (WHERE i.year = $2) AS start_money,
               sum(i.population) FILTER (WHERE i.year = $2) AS start_people,
               sum(i.per_capita_net_income * i.population) FILTER (WHERE i.year = $3) AS end_money,
               sum(i.population) FILTER (WHERE i.year = $3) AS end_people
             FROM village_indicator i WHERE i.region_path <@ $1::ltree AND i.year IN ($2, $3)
             GROUP BY i.region_code, child HAVING count(*) = 2
           )
           SELECT GROUPING(child)::int AS g, child,
             (sum(start_money) / NULLIF(sum(start_people), 0))::float8 AS start,
             (sum(end_money) / NULLIF(sum(end_people), 0))::float8 AS "end"
           FROM both_years GROUP BY GROUPING SETS ((), (child))`,
          [path, fromYear, toYear],
        ),
      );
    return new Map(
      rows
        .filter((r) => r.g === 1 || r.child !== null)
        .map((r) => [
          r.g === 1 ? null : r.child,
          {
            fromYear,
            toYear,
            start: r.start,
            end: r.end,
            growth:
              r.start != null && r.end != null
                ? compoundAnnualGrowth(r.start, r.end, toYear - fromYear)
                : null,
          } satisfies IncomeGrowthFigures,
        ]),
    );
  }

  /**
   * villageStats: the subtree's villages (those not abolished before the year's end: a tree's start dates are the
   * day it was loaded, not the day a village was founded) with their model, safety and
   * profile figures of the year and the year before, in one statement, and the same for each child.
   */
  async villageStats(
    ctx: RequestContext,
    regionCode: string,
    year: number,
    years: number = SAFE_VILLAGE_YEARS,
  ): Promise<VillageStats> {
    requireAction(ctx, 'village:read');
    if (!Number.isInteger(year) || year < 1949 || year > 2200)
      throw AppError.badInput('year is not a year.', 'year');
    if (!Number.isInteger(years) || years < 1 || years > 30)
      throw AppError.badInput('years is from 1 to 30.', 'years');
    const path = await scopePath(ctx, regionCode);
    const [children, villages] = await Promise.all([
      ctx.services.region.currentChildrenOf(ctx, regionCode),
      ctx.services.region.levelWithin(ctx, path, 'VILLAGE'),
    ]);
    const rows: (Record<string, number | null> & { g: number; child: string | null })[] = await inScope(
      ctx,
      (m) =>
        m.query(
          `WITH villages AS (
           SELECT r.code, r.child FROM unnest($6::varchar[], $7::varchar[], $8::date[]) AS r (code, child, valid_to)
           WHERE r.valid_to IS NULL OR r.valid_to > make_date($2, 12, 31)
         ),
         adopting AS (
           SELECT o.region_code FROM village_organization o
           WHERE o.region_path <@ $1::ltree AND o.kind = ANY($4::text[]) AND o.founded_on <= make_date($2, 12, 31)
             AND (o.dissolved_on IS NULL OR o.dissolved_on > make_date($2, 12, 31))
           GROUP BY o.region_code HAVING count(DISTINCT o.kind) = cardinality($4::text[])
         ),
         safety AS (
           SELECT s.region_code, count(*) FILTER (WHERE s.public_order_cases = 0) AS quiet,
             count(*) FILTER (WHERE s.criminal_cases = 0) AS lawful
           FROM village_safety_record s
           WHERE s.region_path <@ $1::ltree AND s.year BETWEEN $2 - $3 + 1 AND $2 GROUP BY s.region_code
         )
         SELECT GROUPING(v.child)::int AS g, v.child, count(*)::int AS villages,
           count(a.region_code)::int AS "adoptingVillages",
           count(*) FILTER (WHERE s.quiet = $3)::int AS "noPublicOrderCaseVillages",
           count(*) FILTER (WHERE s.lawful = $3)::int AS "noCriminalCaseVillages",
           coalesce(sum(cur.households), 0)::int AS households,
           coalesce(sum(cur.poor_households), 0)::int AS "poorHouseholds",
           coalesce(sum(cur.households_in_organizations), 0)::int AS "householdsInOrganizations",
           (sum(cur.per_capita_net_income * cur.population) / NULLIF(sum(cur.population), 0))::float8 AS "perCapitaIncome",
           (sum(prev.per_capita_net_income * prev.population) / NULLIF(sum(prev.population), 0))::float8
             AS "previousPerCapitaIncome",
           coalesce(sum(cur.collective_assets), 0)::float8 AS "collectiveAssets",
           coalesce(sum(cur.collective_debts), 0)::float8 AS "collectiveDebts",
           sum(prev.collective_assets)::float8 AS "previousAssets",
           sum(prev.collective_assets - prev.collective_debts)::float8 AS "previousNetAssets"
         FROM villages v
         LEFT JOIN adopting a ON a.region_code = v.code
         LEFT JOIN safety s ON s.region_code = v.code
         LEFT JOIN village_indicator cur ON cur.region_code = v.code AND cur.year = $2
         LEFT JOIN village_indicator prev ON prev.region_code = v.code AND prev.year = $2 - 1
         GROUP BY GROUPING SETS ((), (v.child))
         UNION ALL
         SELECT 0, r.code, ${'0, '.repeat(7)}NULL, NULL, 0, 0, NULL, NULL FROM unnest($5::varchar[]) AS r (code)
         WHERE NOT EXISTS (SELECT 1 FROM villages v WHERE v.child = r.code)`,
          [
            path,
            year,
            years,
            MODEL_REQUIRED_KINDS,
            children.map((c) => c.code),
            villages.map((v) => v.code),
            villages.map((v) => v.child),
            villages.map((v) => v.validTo),
          ],
        ),
    );
    // GROUPING(child) is 1 on the total row; a child row with no child is the villages on the region itself.
    return {
      ...villageFigures(rows.find((r) => r.g === 1)!),
      regionCode,
      year,
      years,
      byChildRegion: rows
        .filter((r) => r.g === 0 && r.child !== null)
        .sort((a, b) => a.child!.localeCompare(b.child!))
        .map((r) => ({ regionCode: r.child!, ...villageFigures(r) })),
    };
  }
}

function mergeFigures(rows: { dim: Dim; key: string | null; f: Counts }[]) {
  const merged = new Map<string, Counts>();
  for (const { dim, key, f } of rows) {
    // The region's own rows (no child) are in the totals only.
    if (dim !== 'total' && key == null) continue;
    const id = `${dim}:${key ?? ''}`;
    merged.set(id, { ...merged.get(id), ...f });
  }
  return merged;
}

function keysOf(merged: Map<string, Counts>, dim: Dim): string[] {
  return [...merged.keys()]
    .filter((k) => k.startsWith(`${dim}:`))
    .map((k) => k.slice(dim.length + 1))
    .sort();
}

function count(f: Counts, key: string): number {
  return Number(f[key] ?? 0);
}

function cadreFigures(f: Counts, from: string, to: string): CadreFigures {
  const figures = Object.fromEntries(
    CADRE_COUNTS.filter((k) => k !== 'cadresBelowTarget').map((k) => [k, count(f, k)]),
  ) as Omit<CadreFigures, 'visitCoverage' | 'onScheduleRate' | 'poorVisitMonthsDue'>;
  const due = poorVisitMonthsDue(figures.poorHouseholds, from, to);
  return {
    ...figures,
    visitCoverage: coverageRate(Math.min(figures.householdsVisited, figures.households), figures.households),
    poorVisitMonthsDue: due,
    onScheduleRate: onScheduleVisitRate(figures.poorVisitMonths, due),
  };
}

function unitFigures(workUnitId: string, f: Counts): CadreUnitFigures {
  const keys = [
    'activeCadres',
    'villagesCovered',
    'visits',
    'householdsVisited',
    'assistanceDone',
    'disputesReported',
    'disputesResolved',
  ] as const;
  return {
    workUnitId,
    ...(Object.fromEntries(keys.map((k) => [k, count(f, k)])) as Omit<CadreUnitFigures, 'workUnitId'>),
  };
}

function monthFigures(month: string, f: Counts): CadreMonthFigures {
  return {
    month,
    visits: count(f, 'visits'),
    householdsVisited: count(f, 'householdsVisited'),
    assistanceDone: count(f, 'assistanceDone'),
  };
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
    `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7);
    m === 12 ? (y++, (m = 1)) : m++
  )
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}

function noIncome(fromYear: number, toYear: number): IncomeGrowthFigures {
  return { fromYear, toYear, start: null, end: null, growth: null };
}

function villageFigures(r: Record<string, number | null>): VillageFigures {
  const n = (k: string) => Number(r[k] ?? 0);
  const netAssets = n('collectiveAssets') - n('collectiveDebts');
  const cur = r.perCapitaIncome;
  const prev = r.previousPerCapitaIncome;
  return {
    villages: n('villages'),
    adoptingVillages: n('adoptingVillages'),
    promotionRate: promotionRate(n('adoptingVillages'), n('villages')),
    noPublicOrderCaseVillages: n('noPublicOrderCaseVillages'),
    noCriminalCaseVillages: n('noCriminalCaseVillages'),
    households: n('households'),
    poorHouseholds: n('poorHouseholds'),
    householdsInOrganizations: n('householdsInOrganizations'),
    perCapitaIncome: cur ?? null,
    previousPerCapitaIncome: prev ?? null,
    incomeChange: cur != null && prev != null ? yearOnYearChange(cur, prev) : null,
    collectiveAssets: n('collectiveAssets'),
    collectiveDebts: n('collectiveDebts'),
    netAssets,
    previousNetAssets: r.previousNetAssets ?? null,
    assetsChange: r.previousAssets != null ? yearOnYearChange(n('collectiveAssets'), r.previousAssets) : null,
  };
}
