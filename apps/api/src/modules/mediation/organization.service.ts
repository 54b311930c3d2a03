import { isValidDivisionCode, type Industry, type OrganizationKind } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import type { Principal, RequestContext } from '../../server/context';
import { AppError } from '../../common/app-error';
import {
  atomically,
  inScope,
  isWithin,
  requireAction,
  requirePrincipal,
  scopePath,
  scoped,
} from '../../common/authz';
import { inOrder, listPage, type ListQuery, type PageArgs, type Queryable } from '../../common/connection';
import { ReferenceCache } from '../../common/reference-cache';
import type { AuditService } from '../audit/audit.service';
import type {
  CreateMediationOrganizationInput,
  LegalClinicService,
  MediationOrganization,
  MediationOrganizationFilter,
  RecordLegalClinicServiceInput,
  UpdateMediationOrganizationInput,
} from './organization.types';
import { chinaDay } from '@qiangji/domain';
import { parseId } from '../../common/ids';
import { editTarget, saveEdit } from '../../common/command';
import { checkText, getById, isoDay, optionalText, Patch, Where } from '../../common/sql';

export const ORGANIZATION_COLUMNS = `o.id, o.kind, o.industry, o.name, o.region_code AS "regionCode",
  o.partner_university AS "partnerUniversity", o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

export type OrganizationRow = MediationOrganization & { path: string };

async function loadOrganizations(q: Queryable): Promise<Map<string, MediationOrganization>> {
  const rows: MediationOrganization[] = await q.query(
    `SELECT ${ORGANIZATION_COLUMNS} FROM mediation_organization o`,
  );
  return new Map(rows.map((o) => [o.id, o]));
}
const organizations = new ReferenceCache('mediation_organization', loadOrganizations);
const ORGANIZATION = editTarget(
  'mediation_organization',
  'MediationOrganization',
  ORGANIZATION_COLUMNS,
  'Organisation',
);

function checkName(name: string) {
  return checkText(name, 'name', 100);
}

/** Kind, industry and partner university go together (the table's CHECKs, as errors a client can act on). */
function checkKind(kind: OrganizationKind, industry: Industry | null, partnerUniversity: string | null) {
  if (kind === 'INDUSTRY_COMMITTEE' && !industry)
    throw AppError.badInput('An industry committee needs its industry.', 'industry');
  if (kind !== 'INDUSTRY_COMMITTEE' && industry)
    throw AppError.badInput('Only industry committees have an industry.', 'industry');
  if (kind !== 'LEGAL_CLINIC' && partnerUniversity)
    throw AppError.badInput('Only legal clinics have a partner university.', 'partnerUniversity');
}

/** Writes need the organisation inside the caller's jurisdiction; reading it is open to everyone. */
function requireWithin(principal: Principal, organization: OrganizationRow) {
  if (!isWithin(organization.path, principal.jurisdiction.path))
    throw new AppError('FORBIDDEN', `Organisation ${organization.id} is outside your jurisdiction.`);
}

/** Mediation organisations: reference data, read by any signed-in caller. */
export class OrganizationService {
  constructor(private readonly audit: AuditService) {}

  /** Organisations by id (parsed), from the copy in memory: reference data that changes seldom. */
  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<MediationOrganization[]> {
    const all = (await organizations.get(ctx)) ?? (await loadOrganizations(ctx.db));
    return ids.flatMap((id) => all.get(id) ?? []);
  }

  /** One organisation (by a parsed id) with its region path, inside a command's transaction. */
  async byId(m: EntityManager, id: string): Promise<OrganizationRow | null> {
    const [row] = await m.query(
      `SELECT ${ORGANIZATION_COLUMNS}, o.region_path::text AS path FROM mediation_organization o WHERE o.id = $1::uuid`,
      [id],
    );
    return row ?? null;
  }

  /** The people's mediation committee nearest above (or at) a place: who takes a new case by default. */
  committeeCovering(m: EntityManager, regionPath: string): Promise<OrganizationRow | null> {
    return this.nearestCovering(m, 'PEOPLES_COMMITTEE', regionPath);
  }

  /** The coordination centre nearest above a place: where high-risk cases are flagged. */
  centreCovering(m: EntityManager, regionPath: string): Promise<OrganizationRow | null> {
    return this.nearestCovering(m, 'COORDINATION_CENTRE', regionPath);
  }

  private async nearestCovering(
    m: EntityManager,
    kind: OrganizationKind,
    regionPath: string,
  ): Promise<OrganizationRow | null> {
    const [row] = await m.query(
      `SELECT ${ORGANIZATION_COLUMNS}, o.region_path::text AS path FROM mediation_organization o
       WHERE o.kind = $1 AND o.region_path @> $2::ltree
       ORDER BY nlevel(o.region_path) DESC, o.name LIMIT 1`,
      [kind, regionPath],
    );
    return row ?? null;
  }

  get(ctx: RequestContext, id: string): Promise<MediationOrganization> {
    requirePrincipal(ctx);
    return getById((ids) => this.findByIds(ctx, ids), id, 'Organisation');
  }

  /** Any signed-in caller, city-wide: a region filter must exist but may lie outside the jurisdiction. */
  async list(ctx: RequestContext, filter: MediationOrganizationFilter | null | undefined, args: PageArgs) {
    return listPage<MediationOrganization>(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: MediationOrganizationFilter | null | undefined,
  ): Promise<ListQuery<MediationOrganization>> {
    requirePrincipal(ctx);
    const where = new Where();
    if (filter?.regionCode != null)
      where.subtree('o.region_path', await this.regionPath(ctx, filter.regionCode));
    where
      .anyOf('o.kind', filter?.kind)
      .anyOf('o.industry', filter?.industry)
      .contains(['o.name'], filter?.nameContains);
    return {
      from: 'mediation_organization o',
      columns: ORGANIZATION_COLUMNS,
      where,
      sort: inOrder('mediation_organization o', ['NAME', 'name']),
    };
  }

  async create(ctx: RequestContext, input: CreateMediationOrganizationInput): Promise<MediationOrganization> {
    requireAction(ctx, 'mediation:manage');
    const name = checkName(input.name);
    const partnerUniversity = optionalText(input.partnerUniversity, 'partnerUniversity', 100);
    checkKind(input.kind, input.industry ?? null, partnerUniversity);
    const path = await scopePath(ctx, input.regionCode);
    return atomically(ctx, async (m) => {
      const [created] = await m.query(
        `INSERT INTO mediation_organization (kind, industry, name, region_code, partner_university)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (region_code, name) DO NOTHING RETURNING ${ORGANIZATION.returning}`,
        [input.kind, input.industry ?? null, name, input.regionCode, partnerUniversity],
      );
      if (!created)
        throw new AppError(
          'CONFLICT',
          `An organisation named ${name} already exists in ${input.regionCode}.`,
        );
      await this.audit.record(ctx, m, {
        action: 'mediationOrganization.create',
        entityType: 'MediationOrganization',
        entityId: created.id,
        changes: {
          kind: { new: input.kind },
          industry: { new: input.industry ?? null },
          name: { new: name },
          regionCode: { new: input.regionCode },
          partnerUniversity: { new: partnerUniversity },
        },
        regionPath: path,
      });
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateMediationOrganizationInput): Promise<MediationOrganization> {
    const principal = requireAction(ctx, 'mediation:manage');
    return atomically(ctx, async (m) => {
      const before = await this.byId(m, parseId(input.id, 'id'));
      if (!before) throw AppError.notFound(`Organisation ${input.id} was not found.`);
      requireWithin(principal, before);
      const patch = new Patch();
      // A concurrent rename to the same name loses on the unique index: CONFLICT (the module's constraints).
      if (input.name != null) patch.set('name', checkName(input.name), { field: 'name', old: before.name });
      if (input.partnerUniversity != null) {
        const university = optionalText(input.partnerUniversity, 'partnerUniversity', 100);
        checkKind(before.kind, before.industry, university);
        patch.set('partner_university', university, {
          field: 'partnerUniversity',
          old: before.partnerUniversity,
        });
      }
      return saveEdit<MediationOrganization>(ctx, m, ORGANIZATION, before, input.expectedVersion, patch, [
        { action: 'mediationOrganization.update' },
      ]);
    });
  }

  /** Active members per organisation, among the mediators the caller's jurisdiction shows: one statement. */
  memberCounts(ctx: RequestContext, ids: readonly string[]): Promise<number[]> {
    return inScope(ctx, async (m) => {
      const rows: { id: string; n: number }[] = await m.query(
        `SELECT mm.organization_id::text AS id, count(*)::int AS n
         FROM mediator_membership mm JOIN mediator md ON md.id = mm.mediator_id
         WHERE mm.organization_id = ANY($1::uuid[]) AND md.active GROUP BY mm.organization_id`,
        [ids],
      );
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }

  /** The people a legal clinic served in a month: one tally per clinic and month, a new record replaces it. */
  async recordClinicService(
    ctx: RequestContext,
    input: RecordLegalClinicServiceInput,
  ): Promise<LegalClinicService> {
    const principal = requireAction(ctx, 'mediation:manage');
    const month = isoDay(input.month);
    if (!month.endsWith('-01')) throw AppError.badInput('month is the first day of a month.', 'month');
    if (month > `${chinaDay().slice(0, 7)}-01`)
      throw AppError.badInput('month cannot be in the future.', 'month');
    if (!Number.isInteger(input.peopleServed) || input.peopleServed < 0 || input.peopleServed > 1_000_000)
      throw AppError.badInput('peopleServed is a whole number from 0 to 1,000,000.', 'peopleServed');
    return atomically(ctx, async (m) => {
      const clinic = await this.byId(m, parseId(input.organizationId, 'organizationId'));
      if (!clinic || clinic.kind !== 'LEGAL_CLINIC')
        throw AppError.badInput(
          `Organisation ${input.organizationId} is not a legal clinic.`,
          'organizationId',
        );
      requireWithin(principal, clinic);
      const [before] = await m.query(
        `SELECT people_served AS n FROM legal_clinic_service WHERE organization_id = $1 AND month = $2::date`,
        [clinic.id, month],
      );
      const [row] = await m.query(
        `INSERT INTO legal_clinic_service (organization_id, region_path, month, people_served)
         VALUES ($1, $2::ltree, $3::date, $4)
         ON CONFLICT (organization_id, month) DO UPDATE SET people_served = EXCLUDED.people_served
         RETURNING id, organization_id AS "organizationId", month::text AS month, people_served AS "peopleServed"`,
        [clinic.id, clinic.path, month, input.peopleServed],
      );
      await this.audit.record(ctx, m, {
        action: 'legalClinicService.record',
        entityType: 'LegalClinicService',
        entityId: row.id,
        changes: {
          organizationId: { new: clinic.id },
          month: { new: month },
          peopleServed: { old: before?.n ?? null, new: input.peopleServed },
        },
        regionPath: clinic.path,
      });
      return row;
    });
  }

  /** A region filter on reference data: the code must name a region, wherever it lies. */
  private async regionPath(ctx: RequestContext, code: string, field = 'regionCode'): Promise<string> {
    if (!isValidDivisionCode(code)) throw AppError.badInput(`${code} is not a valid division code.`, field);
    const [region] = await ctx.services.region.pathsOf(ctx, [code]);
    if (!region) throw AppError.badInput(`Region ${code} does not exist.`, field);
    return region.path;
  }
}
