import {
  assessDisputeRisk,
  type DisputeCaseOutcome,
  DISPUTE_CASE_MACHINE,
  DISPUTE_PLACE_LEVELS,
  disputeCaseDeadline,
  maskPhone,
  normalizePhone,
  readsOwnCasesOnly,
  type DisputeCaseCommand,
  type DisputeCaseCommandDetails,
  type DisputeCaseEventDetails,
  type DisputeCaseEventKind,
  type DisputeCaseState,
  type TimeLimits,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { runCommand, type CommandStep, type CommandTarget } from '../../common/command';
import { listPage, sortBy, SortDirection, type ListQuery, type PageArgs } from '../../common/connection';
import { idempotency, replay } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import { columnsFor, keepAhead, type FieldColumns } from '../../common/look-ahead';
import type { PersonalDataCipher } from '../../common/personal-data';
import { checkText, optionalText, Params, pastDay, prepared, Where } from '../../common/sql';
import { appendTimelineSql, defineTimeline } from '../../common/timeline';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { DisputeCaseEvent } from './dispute-case-event.types';
import { atRiskSql, overdueSql, ownCasesSql } from './dispute-case.sql';
import {
  DisputeCaseOrderField,
  type AcceptDisputeCaseInput,
  type AssignMediatorInput,
  type CloseDisputeCaseInput,
  type ConcludeWithAgreementInput,
  type ConcludeWithoutAgreementInput,
  type DeclineDisputeCaseInput,
  type DisputeCase,
  type DisputeCaseFilter,
  type DisputeCaseOrderBy,
  type DisputeParty,
  type EscalateDisputeCaseInput,
  type RecordFollowUpInput,
  type RecordSessionInput,
  type WithdrawDisputeCaseInput,
  type RegisterDisputeCaseInput,
} from './dispute-case.types';
import { mediatorFromJson, mediatorJsonSql, type MediatorService } from './mediator.service';
import type { Mediator } from './mediator.types';
import type { OrganizationService } from './organization.service';

/** A case's columns by GraphQL field (`columnsFor`), and what the case's field resolvers read. */
const CASE_FIELDS: FieldColumns = {
  columns: {
    id: 'c.id',
    number: 'c.number',
    channel: 'c.channel',
    type: 'c.type',
    title: 'c.title',
    description: 'c.description',
    regionCode: 'c.region_code AS "regionCode"',
    amountAtStake: 'c.amount_at_stake::text AS "amountAtStake"',
    peopleInvolved: 'c.people_involved AS "peopleInvolved"',
    householdsInvolved: 'c.households_involved AS "householdsInvolved"',
    threats: 'c.threats',
    risk: 'c.risk',
    riskReasons: 'c.risk_reasons AS "riskReasons"',
    state: 'c.state',
    outcome: 'c.outcome',
    declineReason: 'c.decline_reason AS "declineReason"',
    referral: 'c.referral',
    agreement: 'c.agreement',
    honoured: 'c.honoured',
    receivedAt: 'c.received_at AS "receivedAt"',
    acceptedAt: 'c.accepted_at AS "acceptedAt"',
    concludedAt: 'c.concluded_at AS "concludedAt"',
    closedAt: 'c.closed_at AS "closedAt"',
    dueAt: 'c.due_at AS "dueAt"',
    atRiskAt: 'c.at_risk_at AS "atRiskAt"',
    version: 'c.version',
    createdAt: 'c.created_at AS "createdAt"',
    updatedAt: 'c.updated_at AS "updatedAt"',
    organizationId: 'c.organization_id AS "organizationId"',
    originOrganizationId: 'c.origin_organization_id AS "originOrganizationId"',
    mediatorId: 'c.mediator_id AS "mediatorId"',
    organizationPath: `(SELECT o.region_path::text FROM mediation_organization o WHERE o.id = c.organization_id)
      AS "organizationPath"`,
  },
  needs: {
    region: ['regionCode'],
    organization: ['organizationId'],
    originOrganization: ['originOrganizationId'],
    mediator: ['mediatorId'],
    parties: ['id'],
    timeline: ['id'],
    deadlineStatus: ['state', 'dueAt', 'atRiskAt'],
    availableCommands: ['state', 'organizationPath'],
  },
  // The keys of the lists' sorts, which their cursors are made of.
  always: ['id', 'receivedAt', 'dueAt'],
};

export const CASE_COLUMNS = columnsFor(CASE_FIELDS, null);
const RETURNING = CASE_COLUMNS.replaceAll('c.', 'dispute_case.');
const CASE_INSTANTS = [
  'receivedAt',
  'acceptedAt',
  'concludedAt',
  'closedAt',
  'dueAt',
  'atRiskAt',
  'createdAt',
  'updatedAt',
] as const;

const PARTY_COLUMNS = `p.id, p.case_id AS "caseId", p.role, p.name, p.contact_masked AS contact,
  p.resident_id AS "residentId"`;

/**
 * What a read of cases may read ahead with each case, in its own statement: the relations the client asks for,
 * and the fields it selects of the case and of its mediator, to read only their columns (`columnsFor`).
 */
export interface CaseReadAhead {
  region?: boolean;
  mediator?: boolean;
  parties?: boolean;
  fields?: ReadonlySet<string>;
  mediatorFields?: ReadonlySet<string>;
}

/** The columns that read a case's relations ahead (`CaseReadAhead`), as JSON beside the case's own. */
function aheadColumns(ahead: CaseReadAhead): string {
  return [
    ahead.mediator && `, ${mediatorJsonSql('c.mediator_id', ahead.mediatorFields)} AS "aheadMediator"`,
    ahead.parties &&
      `, (SELECT coalesce(json_agg(p ORDER BY p.role, p.id), '[]') FROM (SELECT ${PARTY_COLUMNS}
         FROM dispute_party p WHERE p.case_id = c.id) p) AS "aheadParties"`,
  ]
    .filter(Boolean)
    .join('');
}

/** The case's columns the read's selection needs, and the relations it reads ahead. */
const caseColumns = (ahead: CaseReadAhead) =>
  columnsFor(CASE_FIELDS, ahead.fields ?? null) + aheadColumns(ahead);

type AheadRow = DisputeCase & { aheadMediator?: Mediator | null; aheadParties?: DisputeParty[] };

const EVENT_COLUMNS = `e.id::text AS id, e.case_id AS "caseId", e.at, e.command, e.from_state AS "fromState",
  e.to_state AS "toState", e.actor_name AS "actorName", e.details`;

const SORT = {
  RECEIVED_AT: {
    expr: 'c.received_at',
    value: (c: DisputeCase) => c.receivedAt.toISOString(),
    direction: SortDirection.DESC,
  },
  // Ended cases have no deadline: they sort after every open one, ascending.
  DUE_AT: {
    expr: `coalesce(c.due_at, 'infinity'::timestamptz)`,
    value: (c: DisputeCase) => (c.dueAt ? c.dueAt.toISOString() : 'infinity'),
  },
};

type CaseRow = DisputeCase & { path: string };
type Details = DisputeCaseCommandDetails;

/** One row of a case's timeline, as the mediation module writes it (commands, intake, meeting decisions). */
export interface CaseEventInput<K extends DisputeCaseEventKind = DisputeCaseEventKind> {
  caseId: string;
  command: K;
  from: DisputeCaseState | null;
  to: DisputeCaseState;
  details: DisputeCaseEventDetails[K];
}

/** The cases' timeline, whose one writer this service is. */
const CASE_TIMELINE = defineTimeline('dispute_case_event', 'dispute_case', 'case_id', 'caseId');

export class DisputeCaseService {
  /** How the command kit moves a case: the machine, the scoped row, who may act, deadlines, the timeline. */
  private readonly target: CommandTarget<DisputeCaseState, Details, CaseRow>;

  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
    private readonly organizations: OrganizationService,
    private readonly mediators: MediatorService,
    private readonly limits: TimeLimits,
  ) {
    this.target = {
      ref: { table: 'dispute_case', label: 'Dispute case' },
      entityType: 'DisputeCase',
      auditPrefix: 'disputeCase',
      machine: DISPUTE_CASE_MACHINE,
      returning: RETURNING,
      // A case the caller may not read (a mediator's, not its own) is not there for its commands either.
      load: async (ctx, m, id) => {
        const where = this.visibleTo(ctx, new Where());
        where.add(`c.id = ${where.param(id, 'uuid')}`);
        const [row] = await m.query(
          prepared(
            `SELECT ${CASE_COLUMNS}, c.region_path::text AS path FROM dispute_case c WHERE ${where} FOR UPDATE OF c`,
          ),
          where.params,
        );
        return row;
      },
      refusal: (ctx, c) =>
        DisputeCaseService.mayAct(ctx, c)
          ? null
          : 'The case is handled above your jurisdiction; you may read it only.',
      derive: (c, to, step) => {
        const deadline = disputeCaseDeadline(to, { ...c, ...step.clock }, this.limits);
        return { due_at: deadline?.dueAt ?? null, at_risk_at: deadline?.atRiskAt ?? null };
      },
      timeline: CASE_TIMELINE,
    };
  }

  async findByIds(
    ctx: RequestContext,
    ids: readonly string[],
    ahead: CaseReadAhead = {},
  ): Promise<DisputeCase[]> {
    const where = new Where();
    // One case (a case by id) by `=`, whose generic plan is the custom one: the statement is planned once.
    where.add(
      ids.length === 1
        ? `c.id = ${where.param(ids[0], 'uuid')}`
        : `c.id = ANY(${where.param(ids, 'uuid[]')})`,
    );
    this.visibleTo(ctx, where);
    const rows: AheadRow[] = await inScope(ctx, (m) =>
      m.query(prepared(`SELECT ${caseColumns(ahead)} FROM dispute_case c WHERE ${where}`), where.params),
    );
    return this.handAhead(ctx, rows, ahead);
  }

  /**
   * Hands what was read ahead with the cases to their fields' resolvers (`readAhead`), the places from the
   * region tree in memory: a field read ahead is a property read, with no statement or loader of its own.
   */
  private async handAhead(ctx: RequestContext, rows: AheadRow[], ahead: CaseReadAhead) {
    const regions = ahead.region
      ? new Map(
          (await ctx.services.region.findByCodes(ctx, [...new Set(rows.map((c) => c.regionCode))])).map(
            (r) => [r.code, r],
          ),
        )
      : null;
    for (const row of rows) {
      // Left on the row (GraphQL reads declared fields only): a `delete` would slow every other property read.
      const { aheadMediator, aheadParties } = row;
      if (aheadMediator !== undefined) keepAhead(row, 'mediator', mediatorFromJson(aheadMediator));
      if (aheadParties !== undefined) keepAhead(row, 'parties', aheadParties);
      if (regions) keepAhead(row, 'region', regions.get(row.regionCode) ?? null);
    }
    return rows;
  }

  partiesOf(ctx: RequestContext, caseIds: readonly string[]): Promise<DisputeParty[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${PARTY_COLUMNS} FROM dispute_party p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.role, p.id`,
        [caseIds],
      ),
    );
  }

  async timelineOf(ctx: RequestContext, caseIds: readonly string[]): Promise<DisputeCaseEvent[]> {
    const rows: DisputeCaseEvent[] = await inScope(ctx, (m) =>
      m.query(
        `SELECT ${EVENT_COLUMNS} FROM dispute_case_event e WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.case_id, e.id`,
        [caseIds],
      ),
    );
    return rows.map((e) => ({ ...e, details: { ...e.details, kind: e.command } }));
  }

  /** The timeline's one writer (intake, commands, meeting decisions): rows for many cases in one statement. */
  async appendEvents(
    ctx: RequestContext,
    m: EntityManager,
    events: readonly CaseEventInput[],
  ): Promise<void> {
    if (!events.length) return;
    const p = new Params();
    const steps = events.map(({ caseId, ...e }) => ({ objectId: caseId, ...e }));
    await m.query(appendTimelineSql(ctx, CASE_TIMELINE, steps, p), p.params);
  }

  async get(ctx: RequestContext, id: string, ahead: CaseReadAhead = {}): Promise<DisputeCase> {
    requireAction(ctx, 'dispute:read');
    const [row] = await this.findByIds(ctx, [parseId(id, 'id')], ahead);
    if (!row) throw AppError.notFound(`Dispute case ${id} was not found.`);
    return row;
  }

  async list(
    ctx: RequestContext,
    filter: DisputeCaseFilter | null | undefined,
    args: PageArgs & { orderBy?: DisputeCaseOrderBy | null },
    ahead: CaseReadAhead = {},
  ) {
    const query = await this.listQuery(ctx, filter, args.orderBy);
    const page = await listPage<AheadRow>(scoped(ctx), {
      ...query,
      // The columns of the selection, where an export of the same query reads all of them.
      columns: caseColumns(ahead),
      json: { instants: CASE_INSTANTS },
      args,
    });
    await this.handAhead(
      ctx,
      page.edges.map((e) => e.node),
      ahead,
    );
    return page;
  }

  /** The cases a list (or its export) selects, as the caller may read them. */
  async listQuery(
    ctx: RequestContext,
    filter: DisputeCaseFilter | null | undefined,
    orderBy: DisputeCaseOrderBy | null | undefined,
  ): Promise<ListQuery<DisputeCase>> {
    requireAction(ctx, 'dispute:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const where = new Where().subtree('c.region_path', path);
    if (filter?.regionOnly) where.add(`c.region_path = ${where.param(path, 'ltree')}`);
    where
      .anyOf('c.state', filter?.state)
      .anyOf('c.type', filter?.type)
      .anyOf('c.risk', filter?.risk)
      .anyOf('c.channel', filter?.channel)
      .flag(filter?.overdue, overdueSql('c'), `NOT ${overdueSql('c')}`)
      .flag(filter?.atRisk, atRiskSql('c'), `NOT coalesce(${atRiskSql('c')}, false)`)
      .days('c.accepted_at', { from: filter?.acceptedFrom, to: filter?.acceptedTo }, ACCEPTED, 'timestamptz')
      .days('c.received_at', { from: filter?.receivedFrom, to: filter?.receivedTo }, RECEIVED, 'timestamptz')
      .id('c.organization_id', filter?.organizationId, 'organizationId')
      .id('c.mediator_id', filter?.mediatorId, 'mediatorId')
      .contains(['c.number', 'c.title'], filter?.q);
    if (filter?.partyResidentId != null)
      where.add(`EXISTS (SELECT 1 FROM dispute_party p WHERE p.case_id = c.id
        AND p.resident_id = ${where.param(parseId(filter.partyResidentId, 'partyResidentId'), 'uuid')})`);
    this.visibleTo(ctx, where);
    return {
      from: 'dispute_case c',
      columns: CASE_COLUMNS,
      where,
      sort: sortBy(SORT, orderBy, DisputeCaseOrderField.RECEIVED_AT, { expr: 'c.id', of: (c) => c.id }),
    };
  }

  /** A caller who only mediates reads its own cases, not every case of its jurisdiction (`readsOwnCasesOnly`). */
  visibleTo(ctx: RequestContext, where: Where): Where {
    const principal = ctx.principal;
    if (principal?.kind === 'USER' && readsOwnCasesOnly(principal.roles))
      where.add(ownCasesSql('c', where.param(principal.id, 'uuid')));
    return where;
  }

  async register(ctx: RequestContext, input: RegisterDisputeCaseInput): Promise<DisputeCase> {
    const principal = requireAction(ctx, 'dispute:register');
    const path = await scopePath(ctx, input.regionCode);
    const title = checkText(input.title, 'title', 200);
    const description = checkText(input.description, 'description', 5000);
    const idem = idempotency(principal, input);
    if (!input.parties.length) throw AppError.badInput('Name at least one party.', 'parties');
    if (input.amountAtStake != null && !/^\d{1,12}(\.\d{1,2})?$/.test(input.amountAtStake))
      throw AppError.badInput('amountAtStake is yuan as a decimal string, e.g. "12000.50".', 'amountAtStake');
    const receivedAt = input.receivedAt ?? new Date();
    if (receivedAt.getTime() > Date.now() + 60_000)
      throw AppError.badInput('receivedAt cannot be in the future.', 'receivedAt');
    const risk = assessDisputeRisk({
      ...input,
      amountAtStake: input.amountAtStake ? Number(input.amountAtStake) : 0,
    });

    return atomically(ctx, async (m) => {
      const place = await ctx.services.region.get(ctx, input.regionCode);
      if (!DISPUTE_PLACE_LEVELS.includes(place!.level))
        throw AppError.badInput('Place the dispute in a community or village, or below it.', 'regionCode');
      const organization = await this.handlingOrganization(m, input.organizationId, path);
      const deadline = disputeCaseDeadline('RECEIVED', { receivedAt }, this.limits)!;
      const [created] = await m.query(
        `INSERT INTO dispute_case (number, channel, type, title, description, region_code, organization_id,
           origin_organization_id, amount_at_stake, people_involved, households_involved, threats, risk, risk_reasons,
           state, received_at, due_at, at_risk_at, idempotency_key, idempotency_hash, created_by)
         VALUES (to_char($15::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
             lpad(nextval('dispute_case_number')::text, 6, '0'),
           $1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, 'RECEIVED', $15, $13, $14, $16, $17, $18)
         ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING ${RETURNING}`,
        [
          input.channel,
          input.type,
          title,
          description,
          input.regionCode,
          organization.id,
          input.amountAtStake ?? null,
          input.peopleInvolved,
          input.householdsInvolved,
          input.threats,
          risk.level,
          risk.reasons,
          deadline.dueAt,
          deadline.atRiskAt,
          receivedAt,
          idem.key,
          idem.hash,
          idem.createdBy,
        ],
      );
      if (!created)
        return replay<DisputeCase>(m, { table: 'dispute_case', alias: 'c', columns: CASE_COLUMNS }, idem);
      await this.addParties(ctx, m, created.id, path, input);
      const centre = risk.level === 'HIGH' ? await this.organizations.centreCovering(m, path) : null;
      await this.appendEvents(ctx, m, [
        {
          caseId: created.id,
          command: 'register',
          from: null,
          to: 'RECEIVED',
          details: {
            channel: input.channel,
            risk: risk.level,
            riskReasons: risk.reasons,
            ...(centre && { notifiedOrganizationId: centre.id, notifiedOrganizationName: centre.name }),
          },
        },
      ]);
      await this.audit.record(ctx, m, {
        action: 'disputeCase.register',
        entityType: 'DisputeCase',
        entityId: created.id,
        changes: { state: { new: 'RECEIVED' }, type: { new: input.type }, risk: { new: risk.level } },
        regionPath: path,
      });
      return created;
    });
  }

  private async handlingOrganization(m: EntityManager, id: string | null | undefined, placePath: string) {
    const organization =
      id != null
        ? await this.organizations.byId(m, parseId(id, 'organizationId'))
        : await this.organizations.committeeCovering(m, placePath);
    if (!organization)
      throw AppError.badInput(
        id != null
          ? `Organisation ${id} was not found.`
          : 'No mediation committee covers this place; give organizationId.',
        'organizationId',
      );
    if (!isWithin(placePath, organization.path))
      throw AppError.badInput('That organisation does not cover the place of the dispute.', 'organizationId');
    return organization;
  }

  private async addParties(
    ctx: RequestContext,
    m: EntityManager,
    caseId: string,
    path: string,
    input: RegisterDisputeCaseInput,
  ) {
    const linked = input.parties.flatMap((p, i) => (p.residentId != null ? [{ i, id: p.residentId }] : []));
    if (linked.length && !ctx.principal?.actions.has('resident:read'))
      throw new AppError('FORBIDDEN', 'Linking a party to the registry needs resident:read.');
    // The registry's own service: the read of a resident is audited like any other.
    const names = await ctx.services.residents.namesOf(
      ctx,
      m,
      linked.map((l) => parseId(l.id, `parties.${l.i}.residentId`)),
    );
    const rows = input.parties.map((party, i) => {
      const field = `parties.${i}`;
      const name =
        party.residentId != null
          ? names.get(party.residentId.toLowerCase())
          : checkText(party.name, `${field}.name`, 50);
      if (name === undefined)
        throw AppError.badInput(`Resident ${party.residentId} was not found.`, `${field}.residentId`);
      let contact: string | null = null;
      if (party.contact?.trim()) {
        contact = normalizePhone(party.contact);
        if (!contact) throw AppError.badInput('The contact is not a valid phone number.', `${field}.contact`);
      }
      return [
        party.role,
        party.residentId?.toLowerCase() ?? null,
        name,
        contact && this.cipher.encrypt(contact),
        contact && maskPhone(contact),
      ];
    });
    await m.query(
      `INSERT INTO dispute_party (case_id, region_path, role, resident_id, name, contact_encrypted, contact_masked)
       SELECT $1, $2::ltree, * FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[])`,
      [caseId, path, ...[0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k]))],
    );
  }

  accept(ctx: RequestContext, input: AcceptDisputeCaseInput) {
    return this.run(ctx, input, 'accept', () => {
      const acceptedAt = new Date();
      const note = optionalText(input.note, 'note', 1000);
      return { set: { accepted_at: acceptedAt }, clock: { acceptedAt }, details: note ? { note } : {} };
    });
  }

  decline(ctx: RequestContext, input: DeclineDisputeCaseInput) {
    return this.run(ctx, input, 'decline', () => {
      const reason = checkText(input.reason, 'reason', 500, 2);
      return { set: { decline_reason: reason }, details: { reason } };
    });
  }

  assignMediator(ctx: RequestContext, input: AssignMediatorInput) {
    const mediatorId = parseId(input.mediatorId, 'mediatorId');
    return this.run(ctx, input, 'assignMediator', async (c, m) => {
      const mediator = await this.mediators.available(m, mediatorId, c.organizationPath, c.organizationId);
      if (!mediator)
        throw AppError.badInput(
          'That mediator is not an active member of the handling organisation or of one inside its region.',
          'mediatorId',
        );
      return {
        set: { mediator_id: mediatorId },
        details: { mediatorId, mediatorName: mediator.name },
        unchanged: { field: 'mediatorId', message: 'That mediator is already assigned to the case.' },
      };
    });
  }

  recordSession(ctx: RequestContext, input: RecordSessionInput) {
    return this.run(ctx, input, 'recordSession', () => {
      const participants = input.participants.map((p, i) => checkText(p, `participants.${i}`, 50));
      if (!participants.length) throw AppError.badInput('Name the participants.', 'participants');
      return {
        details: {
          date: pastDay(input.date, 'date'),
          place: checkText(input.place, 'place', 200),
          participants,
          notes: optionalText(input.notes, 'notes', 5000),
        },
      };
    });
  }

  /** The end of mediation in an agreement (调解协议): → AGREEMENT_REACHED, the outcome the statistics keep. */
  concludeWithAgreement(ctx: RequestContext, input: ConcludeWithAgreementInput) {
    return this.run(ctx, input, 'concludeWithAgreement', () => {
      const a = input.agreement;
      const agreement = {
        terms: checkText(a.terms, 'agreement.terms', 10_000),
        signatories: a.signatories.map((s, i) => checkText(s, `agreement.signatories.${i}`, 50)),
        signedOn: pastDay(a.signedOn, 'agreement.signedOn'),
        courtConfirmed: a.courtConfirmed,
      };
      if (!agreement.signatories.length)
        throw AppError.badInput('Name the signatories.', 'agreement.signatories');
      return concluded('AGREEMENT_REACHED', { agreement: JSON.stringify(agreement) }, { agreement });
    });
  }

  /** Mediation failed (调解不成): → MEDIATION_FAILED, with where the dispute is referred. */
  concludeWithoutAgreement(ctx: RequestContext, input: ConcludeWithoutAgreementInput) {
    return this.run(ctx, input, 'concludeWithoutAgreement', () =>
      concluded(
        'MEDIATION_FAILED',
        { referral: input.referral },
        { referral: input.referral, reason: input.reason?.trim() || null },
      ),
    );
  }

  /** The applicant withdraws (撤回): → WITHDRAWN, with the reason. */
  withdraw(ctx: RequestContext, input: WithdrawDisputeCaseInput) {
    return this.run(ctx, input, 'withdraw', () =>
      concluded('WITHDRAWN', {}, { reason: checkText(input.reason, 'reason', 500, 2) }),
    );
  }

  escalate(ctx: RequestContext, input: EscalateDisputeCaseInput) {
    const organizationId = parseId(input.organizationId, 'organizationId');
    return this.run(ctx, input, 'escalate', async (c, m) => {
      const reason = checkText(input.reason, 'reason', 500, 2);
      const target = await this.organizations.byId(m, organizationId);
      if (!target || target.kind !== 'COORDINATION_CENTRE')
        throw AppError.badInput('Escalate to a coordination centre.', 'organizationId');
      // Up a tier: the centre's region strictly contains the current organisation's.
      if (target.path === c.organizationPath || !isWithin(c.organizationPath, target.path))
        throw AppError.badInput(
          'The centre must be above the organisation handling the case now.',
          'organizationId',
        );
      return {
        set: { organization_id: target.id },
        details: {
          fromOrganizationId: c.organizationId,
          toOrganizationId: target.id,
          toOrganizationName: target.name,
          reason,
        },
      };
    });
  }

  recordFollowUp(ctx: RequestContext, input: RecordFollowUpInput) {
    return this.run(ctx, input, 'recordFollowUp', () => ({
      set: { honoured: input.honoured },
      details: {
        date: pastDay(input.date, 'date'),
        honoured: input.honoured,
        notes: optionalText(input.notes, 'notes', 5000),
      },
    }));
  }

  close(ctx: RequestContext, input: CloseDisputeCaseInput) {
    return this.run(ctx, input, 'close', () => {
      const note = optionalText(input.note, 'note', 1000);
      return { set: { closed_at: new Date() }, details: note ? { note } : {} };
    });
  }

  /** A command of the case machine through the kit; reading cases is the least a caller needs to try one. */
  private run<C extends DisputeCaseCommand>(
    ctx: RequestContext,
    input: { id: string; expectedVersion: number },
    command: C,
    step: (c: CaseRow, m: EntityManager) => CommandStep<Details[C]> | Promise<CommandStep<Details[C]>>,
  ): Promise<DisputeCase> {
    requireAction(ctx, 'dispute:read');
    return runCommand(ctx, this.target, input, command, step);
  }

  /** SQL for another module's statistics: whether the case `caseId` (an expression) was mediated to an agreement. */
  mediatedSql(caseId: string): string {
    return `EXISTS (SELECT 1 FROM dispute_case c WHERE c.id = ${caseId} AND c.outcome = 'AGREEMENT_REACHED')`;
  }

  /** SQL for another module's timeline: the cases (id, title, state, received_at) residents are parties to. */
  partyCasesSql(residentIds: string): string {
    return `SELECT c.id, c.title, c.state, c.received_at FROM dispute_case c WHERE EXISTS (
      SELECT 1 FROM dispute_party p WHERE p.case_id = c.id AND p.resident_id = ANY(${residentIds}))`;
  }

  /** Whether the caller's jurisdiction holds the organisation handling the case now: who may act on it. */
  static mayAct(ctx: RequestContext, c: DisputeCase): boolean {
    return Boolean(ctx.principal && isWithin(c.organizationPath, ctx.principal.jurisdiction.path));
  }
}

/** A step that ends mediation: the outcome the statistics keep, and when. */
function concluded<D>(outcome: DisputeCaseOutcome, set: Record<string, unknown>, details: D) {
  const concludedAt = new Date();
  return { set: { ...set, outcome, concluded_at: concludedAt }, clock: { concludedAt }, details };
}

const ACCEPTED = { from: 'acceptedFrom', to: 'acceptedTo' };
const RECEIVED = { from: 'receivedFrom', to: 'receivedTo' };
