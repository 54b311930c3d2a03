import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { inScope, requireAction, scopePath } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import { containsPattern, versionedUpdate } from '../../common/sql';
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

/** Changes an existing row only if the caller saw its latest version; tells a stale version from a missing row. */
export class HouseholdService {
  constructor(private readonly audit: AuditService) {}

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Household[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${HOUSEHOLD_COLUMNS} FROM household h WHERE h.id::text = ANY($1)`, [ids]),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<Household> {
    requireAction(ctx, 'household:read');
    const household = await ctx.loaders.resident.household.load(id);
    if (!household) throw AppError.notFound(`Household ${id} was not found.`);
    return household;
  }

  async list(ctx: RequestContext, filter: HouseholdFilter | null | undefined, args: PageArgs) {
    requireAction(ctx, 'household:read');
    const path = await scopePath(ctx, filter?.regionCode);
    const params: unknown[] = [path];
    const where = ['h.region_path <@ $1::ltree'];
    if (filter?.tags?.length) where.push(`h.tags && $${params.push(filter.tags)}`);
    if (filter?.addressContains?.trim()) {
      where.push(`h.address ILIKE $${params.push(containsPattern(filter.addressContains.trim()))}`);
    }
    return inScope(ctx, (m) =>
      listPage<Household>(m, {
        from: 'household h',
        columns: HOUSEHOLD_COLUMNS,
        where,
        params,
        args,
        sort: {
          key: 'ADDRESS:ASC',
          expr: 'h.address',
          idExpr: 'h.id::text',
          direction: SortDirection.ASC,
          value: (r) => r.address,
          id: (r) => r.id,
        },
      }),
    );
  }

  async register(ctx: RequestContext, input: RegisterHouseholdInput): Promise<Household> {
    requireAction(ctx, 'household:write');
    const path = await scopePath(ctx, input.regionCode);
    const address = checkAddress(input.address);
    return inScope(ctx, async (m) => {
      const [household] = await m.query(
        `INSERT INTO household (region_code, address, tags) VALUES ($1, $2, $3) RETURNING ${HOUSEHOLD_COLUMNS.replaceAll('h.', '')}`,
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
    return inScope(ctx, async (m) => {
      const before = await this.visible(m, input.id);
      const sets: string[] = [];
      const params: unknown[] = [];
      const changes: Record<string, unknown> = {};
      const set = (column: string, field: string, value: unknown, old: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length + 2}`);
        changes[field] = { old, new: value };
      };
      if (input.address != null) set('address', 'address', checkAddress(input.address), before.address);
      if (input.tags) set('tags', 'tags', [...new Set(input.tags)], before.tags);
      if (input.headResidentId != null) {
        const [member] = await m.query(`SELECT 1 FROM resident WHERE id::text = $1 AND household_id = $2`, [
          input.headResidentId,
          before.id,
        ]);
        if (!member) throw AppError.badInput('The head must be a member of the household.', 'headResidentId');
        set('head_resident_id', 'headResidentId', input.headResidentId, before.headResidentId);
      }
      const household = await versionedUpdate<Household>(
        m,
        'household',
        input.id,
        input.expectedVersion,
        sets,
        params,
        HOUSEHOLD_COLUMNS.replaceAll('h.', ''),
      );
      await this.audit.record(ctx, m, {
        action: 'household.update',
        entityType: 'Household',
        entityId: input.id,
        changes,
        regionPath: before.path,
      });
      return household;
    });
  }

  /** Moves a household, and with it its members, to another region of the caller's jurisdiction. */
  async move(ctx: RequestContext, input: MoveHouseholdInput): Promise<Household> {
    requireAction(ctx, 'household:write');
    const path = await scopePath(ctx, input.regionCode);
    return inScope(ctx, async (m) => {
      const before = await this.visible(m, input.id);
      const household = await versionedUpdate<Household>(
        m,
        'household',
        input.id,
        input.expectedVersion,
        ['region_code = $3'],
        [input.regionCode],
        HOUSEHOLD_COLUMNS.replaceAll('h.', ''),
      );
      // Recorded on both sides, so that the auditors of the region it left see it as well as those of its new one.
      const changes = { regionCode: { old: before.regionCode, new: input.regionCode } };
      for (const [action, regionPath] of [
        ['household.move_out', before.path],
        ['household.move', path],
      ]) {
        await this.audit.record(ctx, m, {
          action,
          entityType: 'Household',
          entityId: input.id,
          changes,
          regionPath,
        });
      }
      return household;
    });
  }

  private async visible(m: EntityManager, id: string): Promise<Household & { path: string }> {
    const [row] = await m.query(
      `SELECT ${HOUSEHOLD_COLUMNS}, h.region_path::text AS path FROM household h WHERE h.id::text = $1`,
      [id],
    );
    if (!row) throw AppError.notFound(`Household ${id} was not found.`);
    return row;
  }
}
