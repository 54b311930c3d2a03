import {
  DISPUTE_TYPES,
  mediationRate,
  readsOwnCasesOnly,
  resolutionRate,
  type DisputeType,
} from '@qiangji/domain';
import { cohortStats, statsRange } from '../../common/cohort-stats';
import { inScope, requireAction, scopePath } from '../../common/authz';
import type { RequestContext } from '../../server/context';
import type {
  LegalClinicFigures,
  MediationFigures,
  MediationStats,
  PetitionBacklogFigures,
  StatsScope,
} from './mediation-stats.types';
import { DAY_AFTER, DAY_START } from '../../common/sql';
import { overdueSql, ownCasesSql } from './dispute-case.sql';

/** The counts of a figure set, as FILTER clauses over the cohort `c`. */
const COUNTS: Record<Exclude<keyof MediationFigures, 'mediationRate' | 'medianDaysToConclude'>, string> = {
  accepted: 'true',
  mediated: `c.outcome = 'AGREEMENT_REACHED'`,
  failed: `c.outcome = 'MEDIATION_FAILED'`,
  withdrawn: `c.outcome = 'WITHDRAWN'`,
  open: 'c.outcome IS NULL',
  overdue: overdueSql('c'),
  followedUp: `c.outcome = 'AGREEMENT_REACHED' AND c.honoured IS NOT NULL`,
  honoured: `c.outcome = 'AGREEMENT_REACHED' AND c.honoured`,
};
/** The median of the days from acceptance to conclusion over the cases `c` (an aggregate; null: none concluded). */
export const MEDIAN_DAYS_TO_CONCLUDE = `percentile_cont(0.5) WITHIN GROUP
  (ORDER BY extract(epoch FROM c.concluded_at - c.accepted_at)::float8 / 86400) FILTER (WHERE c.concluded_at IS NOT NULL)`;
const FIGURE_COLUMNS = [
  ...Object.entries(COUNTS).map(([name, where]) => `count(*) FILTER (WHERE ${where})::int AS "${name}"`),
  `${MEDIAN_DAYS_TO_CONCLUDE} AS "medianDaysToConclude"`,
].join(',\n  ');
const ZERO_COLUMNS = [
  ...Object.keys(COUNTS).map((name) => `0 AS "${name}"`),
  'NULL::float8 AS "medianDaysToConclude"',
].join(', ');

type FigureRow = Omit<MediationFigures, 'mediationRate'> & {
  g: number;
  type: DisputeType | null;
  month: string | null;
  child: string | null;
};

function figures(row: FigureRow): MediationFigures {
  const counts = Object.fromEntries(Object.keys(COUNTS).map((k) => [k, row[k as keyof typeof COUNTS]]));
  return {
    ...(counts as Record<keyof typeof COUNTS, number>),
    medianDaysToConclude: row.medianDaysToConclude,
    mediationRate: mediationRate(row.mediated, row.accepted),
  };
}

/**
 * The cases (alias `c`) the caller may read, as the lists say (`DisputeCaseService.visibleTo`): a caller who only
 * mediates counts its own cases, so its overview and its list agree. `next` is the number of the next parameter.
 */
function readable(ctx: RequestContext, next: number): { sql: string; params: unknown[] } {
  const principal = ctx.principal!;
  return principal.kind === 'USER' && readsOwnCasesOnly(principal.roles)
    ? { sql: ownCasesSql('c', `$${next}::uuid`), params: [principal.id] }
    : { sql: 'TRUE', params: [] };
}

/**
 * mediationStats: each figure set is one SQL statement over the cohort (FILTER clauses, GROUPING SETS), never a
 * loop over cases; rates come from @qiangji/domain. Every statement runs in the caller's scope (row-level
 * security) and is narrowed to the region's subtree.
 */
export class MediationStatsService {
  async stats(
    ctx: RequestContext,
    regionCode: string,
    fromValue: Date | string,
    toValue: Date | string,
  ): Promise<MediationStats> {
    const range = await statsRange(ctx, 'dispute:read', regionCode, fromValue, toValue);
    const { path, from, to } = range;
    const { totals, byKind, ...breakdowns } = await inScope(ctx, (m) =>
      cohortStats(
        m,
        {
          table: 'dispute_case',
          alias: 'c',
          timestamp: 'accepted_at',
          kind: 'type',
          kinds: DISPUTE_TYPES,
          figureColumns: FIGURE_COLUMNS,
          zeroColumns: ZERO_COLUMNS,
          where: readable(ctx, 5),
        },
        range,
        (r: FigureRow) => figures(r),
      ),
    );
    return {
      ...totals,
      regionCode,
      from,
      to,
      byType: byKind,
      ...breakdowns,
      scope: { path, from, to },
    };
  }

  /** The years with accepted cases in the caller's scope, or in a region's subtree, newest first; one statement. */
  async years(ctx: RequestContext, regionCode: string | null | undefined): Promise<number[]> {
    requireAction(ctx, 'dispute:read');
    const path = await scopePath(ctx, regionCode);
    const mine = readable(ctx, 2);
    const rows: { year: number }[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT DISTINCT extract(year FROM c.accepted_at AT TIME ZONE 'Asia/Shanghai')::int AS year
         FROM dispute_case c
         WHERE c.region_path <@ $1::ltree AND c.accepted_at IS NOT NULL AND ${mine.sql}
         ORDER BY year DESC`,
        [path, ...mine.params],
      ),
    );
    return rows.map((r) => r.year);
  }

  /** The petition backlog of the range and its resolution, in one statement. */
  async petitionBacklog(ctx: RequestContext, scope: StatsScope): Promise<PetitionBacklogFigures> {
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `SELECT count(*)::int AS backlog,
           count(*) FILTER (WHERE p.resolved_on BETWEEN $2::date AND $3::date)::int AS resolved
         FROM petition_case p
         WHERE p.region_path <@ $1::ltree AND p.registered_on <= $3::date
           AND (p.resolved_on IS NULL OR p.resolved_on >= $2::date)`,
        [scope.path, scope.from, scope.to],
      ),
    );
    return { ...row, resolutionRate: resolutionRate(row.resolved, row.backlog) };
  }

  /** Legal clinics, their monthly tallies, their mediated cases and petitions, in one statement. */
  async legalClinics(ctx: RequestContext, scope: StatsScope): Promise<LegalClinicFigures> {
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `SELECT
           (SELECT count(*)::int FROM mediation_organization o
            WHERE o.kind = 'LEGAL_CLINIC' AND o.region_path <@ $1::ltree) AS clinics,
           (SELECT coalesce(sum(s.people_served), 0)::int FROM legal_clinic_service s
            WHERE s.region_path <@ $1::ltree
              AND s.month BETWEEN date_trunc('month', $2::date)::date AND $3::date) AS "peopleServed",
           (SELECT count(*)::int FROM dispute_case c
            JOIN mediation_organization o ON o.id = c.organization_id AND o.kind = 'LEGAL_CLINIC'
            WHERE c.region_path <@ $1::ltree AND c.outcome = 'AGREEMENT_REACHED'
              AND c.accepted_at >= ${DAY_START('$2')} AND c.accepted_at < ${DAY_AFTER('$3')}) AS "disputesMediated",
           (SELECT count(*)::int FROM petition_case p
            JOIN mediation_organization o ON o.id = p.organization_id AND o.kind = 'LEGAL_CLINIC'
            WHERE p.region_path <@ $1::ltree AND p.resolved_on BETWEEN $2::date AND $3::date) AS "petitionsHandled"`,
        [scope.path, scope.from, scope.to],
      ),
    );
    return row;
  }
}
