import {
  boundingBox,
  checkLatLng,
  distanceMetres,
  DUPLICATE_RADIUS_METRES,
  DUPLICATE_WINDOW_DAYS,
  GRID_EVENT_MACHINE,
  gridEventDeadline,
  mayReferToMediation,
  onTimeRate,
  OPEN_GRID_EVENT_STATES,
  type GridEventCategory,
  type GridEventCommand,
  type GridEventCommandDetails,
  type GridEventEventDetails,
  type GridEventSource,
  type GridEventState,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { lockedRow, runCommand, type CommandStep, type CommandTarget } from '../../common/command';
import { listPage, sortBy, SortDirection, type ListQuery, type PageArgs } from '../../common/connection';
import { idempotency, replay } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import { checkText, getById, optionalText, Params, Where } from '../../common/sql';
import { appendTimelineSql, timelinesOf, type TimelineStep, defineTimeline } from '../../common/timeline';
import type { Principal, RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { atRiskSql, closedOnTimeSql, closedSql, lateSql } from './grid-event.sql';
import {
  GridEventOrderField,
  type DispatchGridEventInput,
  type DisposeGridEventInput,
  type EvaluateGridEventInput,
  type GridEvent,
  type GridEventFilter,
  type GridEventNoteInput,
  type GridEventOrderBy,
  type GridEventStep,
  type ReferGridEventToMediationInput,
  type RejectGridEventInput,
  type ReportGridEventInput,
  type SendBackGridEventInput,
} from './grid-event.types';
import { requireCurrentGridUnit } from './grid-unit.rules';

export const EVENT_COLUMNS = `e.id, e.number, e.source, e.category, e.urgency, e.region_code AS "regionCode",
  e.lat, e.lng, e.address, e.description, e.photo_refs AS "photoRefs", e.state, e.reporter_name AS "reporterName",
  e.reported_at AS "reportedAt", e.rejection, e.duplicate_of_id AS "duplicateOfId", e.assignee_kind AS "assigneeKind",
  e.assignee, e.dispatched_at AS "dispatchedAt", e.due_at AS "dueAt", e.at_risk_at AS "atRiskAt",
  e.disposal_result AS "disposalResult", e.disposed_at AS "disposedAt", e.verified_at AS "verifiedAt",
  e.closed_at AS "closedAt", e.satisfaction, e.evaluation_comment AS "evaluationComment",
  e.dispute_case_id AS "disputeCaseId", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;
const RETURNING = EVENT_COLUMNS.replaceAll('e.', 'grid_event.');

/** The open states as SQL text the partial GiST index's predicate is written with, so the planner proves it. */
const OPEN_IN = `(${OPEN_GRID_EVENT_STATES.map((s) => `'${s}'`).join(', ')})`;
const MAX_PHOTOS = 9;

const SORT = {
  REPORTED_AT: {
    expr: 'e.reported_at',
    value: (e: GridEvent) => new Date(e.reportedAt).toISOString(),
    direction: SortDirection.DESC,
  },
  // Events without a running clock sort after every dispatched one.
  DUE_AT: {
    expr: `coalesce(e.due_at, 'infinity'::timestamptz)`,
    value: (e: GridEvent) => (e.dueAt ? new Date(e.dueAt).toISOString() : 'infinity'),
  },
};
const REPORTED = { from: 'reportedFrom', to: 'reportedTo' };

type EventRow = GridEvent & { path: string };
type Details = GridEventCommandDetails;

/** The events' timeline: its report and each of its steps. */
const STEPS = defineTimeline('grid_event_step', 'grid_event', 'event_id', 'eventId');

/** One row of an event's timeline: its report or one of its steps. */
export interface StepInput<
  K extends keyof GridEventEventDetails = keyof GridEventEventDetails,
> extends TimelineStep {
  command: K;
  from: GridEventState | null;
  to: GridEventState;
  details: GridEventEventDetails[K];
}

/** A place to look for duplicates around: a new report's, or an event's own. */
export interface DuplicateProbe {
  key: string;
  category: GridEventCategory;
  lat: number;
  lng: number;
  at: Date;
  exceptId: string | null;
}

/** The closed loop's figures for a subtree and period: the KPI tiles of supervision. */
export interface GridLoopFigures {
  reported: number;
  closed: number;
  closedOnTime: number;
  open: number;
  overdue: number;
  onTimeRate: number | null;
}

function sourceOf(principal: Principal, requested: GridEventSource | null | undefined): GridEventSource {
  if (principal.kind === 'API_KEY') {
    if (requested && requested !== 'DISTRICT_SYSTEM')
      throw AppError.badInput('A district system reports as DISTRICT_SYSTEM.', 'source');
    return 'DISTRICT_SYSTEM';
  }
  if (requested === 'DISTRICT_SYSTEM')
    throw AppError.badInput('Only an API key reports as DISTRICT_SYSTEM.', 'source');
  return requested ?? 'GRID_WORKER';
}

export class GridEventService {
  private readonly target: CommandTarget<GridEventState, Details, EventRow>;

  constructor(private readonly audit: AuditService) {
    this.target = {
      ref: { table: 'grid_event', label: 'Grid event' },
      entityType: 'GridEvent',
      auditPrefix: 'gridEvent',
      machine: GRID_EVENT_MACHINE,
      returning: RETURNING,
      load: lockedRow('grid_event', 'e', EVENT_COLUMNS),
      timeline: STEPS,
    };
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<GridEvent[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${EVENT_COLUMNS} FROM grid_event e WHERE e.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** The events that became these dispute cases: the link back from mediation. */
  findByDisputeCases(ctx: RequestContext, caseIds: readonly string[]): Promise<GridEvent[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${EVENT_COLUMNS} FROM grid_event e WHERE e.dispute_case_id = ANY($1::uuid[])`, [
        caseIds,
      ]),
    );
  }

  timelineOf(ctx: RequestContext, ids: readonly string[]): Promise<GridEventStep[]> {
    return timelinesOf(ctx, STEPS, ids);
  }

  get(ctx: RequestContext, id: string): Promise<GridEvent> {
    requireAction(ctx, 'grid:read');
    return getById((ids) => this.findByIds(ctx, ids), id, 'Grid event');
  }

  async list(
    ctx: RequestContext,
    filter: GridEventFilter | null | undefined,
    args: PageArgs & { orderBy?: GridEventOrderBy | null },
  ) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx, filter, args.orderBy)), args });
  }

  /** The rows the list (or its export) selects, in the list's order. */
  async listQuery(
    ctx: RequestContext,
    filter: GridEventFilter | null | undefined,
    orderBy: GridEventOrderBy | null | undefined,
  ): Promise<ListQuery<GridEvent>> {
    requireAction(ctx, 'grid:read');
    const where = new Where().subtree('e.region_path', await scopePath(ctx, filter?.regionCode));
    where
      .anyOf('e.state', filter?.state)
      .anyOf('e.category', filter?.category)
      .anyOf('e.urgency', filter?.urgency)
      .anyOf('e.source', filter?.source)
      .flag(filter?.overdue, lateSql('e'), `NOT coalesce(${lateSql('e')}, false)`)
      .flag(filter?.atRisk, atRiskSql('e'), `NOT coalesce(${atRiskSql('e')}, false)`)
      .days('e.reported_at', { from: filter?.reportedFrom, to: filter?.reportedTo }, REPORTED, 'timestamptz')
      .contains(['e.number', 'e.description', 'e.address'], filter?.q);
    return {
      from: 'grid_event e',
      columns: EVENT_COLUMNS,
      where,
      sort: sortBy(SORT, orderBy, GridEventOrderField.REPORTED_AT, { expr: 'e.id', of: (e) => e.id }),
    };
  }

  async report(ctx: RequestContext, input: ReportGridEventInput): Promise<GridEvent> {
    const principal = requireAction(ctx, 'grid:report');
    const path = await scopePath(ctx, input.regionCode);
    await requireCurrentGridUnit(ctx, input.regionCode, 'regionCode');
    const source = sourceOf(principal, input.source);
    const description = checkText(input.description, 'description', 2000, 2);
    const address = optionalText(input.address, 'address', 200);
    if (input.photoRefs.length > MAX_PHOTOS)
      throw AppError.badInput(`At most ${MAX_PHOTOS} photos.`, 'photoRefs');
    const photoRefs = input.photoRefs.map((ref, i) => checkText(ref, `photoRefs.${i}`, 500));
    if ((input.lat == null) !== (input.lng == null))
      throw AppError.badInput('Give lat and lng together, or neither.', input.lat == null ? 'lat' : 'lng');
    if (input.lat != null) checkLatLng({ lat: input.lat, lng: input.lng! });
    const reportedAt = input.reportedAt ?? new Date();
    if (reportedAt.getTime() > Date.now() + 60_000)
      throw AppError.badInput('reportedAt cannot be in the future.', 'reportedAt');
    const idem = idempotency(principal, input);

    return atomically(ctx, async (m) => {
      const [created] = await m.query(
        `INSERT INTO grid_event (number, source, category, urgency, region_code, lat, lng, address, description,
           photo_refs, state, reporter_name, reported_at, idempotency_key, idempotency_hash, created_by)
         VALUES ('WG' || to_char($12::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
             lpad(nextval('grid_event_number')::text, 6, '0'),
           $1, $2, $3, $4, $5, $6, $7, $8, $9, 'REPORTED', $10, $12, $13, $14, $11)
         ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING ${RETURNING}`,
        [
          source,
          input.category,
          input.urgency,
          input.regionCode,
          input.lat ?? null,
          input.lng ?? null,
          address,
          description,
          photoRefs,
          principal.displayName,
          idem.createdBy,
          reportedAt,
          idem.key,
          idem.hash,
        ],
      );
      if (!created)
        return replay<GridEvent>(m, { table: 'grid_event', alias: 'e', columns: EVENT_COLUMNS }, idem);
      const p = new Params();
      const step: StepInput<'report'> = {
        objectId: created.id,
        command: 'report',
        from: null,
        to: 'REPORTED',
        details: { source, category: input.category, urgency: input.urgency },
      };
      await m.query(appendTimelineSql(ctx, STEPS, [step], p), p.params);
      await this.audit.record(ctx, m, {
        action: 'gridEvent.report',
        entityType: 'GridEvent',
        entityId: created.id,
        changes: { state: { new: 'REPORTED' }, category: { new: input.category }, source: { new: source } },
        regionPath: path,
      });
      return created;
    });
  }

  file(ctx: RequestContext, input: GridEventNoteInput) {
    return this.run(ctx, input, 'file', () => ({
      details: { note: optionalText(input.note, 'note', 1000) },
    }));
  }

  reject(ctx: RequestContext, input: RejectGridEventInput) {
    return this.run(ctx, input, 'reject', async (e, m) => {
      const note = optionalText(input.note, 'note', 1000);
      if (input.reason === 'INVALID') {
        if (input.duplicateOfId != null)
          throw AppError.badInput('An invalid report duplicates nothing.', 'duplicateOfId');
        if (!note) throw AppError.badInput('Say why the report is invalid.', 'note');
        return { set: { rejection: 'INVALID' }, details: { reason: 'INVALID', duplicateOfId: null, note } };
      }
      if (input.duplicateOfId == null)
        throw AppError.badInput('Name the event this one duplicates.', 'duplicateOfId');
      const original = parseId(input.duplicateOfId, 'duplicateOfId');
      const [other] = await m.query(
        `SELECT e.category, e.state IN ${OPEN_IN} AS open FROM grid_event e WHERE e.id = $1::uuid AND e.id <> $2::uuid`,
        [original, e.id],
      );
      if (!other?.open || other.category !== e.category)
        throw AppError.badInput('A duplicate repeats another open event of its category.', 'duplicateOfId');
      return {
        set: { rejection: 'DUPLICATE', duplicate_of_id: original },
        details: { reason: 'DUPLICATE', duplicateOfId: original, note },
      };
    });
  }

  dispatch(ctx: RequestContext, input: DispatchGridEventInput) {
    return this.run(ctx, input, 'dispatch', (e) => {
      const assignee = checkText(input.assignee, 'assignee', 100);
      const now = new Date();
      const { dueAt, atRiskAt } = gridEventDeadline(e.category, e.urgency, now);
      return {
        set: {
          assignee_kind: input.assigneeKind,
          assignee,
          dispatched_at: now,
          due_at: dueAt,
          at_risk_at: atRiskAt,
        },
        details: { assigneeKind: input.assigneeKind, assignee, dueAt: dueAt.toISOString() },
      };
    });
  }

  startDisposal(ctx: RequestContext, input: GridEventNoteInput) {
    return this.run(ctx, input, 'startDisposal', () => ({
      details: { note: optionalText(input.note, 'note', 1000) },
    }));
  }

  dispose(ctx: RequestContext, input: DisposeGridEventInput) {
    return this.run(ctx, input, 'dispose', () => {
      const result = checkText(input.result, 'result', 2000, 2);
      return { set: { disposal_result: result, disposed_at: new Date() }, details: { result } };
    });
  }

  verify(ctx: RequestContext, input: GridEventNoteInput) {
    return this.run(ctx, input, 'verify', () => ({
      set: { verified_at: new Date() },
      details: { note: optionalText(input.note, 'note', 1000) },
    }));
  }

  sendBack(ctx: RequestContext, input: SendBackGridEventInput) {
    return this.run(ctx, input, 'sendBack', () => ({
      // The disposal starts over; the deadline of the dispatch stands.
      set: { disposal_result: null, disposed_at: null },
      details: { reason: checkText(input.reason, 'reason', 1000, 2) },
    }));
  }

  close(ctx: RequestContext, input: GridEventNoteInput) {
    return this.run(ctx, input, 'close', () => ({
      set: { closed_at: new Date() },
      details: { note: optionalText(input.note, 'note', 1000) },
    }));
  }

  evaluate(ctx: RequestContext, input: EvaluateGridEventInput) {
    return this.run(ctx, input, 'evaluate', () => {
      const comment = optionalText(input.comment, 'comment', 1000);
      return {
        set: { satisfaction: input.satisfaction, evaluation_comment: comment },
        details: { satisfaction: input.satisfaction, comment },
      };
    });
  }

  /** A dispute event becomes a mediation case in the same step: registered through mediation, linked both ways. */
  referToMediation(ctx: RequestContext, input: ReferGridEventToMediationInput) {
    return this.run(ctx, input, 'referToMediation', async (e) => {
      if (!mayReferToMediation(e.category))
        throw AppError.badInput('Only a neighbourhood dispute can become a mediation case.', 'id');
      const created = await ctx.services.disputeCases.register(ctx, {
        // A retried referral finds the case it registered the first time.
        idempotencyKey: `grid-event:${e.id}`,
        channel: 'GRID_WORKER',
        type: 'NEIGHBOURHOOD',
        title: input.title?.trim() || `网格事件 ${e.number}`,
        description: e.description,
        regionCode: e.regionCode,
        organizationId: input.organizationId,
        parties: input.parties,
        peopleInvolved: input.peopleInvolved,
        householdsInvolved: input.householdsInvolved,
        threats: input.threats,
        amountAtStake: null,
        receivedAt: new Date(e.reportedAt),
      });
      return {
        set: { dispute_case_id: created.id },
        details: { disputeCaseId: created.id, disputeCaseNumber: created.number },
      };
    });
  }

  /** Open events of the same category within 200 m and 7 days of each probe, through the GiST index; one statement. */
  async duplicatesOf(
    ctx: RequestContext,
    probes: readonly DuplicateProbe[],
  ): Promise<Map<string, GridEvent[]>> {
    const found = new Map<string, GridEvent[]>(probes.map((p) => [p.key, []]));
    if (!probes.length) return found;
    const rows = probes.map((p) => ({
      key: p.key,
      category: p.category,
      at: p.at,
      except_id: p.exceptId,
      ...boundingBox(p, DUPLICATE_RADIUS_METRES),
    }));
    const candidates: (GridEvent & { probe: string })[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT p.key AS probe, c.* FROM jsonb_to_recordset($1::jsonb) AS p (key text, category text,
           at timestamptz, except_id uuid, "minLat" float8, "maxLat" float8, "minLng" float8, "maxLng" float8)
         CROSS JOIN LATERAL (
           SELECT ${EVENT_COLUMNS} FROM grid_event e
           WHERE e.lat IS NOT NULL AND e.state IN ${OPEN_IN}
             AND point(e.lng, e.lat) <@ box(point(p."minLng", p."minLat"), point(p."maxLng", p."maxLat"))
             AND e.category = p.category AND e.id IS DISTINCT FROM p.except_id
             AND e.reported_at BETWEEN p.at - make_interval(days => $2) AND p.at + make_interval(days => $2)
           ORDER BY e.reported_at DESC LIMIT 20) c`,
        [JSON.stringify(rows), DUPLICATE_WINDOW_DAYS],
      ),
    );
    const byKey = new Map(probes.map((p) => [p.key, p]));
    for (const { probe, ...event } of candidates) {
      const p = byKey.get(probe)!;
      if (distanceMetres(p, { lat: event.lat!, lng: event.lng! }) <= DUPLICATE_RADIUS_METRES)
        found.get(probe)!.push(event);
    }
    return found;
  }

  /** What a reporter sees before sending: possible duplicates of a report at this place. */
  async duplicateHints(
    ctx: RequestContext,
    probe: { category: GridEventCategory; lat: number; lng: number },
  ) {
    requireAction(ctx, 'grid:read');
    checkLatLng(probe);
    const hints = await this.duplicatesOf(ctx, [{ ...probe, key: 'new', at: new Date(), exceptId: null }]);
    return hints.get('new')!;
  }

  /** Reported, closed, closed within the deadline, open and overdue: one statement for a subtree and period. */
  async loopFigures(
    ctx: RequestContext,
    regionCode: string | null | undefined,
    from: Date | string,
    to: Date | string,
  ): Promise<GridLoopFigures> {
    requireAction(ctx, 'grid:read');
    const where = new Where().subtree('e.region_path', await scopePath(ctx, regionCode));
    where.days('e.reported_at', { from, to }, { from: 'from', to: 'to' }, 'timestamptz');
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `SELECT count(*)::int AS reported, count(*) FILTER (WHERE ${closedSql('e')})::int AS closed,
           count(*) FILTER (WHERE ${closedOnTimeSql('e')})::int AS "closedOnTime",
           count(*) FILTER (WHERE e.state IN ${OPEN_IN})::int AS open,
           count(*) FILTER (WHERE ${lateSql('e')} AND e.state IN ${OPEN_IN})::int AS overdue
         FROM grid_event e WHERE ${where}`,
        where.params,
      ),
    );
    return { ...row, onTimeRate: onTimeRate(row.closedOnTime, row.closed) };
  }

  private run<C extends GridEventCommand>(
    ctx: RequestContext,
    input: { id: string; expectedVersion: number },
    command: C,
    step: (e: EventRow, m: EntityManager) => CommandStep<Details[C]> | Promise<CommandStep<Details[C]>>,
  ): Promise<GridEvent> {
    requireAction(ctx, 'grid:read');
    return runCommand(ctx, this.target, input, command, step);
  }
}
