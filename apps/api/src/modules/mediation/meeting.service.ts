import type { DisputeCaseState } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { inOrder, listPage, SortDirection, type ListQuery, type PageArgs } from '../../common/connection';
import { parseId } from '../../common/ids';
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
import { checkText, getById, pastDay, Where } from '../../common/sql';
import type { DisputeCaseService } from './dispute-case.service';

const MEETING_COLUMNS = `mt.id, mt.organization_id AS "organizationId", mt.held_on::text AS "heldOn", mt.attendees,
  mt.notes, mt.created_at AS "createdAt"`;
const RETURNING = MEETING_COLUMNS.replaceAll('mt.', '');
const MAX_DECISIONS = 200;

/** Monthly meetings of coordination centres: scoped by the centre's region, like the cases they discuss. */
export class MeetingService {
  constructor(
    private readonly audit: AuditService,
    private readonly organizations: OrganizationService,
    private readonly disputeCases: DisputeCaseService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<CoordinationMeeting[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${MEETING_COLUMNS} FROM coordination_meeting mt WHERE mt.id = ANY($1::uuid[])`, [ids]),
    );
  }

  get(ctx: RequestContext, id: string): Promise<CoordinationMeeting> {
    requireAction(ctx, 'coordination:read');
    return getById((ids) => this.findByIds(ctx, ids), id, 'Coordination meeting');
  }

  /** Newest first. */
  async list(ctx: RequestContext, filter: CoordinationMeetingFilter | null | undefined, args: PageArgs) {
    return listPage<CoordinationMeeting>(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: CoordinationMeetingFilter | null | undefined,
  ): Promise<ListQuery<CoordinationMeeting>> {
    requireAction(ctx, 'coordination:read');
    const where = new Where()
      .subtree('mt.region_path', await scopePath(ctx, filter?.regionCode))
      .id('mt.organization_id', filter?.organizationId, 'organizationId')
      .days(
        'mt.held_on',
        { from: filter?.heldFrom, to: filter?.heldTo },
        { from: 'heldFrom', to: 'heldTo' },
        'date',
      );
    if (filter?.organizationId != null) {
      const organization = await inScope(ctx, (m) =>
        this.organizations.byId(m, parseId(filter.organizationId, 'organizationId')),
      );
      if (!organization)
        throw AppError.badInput(`Organisation ${filter.organizationId} was not found.`, 'organizationId');
    }
    return {
      from: 'coordination_meeting mt',
      columns: MEETING_COLUMNS,
      where,
      sort: inOrder('coordination_meeting mt', ['HELD_ON', 'heldOn', SortDirection.DESC]),
    };
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
    const organizationId = parseId(input.organizationId, 'organizationId');
    const seen = new Set<string>();
    const decisions = input.decisions.map((d, i) => {
      const caseId = parseId(d.caseId, `decisions.${i}.caseId`);
      if (seen.has(caseId))
        throw AppError.badInput('Each case is decided once per meeting.', `decisions.${i}.caseId`);
      seen.add(caseId);
      return { caseId, decision: checkText(d.decision, `decisions.${i}.decision`, 2000) };
    });

    return atomically(ctx, async (m) => {
      const centre = await this.organizations.byId(m, organizationId);
      if (!centre || centre.kind !== 'COORDINATION_CENTRE')
        throw AppError.badInput(
          `Organisation ${input.organizationId} is not a coordination centre.`,
          'organizationId',
        );
      if (!isWithin(centre.path, principal.jurisdiction.path))
        throw new AppError('FORBIDDEN', `Organisation ${centre.id} is outside your jurisdiction.`);

      // Cases the caller may see (row-level security), locked so their state cannot move under the timeline row.
      const rows: { id: string; state: DisputeCaseState; path: string }[] = decisions.length
        ? await m.query(
            `SELECT id::text AS id, state, region_path::text AS path FROM dispute_case
             WHERE id = ANY($1::uuid[]) FOR SHARE`,
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
        await this.disputeCases.appendEvents(
          ctx,
          m,
          decided.map((d) => ({
            caseId: d.id,
            command: 'coordinationDecision' as const,
            from: d.state,
            to: d.state,
            details: { meetingId: meeting.id, decision: d.decision },
          })),
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
