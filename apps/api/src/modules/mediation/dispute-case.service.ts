import { createHash } from 'node:crypto';
import {
  assessDisputeRisk,
  checkDisputeCaseCommand,
  CONCLUDE_COMMANDS,
  disputeCaseDeadline,
  maskPhone,
  normalizePhone,
  type DisputeCaseCommand,
  type DisputeCaseState,
  type TimeLimits,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { inScope, isWithin, requireAction, scopePath } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import type { PersonalDataCipher } from '../../common/personal-data';
import { containsPattern, versionedUpdate } from '../../common/sql';
import type { Principal, RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import {
  DisputeCaseOrderField,
  type AcceptDisputeCaseInput,
  type AssignMediatorInput,
  type CaseCommandInput,
  type CloseDisputeCaseInput,
  type ConcludeDisputeCaseInput,
  type DeclineDisputeCaseInput,
  type DisputeCase,
  type DisputeCaseEvent,
  type DisputeCaseFilter,
  type DisputeCaseOrderBy,
  type DisputeParty,
  type EscalateDisputeCaseInput,
  type RecordFollowUpInput,
  type RecordMediationSessionInput,
  type RegisterDisputeCaseInput,
} from './dispute-case.types';
import type { MediatorService } from './mediator.service';
import type { OrganizationService } from './organization.service';
import { checkText, DAY_AFTER, DAY_START, isoDay, pastDay } from './reference-input';

export const CASE_COLUMNS = `c.id, c.number, c.channel, c.type, c.title, c.description, c.region_code AS "regionCode",
  c.amount_at_stake::text AS "amountAtStake", c.people_involved AS "peopleInvolved",
  c.households_involved AS "householdsInvolved", c.threats, c.risk, c.risk_reasons AS "riskReasons", c.state,
  c.outcome, c.decline_reason AS "declineReason", c.referral, c.agreement, c.honoured,
  c.received_at AS "receivedAt", c.accepted_at AS "acceptedAt", c.concluded_at AS "concludedAt",
  c.closed_at AS "closedAt", c.due_at AS "dueAt", c.at_risk_at AS "atRiskAt", c.version,
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.organization_id AS "organizationId",
  c.origin_organization_id AS "originOrganizationId", c.mediator_id AS "mediatorId",
  (SELECT o.region_path::text FROM mediation_organization o WHERE o.id = c.organization_id) AS "organizationPath"`;
const RETURNING = CASE_COLUMNS.replaceAll('c.', 'dispute_case.');

const EVENT_COLUMNS = `e.id::text AS id, e.case_id AS "caseId", e.at, e.command, e.from_state AS "fromState",
  e.to_state AS "toState", e.actor_name AS "actorName", e.details`;

/** Places a dispute can be registered at: where people live, not an office. */
const PLACE_LEVELS = ['COMMUNITY', 'VILLAGE', 'HAMLET', 'GRID'];

const SORT: Record<DisputeCaseOrderField, { expr: string; value: (c: DisputeCase) => unknown }> = {
  RECEIVED_AT: { expr: 'c.received_at', value: (c) => c.receivedAt.toISOString() },
  // Ended cases have no deadline: they sort after every open one, ascending.
  DUE_AT: {
    expr: `coalesce(c.due_at, 'infinity'::timestamptz)`,
    value: (c) => (c.dueAt ? c.dueAt.toISOString() : 'infinity'),
  },
};

type CaseRow = DisputeCase & { path: string };

/** A stable digest of a registration's input, for idempotent retries: same key, same payload. */
function payloadHash(input: RegisterDisputeCaseInput): string {
  const canonical = JSON.stringify({ ...input, idempotencyKey: undefined }, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
  return createHash('sha256').update(canonical).digest('base64url');
}

export class DisputeCaseService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
    private readonly organizations: OrganizationService,
    private readonly mediators: MediatorService,
    private readonly limits: TimeLimits,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<DisputeCase[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${CASE_COLUMNS} FROM dispute_case c WHERE c.id::text = ANY($1)`, [ids]),
    );
  }

  partiesOf(ctx: RequestContext, caseIds: readonly string[]): Promise<DisputeParty[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT p.id, p.case_id AS "caseId", p.role, p.name, p.contact_masked AS contact, p.resident_id AS "residentId"
         FROM dispute_party p WHERE p.case_id::text = ANY($1) ORDER BY p.case_id, p.role, p.id`,
        [caseIds],
      ),
    );
  }

  timelineOf(ctx: RequestContext, caseIds: readonly string[]): Promise<DisputeCaseEvent[]> {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT ${EVENT_COLUMNS} FROM dispute_case_event e WHERE e.case_id::text = ANY($1) ORDER BY e.case_id, e.id`,
        [caseIds],
      ),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<DisputeCase> {
    requireAction(ctx, 'dispute:read');
    const [row] = await this.findByIds(ctx, [id]);
    if (!row) throw AppError.notFound(`Dispute case ${id} was not found.`);
    return row;
  }

  async list(
    ctx: RequestContext,
    filter: DisputeCaseFilter | null | undefined,
    args: PageArgs & { orderBy?: DisputeCaseOrderBy | null },
  ) {
    requireAction(ctx, 'dispute:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const field = args.orderBy?.field ?? DisputeCaseOrderField.RECEIVED_AT;
    const direction =
      args.orderBy?.direction ?? (field === 'RECEIVED_AT' ? SortDirection.DESC : SortDirection.ASC);
    const params: unknown[] = [path];
    const where = ['c.region_path <@ $1::ltree'];
    const anyOf = (column: string, values: readonly string[] | null | undefined) => {
      if (values?.length) where.push(`c.${column} = ANY($${params.push(values)})`);
    };
    anyOf('state', filter?.state);
    anyOf('type', filter?.type);
    anyOf('risk', filter?.risk);
    anyOf('channel', filter?.channel);
    if (filter?.overdue != null)
      where.push(filter.overdue ? 'c.due_at < now()' : '(c.due_at IS NULL OR c.due_at >= now())');
    if (filter?.atRisk != null)
      where.push(
        filter.atRisk
          ? '(c.at_risk_at <= now() AND c.due_at >= now())'
          : 'NOT coalesce(c.at_risk_at <= now() AND c.due_at >= now(), false)',
      );
    // Days are China's: 2012-12-31 ends at midnight in Harbin, not in UTC.
    if (filter?.acceptedFrom)
      where.push(`c.accepted_at >= ${DAY_START(`$${params.push(isoDay(filter.acceptedFrom))}`)}`);
    if (filter?.acceptedTo)
      where.push(`c.accepted_at < ${DAY_AFTER(`$${params.push(isoDay(filter.acceptedTo))}`)}`);
    if (filter?.organizationId)
      where.push(`c.organization_id::text = $${params.push(filter.organizationId)}`);
    if (filter?.mediatorId) where.push(`c.mediator_id::text = $${params.push(filter.mediatorId)}`);
    if (filter?.q?.trim()) {
      const n = params.push(containsPattern(filter.q.trim()));
      where.push(`(c.number ILIKE $${n} OR c.title ILIKE $${n})`);
    }
    return inScope(ctx, (m) =>
      listPage<DisputeCase>(m, {
        from: 'dispute_case c',
        columns: CASE_COLUMNS,
        where,
        params,
        args,
        sort: {
          key: `${field}:${direction}`,
          expr: SORT[field].expr,
          idExpr: 'c.id::text',
          direction,
          value: SORT[field].value,
          id: (c) => c.id,
        },
      }),
    );
  }

  async register(ctx: RequestContext, input: RegisterDisputeCaseInput): Promise<DisputeCase> {
    const principal = requireAction(ctx, 'dispute:register');
    const path = await scopePath(ctx, input.regionCode);
    const title = checkText(input.title, 'title', 200);
    const description = checkText(input.description, 'description', 5000);
    const key = input.idempotencyKey == null ? null : checkText(input.idempotencyKey, 'idempotencyKey', 100);
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
    const createdBy = `${principal.kind}:${principal.id}`;
    const hash = key ? payloadHash(input) : null;

    return inScope(ctx, async (m) => {
      const [place] = await m.query(`SELECT level FROM region WHERE code = $1`, [input.regionCode]);
      if (!PLACE_LEVELS.includes(place.level))
        throw AppError.badInput('Place the dispute in a community or village, or below it.', 'regionCode');
      const organization = await this.handlingOrganization(m, input.organizationId, path);
      const deadline = disputeCaseDeadline('RECEIVED', { receivedAt }, this.limits)!;
      // ON CONFLICT waits for a concurrent retry with the same key to commit, then yields to it.
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
          key,
          hash,
          createdBy,
        ],
      );
      if (!created) return this.replay(m, createdBy, key!, hash!);
      await this.addParties(ctx, m, created.id, path, input);
      const centre = risk.level === 'HIGH' ? await this.organizations.centreCovering(m, path) : null;
      await this.event(m, principal, created, 'register', null, 'RECEIVED', {
        channel: input.channel,
        risk: risk.level,
        riskReasons: risk.reasons,
        // High risk: the coordination centre above the place is told at intake.
        ...(centre && { notifiedOrganizationId: centre.id, notifiedOrganizationName: centre.name }),
      });
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

  /** A retry of a registration: the first result when the payload matches, an error when it does not. */
  private async replay(m: EntityManager, createdBy: string, key: string, hash: string): Promise<DisputeCase> {
    const [first] = await m.query(
      `SELECT ${CASE_COLUMNS}, c.idempotency_hash AS hash FROM dispute_case c
       WHERE c.created_by = $1 AND c.idempotency_key = $2`,
      [createdBy, key],
    );
    if (!first || first.hash !== hash)
      throw AppError.badInput('This idempotencyKey was used with another input.', 'idempotencyKey');
    delete first.hash;
    return first;
  }

  private async handlingOrganization(m: EntityManager, id: string | null | undefined, placePath: string) {
    const organization = id
      ? await this.organizations.byId(m, id)
      : await this.organizations.committeeCovering(m, placePath);
    if (!organization)
      throw AppError.badInput(
        id
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
    const rows: (string | null)[][] = [];
    for (const [i, party] of input.parties.entries()) {
      const field = `parties.${i}`;
      let name: string;
      if (party.residentId) {
        if (!ctx.principal?.actions.has('resident:read'))
          throw new AppError('FORBIDDEN', 'Linking a party to the registry needs resident:read.');
        const [resident] = await m.query(`SELECT name FROM resident WHERE id::text = $1`, [party.residentId]);
        if (!resident)
          throw AppError.badInput(`Resident ${party.residentId} was not found.`, `${field}.residentId`);
        name = resident.name;
      } else {
        name = checkText(party.name, `${field}.name`, 50);
      }
      let contact: string | null = null;
      if (party.contact?.trim()) {
        contact = normalizePhone(party.contact);
        if (!contact) throw AppError.badInput('The contact is not a valid phone number.', `${field}.contact`);
      }
      rows.push([
        party.role,
        party.residentId ?? null,
        name,
        contact && this.cipher.encrypt(contact),
        contact && maskPhone(contact),
      ]);
    }
    await m.query(
      `INSERT INTO dispute_party (case_id, region_path, role, resident_id, name, contact_encrypted, contact_masked)
       SELECT $1, $2::ltree, * FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[])`,
      [caseId, path, ...[0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k]))],
    );
  }

  accept(ctx: RequestContext, input: AcceptDisputeCaseInput) {
    return this.run(ctx, input, 'accept', async () => {
      const acceptedAt = new Date();
      return {
        set: { accepted_at: acceptedAt },
        clock: { acceptedAt },
        details: input.note?.trim() ? { note: checkText(input.note, 'note', 1000) } : {},
      };
    });
  }

  decline(ctx: RequestContext, input: DeclineDisputeCaseInput) {
    return this.run(ctx, input, 'decline', async () => {
      const reason = checkText(input.reason, 'reason', 500, 2);
      return { set: { decline_reason: reason }, details: { reason } };
    });
  }

  assignMediator(ctx: RequestContext, input: AssignMediatorInput) {
    return this.run(ctx, input, 'assignMediator', async (c, m) => {
      if (!(await this.mediators.mayHandle(m, input.mediatorId, c.organizationPath, c.organizationId)))
        throw AppError.badInput(
          'That mediator is not an active member of the handling organisation or of one inside its region.',
          'mediatorId',
        );
      const [{ name }] = await m.query(`SELECT name FROM mediator WHERE id::text = $1`, [input.mediatorId]);
      return {
        set: { mediator_id: input.mediatorId },
        details: { mediatorId: input.mediatorId, mediatorName: name },
      };
    });
  }

  recordSession(ctx: RequestContext, input: RecordMediationSessionInput) {
    return this.run(ctx, input, 'recordSession', async () => {
      const participants = input.participants.map((p, i) => checkText(p, `participants.${i}`, 50));
      if (!participants.length) throw AppError.badInput('Name the participants.', 'participants');
      return {
        set: {},
        details: {
          date: pastDay(input.date, 'date'),
          place: checkText(input.place, 'place', 200),
          participants,
          notes: input.notes?.trim() ? checkText(input.notes, 'notes', 5000) : null,
        },
      };
    });
  }

  conclude(ctx: RequestContext, input: ConcludeDisputeCaseInput) {
    return this.run(ctx, input, CONCLUDE_COMMANDS[input.outcome], async () => {
      const concludedAt = new Date();
      const set: Record<string, unknown> = { outcome: input.outcome, concluded_at: concludedAt };
      let details: Record<string, unknown>;
      if (input.outcome === 'AGREEMENT_REACHED') {
        const a = input.agreement;
        if (!a) throw AppError.badInput('An agreement needs its terms, signatories and date.', 'agreement');
        const agreement = {
          terms: checkText(a.terms, 'agreement.terms', 10_000),
          signatories: a.signatories.map((s, i) => checkText(s, `agreement.signatories.${i}`, 50)),
          signedOn: pastDay(a.signedOn, 'agreement.signedOn'),
          courtConfirmed: a.courtConfirmed,
        };
        if (!agreement.signatories.length)
          throw AppError.badInput('Name the signatories.', 'agreement.signatories');
        set.agreement = JSON.stringify(agreement);
        details = { agreement };
      } else if (input.outcome === 'MEDIATION_FAILED') {
        if (!input.referral) throw AppError.badInput('Say where the dispute is referred.', 'referral');
        set.referral = input.referral;
        details = { referral: input.referral, reason: input.reason?.trim() || null };
      } else {
        details = { reason: checkText(input.reason, 'reason', 500, 2) };
      }
      return { set, clock: { concludedAt }, details };
    });
  }

  escalate(ctx: RequestContext, input: EscalateDisputeCaseInput) {
    return this.run(ctx, input, 'escalate', async (c, m) => {
      const reason = checkText(input.reason, 'reason', 500, 2);
      const target = await this.organizations.byId(m, input.organizationId);
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
    return this.run(ctx, input, 'recordFollowUp', async () => ({
      set: { honoured: input.honoured },
      details: {
        date: pastDay(input.date, 'date'),
        honoured: input.honoured,
        notes: input.notes?.trim() ? checkText(input.notes, 'notes', 5000) : null,
      },
    }));
  }

  close(ctx: RequestContext, input: CloseDisputeCaseInput) {
    return this.run(ctx, input, 'close', async () => ({
      set: { closed_at: new Date() },
      details: input.note?.trim() ? { note: checkText(input.note, 'note', 1000) } : {},
    }));
  }

  /**
   * Every command: find the case in scope (NOT_FOUND otherwise), check that the caller's jurisdiction holds the
   * organisation handling it now (read access stays with the tiers below after an escalation), the version, and
   * the domain's transitions table; then one versioned UPDATE, a timeline row and an audit row, in one transaction.
   */
  private run(
    ctx: RequestContext,
    input: CaseCommandInput,
    command: DisputeCaseCommand,
    step: (
      c: CaseRow,
      m: EntityManager,
    ) => Promise<{
      set: Record<string, unknown>;
      clock?: { acceptedAt?: Date; concludedAt?: Date };
      details: Record<string, unknown>;
    }>,
  ): Promise<DisputeCase> {
    const principal = requireAction(ctx, 'dispute:read');
    return inScope(ctx, async (m) => {
      const [c]: CaseRow[] = await m.query(
        `SELECT ${CASE_COLUMNS}, c.region_path::text AS path FROM dispute_case c WHERE c.id::text = $1`,
        [input.id],
      );
      if (!c) throw AppError.notFound(`Dispute case ${input.id} was not found.`);
      if (!DisputeCaseService.mayAct(ctx, c))
        throw new AppError('FORBIDDEN', 'The case is handled above your jurisdiction; you may read it only.');
      if (c.version !== input.expectedVersion)
        throw new AppError(
          'CONFLICT',
          `Version ${input.expectedVersion} is stale; the current version is ${c.version}.`,
        );
      const check = checkDisputeCaseCommand(c.state, command, principal.roles);
      if (!check.ok) {
        if (check.reason === 'FORBIDDEN')
          throw new AppError('FORBIDDEN', `Your roles do not allow ${command}.`);
        throw new AppError('INVALID_TRANSITION', `A case in ${c.state} cannot ${command}.`, {
          from: check.from,
          to: check.to ?? check.from,
        });
      }
      const { set, clock, details } = await step(c, m);
      const deadline = disputeCaseDeadline(
        check.to,
        { receivedAt: c.receivedAt, acceptedAt: c.acceptedAt, concludedAt: c.concludedAt, ...clock },
        this.limits,
      );
      const columns = {
        ...set,
        state: check.to,
        due_at: deadline?.dueAt ?? null,
        at_risk_at: deadline?.atRiskAt ?? null,
      };
      const params = Object.values(columns);
      const updated = await versionedUpdate<DisputeCase>(
        m,
        'dispute_case',
        c.id,
        input.expectedVersion,
        Object.keys(columns).map((column, i) => `${column} = $${i + 3}`),
        params,
        RETURNING,
      );
      await this.event(m, principal, c, command, c.state, check.to, details);
      await this.audit.record(ctx, m, {
        action: `disputeCase.${command}`,
        entityType: 'DisputeCase',
        entityId: c.id,
        changes: {
          state: { old: c.state, new: check.to },
          ...Object.fromEntries(
            Object.entries(set).map(([k, v]) => [k, { new: v instanceof Date ? v.toISOString() : v }]),
          ),
        },
        regionPath: c.path,
      });
      return updated;
    });
  }

  private async event(
    m: EntityManager,
    principal: Principal,
    c: { id: string },
    command: string,
    from: DisputeCaseState | null,
    to: DisputeCaseState,
    details: Record<string, unknown>,
  ) {
    await m.query(
      `INSERT INTO dispute_case_event (case_id, region_path, command, from_state, to_state, actor_name, details)
       SELECT id, region_path, $2, $3, $4, $5, $6 FROM dispute_case WHERE id = $1`,
      [c.id, command, from, to, principal.name, JSON.stringify(details)],
    );
  }

  /** Whether the caller's jurisdiction holds the organisation handling the case now: who may act on it. */
  static mayAct(ctx: RequestContext, c: DisputeCase): boolean {
    return Boolean(ctx.principal && isWithin(c.organizationPath, ctx.principal.jurisdiction.path));
  }

  /** Past its deadline, at risk of missing it, or neither (ended cases have no deadline). */
  static deadlineStatus(c: DisputeCase, now = new Date()): 'ON_TIME' | 'AT_RISK' | 'OVERDUE' {
    if (!c.dueAt) return 'ON_TIME';
    if (c.dueAt < now) return 'OVERDUE';
    return c.atRiskAt && c.atRiskAt <= now ? 'AT_RISK' : 'ON_TIME';
  }
}
