import { PETITION_CASE_TRANSITIONS, type PetitionCaseState } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { inScope, isWithin, requireAction, scopePath } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import { versionedUpdate } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { OrganizationService } from './organization.service';
import type {
  AssignPetitionCaseInput,
  PetitionCase,
  PetitionCaseFilter,
  RegisterPetitionCaseInput,
  ResolvePetitionCaseInput,
} from './petition.types';
import { checkText, isoDay, pastDay } from './reference-input';

const PETITION_COLUMNS = `p.id, p.title, p.region_code AS "regionCode", p.state, p.registered_on::text AS "registeredOn",
  p.resolved_on::text AS "resolvedOn", p.organization_id AS "organizationId", p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const RETURNING = PETITION_COLUMNS.replaceAll('p.', '');

type PetitionRow = PetitionCase & { path: string };

/** Petition backlog cases (信访积案): people's grievances, scoped by jurisdiction like dispute cases. */
export class PetitionService {
  constructor(
    private readonly audit: AuditService,
    private readonly organizations: OrganizationService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<PetitionCase[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${PETITION_COLUMNS} FROM petition_case p WHERE p.id::text = ANY($1)`, [ids]),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<PetitionCase> {
    requireAction(ctx, 'dispute:read');
    const [row] = await this.findByIds(ctx, [id]);
    if (!row) throw AppError.notFound(`Petition case ${id} was not found.`);
    return row;
  }

  /** Newest registration first. */
  async list(ctx: RequestContext, filter: PetitionCaseFilter | null | undefined, args: PageArgs) {
    requireAction(ctx, 'dispute:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const params: unknown[] = [path];
    const where = ['p.region_path <@ $1::ltree'];
    if (filter?.state?.length) where.push(`p.state = ANY($${params.push(filter.state)})`);
    const from = filter?.registeredFrom ? isoDay(filter.registeredFrom) : null;
    const to = filter?.registeredTo ? isoDay(filter.registeredTo) : null;
    if (from && to && to < from)
      throw AppError.badInput('registeredTo is before registeredFrom.', 'registeredTo');
    if (from) where.push(`p.registered_on >= $${params.push(from)}::date`);
    if (to) where.push(`p.registered_on <= $${params.push(to)}::date`);
    return inScope(ctx, (m) =>
      listPage<PetitionCase>(m, {
        from: 'petition_case p',
        columns: PETITION_COLUMNS,
        where,
        params,
        args,
        sort: {
          key: 'REGISTERED_ON:DESC',
          expr: 'p.registered_on',
          idExpr: 'p.id::text',
          direction: SortDirection.DESC,
          value: (r) => r.registeredOn,
          id: (r) => r.id,
        },
      }),
    );
  }

  async register(ctx: RequestContext, input: RegisterPetitionCaseInput): Promise<PetitionCase> {
    requireAction(ctx, 'mediation:manage');
    const title = checkText(input.title, 'title', 200);
    const registeredOn = pastDay(input.registeredOn, 'registeredOn');
    const path = await scopePath(ctx, input.regionCode);
    return inScope(ctx, async (m) => {
      const [created]: PetitionCase[] = await m.query(
        `INSERT INTO petition_case (title, region_code, state, registered_on)
         VALUES ($1, $2, 'REGISTERED', $3::date) RETURNING ${RETURNING}`,
        [title, input.regionCode, registeredOn],
      );
      await this.audit.record(ctx, m, {
        action: 'petitionCase.register',
        entityType: 'PetitionCase',
        entityId: created.id,
        changes: {
          title: { new: title },
          regionCode: { new: input.regionCode },
          registeredOn: { new: registeredOn },
          state: { new: 'REGISTERED' },
        },
        regionPath: path,
      });
      return created;
    });
  }

  /** REGISTERED → ASSIGNED: an organisation whose region contains the case's takes it on. */
  assign(ctx: RequestContext, input: AssignPetitionCaseInput): Promise<PetitionCase> {
    return this.run(ctx, input, 'ASSIGNED', 'assign', async (p, m) => {
      const organization = await this.organizations.byId(m, input.organizationId);
      if (!organization)
        throw AppError.badInput(`Organisation ${input.organizationId} was not found.`, 'organizationId');
      if (!isWithin(p.path, organization.path))
        throw AppError.badInput('That organisation does not cover the place of the case.', 'organizationId');
      return { organization_id: organization.id };
    });
  }

  /** ASSIGNED → RESOLVED or UNRESOLVED; an UNRESOLVED case may be resolved later. */
  resolve(ctx: RequestContext, input: ResolvePetitionCaseInput): Promise<PetitionCase> {
    const to: PetitionCaseState = input.resolved ? 'RESOLVED' : 'UNRESOLVED';
    const on = pastDay(input.on, 'on');
    return this.run(ctx, input, to, 'resolve', async (p) => {
      if (on < p.registeredOn) throw AppError.badInput('on is before the case was registered.', 'on');
      // Only a resolution has a day of its own in the table; an unresolved outcome's day is in the audit trail.
      return to === 'RESOLVED' ? { resolved_on: on } : {};
    });
  }

  /**
   * Every command: the case in scope (NOT_FOUND otherwise), the version (CONFLICT), the domain's transitions
   * table (INVALID_TRANSITION with from and to), then one versioned UPDATE and its audit row, in one transaction.
   */
  private run(
    ctx: RequestContext,
    input: { id: string; expectedVersion: number; on?: Date },
    to: PetitionCaseState,
    command: string,
    step: (p: PetitionRow, m: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<PetitionCase> {
    requireAction(ctx, 'mediation:manage');
    return inScope(ctx, async (m) => {
      const [p]: PetitionRow[] = await m.query(
        `SELECT ${PETITION_COLUMNS}, p.region_path::text AS path FROM petition_case p WHERE p.id::text = $1`,
        [input.id],
      );
      if (!p) throw AppError.notFound(`Petition case ${input.id} was not found.`);
      if (p.version !== input.expectedVersion)
        throw new AppError(
          'CONFLICT',
          `Version ${input.expectedVersion} is stale; the current version is ${p.version}.`,
        );
      if (!PETITION_CASE_TRANSITIONS[p.state].to.includes(to))
        throw new AppError('INVALID_TRANSITION', `A petition case in ${p.state} cannot become ${to}.`, {
          from: p.state,
          to,
        });
      const set = { ...(await step(p, m)), state: to };
      const updated = await versionedUpdate<PetitionCase>(
        m,
        'petition_case',
        p.id,
        input.expectedVersion,
        Object.keys(set).map((column, i) => `${column} = $${i + 3}`),
        Object.values(set),
        RETURNING,
      );
      await this.audit.record(ctx, m, {
        action: `petitionCase.${command}`,
        entityType: 'PetitionCase',
        entityId: p.id,
        changes: {
          ...Object.fromEntries(Object.entries(set).map(([k, v]) => [k, { new: v }])),
          state: { old: p.state, new: to },
          ...(input.on && { on: { new: isoDay(input.on) } }),
        },
        regionPath: p.path,
      });
      return updated;
    });
  }
}
