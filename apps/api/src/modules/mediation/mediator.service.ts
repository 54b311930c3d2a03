import { maskPhone, normalizePhone } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { inScope, isWithin, requireAction, scopePath } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import { groupBy } from '../../common/group-by';
import type { PersonalDataCipher } from '../../common/personal-data';
import { containsPattern, versionedUpdate } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  Mediator,
  MediatorFilter,
  MediatorQualification,
  MediatorQualificationInput,
  MediatorTraining,
  MediatorTrainingInput,
  RegisterMediatorInput,
  UpdateMediatorInput,
} from './mediator.types';
import { ORGANIZATION_COLUMNS } from './organization.service';
import type { MediationOrganization } from './organization.types';
import { checkText, pastDay } from './reference-input';

export const MEDIATOR_COLUMNS = `md.id, md.name, md.employment, md.specialities, md.qualifications, md.trainings,
  md.phone_masked AS phone, md.region_code AS "regionCode", md.active, md.version, md.user_id AS "userId",
  md.created_at AS "createdAt", md.updated_at AS "updatedAt"`;
const RETURNING = MEDIATOR_COLUMNS.replaceAll('md.', '');

/** The states in which a case is on its mediator's desk. */
const ACTIVE_CASE_STATES = ['MEDIATOR_ASSIGNED', 'IN_MEDIATION'];
const MAX_ENTRIES = 50;

type MediatorRow = Mediator & { path: string };

