import { DISPUTE_CASE_DESK_STATES, maskPhone } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { inOrder, listPage, type ListQuery, type PageArgs } from '../../common/connection';
import { groupBy } from '../../common/group-by';
import { columnsFor, withInstants, type FieldColumns } from '../../common/look-ahead';
import type { PersonalDataCipher } from '../../common/personal-data';
import { parseId, parseIds } from '../../common/ids';
import { editTarget, saveEdit } from '../../common/command';
import { checkText, getById, optionalPhone, pastDay, Patch, Where } from '../../common/sql';
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

/** A mediator's columns by GraphQL field (`columnsFor`), and what the mediator's field resolvers read. */
const MEDIATOR_FIELDS: FieldColumns = {
  columns: {
    id: 'md.id',
    name: 'md.name',
    employment: 'md.employment',
    specialities: 'md.specialities',
    qualifications: 'md.qualifications',
    trainings: 'md.trainings',
    phone: 'md.phone_masked AS phone',
    regionCode: 'md.region_code AS "regionCode"',
    active: 'md.active',
    version: 'md.version',
    userId: 'md.user_id AS "userId"',
    createdAt: 'md.created_at AS "createdAt"',
    updatedAt: 'md.updated_at AS "updatedAt"',
  },
  needs: { region: ['regionCode'], organizations: ['id'], activeCaseLoad: ['id'] },
  always: ['id'],
};

export const MEDIATOR_COLUMNS = columnsFor(MEDIATOR_FIELDS, null);
const MEDIATOR = editTarget('mediator', 'Mediator', MEDIATOR_COLUMNS);

/**
 * The mediator `id` (an SQL expression) as one JSON value of `findByIds`' columns, to read it ahead with a case:
 * those the client's selection under the mediator needs (`columnsFor`), all of them without one.
 */
export const mediatorJsonSql = (id: string, selected: ReadonlySet<string> | null = null) =>
  `(SELECT row_to_json(md) FROM (SELECT ${columnsFor(MEDIATOR_FIELDS, selected)} FROM mediator md WHERE md.id = ${id}) md)`;

