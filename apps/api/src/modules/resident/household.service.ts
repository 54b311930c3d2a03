import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped } from '../../common/authz';
import { inOrder, listPage, type ListQuery, type PageArgs } from '../../common/connection';
import { parseId } from '../../common/ids';
import { editTarget, saveEdit } from '../../common/command';
import { Patch, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  Household,
  HouseholdFilter,
  MoveHouseholdInput,
  RegisterHouseholdInput,
  UpdateHouseholdInput,
} from './resident.types';

export const HOUSEHOLD_COLUMNS = `h.id, h.region_code AS "regionCode", h.address, h.tags, h.version,
  h.head_resident_id AS "headResidentId", h.created_at AS "createdAt", h.updated_at AS "updatedAt"`;

function checkAddress(address: string) {
  const text = address.trim();
  if (!text || text.length > 200) throw AppError.badInput('An address has 1 to 200 characters.', 'address');
  return text;
}

export interface MemberChange {
  id: string;
  name: string;
  registeredAt: string;
  changedAt: string;
}

const HOUSEHOLD = editTarget('household', 'Household', HOUSEHOLD_COLUMNS);

/** Changes an existing row only if the caller saw its latest version; tells a stale version from a missing row. */
export class HouseholdService {
  constructor(private readonly audit: AuditService) {}

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Household[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${HOUSEHOLD_COLUMNS} FROM household h WHERE h.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** SQL for another module's statistics: the households (id, region_path, poor) of a subtree (an ltree expression). */
  subtreeSql(path: string): string {
    return `SELECT h.id, h.region_path, 'POOR_HOUSEHOLD' = ANY(h.tags) AS poor FROM household h WHERE h.region_path <@ ${path}`;
  }

  /**
   * A household the caller may read (a parsed id) with its members' registrations and last changes, in one
   * statement, for another module's timeline of the household; the members' names are an audited read.
   */
  async withMemberChanges(ctx: RequestContext, m: EntityManager, id: string) {
    const [row]: { id: string; path: string; members: MemberChange[] }[] = await m.query(
      `SELECT h.id, h.region_path::text AS path, coalesce(json_agg(json_build_object('id', r.id, 'name', r.name,
         'registeredAt', r.created_at, 'changedAt', r.updated_at) ORDER BY r.created_at)
         FILTER (WHERE r.id IS NOT NULL), '[]') AS members
       FROM household h LEFT JOIN resident r ON r.household_id = h.id WHERE h.id = $1::uuid GROUP BY h.id`,
      [id],
    );
    if (row?.members.length)
      await this.audit.recordRead(ctx, m, {
        action: 'resident.list',
        entityType: 'Resident',
        changes: { returned: row.members.map((r) => r.id), via: 'Household.timeline' },
        regionPath: row.path,
      });
    return row ?? null;
  }

  async get(ctx: RequestContext, id: string): Promise<Household> {
    requireAction(ctx, 'household:read');
    const household = await ctx.loaders.resident.household.load(parseId(id, 'id'));
    if (!household) throw AppError.notFound(`Household ${id} was not found.`);
    return household;
  }

  async list(ctx: RequestContext, filter: HouseholdFilter | null | undefined, args: PageArgs) {
    return listPage<Household>(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: HouseholdFilter | null | undefined,
  ): Promise<ListQuery<Household>> {
    requireAction(ctx, 'household:read');
    const where = new Where().subtree('h.region_path', await scopePath(ctx, filter?.regionCode));
    if (filter?.tags?.length) where.add(`h.tags && ${where.param(filter.tags)}`);
    where.contains(['h.address'], filter?.addressContains);
    return {
      from: 'household h',
      columns: HOUSEHOLD_COLUMNS,
      where,
      sort: inOrder('household h', ['ADDRESS', 'address']),
    };
  }

  async register(ctx: RequestContext, input: RegisterHouseholdInput): Promise<Household> {
    requireAction(ctx, 'household:write');
    const path = await scopePath(ctx, input.regionCode);
    const address = checkAddress(input.address);
    return atomically(ctx, async (m) => {
      const [household] = await m.query(
        `INSERT INTO household (region_code, address, tags) VALUES ($1, $2, $3) RETURNING ${HOUSEHOLD.returning}`,
        [input.regionCode, address, [...new Set(input.tags)]],
      );
      await this.audit.record(ctx, m, {
        action: 'household.register',
        entityType: 'Household',
        entityId: household.id,
        changes: {
          regionCode: { new: input.regionCode },
          address: { new: address },
          tags: { new: household.tags },
        },
        regionPath: path,
      });
      return household;
    });
  }

  async update(ctx: RequestContext, input: UpdateHouseholdInput): Promise<Household> {
    requireAction(ctx, 'household:write');
    return atomically(ctx, async (m) => {
      const before = await this.visible(m, input.id);
      const patch = new Patch();
      if (input.address != null)
        patch.set('address', checkAddress(input.address), { field: 'address', old: before.address });
      if (input.tags) patch.set('tags', [...new Set(input.tags)], { field: 'tags', old: before.tags });
      if (input.headResidentId != null) {
        const head = parseId(input.headResidentId, 'headResidentId');
        const [member] = await m.query(`SELECT 1 FROM resident WHERE id = $1::uuid AND household_id = $2`, [
          head,
          before.id,
        ]);
        if (!member) throw AppError.badInput('The head must be a member of the household.', 'headResidentId');
        patch.set('head_resident_id', head, { field: 'headResidentId', old: before.headResidentId });
      }
      return saveEdit<Household>(ctx, m, HOUSEHOLD, before, input.expectedVersion, patch, [
        { action: 'household.update' },
      ]);
    });
  }

  /** Moves a household, and with it its members, to another region of the caller's jurisdiction. */
  async move(ctx: RequestContext, input: MoveHouseholdInput): Promise<Household> {
    requireAction(ctx, 'household:write');
    const path = await scopePath(ctx, input.regionCode);
    return atomically(ctx, async (m) => {
      const before = await this.visible(m, input.id);
      const patch = new Patch().set('region_code', input.regionCode, {
        field: 'regionCode',
        old: before.regionCode,
      });
      // Recorded on both sides, so that the auditors of the region it left see it as well as those of its new one.
      return saveEdit<Household>(ctx, m, HOUSEHOLD, before, input.expectedVersion, patch, [
        { action: 'household.move_out' },
        { action: 'household.move', regionPath: path },
      ]);
    });
  }

  private async visible(m: EntityManager, id: string): Promise<Household & { path: string }> {
    const [row] = await m.query(
      `SELECT ${HOUSEHOLD_COLUMNS}, h.region_path::text AS path FROM household h WHERE h.id = $1::uuid`,
      [parseId(id, 'id')],
    );
    if (!row) throw AppError.notFound(`Household ${id} was not found.`);
    return row;
  }
}
