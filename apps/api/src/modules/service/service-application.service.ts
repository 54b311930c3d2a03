import {
  applicantMayTake,
  availableServiceCommands,
  chinaDay,
  completedOnTime,
  fitsServiceItem,
  maskIdNumber,
  maskPhone,
  normalizePhone,
  SERVICE_APPLICATION_MACHINE,
  SERVICE_POINT_LEVELS,
  SERVICE_QUEUES,
  validateIdNumber,
  whyIneligible,
  workingDayDeadline,
  workingDaysBetween,
  type ServiceApplicationCommand,
  type ServiceApplicationCommandDetails,
  type ServiceApplicationState,
} from '@qiangji/domain';
import { validateFormAnswers } from '@qiangji/domain/forms';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { lockedRow, runCommand, type CommandStep, type CommandTarget } from '../../common/command';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { creatorOf, idempotency, replay } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import type { PersonalDataCipher } from '../../common/personal-data';
import { checkText, getById, optionalText, Params, updateReturning, Where } from '../../common/sql';
import { appendTimelineSql, timelinesOf, defineTimeline } from '../../common/timeline';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { CHINA_TODAY, overdueSql, queueSql } from './service-application.sql';
import type {
  ActingPersonInput,
  BookServiceAppointmentInput,
  ResubmitServiceApplicationInput,
  ReturnServiceApplicationInput,
  ServiceApplication,
  ServiceApplicationEvent,
  ServiceApplicationFilter,
  ServiceApplicationReasonInput,
  ServiceApplicationStepInput,
  ServiceQueueCount,
  SubmitServiceApplicationInput,
} from './service-application.types';
import type { ServiceItemService } from './service-item.service';
import type { WorkCalendarService } from './work-calendar.service';

export const APPLICATION_COLUMNS = `a.id, a.number, a.item_id AS "itemId", a.category, a.region_code AS "regionCode",
  a.resident_id AS "residentId", a.channel,
  CASE WHEN a.acting_name IS NULL THEN NULL ELSE json_build_object('name', a.acting_name,
    'relationship', a.acting_relationship, 'idNumber', a.acting_id_number_masked, 'phone', a.acting_phone_masked)
  END AS "actingFor",
  a.answers, a.materials, a.state, a.on_site AS "onSite", a.time_limit_days AS "timeLimitDays",
  a.submitted_at AS "submittedAt", a.accepted_at AS "acceptedAt", a.due_at AS "dueAt", a.completed_at AS "completedAt",
  ${overdueSql('a')} AS overdue,
  CASE WHEN a.slot_id IS NULL THEN NULL ELSE json_build_object('slotId', a.slot_id, 'day', a.appointment_day,
    'startsAt', to_char(a.appointment_starts_at, 'HH24:MI')) END AS appointment,
  a.no_shows AS "noShows", a.return_reason AS "returnReason", a.reject_reason AS "rejectReason",
  a.withdraw_reason AS "withdrawReason", a.working_days AS "workingDays", a.on_time AS "onTime", a.version,
  a.updated_at AS "updatedAt", a.created_by AS "createdBy"`;
const RETURNING = APPLICATION_COLUMNS.replaceAll('a.', 'service_application.');

type ApplicationRow = ServiceApplication & {
  path: string;
  slotId: string | null;
  appointmentDay: string | null;
};
type Details = ServiceApplicationCommandDetails;
type Step<C extends ServiceApplicationCommand> = (
  a: ApplicationRow,
  m: EntityManager,
) => CommandStep<Details[C]> | Promise<CommandStep<Details[C]>>;

/** Applications (办件): submitted for a registered resident, moved through SERVICE_APPLICATION_MACHINE. */
/** The applications' timeline: the submission and each step. */
const APPLICATION_TIMELINE = defineTimeline(
  'service_application_event',
  'service_application',
  'application_id',
  'applicationId',
);