/** A mediator as `mediatorJsonSql` gives it, its instants as `findByIds` reads them. */
export const mediatorFromJson = (json: Mediator | null): Mediator | null =>
  json && withInstants(json, 'createdAt', 'updatedAt');
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
      m.query(`SELECT ${MEDIATOR_COLUMNS} FROM mediator md WHERE md.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /**
   * A mediator (a parsed id) who may take a case handled by an organisation: active, visible to the caller, and a
   * member of that organisation or of one inside its region (a township centre draws on its villages' mediators).
   */
  async available(
    m: EntityManager,
    mediatorId: string,
    organizationPath: string,
    organizationId: string,
  ): Promise<{ name: string } | null> {
    const [row] = await m.query(
      `SELECT md.name FROM mediator md
       JOIN mediator_membership mm ON mm.mediator_id = md.id
       JOIN mediation_organization o ON o.id = mm.organization_id
       WHERE md.id = $1::uuid AND md.active AND (o.id = $3::uuid OR o.region_path <@ $2::ltree) LIMIT 1`,
      [mediatorId, organizationPath, organizationId],
    );
    return row ?? null;
  }

  get(ctx: RequestContext, id: string): Promise<Mediator> {
    requireAction(ctx, 'dispute:read');
    return getById((ids) => this.findByIds(ctx, ids), id, 'Mediator');
  }

  async list(ctx: RequestContext, filter: MediatorFilter | null | undefined, args: PageArgs) {
    return listPage<Mediator>(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: MediatorFilter | null | undefined,
  ): Promise<ListQuery<Mediator>> {
    requireAction(ctx, 'dispute:read');
    const where = new Where().subtree('md.region_path', await scopePath(ctx, filter?.regionCode));
    if (filter?.organizationId != null) {
      const organizationId = parseId(filter.organizationId, 'organizationId');
      const organization = await inScope(ctx, (m) => ctx.services.organizations.byId(m, organizationId));
      if (!organization)
        throw AppError.badInput(`Organisation ${filter.organizationId} was not found.`, 'organizationId');
      where.add(
        `EXISTS (SELECT 1 FROM mediator_membership mm
           WHERE mm.mediator_id = md.id AND mm.organization_id = ${where.param(organizationId, 'uuid')})`,
      );
    }
    where.anyOf('md.employment', filter?.employment).contains(['md.name'], filter?.nameContains);
    if (filter?.speciality) where.add(`${where.param(filter.speciality)} = ANY(md.specialities)`);
    if (filter?.active != null) where.add(`md.active = ${where.param(filter.active)}`);
    return {
      from: 'mediator md',
      columns: MEDIATOR_COLUMNS,
      where,
      sort: inOrder('mediator md', ['NAME', 'name']),
    };
  }

  async register(ctx: RequestContext, input: RegisterMediatorInput): Promise<Mediator> {
    const principal = requireAction(ctx, 'mediation:manage');
    const name = checkText(input.name, 'name', 50);
    const phone = optionalPhone(input.phone);
    const specialities = [...new Set(input.specialities)];
    const qualifications = checkQualifications(input.qualifications);
    const trainings = checkTrainings(input.trainings);
    const path = await scopePath(ctx, input.regionCode);
    return atomically(ctx, async (m) => {
      const organizationIds = await this.checkOrganizations(m, input.organizationIds, path);
      const userId = input.userId == null ? null : parseId(input.userId, 'userId');
      if (userId != null) {
        const linkable = await ctx.services.users.isActiveWithRole(
          ctx,
          m,
          userId,
          'MEDIATOR',
          principal.jurisdiction.path,
        );
        if (!linkable)
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
         RETURNING ${MEDIATOR.returning}`,
        [
          name,
          input.employment,
          specialities,
          JSON.stringify(qualifications),
          JSON.stringify(trainings),
          phone && this.cipher.encrypt(phone),
          phone && maskPhone(phone),
          userId,
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
          userId: { new: userId },
        },
        regionPath: path,
      });
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateMediatorInput): Promise<Mediator> {
    requireAction(ctx, 'mediation:manage');
    const id = parseId(input.id, 'id');
    return atomically(ctx, async (m) => {
      const [before]: MediatorRow[] = await m.query(
        `SELECT ${MEDIATOR_COLUMNS}, md.region_path::text AS path FROM mediator md WHERE md.id = $1::uuid`,
        [id],
      );
      if (!before) throw AppError.notFound(`Mediator ${input.id} was not found.`);
      const patch = new Patch();
      const field = <K extends keyof Mediator>(key: K, column: string, value: unknown) =>
        patch.set(column, value, { field: key, old: before[key] });
      if (input.name != null) field('name', 'name', checkText(input.name, 'name', 50));
      if (input.employment != null) field('employment', 'employment', input.employment);
      if (input.specialities != null) field('specialities', 'specialities', [...new Set(input.specialities)]);
      if (input.qualifications != null) {
        const qualifications = checkQualifications(input.qualifications);
        patch.set('qualifications', JSON.stringify(qualifications), {
          field: 'qualifications',
          old: before.qualifications,
          audited: qualifications,
        });
      }
      if (input.trainings != null) {
        const trainings = checkTrainings(input.trainings);
        patch.set('trainings', JSON.stringify(trainings), {
          field: 'trainings',
          old: before.trainings,
          audited: trainings,
        });
      }
      if (input.phone != null) {
        const phone = optionalPhone(input.phone);
        patch.set('phone_encrypted', phone && this.cipher.encrypt(phone));
        patch.set('phone_masked', phone && maskPhone(phone), { field: 'phone', old: before.phone });
      }
      if (input.active != null) field('active', 'active', input.active);
      const organizationIds =
        input.organizationIds == null
          ? null
          : await this.checkOrganizations(m, input.organizationIds, before.path);
      if (organizationIds) {
        const [{ old }] = await m.query(
          `SELECT coalesce(array_agg(organization_id::text ORDER BY organization_id), '{}') AS old
           FROM mediator_membership WHERE mediator_id = $1`,
          [id],
        );
        await m.query(
          `DELETE FROM mediator_membership WHERE mediator_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`,
          [id, organizationIds],
        );
        await this.addMemberships(m, id, organizationIds, before.path);
        patch.note('organizationIds', old, [...organizationIds].sort());
      }
      // A stale version undoes the memberships with the rest of the transaction.
      return saveEdit<Mediator>(ctx, m, MEDIATOR, before, input.expectedVersion, patch, [
        { action: 'mediator.update' },
      ]);
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
        [mediatorIds, DISPUTE_CASE_DESK_STATES],
      );
      const counts = new Map(rows.map((r) => [r.id, r.n]));
      return mediatorIds.map((id) => counts.get(id) ?? 0);
    });
  }

  /**
   * Organisations a mediator may belong to: ones that exist and whose region contains the mediator's (the
   * community's committee, the township's centre above it, a district's industry committee).
   */
  private async checkOrganizations(m: EntityManager, ids: readonly string[], mediatorPath: string) {
    const parsed = parseIds(ids, 'organizationIds');
    const unique = [...new Set(parsed)];
    if (unique.length > 20)
      throw AppError.badInput('A mediator belongs to at most 20 organisations.', 'organizationIds');
    const rows: { id: string; path: string }[] = await m.query(
      `SELECT id::text AS id, region_path::text AS path FROM mediation_organization WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    const paths = new Map(rows.map((r) => [r.id, r.path]));
    parsed.forEach((id, i) => {
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
