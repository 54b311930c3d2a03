import { AppError } from '../../common/app-error';
import { inScope, isWithin, requireAction, scopePath } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import { groupBy } from '../../common/group-by';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  CoordinationMeeting,
  CoordinationMeetingFilter,
  MeetingDecision,
  RecordCoordinationMeetingInput,
} from './meeting.types';
import type { OrganizationService } from './organization.service';
import { checkText, isoDay, pastDay } from './reference-input';

const MEETING_COLUMNS = `mt.id, mt.organization_id AS "organizationId", mt.held_on::text AS "heldOn", mt.attendees,
  mt.notes, mt.created_at AS "createdAt"`;
const RETURNING = MEETING_COLUMNS.replaceAll('mt.', '');
const MAX_DECISIONS = 200;

/** The timeline command a meeting's decision leaves on its case (the state stays). */
export const COORDINATION_DECISION = 'coordinationDecision';

/** Monthly meetings of coordination centres: scoped by the centre's region, like the cases they discuss. */
export class MeetingService {
  constructor(
    private readonly audit: AuditService,
    private readonly organizations: OrganizationService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<CoordinationMeeting[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${MEETING_COLUMNS} FROM coordination_meeting mt WHERE mt.id::text = ANY($1)`, [ids]),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<CoordinationMeeting> {
    requireAction(ctx, 'dispute:read');
    const [row] = await this.findByIds(ctx, [id]);
    if (!row) throw AppError.notFound(`Coordination meeting ${id} was not found.`);
    return row;
  }

  /** Newest first. */
  async list(ctx: RequestContext, filter: CoordinationMeetingFilter | null | undefined, args: PageArgs) {
    requireAction(ctx, 'dispute:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const params: unknown[] = [path];
    const where = ['mt.region_path <@ $1::ltree'];
    if (filter?.organizationId != null)
      where.push(`mt.organization_id::text = $${params.push(filter.organizationId)}`);
    const from = filter?.heldFrom ? isoDay(filter.heldFrom) : null;
    const to = filter?.heldTo ? isoDay(filter.heldTo) : null;
    if (from && to && to < from) throw AppError.badInput('heldTo is before heldFrom.', 'heldTo');
    if (from) where.push(`mt.held_on >= $${params.push(from)}::date`);
    if (to) where.push(`mt.held_on <= $${params.push(to)}::date`);
    return inScope(ctx, async (m) => {
      if (filter?.organizationId != null && !(await this.organizations.byId(m, filter.organizationId)))
        throw AppError.badInput(`Organisation ${filter.organizationId} was not found.`, 'organizationId');
      return listPage<CoordinationMeeting>(m, {
        from: 'coordination_meeting mt',
        columns: MEETING_COLUMNS,
        where,
        params,
        args,
        sort: {
          key: 'HELD_ON:DESC',
          expr: 'mt.held_on',
          idExpr: 'mt.id::text',
          direction: SortDirection.DESC,
          value: (r) => r.heldOn,
          id: (r) => r.id,
        },
      });
    });
  }

  /**
   * A meeting with its decisions, in one transaction: the meeting, one row per decision and one timeline row
   * per decided case (state unchanged, version untouched), and the audit record.
   */
  async record(ctx: RequestContext, input: RecordCoordinationMeetingInput): Promise<CoordinationMeeting> {
    const principal = requireAction(ctx, 'mediation:manage');
    const heldOn = pastDay(input.heldOn, 'heldOn');
    const attendees = [...new Set(input.attendees.map((a, i) => checkText(a, `attendees.${i}`, 50)))];
    if (!attendees.length || attendees.length > 50)
      throw AppError.badInput('Name 1 to 50 attending departments.', 'attendees');
    const notes = checkText(input.notes, 'notes', 10_000, 0);
    if (input.decisions.length > MAX_DECISIONS)
      throw AppError.badInput(`At most ${MAX_DECISIONS} decisions per meeting.`, 'decisions');
    const seen = new Set<string>();
    const decisions = input.decisions.map((d, i) => {
      if (seen.has(d.caseId))
        throw AppError.badInput('Each case is decided once per meeting.', `decisions.${i}.caseId`);
      seen.add(d.caseId);
      return { caseId: d.caseId, decision: checkText(d.decision, `decisions.${i}.decision`, 2000) };
    });

    return inScope(ctx, async (m) => {
      const centre = await this.organizations.byId(m, input.organizationId);
      if (!centre || centre.kind !== 'COORDINATION_CENTRE')
        throw AppError.badInput(
          `Organisation ${input.organizationId} is not a coordination centre.`,
          'organizationId',
        );
      if (!isWithin(centre.path, principal.jurisdiction.path))
        throw new AppError('FORBIDDEN', `Organisation ${centre.id} is outside your jurisdiction.`);

      // Cases the caller may see (row-level security), locked so their state cannot move under the timeline row.
      const rows: { id: string; state: string; path: string }[] = decisions.length
        ? await m.query(
            `SELECT id::text AS id, state, region_path::text AS path FROM dispute_case
             WHERE id::text = ANY($1) FOR SHARE`,
            [decisions.map((d) => d.caseId)],
          )
        : [];
      const cases = new Map(rows.map((r) => [r.id, r]));
      const decided = decisions.map((d, i) => {
        const c = cases.get(d.caseId);
        if (!c) throw AppError.badInput(`Dispute case ${d.caseId} was not found.`, `decisions.${i}.caseId`);
        if (!isWithin(c.path, centre.path))
          throw AppError.badInput(
            `Dispute case ${d.caseId} is not placed inside the centre's region.`,
            `decisions.${i}.caseId`,
          );
        return { ...d, ...c };
      });

      const [meeting]: CoordinationMeeting[] = await m.query(
        `INSERT INTO coordination_meeting (organization_id, region_path, held_on, attendees, notes)
         VALUES ($1, $2::ltree, $3::date, $4, $5) RETURNING ${RETURNING}`,
        [centre.id, centre.path, heldOn, attendees, notes],
      );
      if (decided.length) {
        const column = <K extends keyof (typeof decided)[number]>(k: K) => decided.map((d) => d[k]);
        await m.query(
          `INSERT INTO coordination_meeting_decision (meeting_id, case_id, region_path, decision)
           SELECT $1, c, p::ltree, d FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x (c, p, d)`,
          [meeting.id, column('id'), column('path'), column('decision')],
        );
        await m.query(
          `INSERT INTO dispute_case_event (case_id, region_path, command, from_state, to_state, actor_name, details)
           SELECT c, p::ltree, $1, s, s, $2, jsonb_build_object('meetingId', $3::text, 'decision', d)
           FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) AS x (c, p, s, d)`,
          [
            COORDINATION_DECISION,
            principal.name,
            meeting.id,
            column('id'),
            column('path'),
            column('state'),
            column('decision'),
          ],
        );
      }
      await this.audit.record(ctx, m, {
        action: 'coordinationMeeting.record',
        entityType: 'CoordinationMeeting',
        entityId: meeting.id,
        changes: {
          organizationId: { new: centre.id },
          heldOn: { new: heldOn },
          attendees: { new: attendees },
          decidedCaseIds: { new: decided.map((d) => d.id) },
        },
        regionPath: centre.path,
      });
      return meeting;
    });
  }

  /** The decisions of many meetings in one statement, each meeting's in case-number order. */
  decisionsOf(ctx: RequestContext, meetingIds: readonly string[]): Promise<MeetingDecision[][]> {
    return inScope(ctx, async (m) => {
      const rows: MeetingDecision[] = await m.query(
        `SELECT d.meeting_id::text AS "meetingId", d.case_id::text AS "caseId", d.decision
         FROM coordination_meeting_decision d JOIN dispute_case c ON c.id = d.case_id
         WHERE d.meeting_id = ANY($1::uuid[]) ORDER BY c.number`,
        [meetingIds],
      );
      const byMeeting = groupBy(rows, (r) => r.meetingId);
      return meetingIds.map((id) => byMeeting.get(id) ?? []);
    });
  }
}