/** Mediators are people: every read runs inside the caller's scope (row-level security). */
export class MediatorService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Mediator[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${MEDIATOR_COLUMNS} FROM mediator md WHERE md.id::text = ANY($1)`, [ids]),
    );
  }

  /**
   * Whether a mediator may take a case handled by an organisation: active, visible to the caller, and a
   * member of that organisation or of one inside its region (a township centre draws on its villages' mediators).
   */
  async mayHandle(m: EntityManager, mediatorId: string, organizationPath: string, organizationId: string) {
    const [row] = await m.query(
      `SELECT 1 FROM mediator md
       JOIN mediator_membership mm ON mm.mediator_id = md.id
       JOIN mediation_organization o ON o.id = mm.organization_id
       WHERE md.id::text = $1 AND md.active AND (o.id::text = $3 OR o.region_path <@ $2::ltree) LIMIT 1`,
      [mediatorId, organizationPath, organizationId],
    );
    return Boolean(row);
  }

  async get(ctx: RequestContext, id: string): Promise<Mediator> {
    requireAction(ctx, 'dispute:read');
    const [row] = await this.findByIds(ctx, [id]);
    if (!row) throw AppError.notFound(`Mediator ${id} was not found.`);
    return row;
  }

  async list(ctx: RequestContext, filter: MediatorFilter | null | undefined, args: PageArgs) {
    requireAction(ctx, 'dispute:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const params: unknown[] = [path];
    const where = ['md.region_path <@ $1::ltree'];
    if (filter?.organizationId != null)
      where.push(
        `EXISTS (SELECT 1 FROM mediator_membership mm
           WHERE mm.mediator_id = md.id AND mm.organization_id::text = $${params.push(filter.organizationId)})`,
      );
    if (filter?.employment?.length) where.push(`md.employment = ANY($${params.push(filter.employment)})`);
    if (filter?.speciality) where.push(`$${params.push(filter.speciality)} = ANY(md.specialities)`);
    if (filter?.nameContains?.trim())
      where.push(`md.name ILIKE $${params.push(containsPattern(filter.nameContains.trim()))}`);
    if (filter?.active != null) where.push(`md.active = $${params.push(filter.active)}`);
    return inScope(ctx, async (m) => {
      if (filter?.organizationId != null) {
        const [organization] = await m.query(`SELECT 1 FROM mediation_organization WHERE id::text = $1`, [
          filter.organizationId,
        ]);
        if (!organization)
          throw AppError.badInput(`Organisation ${filter.organizationId} was not found.`, 'organizationId');
      }
      return listPage<Mediator>(m, {
        from: 'mediator md',
        columns: MEDIATOR_COLUMNS,
        where,
        params,
        args,
        sort: {
          key: 'NAME:ASC',
          expr: 'md.name',
          idExpr: 'md.id::text',
          direction: SortDirection.ASC,
          value: (r) => r.name,
          id: (r) => r.id,
        },
      });
    });
  }

  async register(ctx: RequestContext, input: RegisterMediatorInput): Promise<Mediator> {
    const principal = requireAction(ctx, 'mediation:manage');
    const name = checkText(input.name, 'name', 50);
    const phone = this.phone(input.phone);
    const specialities = [...new Set(input.specialities)];
    const qualifications = checkQualifications(input.qualifications);
    const trainings = checkTrainings(input.trainings);
    const path = await scopePath(ctx, input.regionCode);
    return inScope(ctx, async (m) => {
      const organizationIds = await this.checkOrganizations(m, input.organizationIds, path);
      if (input.userId != null) {
        const [account] = await m.query(
          `SELECT 1 FROM app_user u JOIN region r ON r.code = u.jurisdiction_code
           WHERE u.id::text = $1 AND 'MEDIATOR' = ANY(u.roles) AND u.disabled_at IS NULL AND r.path <@ $2::ltree`,
          [input.userId, principal.jurisdiction.path],
        );
        if (!account)
          throw AppError.badInput(
            `User ${input.userId} is not an active MEDIATOR account of your jurisdiction.`,
            'userId',
          );
      }
      // The only unique column besides the key is user_id: a conflict means the account is taken.
      const [created]: Mediator[] = await m.query(
        `INSERT INTO mediator (name, employment, specialities, qualifications, trainings, phone_encrypted,
           phone_masked, user_id, region_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
         RETURNING ${RETURNING}`,
        [
          name,
          input.employment,
          specialities,
          JSON.stringify(qualifications),
          JSON.stringify(trainings),
          phone && this.cipher.encrypt(phone),
          phone && maskPhone(phone),
          input.userId ?? null,
          input.regionCode,
        ],
      );
      if (!created) throw new AppError('CONFLICT', `User ${input.userId} is already linked to a mediator.`);
      await this.addMemberships(m, created.id, organizationIds, path);
      await this.audit.record(ctx, m, {
        action: 'mediator.register',
        entityType: 'Mediator',
        entityId: created.id,
        changes: {
          name: { new: name },
          employment: { new: input.employment },
          specialities: { new: specialities },
          phone: { new: created.phone },
          regionCode: { new: input.regionCode },
          organizationIds: { new: organizationIds },
          userId: { new: input.userId ?? null },
        },
        regionPath: path,
      });
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateMediatorInput): Promise<Mediator> {
    requireAction(ctx, 'mediation:manage');
    return inScope(ctx, async (m) => {
      const [before]: MediatorRow[] = await m.query(
        `SELECT ${MEDIATOR_COLUMNS}, md.region_path::text AS path FROM mediator md WHERE md.id::text = $1`,
        [input.id],
      );
      if (!before) throw AppError.notFound(`Mediator ${input.id} was not found.`);
      const sets: string[] = [];
      const params: unknown[] = [];
      const changes: Record<string, unknown> = {};
      const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value) + 2}`);
      const change = (field: string, old: unknown, value: unknown) => (changes[field] = { old, new: value });
      if (input.name != null) {
        const name = checkText(input.name, 'name', 50);
        set('name', name);
        change('name', before.name, name);
      }
      if (input.employment != null) {
        set('employment', input.employment);
        change('employment', before.employment, input.employment);
      }
      if (input.specialities != null) {
        const specialities = [...new Set(input.specialities)];
        set('specialities', specialities);
        change('specialities', before.specialities, specialities);
      }
      if (input.qualifications != null) {
        const qualifications = checkQualifications(input.qualifications);
        set('qualifications', JSON.stringify(qualifications));
        change('qualifications', before.qualifications, qualifications);
      }
      if (input.trainings != null) {
        const trainings = checkTrainings(input.trainings);
        set('trainings', JSON.stringify(trainings));
        change('trainings', before.trainings, trainings);
      }
      if (input.phone != null) {
        const phone = input.phone.trim() === '' ? null : this.phone(input.phone);
        set('phone_encrypted', phone && this.cipher.encrypt(phone));
        set('phone_masked', phone && maskPhone(phone));
        change('phone', before.phone, phone && maskPhone(phone));
      }
      if (input.active != null) {
        set('active', input.active);
        change('active', before.active, input.active);
      }
      const organizationIds =
        input.organizationIds == null
          ? null
          : await this.checkOrganizations(m, input.organizationIds, before.path);
      const updated = await versionedUpdate<Mediator>(
        m,
        'mediator',
        input.id,
        input.expectedVersion,
        sets,
        params,
        RETURNING,
      );
      if (organizationIds) {
        const [{ old }] = await m.query(
          `SELECT coalesce(array_agg(organization_id::text ORDER BY organization_id), '{}') AS old
           FROM mediator_membership WHERE mediator_id = $1`,
          [before.id],
        );
        await m.query(
          `DELETE FROM mediator_membership WHERE mediator_id = $1 AND NOT (organization_id::text = ANY($2))`,
          [before.id, organizationIds],
        );
        await this.addMemberships(m, before.id, organizationIds, before.path);
        change('organizationIds', old, [...organizationIds].sort());
      }
      await this.audit.record(ctx, m, {
        action: 'mediator.update',
        entityType: 'Mediator',
        entityId: input.id,
        changes,
        regionPath: before.path,
      });
      return updated;
    });
  }

  /** The organisations of many mediators in one statement (for `Mediator.organizations`). */
  organizationsOf(ctx: RequestContext, mediatorIds: readonly string[]): Promise<MediationOrganization[][]> {
    return inScope(ctx, async (m) => {
      const rows: (MediationOrganization & { mediatorId: string })[] = await m.query(
        `SELECT mm.mediator_id::text AS "mediatorId", ${ORGANIZATION_COLUMNS}
         FROM mediator_membership mm JOIN mediation_organization o ON o.id = mm.organization_id
         WHERE mm.mediator_id = ANY($1::uuid[]) ORDER BY o.name, o.id`,
        [mediatorIds],
      );
      const byMediator = groupBy(rows, (r) => r.mediatorId);
      return mediatorIds.map((id) => byMediator.get(id) ?? []);
    });
  }

  /** Cases on each mediator's desk (assigned or in mediation) that the caller may see: one statement. */
  activeCaseLoads(ctx: RequestContext, mediatorIds: readonly string[]): Promise<number[]> {
    return inScope(ctx, async (m) => {
      const rows: { id: string; n: number }[] = await m.query(
        `SELECT mediator_id::text AS id, count(*)::int AS n FROM dispute_case
         WHERE mediator_id = ANY($1::uuid[]) AND state = ANY($2) GROUP BY mediator_id`,
        [mediatorIds, ACTIVE_CASE_STATES],
      );
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return mediatorIds.map((id) => counts.get(id) ?? 0);
    });
  }

  private phone(value: string | null | undefined): string | null {
    if (value == null || value.trim() === '') return null;
    const phone = normalizePhone(value);
    if (!phone)
      throw AppError.badInput('The phone is not a valid mainland mobile or landline number.', 'phone');
    return phone;
  }

  /**
   * Organisations a mediator may belong to: ones that exist and whose region contains the mediator's (the
   * community's committee, the township's centre above it, a district's industry committee).
   */
  private async checkOrganizations(m: EntityManager, ids: readonly string[], mediatorPath: string) {
    const unique = [...new Set(ids)];
    if (unique.length > 20)
      throw AppError.badInput('A mediator belongs to at most 20 organisations.', 'organizationIds');
    const rows: { id: string; path: string }[] = await m.query(
      `SELECT id::text AS id, region_path::text AS path FROM mediation_organization WHERE id::text = ANY($1)`,
      [unique],
    );
    const paths = new Map(rows.map((r) => [r.id, r.path]));
    ids.forEach((id, i) => {
      const path = paths.get(id);
      if (!path) throw AppError.badInput(`Organisation ${id} was not found.`, `organizationIds.${i}`);
      if (!isWithin(mediatorPath, path))
        throw AppError.badInput(
          `Organisation ${id} does not cover the region the mediator works in.`,
          `organizationIds.${i}`,
        );
    });
    return unique;
  }

  /** Membership rows carry the mediator's path: they are scoped like the mediator. */
  private async addMemberships(
    m: EntityManager,
    mediatorId: string,
    organizationIds: string[],
    path: string,
  ) {
    if (!organizationIds.length) return;
    await m.query(
      `INSERT INTO mediator_membership (mediator_id, organization_id, region_path)
       SELECT $1, o, $3::ltree FROM unnest($2::uuid[]) AS o ON CONFLICT DO NOTHING`,
      [mediatorId, organizationIds, path],
    );
  }
}

function checkQualifications(items: readonly MediatorQualificationInput[]): MediatorQualification[] {
  if (items.length > MAX_ENTRIES)
    throw AppError.badInput(`At most ${MAX_ENTRIES} qualifications.`, 'qualifications');
  return items.map((q, i) => ({
    title: checkText(q.title, `qualifications.${i}.title`, 100),
    issuedBy: checkText(q.issuedBy, `qualifications.${i}.issuedBy`, 100),
    obtainedOn: pastDay(q.obtainedOn, `qualifications.${i}.obtainedOn`),
  }));
}

function checkTrainings(items: readonly MediatorTrainingInput[]): MediatorTraining[] {
  if (items.length > MAX_ENTRIES) throw AppError.badInput(`At most ${MAX_ENTRIES} trainings.`, 'trainings');
  return items.map((t, i) => {
    if (!Number.isInteger(t.hours) || t.hours < 1 || t.hours > 2000)
      throw AppError.badInput('hours is a whole number from 1 to 2000.', `trainings.${i}.hours`);
    return {
      title: checkText(t.title, `trainings.${i}.title`, 100),
      completedOn: pastDay(t.completedOn, `trainings.${i}.completedOn`),
      hours: t.hours,
    };
  });
}
