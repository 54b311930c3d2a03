import {
  PETITION_CASE_MACHINE,
  type PetitionCaseCommandDetails,
  type PetitionCaseState,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { lockedRow, runCommand, type CommandStep, type CommandTarget } from '../../common/command';
import { inOrder, listPage, SortDirection, type ListQuery, type PageArgs } from '../../common/connection';
import { parseId } from '../../common/ids';
import { checkText, getById, pastDay, Where } from '../../common/sql';
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

const PETITION_COLUMNS = `p.id, p.title, p.region_code AS "regionCode", p.state, p.registered_on::text AS "registeredOn",
  p.resolved_on::text AS "resolvedOn", p.organization_id AS "organizationId", p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const RETURNING = PETITION_COLUMNS.replaceAll('p.', '');

type PetitionRow = PetitionCase & { path: string };
type Details = PetitionCaseCommandDetails;

/** Petition backlog cases (信访积案): people's grievances, scoped by jurisdiction like dispute cases. */
export class PetitionService {
  private readonly target: CommandTarget<PetitionCaseState, Details, PetitionRow> = {
    ref: { table: 'petition_case', label: 'Petition case' },
    entityType: 'PetitionCase',
    auditPrefix: 'petitionCase',
    // Both outcomes of settling a case are one verb of the API, resolvePetitionCase.
    auditNames: { recordUnresolved: 'resolve' },
    machine: PETITION_CASE_MACHINE,
    returning: RETURNING,
    load: lockedRow('petition_case', 'p', PETITION_COLUMNS),
  };

  constructor(
    private readonly audit: AuditService,
    private readonly organizations: OrganizationService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<PetitionCase[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${PETITION_COLUMNS} FROM petition_case p WHERE p.id = ANY($1::uuid[])`, [ids]),
    );
  }

  get(ctx: RequestContext, id: string): Promise<PetitionCase> {
    requireAction(ctx, 'coordination:read');
    return getById((ids) => this.findByIds(ctx, ids), id, 'Petition case');
  }

  /** Newest registration first. */
  async list(ctx: RequestContext, filter: PetitionCaseFilter | null | undefined, args: PageArgs) {
    return listPage<PetitionCase>(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: PetitionCaseFilter | null | undefined,
  ): Promise<ListQuery<PetitionCase>> {
    requireAction(ctx, 'coordination:read');
    const where = new Where()
      .subtree('p.region_path', await scopePath(ctx, filter?.regionCode))
      .anyOf('p.state', filter?.state)
      .days(
        'p.registered_on',
        { from: filter?.registeredFrom, to: filter?.registeredTo },
        { from: 'registeredFrom', to: 'registeredTo' },
        'date',
      );
    return {
      from: 'petition_case p',
      columns: PETITION_COLUMNS,
      where,
      sort: inOrder('petition_case p', ['REGISTERED_ON', 'registeredOn', SortDirection.DESC]),
    };
  }

  async register(ctx: RequestContext, input: RegisterPetitionCaseInput): Promise<PetitionCase> {
    requireAction(ctx, 'mediation:manage');
    const title = checkText(input.title, 'title', 200);
    const registeredOn = pastDay(input.registeredOn, 'registeredOn');
    const path = await scopePath(ctx, input.regionCode);
    return atomically(ctx, async (m) => {
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
    const organizationId = parseId(input.organizationId, 'organizationId');
    return this.run(ctx, input, 'assign', async (p, m) => {
      const organization = await this.organizations.byId(m, organizationId);
      if (!organization)
        throw AppError.badInput(`Organisation ${input.organizationId} was not found.`, 'organizationId');
      if (!isWithin(p.path, organization.path))
        throw AppError.badInput('That organisation does not cover the place of the case.', 'organizationId');
      return { set: { organization_id: organization.id }, details: { organizationId } };
    });
  }

  /** ASSIGNED → RESOLVED or UNRESOLVED; an UNRESOLVED case may be resolved later. */
  resolve(ctx: RequestContext, input: ResolvePetitionCaseInput): Promise<PetitionCase> {
    const on = pastDay(input.on, 'on');
    const step = (p: PetitionRow) => {
      if (on < p.registeredOn) throw AppError.badInput('on is before the case was registered.', 'on');
      return { details: { on }, audited: { on } };
    };
    // Only a resolution has a day of its own in the table; an unresolved outcome's day is in the audit trail.
    return input.resolved
      ? this.run(ctx, input, 'resolve', (p) => ({ ...step(p), set: { resolved_on: on } }))
      : this.run(ctx, input, 'recordUnresolved', step);
  }

  /** A command of the petition machine through the kit, for the offices that run the backlog. */
  private run<C extends keyof Details>(
    ctx: RequestContext,
    input: { id: string; expectedVersion: number },
    command: C,
    step: (p: PetitionRow, m: EntityManager) => CommandStep<Details[C]> | Promise<CommandStep<Details[C]>>,
  ): Promise<PetitionCase> {
    requireAction(ctx, 'mediation:manage');
    return runCommand(ctx, this.target, input, command, step);
  }
}
