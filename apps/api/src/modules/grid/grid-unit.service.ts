import { chinaDay, coverageRate } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped, unscoped } from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { parseId } from '../../common/ids';
import {
  checkText,
  DAY_AFTER,
  DAY_START,
  isoDay,
  Params,
  Patch,
  pastDay,
  versionedUpdate,
  Where,
} from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { regionsSql } from '../region/region.service';
import type {
  AssignGridWorkerInput,
  EndGridWorkerAssignmentInput,
  GridCoverage,
  GridCoverageGap,
  GridUnit,
  GridWorkerAssignment,
  HouseholdGridMembership,
  MoveHouseholdToGridUnitInput,
  ReportNothingInput,
  ZeroReport,
} from './grid-unit.types';
import { requireCurrentGridUnit } from './grid-unit.rules';

// The last covered day is an index probe of grid_unit_day's key per row: a page costs no statement more.
const UNIT_COLUMNS = `r.code, r.name, r.valid_from::text AS "validFrom", r.valid_to::text AS "validTo",
  r.boundary, (SELECT max(d.day)::text FROM grid_unit_day d WHERE d.region_code = r.code) AS "lastReportedDay"`;
const WORKER_COLUMNS = `a.id, a.region_code AS "regionCode", a.user_id AS "userId", a.worker_name AS "workerName",
  a.valid_from::text AS "validFrom", a.valid_to::text AS "validTo", a.version`;
const ZERO_COLUMNS = `z.id, z.region_code AS "regionCode", z.day::text AS day, z.reporter_name AS "reporterName",
  z.created_at AS "createdAt"`;
const ASSIGNMENT = { table: 'grid_worker_assignment', label: 'Grid worker assignment' };
const MAX_COVERAGE_DAYS = 62;
const DAY_MS = 86_400_000;

/**
 * The grid unit-days of a subtree and period (units valid that day: a redrawn grid counts by the units of then),
 * each covered when it has an event or a zero report. Its parameters go into `w`.
 */
function unitDaysSql(w: Where, path: string, from: string, to: string): string {
  const P = w.param(path, 'ltree');
  const F = w.param(from, 'date');
  const T = w.param(to, 'date');
  return `WITH events AS (
      SELECT e.region_code, (e.reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM grid_event e
      WHERE e.region_path <@ ${P} AND e.reported_at >= ${DAY_START(F)} AND e.reported_at < ${DAY_AFTER(T)}
      GROUP BY 1, 2)
    SELECT u.code AS "regionCode", count(*)::int AS "unitDays",
      count(*) FILTER (WHERE ev.day IS NOT NULL OR z.day IS NOT NULL)::int AS "coveredUnitDays"
    FROM ${regionsSql(w, 'GRID', { path, today: false })} u
    JOIN generate_series(${F}, ${T}, interval '1 day') AS d (at)
      ON d.at::date >= u.valid_from AND (u.valid_to IS NULL OR d.at::date < u.valid_to)
    LEFT JOIN events ev ON ev.region_code = u.code AND ev.day = d.at::date
    LEFT JOIN zero_report z ON z.region_code = u.code AND z.day = d.at::date
    GROUP BY u.code`;
}

/** Whether the unit `code` had neither an event nor a zero report from `from` to `to` (its covered unit-days). */
export function unreportedSql(p: Params, code: string, from: string, to: string): string {
  return `NOT EXISTS (SELECT 1 FROM grid_unit_day d WHERE d.region_code = ${code}
    AND d.day BETWEEN ${p.param(from, 'date')} AND ${p.param(to, 'date')})`;
}

/** The grid units valid today in the subtree of `path` (a relation of the region module's): what the unit list shows. */
export function currentUnitsSql(p: Params, path: string): string {
  return regionsSql(p, 'GRID', { path, today: true });
}

/** The days a unit list narrows to units without reports on. */
type Unreported = { from?: Date | string | null; to?: Date | string | null };

