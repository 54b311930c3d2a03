import {
  ASSISTANCE_TYPE_LABELS,
  chinaDay,
  DEFAULT_VISIT_TARGETS,
  visitPeriodStart,
  type AssistanceType,
  type VisitTargets,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { listPage, orderedQuery, sortBy, SortDirection } from '../../common/connection';
import type { ListQuery, PageArgs } from '../../common/connection';
import { idempotency, insertOnce, replay } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import { pastDay, updateReturning, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { CadreService } from './cadre.service';
import {
  TimelineKind,
  type DueHousehold,
  type GeoPointInput,
  type HouseholdTimelineEntry,
  type LogVisitInput,
  type ReportVisitDisputeInput,
  type Visit,
  type VisitFilter,
} from './visit.types';

/** A cadre's visits of a month, or (`month` null) of every month. */
export interface CadreVisitFigures {
  cadreId: string;
  month: string | null;
  visits: number;
  householdsVisited: number;
}

export const VISIT_COLUMNS = `v.id, v.posting_id AS "postingId", v.cadre_id AS "cadreId",
  (SELECT p.cadre_name FROM posting p WHERE p.id = v.posting_id) AS "cadreName", v.work_unit_id AS "workUnitId",
  v.household_id AS "householdId", v.region_code AS "regionCode", v.visited_on::text AS "visitedOn", v.purpose,
  v.findings, v.follow_up_needed AS "followUpNeeded",
  CASE WHEN v.lat IS NULL THEN NULL ELSE json_build_object('lat', v.lat, 'lng', v.lng) END AS location,
  v.dispute_case_id AS "disputeCaseId", v.version, v.created_at AS "createdAt"`;
const RETURNING = VISIT_COLUMNS.replaceAll('v.', '');

function checkLocation(point: GeoPointInput | null | undefined) {
  if (!point) return { lat: null, lng: null };
  if (!(Math.abs(point.lat) <= 90)) throw AppError.badInput('lat is from -90 to 90.', 'location.lat');
  if (!(Math.abs(point.lng) <= 180)) throw AppError.badInput('lng is from -180 to 180.', 'location.lng');
  return point;
}

/** Household visits (走访), the disputes found on them, and a household's timeline. */
export class VisitService {
  constructor(
    private readonly audit: AuditService,
    private readonly cadres: CadreService,
    private readonly targets: VisitTargets = DEFAULT_VISIT_TARGETS,
  ) {}

  /** Visits by id for loaders, audited as one read per batch. */
  findByIds(ctx: RequestContext, ids: readonly string[], via: string): Promise<Visit[]> {
    return this.read(ctx, via, `v.id = ANY($1::uuid[])`, [ids]);
  }

  findByDisputeCases(ctx: RequestContext, caseIds: readonly string[]): Promise<Visit[]> {
    return this.read(ctx, 'DisputeCase.visit', `v.dispute_case_id = ANY($1::uuid[])`, [caseIds]);
  }

  private read(ctx: RequestContext, via: string, where: string, params: unknown[]): Promise<Visit[]> {
    requireAction(ctx, 'village:read');
    return inScope(ctx, async (m) => {
      const rows: Visit[] = await m.query(`SELECT ${VISIT_COLUMNS} FROM visit v WHERE ${where}`, params);
      await this.audited(ctx, m, rows, via);
      return rows;
    });
  }

  private async audited(ctx: RequestContext, m: EntityManager, rows: { id: string }[], via: string) {
    if (rows.length)
      await this.audit.recordRead(ctx, m, {
        action: 'visit.list',
        entityType: 'Visit',
        changes: { returned: rows.map((r) => r.id), via },
        regionPath: ctx.principal!.jurisdiction.path,
      });
  }

  async get(ctx: RequestContext, id: string): Promise<Visit> {
    const [visit] = await this.findByIds(ctx, [parseId(id, 'id')], 'visit');
    if (!visit) throw AppError.notFound(`Visit ${id} was not found.`);
    return visit;
  }

  /** Newest visit first. */
  async list(ctx: RequestContext, filter: VisitFilter | null | undefined, args: PageArgs) {
    const query = await this.listQuery(ctx, filter);
    return inScope(ctx, async (m) => {
      const connection = await listPage(scoped(ctx), { ...query, args });
      await this.audited(
        ctx,
        m,
        connection.edges.map((e) => e.node),
        'visits',
      );
      return connection;
    });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(ctx: RequestContext, filter: VisitFilter | null | undefined): Promise<ListQuery<Visit>> {
    requireAction(ctx, 'village:read');
    const where = new Where()
      .subtree('v.region_path', await scopePath(ctx, filter?.regionCode))
      .id('v.cadre_id', filter?.cadreId, 'cadreId')
      .id('v.work_unit_id', filter?.workUnitId, 'workUnitId')
      .id('v.posting_id', filter?.postingId, 'postingId')
      .id('v.household_id', filter?.householdId, 'householdId')
      .anyOf('v.purpose', filter?.purpose)
      .flag(filter?.followUpNeeded, 'v.follow_up_needed', 'NOT v.follow_up_needed')
      .days(
        'v.visited_on',
        { from: filter?.visitedFrom, to: filter?.visitedTo },
        { from: 'visitedFrom', to: 'visitedTo' },
        'date',
      );
    return orderedQuery<Visit>(['VISITED_ON', 'visitedOn', SortDirection.DESC], {
      from: 'visit v',
      columns: VISIT_COLUMNS,
      where,
    });
  }

  /**
   * Households due for a visit today (China time), longest unseen first, never-visited ones before all: where
   * a cadre's day starts. The rule is the domain's `isVisitDue`, stated here as SQL over the subtree.
   */
  async due(ctx: RequestContext, regionCode: string | null | undefined, args: PageArgs) {
    requireAction(ctx, 'village:read');
    const today = chinaDay();
    const where = new Where();
    const path = where.param(await scopePath(ctx, regionCode), 'ltree');
    const poorFrom = where.param(visitPeriodStart(today, this.targets.poorHouseholdMonths), 'date');
    const otherFrom = where.param(visitPeriodStart(today, this.targets.householdMonths), 'date');
    const periodStart = `CASE WHEN d.poor THEN ${poorFrom} ELSE ${otherFrom} END`;
    where.add(`(d.last IS NULL OR d.last < ${periodStart})`);
    const seen = `coalesce(d.last, DATE '0001-01-01')`;
    return inScope(ctx, () =>
      listPage<DueHousehold & { seen: string }>(scoped(ctx), {
        from: `(SELECT h.id, h.poor, (SELECT max(v.visited_on) FROM visit v WHERE v.household_id = h.id) AS last
          FROM (${ctx.services.households.subtreeSql(path)}) h) d`,
        columns: `d.id, d.poor, d.last::text AS "lastVisitedOn", ${periodStart}::text AS "periodStart",
          ${seen}::text AS seen`,
        where,
        sort: sortBy({ SEEN: { expr: seen, value: (r) => r.seen } }, null, 'SEEN', {
          expr: 'd.id',
          of: (r) => r.id,
        }),
        args,
      }),
    );
  }

  /**
   * The cadres' visits by month and in all (`month` null), with the households they reached: a cadre's page, in
   * one statement for every cadre asked for, over the visits the caller's scope shows.
   */
  figuresOfCadres(ctx: RequestContext, cadreIds: readonly string[]): Promise<CadreVisitFigures[]> {
    requireAction(ctx, 'village:read');
    return inScope(ctx, (m) =>
      m.query(
        `SELECT v.cadre_id AS "cadreId", to_char(v.visited_on, 'YYYY-MM') AS month, count(*)::int AS visits,
           count(DISTINCT v.household_id)::int AS "householdsVisited"
         FROM visit v WHERE v.cadre_id = ANY($1::uuid[])
         GROUP BY GROUPING SETS ((v.cadre_id, month), (v.cadre_id)) ORDER BY month`,
        [cadreIds],
      ),
    );
  }

  /** The years with visits in the caller's scope, or in a region's subtree, newest first: the stats' periods. */
  async years(ctx: RequestContext, regionCode: string | null | undefined): Promise<number[]> {
    requireAction(ctx, 'village:read');
    const path = await scopePath(ctx, regionCode);
    const rows: { year: number }[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT DISTINCT extract(year FROM v.visited_on)::int AS year FROM visit v WHERE v.region_path <@ $1::ltree
         ORDER BY year DESC`,
        [path],
      ),
    );
    return rows.map((r) => r.year);
  }

  /**
   * A visit under an active posting in the household's village (the caller's own, unless an office names one).
   * A retry with the same idempotencyKey and input answers the first visit, even after the posting has ended:
   * a phone that was offline sends its queue late, and nothing may be recorded twice.
   */
  async log(ctx: RequestContext, input: LogVisitInput): Promise<Visit> {
    const principal = requireAction(ctx, 'visit:write');
    const householdId = parseId(input.householdId, 'householdId');
    const postingId = input.postingId == null ? null : parseId(input.postingId, 'postingId');
    const visitedOn = pastDay(input.visitedOn, 'visitedOn');
    const findings = input.findings.trim();
    if (findings.length > 5000) throw AppError.badInput('findings has at most 5000 characters.', 'findings');
    const location = checkLocation(input.location);
    const idem = idempotency(principal, input);
    const first = { table: 'visit', alias: 'v', columns: VISIT_COLUMNS };
    return atomically(ctx, async (m) => {
      if (idem.key) {
        const [sent] = await m.query(`SELECT 1 FROM visit WHERE created_by = $1 AND idempotency_key = $2`, [
          idem.createdBy,
          idem.key,
        ]);
        if (sent) return replay<Visit>(m, first, idem);
      }
      const household = await this.householdPlace(ctx, m, householdId, 'visit.log');
      const posting = await this.cadres.activePostingFor(ctx, m, household.path, postingId);
      if (visitedOn < posting.startsOn)
        throw AppError.badInput('visitedOn is before the posting began.', 'visitedOn');
      const { row: created, replayed } = await insertOnce<Visit>(
        m,
        first,
        {
          posting_id: posting.id,
          cadre_id: posting.cadreId,
          work_unit_id: posting.workUnitId,
          household_id: householdId,
          region_code: household.regionCode,
          visited_on: visitedOn,
          purpose: input.purpose,
          findings,
          follow_up_needed: input.followUpNeeded,
          lat: location.lat,
          lng: location.lng,
        },
        idem,
      );
      if (replayed) return created;
      await this.audit.record(ctx, m, {
        action: 'visit.log',
        entityType: 'Visit',
        entityId: created.id,
        changes: {
          householdId: { new: householdId },
          postingId: { new: posting.id },
          visitedOn: { new: visitedOn },
          purpose: { new: input.purpose },
        },
        regionPath: household.path,
      });
      return created;
    });
  }

  /**
   * A household of the caller's scope (a parsed id) and its place: where its visits and assistance lie. One
   * outside it is refused on `householdId`, and the attempt (`action`) recorded, as the registry does.
   */
  async householdPlace(ctx: RequestContext, m: EntityManager, householdId: string, action: string) {
    const [household] = await ctx.services.households.findByIds(ctx, [householdId]);
    if (!household)
      return this.audit.refuse(
        ctx,
        m,
        { action, entityType: 'Household', entityId: householdId, field: 'householdId' },
        `Household ${householdId} was not found.`,
      );
    const [place] = await ctx.services.region.pathsOf(ctx, [household.regionCode]);
    return { regionCode: household.regionCode, path: place.path };
  }

  /** A dispute found on a visit becomes a mediation case in the same step, linked both ways. */
  async reportDispute(ctx: RequestContext, input: ReportVisitDisputeInput): Promise<Visit> {
    requireAction(ctx, 'dispute:register');
    const { visitId: rawId, ...dispute } = input;
    const visitId = parseId(rawId, 'visitId');
    return atomically(ctx, async (m) => {
      const [visit]: (Visit & { path: string })[] = await m.query(
        `SELECT ${VISIT_COLUMNS}, v.region_path::text AS path FROM visit v WHERE v.id = $1 FOR UPDATE`,
        [visitId],
      );
      if (!visit) throw AppError.notFound(`Visit ${visitId} was not found.`);
      if (visit.disputeCaseId)
        throw new AppError('CONFLICT', 'A dispute was reported from this visit already.');
      const registered = await ctx.services.disputeCases.register(ctx, {
        ...dispute,
        amountAtStake: dispute.amountAtStake ?? null,
        channel: 'STATIONED_CADRE',
        regionCode: visit.regionCode,
        receivedAt: null,
        organizationId: null,
      });
      const [linked] = await updateReturning<Visit>(
        m,
        `UPDATE visit SET dispute_case_id = $2, version = version + 1, updated_at = now() WHERE id = $1
         RETURNING ${RETURNING}`,
        [visitId, registered.id],
      );
      await this.audit.record(ctx, m, {
        action: 'visit.reportDispute',
        entityType: 'Visit',
        entityId: visitId,
        changes: { disputeCaseId: { new: registered.id } },
        regionPath: visit.path,
      });
      return linked;
    });
  }

  /**
   * A household's life in the caller's scope, newest first, in three statements whatever its length: the
   * household and its members' changes (the registry's), then its visits, assistance steps, incomes and the
   * dispute cases its members are parties to in one, then the audit of the read.
   */
  async timeline(ctx: RequestContext, id: string): Promise<HouseholdTimelineEntry[]> {
    requireAction(ctx, 'village:read');
    requireAction(ctx, 'household:read');
    const householdId = parseId(id, 'householdId');
    return inScope(ctx, async (m) => {
      const household = await ctx.services.households.withMemberChanges(ctx, m, householdId);
      if (!household)
        return this.audit.refuse(
          ctx,
          m,
          { action: 'household.timeline', entityType: 'Household', entityId: householdId },
          `Household ${id} was not found.`,
        );
      const residentIds = household.members.map((r) => r.id);
      const disputes = ctx.principal!.actions.has('dispute:read')
        ? `SELECT d.received_at, '${TimelineKind.DISPUTE}', d.state, d.title, d.id FROM (${ctx.services.disputeCases.partyCasesSql('$2::uuid[]')}) d`
        : `SELECT NULL::timestamptz, NULL, NULL, NULL, NULL::uuid WHERE $2::uuid[] IS NULL AND false`;
      const rows: HouseholdTimelineEntry[] = await m.query(
        `SELECT at, kind, what, summary, ref_id AS "refId" FROM (
           SELECT v.visited_on::timestamp AT TIME ZONE 'Asia/Shanghai' AS at, '${TimelineKind.VISIT}' AS kind,
             v.purpose AS what, v.findings AS summary, v.id AS ref_id
           FROM visit v WHERE v.household_id = $1
           UNION ALL
           SELECT e.at, '${TimelineKind.ASSISTANCE}', a.type || ':' || e.command,
             coalesce(e.details->>'outcome', e.details->>'reason', a.description), a.id
           FROM assistance_event e JOIN assistance a ON a.id = e.assistance_id WHERE a.household_id = $1
           UNION ALL
           SELECT make_date(i.year, 12, 31)::timestamp AT TIME ZONE 'Asia/Shanghai', '${TimelineKind.INCOME}',
             i.year::text, i.income_yuan::text, NULL::uuid
           FROM household_income i WHERE i.household_id = $1
           UNION ALL ${disputes}
         ) t ORDER BY at DESC, kind, ref_id`,
        [householdId, residentIds],
      );
      await this.audited(
        ctx,
        m,
        rows.filter((r) => r.kind === TimelineKind.VISIT).map((r) => ({ id: r.refId! })),
        'Household.timeline',
      );
      const members = household.members.flatMap((r) => [
        {
          at: new Date(r.registeredAt),
          kind: TimelineKind.MEMBER,
          what: 'registered',
          summary: r.name,
          refId: r.id,
        },
        ...(r.changedAt > r.registeredAt
          ? [
              {
                at: new Date(r.changedAt),
                kind: TimelineKind.MEMBER,
                what: 'changed',
                summary: r.name,
                refId: r.id,
              },
            ]
          : []),
      ]);
      return [...rows.map(labelled), ...members].sort((a, b) => b.at.getTime() - a.at.getTime());
    });
  }
}

/** An assistance step reads "GREENHOUSE_OR_BUILDING:complete"; the timeline names the type in words. */
function labelled(entry: HouseholdTimelineEntry): HouseholdTimelineEntry {
  if (entry.kind !== TimelineKind.ASSISTANCE) return entry;
  const [type, command] = entry.what.split(':');
  return { ...entry, what: `${ASSISTANCE_TYPE_LABELS[type as AssistanceType].en}: ${command}` };
}
