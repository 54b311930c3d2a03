import {
  ASSISTANCE_MACHINE,
  chinaDay,
  incomeGrowth,
  type AssistanceCommandDetails,
  type AssistanceState,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { lockedRow, runCommand, type CommandStep, type CommandTarget } from '../../common/command';
import { listPage, orderedQuery, SortDirection } from '../../common/connection';
import type { ListQuery, PageArgs } from '../../common/connection';
import { idempotency, insertOnce } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import { checkText, getById, pastDay, Params, Where } from '../../common/sql';
import { appendTimelineSql, timelinesOf, defineTimeline } from '../../common/timeline';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { CadreService } from './cadre.service';
import type {
  AbandonAssistanceInput,
  Assistance,
  AssistanceCommandInput,
  AssistanceEffect,
  AssistanceEvent,
  AssistanceFilter,
  CompleteAssistanceInput,
  HouseholdIncome,
  PlanAssistanceInput,
  RecordHouseholdIncomeInput,
} from './visit.types';
import type { VisitService } from './visit.service';

export const ASSISTANCE_COLUMNS = `a.id, a.household_id AS "householdId", a.posting_id AS "postingId",
  a.cadre_id AS "cadreId", (SELECT p.cadre_name FROM posting p WHERE p.id = a.posting_id) AS "cadreName",
  a.work_unit_id AS "workUnitId", a.region_code AS "regionCode", a.type, a.description,
  a.amount_yuan::float8 AS "amountYuan", a.state, a.planned_on::text AS "plannedOn", a.started_on::text AS "startedOn",
  a.done_on::text AS "doneOn", a.abandoned_on::text AS "abandonedOn", a.outcome, a.abandon_reason AS "abandonReason",
  a.version`;
const RETURNING = ASSISTANCE_COLUMNS.replaceAll('a.', '');
const INCOME_COLUMNS = `i.household_id AS "householdId", i.year, i.income_yuan::float8 AS "incomeYuan"`;

type AssistanceRow = Assistance & { path: string };
type Details = AssistanceCommandDetails;

/** Assistance (帮扶) through its machine, and the household incomes that measure it. */
/** The assistance's timeline: its plan and each step. */
const ASSISTANCE_TIMELINE = defineTimeline('assistance_event', 'assistance', 'assistance_id', 'assistanceId');

export class AssistanceService {
  private readonly target: CommandTarget<AssistanceState, Details, AssistanceRow> = {
    ref: { table: 'assistance', label: 'Assistance' },
    entityType: 'Assistance',
    auditPrefix: 'assistance',
    machine: ASSISTANCE_MACHINE,
    returning: RETURNING,
    load: lockedRow('assistance', 'a', ASSISTANCE_COLUMNS),
    timeline: ASSISTANCE_TIMELINE,
  };

  constructor(
    private readonly audit: AuditService,
    private readonly cadres: CadreService,
    private readonly visits: VisitService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Assistance[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${ASSISTANCE_COLUMNS} FROM assistance a WHERE a.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** What a posting inherits: the open assistance of its village, whoever planned it. */
  openInVillages(ctx: RequestContext, villageCodes: readonly string[]) {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${ASSISTANCE_COLUMNS}, p.region_code AS "villageCode" FROM assistance a
         JOIN posting p ON p.id = a.posting_id
         WHERE p.region_code = ANY($1) AND a.state IN ('PLANNED', 'IN_PROGRESS') ORDER BY a.planned_on, a.id`,
        [villageCodes],
      ),
    ) as Promise<(Assistance & { villageCode: string })[]>;
  }

  eventsOf(ctx: RequestContext, ids: readonly string[]): Promise<AssistanceEvent[]> {
    return timelinesOf(ctx, ASSISTANCE_TIMELINE, ids);
  }

  get(ctx: RequestContext, id: string): Promise<Assistance> {
    requireAction(ctx, 'village:read');
    return getById((ids) => this.findByIds(ctx, ids), id, 'Assistance');
  }

  /** Newest plan first. */
  async list(ctx: RequestContext, filter: AssistanceFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: AssistanceFilter | null | undefined,
  ): Promise<ListQuery<Assistance>> {
    requireAction(ctx, 'village:read');
    const where = new Where()
      .subtree('a.region_path', await scopePath(ctx, filter?.regionCode))
      .id('a.cadre_id', filter?.cadreId, 'cadreId')
      .id('a.work_unit_id', filter?.workUnitId, 'workUnitId')
      .id('a.household_id', filter?.householdId, 'householdId')
      .anyOf('a.type', filter?.type)
      .anyOf('a.state', filter?.state)
      .days(
        'a.planned_on',
        { from: filter?.plannedFrom, to: filter?.plannedTo },
        { from: 'plannedFrom', to: 'plannedTo' },
        'date',
      );
    return orderedQuery<Assistance>(['PLANNED_ON', 'plannedOn', SortDirection.DESC], {
      from: 'assistance a',
      columns: ASSISTANCE_COLUMNS,
      where,
    });
  }

  /** → PLANNED, under an active posting in the household's village, like a visit. */
  async plan(ctx: RequestContext, input: PlanAssistanceInput): Promise<Assistance> {
    const principal = requireAction(ctx, 'visit:write');
    const householdId = parseId(input.householdId, 'householdId');
    const postingId = input.postingId == null ? null : parseId(input.postingId, 'postingId');
    const description = checkText(input.description, 'description', 2000);
    const plannedOn = pastDay(input.plannedOn, 'plannedOn');
    if (input.amountYuan != null && input.amountYuan < 0)
      throw AppError.badInput('amountYuan is whole yuan, 0 or more.', 'amountYuan');
    const idem = idempotency(principal, input);
    const first = { table: 'assistance', alias: 'a', columns: ASSISTANCE_COLUMNS };
    return atomically(ctx, async (m) => {
      const household = await this.visits.householdPlace(ctx, m, householdId, 'assistance.plan');
      const posting = await this.cadres.activePostingFor(ctx, m, household.path, postingId);
      const { row: created, replayed } = await insertOnce<Assistance>(
        m,
        first,
        {
          household_id: householdId,
          posting_id: posting.id,
          cadre_id: posting.cadreId,
          work_unit_id: posting.workUnitId,
          region_code: household.regionCode,
          type: input.type,
          description,
          amount_yuan: input.amountYuan ?? null,
          state: 'PLANNED',
          planned_on: plannedOn,
        },
        idem,
      );
      if (replayed) return created;
      // Its timeline's first row and its audit row in one statement.
      const p = new Params();
      const birth = { command: 'plan', from: null, to: 'PLANNED', details: { on: plannedOn } };
      await m.query(
        `WITH event AS (${appendTimelineSql(ctx, ASSISTANCE_TIMELINE, [{ objectId: created.id, ...birth }], p)})
         ${this.audit.insertSql(
           ctx,
           {
             action: 'assistance.plan',
             entityType: 'Assistance',
             entityId: created.id,
             changes: {
               state: { new: 'PLANNED' },
               type: { new: input.type },
               householdId: { new: householdId },
             },
             regionPath: household.path,
           },
           p,
         )}`,
        p.params,
      );
      return created;
    });
  }

  start(ctx: RequestContext, input: AssistanceCommandInput) {
    const on = pastDay(input.on, 'on');
    return this.run(ctx, input, 'start', (a) => {
      if (on < a.plannedOn) throw AppError.badInput('on is before the assistance was planned.', 'on');
      return { set: { started_on: on }, details: { on } };
    });
  }

  complete(ctx: RequestContext, input: CompleteAssistanceInput) {
    const on = pastDay(input.on, 'on');
    const outcome = checkText(input.outcome, 'outcome', 2000, 2);
    return this.run(ctx, input, 'complete', (a) => {
      if (on < (a.startedOn ?? a.plannedOn)) throw AppError.badInput('on is before the work started.', 'on');
      return { set: { done_on: on, outcome }, details: { on, outcome } };
    });
  }

  abandon(ctx: RequestContext, input: AbandonAssistanceInput) {
    const on = pastDay(input.on, 'on');
    const reason = checkText(input.reason, 'reason', 1000, 2);
    return this.run(ctx, input, 'abandon', (a) => {
      if (on < a.plannedOn) throw AppError.badInput('on is before the assistance was planned.', 'on');
      return { set: { abandoned_on: on, abandon_reason: reason }, details: { on, reason } };
    });
  }

  private run<C extends keyof Details>(
    ctx: RequestContext,
    input: { id: string; expectedVersion: number },
    command: C,
    step: (a: AssistanceRow, m: EntityManager) => CommandStep<Details[C]>,
  ): Promise<Assistance> {
    requireAction(ctx, 'visit:write');
    return runCommand(ctx, this.target, input, command, step);
  }

  incomesOf(ctx: RequestContext, householdIds: readonly string[]): Promise<HouseholdIncome[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${INCOME_COLUMNS} FROM household_income i WHERE i.household_id = ANY($1::uuid[])
         ORDER BY i.household_id, i.year`,
        [householdIds],
      ),
    );
  }

  /** A year's income of a household: recorded, or corrected (audited with the old figure). */
  async recordIncome(ctx: RequestContext, input: RecordHouseholdIncomeInput): Promise<HouseholdIncome> {
    requireAction(ctx, 'visit:write');
    const householdId = parseId(input.householdId, 'householdId');
    const thisYear = Number(chinaDay().slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < 1949 || input.year > thisYear)
      throw AppError.badInput(`year is from 1949 to ${thisYear}.`, 'year');
    if (!Number.isSafeInteger(input.incomeYuan) || input.incomeYuan < 0)
      throw AppError.badInput('incomeYuan is whole yuan, 0 or more.', 'incomeYuan');
    return atomically(ctx, async (m) => {
      const household = await this.visits.householdPlace(ctx, m, householdId, 'householdIncome.record');
      const [row] = await m.query(
        `WITH old AS (SELECT income_yuan FROM household_income WHERE household_id = $1 AND year = $3 FOR UPDATE)
         INSERT INTO household_income AS i (household_id, region_code, year, income_yuan) VALUES ($1, $2, $3, $4)
         ON CONFLICT (household_id, year) DO UPDATE SET income_yuan = EXCLUDED.income_yuan,
           version = i.version + 1, updated_at = now()
         RETURNING ${INCOME_COLUMNS}, (SELECT income_yuan::float8 FROM old) AS "old"`,
        [householdId, household.regionCode, input.year, input.incomeYuan],
      );
      await this.audit.record(ctx, m, {
        action: 'householdIncome.record',
        entityType: 'Household',
        entityId: householdId,
        changes: { [`income${input.year}`]: { old: row.old, new: input.incomeYuan } },
        regionPath: household.path,
      });
      delete row.old;
      return row;
    });
  }

  /** The household's income the year before the plan and the latest year since it was done. */
  static effect(a: Assistance, incomes: HouseholdIncome[]): AssistanceEffect {
    const planned = Number(a.plannedOn.slice(0, 4));
    const before = incomes.filter((i) => i.year < planned).at(-1) ?? null;
    const after =
      a.doneOn == null
        ? null
        : (incomes.filter((i) => i.year >= Number(a.doneOn!.slice(0, 4))).at(-1) ?? null);
    const growth =
      before && after
        ? incomeGrowth([
            { year: before.year, income: before.incomeYuan },
            { year: after.year, income: after.incomeYuan },
          ])
        : null;
    return { before, after, growth };
  }
}