function coveragePeriod(fromValue: Date | string, toValue: Date | string) {
  const from = isoDay(fromValue);
  const to = isoDay(toValue);
  if (to < from) throw AppError.badInput('to is before from.', 'to');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_COVERAGE_DAYS)
    throw AppError.badInput(`A coverage spans at most ${MAX_COVERAGE_DAYS} days.`, 'to');
  return { from, to };
}

/** Grid units, their workers, households' grid history and zero reports with the coverage they give. */
export class GridUnitService {
  constructor(private readonly audit: AuditService) {}

  async get(ctx: RequestContext, code: string): Promise<GridUnit> {
    requireAction(ctx, 'grid:read');
    await scopePath(ctx, code, 'code');
    const p = new Params();
    const units = regionsSql(p, 'GRID', { code });
    const [unit] = await unscoped(ctx)((q) => q.query(`SELECT ${UNIT_COLUMNS} FROM ${units} r`, p.params));
    if (!unit) throw AppError.notFound(`Grid unit ${code} was not found.`);
    return unit;
  }

  async list(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    args: PageArgs,
    unreported: Unreported = {},
    q?: string | null,
  ) {
    return listPage(unscoped(ctx), { ...(await this.listQuery(ctx, regionCode, unreported, q)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    unreported: Unreported = {},
    q?: string | null,
  ): Promise<ListQuery<GridUnit>> {
    requireAction(ctx, 'grid:read');
    const where = new Where();
    const units = currentUnitsSql(where, await scopePath(ctx, regionCode));
    where.contains(['r.name', 'r.code'], q);
    if (unreported.from != null || unreported.to != null) {
      if (unreported.from == null || unreported.to == null)
        throw AppError.badInput('unreportedFrom and unreportedTo go together.', 'unreportedTo');
      const { from, to } = coveragePeriod(unreported.from, unreported.to);
      where.add(unreportedSql(where, 'r.code', from, to));
    }
    return {
      from: `${units} r`,
      columns: UNIT_COLUMNS,
      where,
      sort: fixedSort(
        'CODE',
        { expr: 'r.code', value: (u) => u.code, direction: SortDirection.ASC },
        { expr: 'r.code', of: (u) => u.code },
      ),
    };
  }

  /** Every assignment of these units, current first, then the newest: one statement for a page of units. */
  workersOf(ctx: RequestContext, codes: readonly string[]): Promise<GridWorkerAssignment[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${WORKER_COLUMNS} FROM grid_worker_assignment a WHERE a.region_code = ANY($1::text[])
         ORDER BY a.region_code, a.valid_to IS NOT NULL, a.valid_from DESC, a.id`,
        [codes],
      ),
    );
  }

  async assignWorker(ctx: RequestContext, input: AssignGridWorkerInput): Promise<GridWorkerAssignment> {
    requireAction(ctx, 'grid:manage');
    const path = await scopePath(ctx, input.regionCode);
    const validFrom = isoDay(input.validFrom);
    await requireCurrentGridUnit(ctx, input.regionCode, 'regionCode', validFrom);
    const workerName = checkText(input.workerName, 'workerName', 50);
    const userId = input.userId == null ? null : parseId(input.userId, 'userId');
    return atomically(ctx, async (m) => {
      const district = path.split('.').slice(0, 2).join('.');
      if (userId && !(await ctx.services.users.isActiveWithRole(ctx, m, userId, 'GRID_WORKER', district)))
        throw AppError.badInput('That account is not an enabled grid worker of the district.', 'userId');
      const [assignment] = await m.query(
        `INSERT INTO grid_worker_assignment (region_code, user_id, worker_name, valid_from)
         VALUES ($1, $2, $3, $4) RETURNING ${WORKER_COLUMNS.replaceAll('a.', '')}`,
        [input.regionCode, userId, workerName, validFrom],
      );
      await this.audit.record(ctx, m, {
        action: 'gridWorker.assign',
        entityType: 'GridWorkerAssignment',
        entityId: assignment.id,
        changes: {
          regionCode: { new: input.regionCode },
          workerName: { new: workerName },
          validFrom: { new: validFrom },
        },
        regionPath: path,
      });
      return assignment;
    });
  }

  async endAssignment(
    ctx: RequestContext,
    input: EndGridWorkerAssignmentInput,
  ): Promise<GridWorkerAssignment> {
    requireAction(ctx, 'grid:manage');
    const id = parseId(input.id, 'id');
    const validTo = isoDay(input.validTo);
    return atomically(ctx, async (m) => {
      const [before] = await m.query(
        `SELECT ${WORKER_COLUMNS}, a.region_path::text AS path FROM grid_worker_assignment a WHERE a.id = $1::uuid`,
        [id],
      );
      if (!before) throw AppError.notFound(`Grid worker assignment ${id} was not found.`);
      if (before.validTo) throw AppError.badInput('The assignment has ended already.', 'validTo');
      if (validTo < before.validFrom)
        throw AppError.badInput('The last day cannot be before the first.', 'validTo');
      const patch = new Patch().set('valid_to', validTo, { field: 'validTo', old: null });
      const updated = await versionedUpdate<GridWorkerAssignment>(
        m,
        ASSIGNMENT,
        id,
        input.expectedVersion,
        patch,
        WORKER_COLUMNS.replaceAll('a.', ''),
      );
      await this.audit.record(ctx, m, {
        action: 'gridWorker.end',
        entityType: 'GridWorkerAssignment',
        entityId: id,
        changes: patch.changes,
        regionPath: before.path,
      });
      return updated;
    });
  }

  historyOf(ctx: RequestContext, householdIds: readonly string[]): Promise<HouseholdGridMembership[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT g.household_id AS "householdId", g.region_code AS "regionCode", g.valid_from::text AS "validFrom",
           g.valid_to::text AS "validTo"
         FROM household_grid_membership g WHERE g.household_id = ANY($1::uuid[])
         ORDER BY g.household_id, g.valid_from DESC, g.valid_to DESC NULLS FIRST`,
        [householdIds],
      ),
    );
  }

  /**
   * Moves a household to another grid unit through the registry, and keeps where it was: the open membership
   * ends on the day of the move (or, for a household never moved before, its first unit is recorded from the day
   * it was registered) and the new one begins.
   */
  async moveHousehold(ctx: RequestContext, input: MoveHouseholdToGridUnitInput) {
    requireAction(ctx, 'grid:manage');
    const householdId = parseId(input.householdId, 'householdId');
    const on = pastDay(input.on, 'on');
    await requireCurrentGridUnit(ctx, input.regionCode, 'regionCode', on);
    return atomically(ctx, async (m) => {
      const [before] = await ctx.services.households.findByIds(ctx, [householdId]);
      if (!before) throw AppError.notFound(`Household ${householdId} was not found.`);
      if (before.regionCode === input.regionCode)
        throw AppError.badInput('The household is in that grid unit already.', 'regionCode');
      const [open] = await m.query(
        `SELECT valid_from::text AS "validFrom" FROM household_grid_membership
         WHERE household_id = $1::uuid AND valid_to IS NULL`,
        [householdId],
      );
      const since = open?.validFrom ?? chinaDay(before.createdAt);
      if (on < since) throw AppError.badInput(`The household is in its unit since ${since}.`, 'on');
      const moved = await ctx.services.households.move(ctx, {
        id: householdId,
        expectedVersion: input.expectedVersion,
        regionCode: input.regionCode,
      });
      // The open membership ends, or the first unit is recorded; then the new one begins (the index allows one open).
      await m.query(
        `WITH ended AS (
           UPDATE household_grid_membership SET valid_to = $3 WHERE household_id = $1::uuid AND valid_to IS NULL
           RETURNING id)
         INSERT INTO household_grid_membership (household_id, region_code, valid_from, valid_to)
         SELECT $1::uuid, $2, $4::date, $3::date WHERE NOT EXISTS (SELECT 1 FROM ended)`,
        [householdId, before.regionCode, on, since],
      );
      await m.query(
        `INSERT INTO household_grid_membership (household_id, region_code, valid_from) VALUES ($1::uuid, $2, $3)`,
        [householdId, input.regionCode, on],
      );
      return moved;
    });
  }

  async reportNothing(ctx: RequestContext, input: ReportNothingInput): Promise<ZeroReport> {
    const principal = requireAction(ctx, 'grid:report');
    const path = await scopePath(ctx, input.regionCode);
    const day = pastDay(input.day, 'day');
    await requireCurrentGridUnit(ctx, input.regionCode, 'regionCode', day);
    return atomically(ctx, async (m) => {
      const [created] = await m.query(
        `INSERT INTO zero_report (region_code, day, reporter_name, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (region_code, day) DO NOTHING RETURNING ${ZERO_COLUMNS.replaceAll('z.', '')}`,
        [input.regionCode, day, principal.displayName, `${principal.kind}:${principal.id}`],
      );
      if (!created) {
        const [first] = await m.query(
          `SELECT ${ZERO_COLUMNS} FROM zero_report z WHERE z.region_code = $1 AND z.day = $2`,
          [input.regionCode, day],
        );
        return first;
      }
      await this.audit.record(ctx, m, {
        action: 'zeroReport.report',
        entityType: 'ZeroReport',
        entityId: created.id,
        changes: { regionCode: { new: input.regionCode }, day: { new: day } },
        regionPath: path,
      });
      return created;
    });
  }

  zeroReportsOf(ctx: RequestContext, codes: readonly string[], since: string): Promise<ZeroReport[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${ZERO_COLUMNS} FROM zero_report z WHERE z.region_code = ANY($1::text[]) AND z.day >= $2::date
         ORDER BY z.region_code, z.day DESC`,
        [codes, since],
      ),
    );
  }

  /** Unit-days, covered unit-days and units with gaps: one statement for a subtree and period. */
  async coverage(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    fromValue: Date | string,
    toValue: Date | string,
  ): Promise<GridCoverage> {
    requireAction(ctx, 'grid:read');
    const { from, to } = coveragePeriod(fromValue, toValue);
    const path = await scopePath(ctx, regionCode);
    const w = new Where();
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `SELECT count(*)::int AS "gridUnits", coalesce(sum(g."unitDays"), 0)::int AS "unitDays",
           coalesce(sum(g."coveredUnitDays"), 0)::int AS "coveredUnitDays",
           count(*) FILTER (WHERE g."coveredUnitDays" < g."unitDays")::int AS "gapUnits"
         FROM (${unitDaysSql(w, path, from, to)}) g`,
        w.params,
      ),
    );
    return {
      ...row,
      regionCode: regionCode ?? path.split('.').at(-1)!,
      from,
      to,
      coverageRate: coverageRate(row.coveredUnitDays, row.unitDays),
    };
  }

  /** The grid units with days of neither events nor a zero report, most days missing first. */
  async gaps(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    fromValue: Date | string,
    toValue: Date | string,
    args: PageArgs,
  ) {
    requireAction(ctx, 'grid:read');
    const { from, to } = coveragePeriod(fromValue, toValue);
    const path = await scopePath(ctx, regionCode);
    const where = new Where();
    const sub = unitDaysSql(where, path, from, to);
    where.add(`g."coveredUnitDays" < g."unitDays"`);
    const missing = `(g."unitDays" - g."coveredUnitDays")`;
    return listPage<GridCoverageGap>(scoped(ctx), {
      from: `(${sub}) g`,
      columns: `g.*, ${missing}::int AS "missingDays"`,
      where,
      args,
      sort: fixedSort(
        'MISSING',
        { expr: missing, value: (g) => g.missingDays, direction: SortDirection.DESC },
        { expr: 'g."regionCode"', of: (g) => g.regionCode },
      ),
    });
  }
}