export class ServiceApplicationService {
  private readonly target: CommandTarget<ServiceApplicationState, Details, ApplicationRow> = {
    ref: { table: 'service_application', label: 'Service application' },
    entityType: 'ServiceApplication',
    auditPrefix: 'serviceApplication',
    machine: SERVICE_APPLICATION_MACHINE,
    returning: RETURNING,
    load: lockedRow(
      'service_application',
      'a',
      `${APPLICATION_COLUMNS}, a.slot_id AS "slotId", a.appointment_day::text AS "appointmentDay"`,
    ),
    timeline: APPLICATION_TIMELINE,
    permits: (ctx, a, command) => applicantMayTake(a, command) && this.isApplicantsPortal(ctx, a),
  };

  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
    private readonly items: ServiceItemService,
    private readonly calendars: WorkCalendarService,
  ) {}

  /** The buttons the caller has on an application: a staff member's by role, a portal's on what it submitted. */
  availableCommands(ctx: RequestContext, a: ServiceApplication) {
    return availableServiceCommands(a, ctx.principal?.roles ?? [], this.isApplicantsPortal(ctx, a));
  }

  /** The caller is the portal (an API key that may apply) that submitted the application for the resident. */
  private isApplicantsPortal(ctx: RequestContext, a: { createdBy: string }): boolean {
    const principal = ctx.principal;
    return (
      principal?.kind === 'API_KEY' &&
      principal.actions.has('service:apply') &&
      a.createdBy === creatorOf(principal)
    );
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<ServiceApplication[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${APPLICATION_COLUMNS} FROM service_application a WHERE a.id = ANY($1::uuid[])`, [ids]),
    );
  }

  timelineOf(ctx: RequestContext, ids: readonly string[]): Promise<ServiceApplicationEvent[]> {
    return timelinesOf(ctx, APPLICATION_TIMELINE, ids);
  }

  get(ctx: RequestContext, id: string): Promise<ServiceApplication> {
    requireAction(ctx, 'service:read');
    return getById((ids) => this.findByIds(ctx, ids), id, 'Service application');
  }

  /** Newest submission first; a queue is a work list of the service point, with the rest of the filter. */
  async list(ctx: RequestContext, filter: ServiceApplicationFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: ServiceApplicationFilter | null | undefined,
  ): Promise<ListQuery<ServiceApplication>> {
    requireAction(ctx, 'service:read');
    const where = new Where()
      .subtree('a.region_path', await scopePath(ctx, filter?.regionCode))
      .anyOf('a.state', filter?.state)
      .flag(filter?.overdue, overdueSql('a'), `NOT ${overdueSql('a')}`)
      .id('a.item_id', filter?.itemId, 'itemId')
      .id('a.resident_id', filter?.residentId, 'residentId')
      .days(
        'a.submitted_at',
        { from: filter?.submittedFrom, to: filter?.submittedTo },
        { from: 'submittedFrom', to: 'submittedTo' },
        'timestamptz',
      )
      .contains(['a.number'], filter?.q);
    if (filter?.queue) where.add(queueSql[filter.queue]('a'));
    return {
      from: 'service_application a',
      columns: APPLICATION_COLUMNS,
      where,
      sort: fixedSort(
        'SUBMITTED_AT',
        {
          expr: 'a.submitted_at',
          value: (a) => new Date(a.submittedAt).toISOString(),
          direction: SortDirection.DESC,
        },
        { expr: 'a.id', of: (a) => a.id },
      ),
    };
  }

  /** The size of each work queue in a subtree, in one statement. */
  async queueCounts(
    ctx: RequestContext,
    regionCode: string | null | undefined,
  ): Promise<ServiceQueueCount[]> {
    requireAction(ctx, 'service:read');
    const path = await scopePath(ctx, regionCode);
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `SELECT ${SERVICE_QUEUES.map((q) => `count(*) FILTER (WHERE ${queueSql[q]('a')})::int AS "${q}"`).join(', ')}
         FROM service_application a WHERE a.region_path <@ $1::ltree
           AND a.state IN ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'APPOINTMENT_BOOKED', 'HANDLED_ON_SITE')`,
        [path],
      ),
    );
    return SERVICE_QUEUES.map((queue) => ({ queue, count: row[queue] }));
  }

  async submit(ctx: RequestContext, input: SubmitServiceApplicationInput): Promise<ServiceApplication> {
    const principal = requireAction(ctx, 'service:apply');
    const path = await scopePath(ctx, input.regionCode);
    const itemId = parseId(input.itemId, 'itemId');
    const residentId = parseId(input.residentId, 'residentId');
    const idem = idempotency(principal, input);
    const acting = input.actingFor ? this.actingPerson(input.actingFor) : null;
    return atomically(ctx, async (m) => {
      const point = await ctx.services.region.get(ctx, input.regionCode);
      const item = await this.items.offeredItem(m, itemId, path);
      if (!SERVICE_POINT_LEVELS[item.servicePoint].includes(point!.level))
        throw AppError.badInput(
          `The item is handled at a ${item.servicePoint.toLowerCase()} service point.`,
          'regionCode',
        );
      const answers = validateFormAnswers(item.formSchema, input.answers);
      const materials = onChecklist(item.materials, input.materials);
      const applicant = (await ctx.services.residents.applicantsOf(ctx, m, [residentId])).get(residentId);
      if (!applicant) throw AppError.badInput(`Resident ${residentId} was not found.`, 'residentId');
      const submittedAt = new Date();
      const ineligible = whyIneligible(item, applicant, chinaDay(submittedAt));
      if (ineligible) throw AppError.badInput(ineligible, 'residentId');
      const calendar = await this.calendars.calendar(ctx, m);
      const [created]: ServiceApplication[] = await m.query(
        `INSERT INTO service_application AS a (number, item_id, category, region_code, resident_id, channel,
           acting_name, acting_relationship, acting_id_number_encrypted, acting_id_number_masked,
           acting_phone_encrypted, acting_phone_masked, answers, materials, state, on_site, time_limit_days,
           submitted_at, due_at, idempotency_key, idempotency_hash, created_by)
         VALUES ('BJ' || to_char($16::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
             lpad(nextval('service_application_number')::text, 6, '0'),
           $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::text[], 'SUBMITTED', $14, $15, $16, $17,
           $18, $19, $20)
         ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING ${APPLICATION_COLUMNS}`,
        [
          itemId,
          item.category,
          input.regionCode,
          residentId,
          input.channel,
          acting?.name ?? null,
          acting?.relationship ?? null,
          acting && this.cipher.encrypt(acting.idNumber),
          acting && maskIdNumber(acting.idNumber),
          acting?.phone ? this.cipher.encrypt(acting.phone) : null,
          acting?.phone ? maskPhone(acting.phone) : null,
          JSON.stringify(answers),
          materials,
          item.onSite,
          item.timeLimitDays,
          submittedAt,
          workingDayDeadline(submittedAt, item.timeLimitDays, calendar),
          idem.key,
          idem.hash,
          idem.createdBy,
        ],
      );
      if (!created)
        return replay<ServiceApplication>(
          m,
          { table: 'service_application', alias: 'a', columns: APPLICATION_COLUMNS },
          idem,
        );
      const p = new Params();
      const entry = {
        command: 'submit',
        from: null,
        to: 'SUBMITTED' as const,
        details: { channel: input.channel },
      };
      await m.query(
        appendTimelineSql(ctx, APPLICATION_TIMELINE, [{ objectId: created.id, ...entry }], p),
        p.params,
      );
      await this.audit.record(ctx, m, {
        action: 'serviceApplication.submit',
        entityType: 'ServiceApplication',
        entityId: created.id,
        changes: {
          state: { new: 'SUBMITTED' },
          itemId: { new: itemId },
          residentId: { new: residentId },
          ...(acting && { actingFor: { new: `${acting.name} (${acting.relationship})` } }),
        },
        regionPath: path,
      });
      return created;
    });
  }

  private actingPerson(input: ActingPersonInput) {
    const check = validateIdNumber(input.idNumber);
    if (!check.ok)
      throw AppError.badInput(`The ID number is not valid: ${check.reason}`, 'actingFor.idNumber');
    const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
    if (input.phone?.trim() && !phone) throw AppError.badInput('Not a phone number.', 'actingFor.phone');
    return {
      name: checkText(input.name, 'actingFor.name', 50),
      relationship: checkText(input.relationship, 'actingFor.relationship', 20),
      idNumber: check.idNumber,
      phone,
    };
  }

  accept(ctx: RequestContext, input: ServiceApplicationStepInput) {
    return this.run(ctx, input, 'accept', () => ({
      set: { accepted_at: new Date() },
      details: { note: optionalText(input.note, 'note', 1000) },
    }));
  }

  /** SUBMITTED → RETURNED: the clock stops until the material comes (the deadline restarts on resubmission). */
  returnForMaterial(ctx: RequestContext, input: ReturnServiceApplicationInput) {
    return this.run(ctx, input, 'returnForMaterial', () => {
      const missing = input.missing.map((name, i) => checkText(name, `missing.${i}`, 100));
      if (!missing.length) throw AppError.badInput('Name the missing material.', 'missing');
      const note = optionalText(input.note, 'note', 1000);
      return {
        set: { return_reason: [missing.join('、'), note].filter(Boolean).join('：'), due_at: null },
        details: { missing, note },
      };
    });
  }

  resubmit(ctx: RequestContext, input: ResubmitServiceApplicationInput) {
    return this.run(ctx, input, 'resubmit', async (a, m) => {
      const [item]: { materials: { name: string }[] }[] = await m.query(
        `SELECT materials FROM service_item WHERE id = $1`,
        [a.itemId],
      );
      const materials = onChecklist(item.materials, input.materials);
      const now = new Date();
      const calendar = await this.calendars.calendar(ctx, m);
      return {
        set: {
          materials,
          submitted_at: now,
          due_at: workingDayDeadline(now, a.timeLimitDays, calendar),
        },
        details: { materials },
      };
    });
  }

  reject(ctx: RequestContext, input: ServiceApplicationReasonInput) {
    return this.run(ctx, input, 'reject', () => {
      const reason = checkText(input.reason, 'reason', 500, 2);
      return { set: { reject_reason: reason, ended_at: new Date() }, details: { reason } };
    });
  }

  /** ACCEPTED → APPOINTMENT_BOOKED: a place in a slot of the service point; the last place goes to one caller only. */
  bookAppointment(ctx: RequestContext, input: BookServiceAppointmentInput) {
    const slotId = parseId(input.slotId, 'slotId');
    return this.run(ctx, input, 'bookAppointment', async (a, m) => {
      // The row lock serialises concurrent bookings; the second re-reads `booked` and finds no room.
      const [slot] = await updateReturning<{ day: string; startsAt: string; endsAt: string }>(
        m,
        `UPDATE service_slot SET booked = booked + 1
         WHERE id = $1 AND region_code = $2 AND booked < capacity AND day >= ${CHINA_TODAY}
         RETURNING day::text AS day, to_char(starts_at, 'HH24:MI') AS "startsAt", to_char(ends_at, 'HH24:MI') AS "endsAt"`,
        [slotId, a.regionCode],
      );
      if (!slot) return this.whyNotBookable(m, slotId, a.regionCode);
      return {
        set: { slot_id: slotId, appointment_day: slot.day, appointment_starts_at: slot.startsAt },
        details: { slotId, day: slot.day, startsAt: slot.startsAt, endsAt: slot.endsAt },
      };
    });
  }

  private async whyNotBookable(m: EntityManager, slotId: string, regionCode: string): Promise<never> {
    const [slot] = await m.query(
      `SELECT region_code AS "regionCode", day < ${CHINA_TODAY} AS past FROM service_slot WHERE id = $1`,
      [slotId],
    );
    if (!slot || slot.regionCode !== regionCode)
      throw AppError.badInput('That slot is not one of the service point’s.', 'slotId');
    if (slot.past) throw AppError.badInput('That slot is in the past.', 'slotId');
    throw new AppError('CONFLICT', 'That slot is fully booked; choose another.');
  }

  /** APPOINTMENT_BOOKED → ACCEPTED: the applicant did not come; book again. */
  recordNoShow(ctx: RequestContext, input: ServiceApplicationStepInput) {
    return this.run(ctx, input, 'recordNoShow', (a) => {
      if (a.appointmentDay! > chinaDay()) throw AppError.badInput('The appointment has not come yet.', 'id');
      return {
        set: { no_shows: a.noShows + 1, slot_id: null, appointment_day: null, appointment_starts_at: null },
        details: { day: a.appointmentDay! },
      };
    });
  }

  handleOnSite(ctx: RequestContext, input: ServiceApplicationStepInput) {
    return this.run(ctx, input, 'handleOnSite', () => ({
      set: { handled_on_site_at: new Date() },
      details: { note: optionalText(input.note, 'note', 1000) },
    }));
  }

  complete(ctx: RequestContext, input: ServiceApplicationStepInput) {
    return this.run(ctx, input, 'complete', async (a, m) => {
      const now = new Date();
      const calendar = await this.calendars.calendar(ctx, m);
      const workingDays = workingDaysBetween(chinaDay(a.submittedAt), chinaDay(now), calendar);
      const onTime = completedOnTime(now, a.dueAt!);
      return {
        set: { completed_at: now, ended_at: now, working_days: workingDays, on_time: onTime },
        details: { note: optionalText(input.note, 'note', 1000), workingDays, onTime },
      };
    });
  }

  /** Before completion, for the applicant (who told the window or the portal); a booked place is given back. */
  withdraw(ctx: RequestContext, input: ServiceApplicationReasonInput) {
    return this.run(ctx, input, 'withdraw', async (a, m) => {
      const reason = checkText(input.reason, 'reason', 500, 2);
      if (a.state === 'APPOINTMENT_BOOKED' && a.slotId)
        await m.query(
          `UPDATE service_slot SET booked = booked - 1 WHERE id = $1 AND day >= ${CHINA_TODAY} AND booked > 0`,
          [a.slotId],
        );
      return { set: { withdraw_reason: reason, ended_at: new Date() }, details: { reason } };
    });
  }

  private run<C extends ServiceApplicationCommand>(
    ctx: RequestContext,
    input: { id: string; expectedVersion: number },
    command: C,
    step: Step<C>,
  ): Promise<ServiceApplication> {
    requireAction(ctx, 'service:read');
    return runCommand(ctx, this.target, input, command, (a, m) => {
      if (!fitsServiceItem(a, command))
        throw new AppError(
          'INVALID_TRANSITION',
          `An application for ${a.onSite ? 'an on-site' : 'a desk'} item in ${a.state} cannot ${command}.`,
          {
            from: a.state,
            to: SERVICE_APPLICATION_MACHINE.rules[command].to ?? a.state,
          },
        );
      return step(a, m);
    });
  }
}

/** The materials named, each once, all on the item's checklist; else BAD_USER_INPUT on the one that is not. */
function onChecklist(checklist: readonly { name: string }[], given: readonly string[]): string[] {
  const names = new Set(checklist.map((mat) => mat.name));
  const materials = [...new Set(given)];
  materials.forEach((name, i) => {
    if (!names.has(name))
      throw AppError.badInput(`${name} is not on the item's checklist.`, `materials.${i}`);
  });
  return materials;
}
