import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, requireAction, scopePath, scoped, unscoped } from '../../common/authz';
import { listPage, orderedQuery, SortDirection } from '../../common/connection';
import type { ListQuery, PageArgs } from '../../common/connection';
import { idempotency, insertOnce } from '../../common/idempotency';
import { parseId } from '../../common/ids';
import { checkText, isoDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  CreatePairingInput,
  CreateWorkUnitInput,
  Pairing,
  PairingFilter,
  WorkUnit,
  WorkUnitFilter,
} from './unit.types';
import { villagePath } from './village-place';

const UNIT_COLUMNS = `u.id, u.name, u.kind, u.level, u.region_code AS "regionCode", u.version,
  u.created_at AS "createdAt"`;
const PAIRING_COLUMNS = `p.id, p.work_unit_id AS "workUnitId", p.region_code AS "regionCode",
  p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.goals, p.version`;

/** Work units (单位) and their pairings with villages (包村). */
export class WorkUnitService {
  constructor(private readonly audit: AuditService) {}

  /** Units are reference data: read on the request's connection, whatever the caller's jurisdiction. */
  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<WorkUnit[]> {
    return unscoped(ctx)((q) =>
      q.query(`SELECT ${UNIT_COLUMNS} FROM work_unit u WHERE u.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** A unit (parsed id) by the caller's lights, or BAD_USER_INPUT on `field`. */
  async byId(m: EntityManager, id: string, field: string): Promise<WorkUnit> {
    const [unit] = await m.query(`SELECT ${UNIT_COLUMNS} FROM work_unit u WHERE u.id = $1`, [id]);
    if (!unit) throw AppError.badInput(`Work unit ${id} was not found.`, field);
    return unit;
  }

  async get(ctx: RequestContext, id: string): Promise<WorkUnit> {
    requireAction(ctx, 'village:read');
    const [unit] = await this.findByIds(ctx, [parseId(id, 'id')]);
    if (!unit) throw AppError.notFound(`Work unit ${id} was not found.`);
    return unit;
  }

  list(ctx: RequestContext, filter: WorkUnitFilter | null | undefined, args: PageArgs) {
    return listPage(unscoped(ctx), { ...this.listQuery(ctx, filter), args });
  }

  /** The rows the list (or its export) selects. */
  listQuery(ctx: RequestContext, filter: WorkUnitFilter | null | undefined): ListQuery<WorkUnit> {
    requireAction(ctx, 'village:read');
    const where = new Where()
      .anyOf('u.kind', filter?.kind)
      .anyOf('u.level', filter?.level)
      .contains(['u.name'], filter?.q);
    return orderedQuery<WorkUnit>(['NAME', 'name'], { from: 'work_unit u', columns: UNIT_COLUMNS, where });
  }

  async create(ctx: RequestContext, input: CreateWorkUnitInput): Promise<WorkUnit> {
    const principal = requireAction(ctx, 'village:write');
    const path = await scopePath(ctx, input.regionCode);
    const name = checkText(input.name, 'name', 100);
    const idem = idempotency(principal, input);
    return atomically(ctx, async (m) => {
      const { row: created, replayed } = await insertOnce<WorkUnit>(
        m,
        { table: 'work_unit', alias: 'u', columns: UNIT_COLUMNS },
        { name, kind: input.kind, level: input.level, region_code: input.regionCode },
        idem,
      );
      if (replayed) return created;
      await this.audit.record(ctx, m, {
        action: 'workUnit.create',
        entityType: 'WorkUnit',
        entityId: created.id,
        changes: { name: { new: name }, kind: { new: input.kind }, level: { new: input.level } },
        regionPath: path,
      });
      return created;
    });
  }

  findPairingsByIds(ctx: RequestContext, ids: readonly string[]): Promise<Pairing[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${PAIRING_COLUMNS} FROM pairing p WHERE p.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** Newest term first. */
  async pairings(ctx: RequestContext, filter: PairingFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.pairingQuery(ctx, filter)), args });
  }

  async pairingQuery(
    ctx: RequestContext,
    filter: PairingFilter | null | undefined,
  ): Promise<ListQuery<Pairing>> {
    requireAction(ctx, 'village:read');
    const where = new Where()
      .subtree('p.region_path', await scopePath(ctx, filter?.regionCode))
      .id('p.work_unit_id', filter?.workUnitId, 'workUnitId');
    if (filter?.activeOn) {
      const day = where.param(isoDay(filter.activeOn), 'date');
      where.add(`p.starts_on <= ${day} AND (p.ends_on IS NULL OR p.ends_on >= ${day})`);
    }
    return orderedQuery<Pairing>(['STARTS_ON', 'startsOn', SortDirection.DESC], {
      from: 'pairing p',
      columns: PAIRING_COLUMNS,
      where,
    });
  }

  async createPairing(ctx: RequestContext, input: CreatePairingInput): Promise<Pairing> {
    const principal = requireAction(ctx, 'village:write');
    const path = await villagePath(ctx, input.villageCode, 'villageCode');
    const workUnitId = parseId(input.workUnitId, 'workUnitId');
    const startsOn = isoDay(input.startsOn);
    const endsOn = input.endsOn ? isoDay(input.endsOn) : null;
    if (endsOn && endsOn < startsOn) throw AppError.badInput('endsOn is before startsOn.', 'endsOn');
    const goals = input.goals.trim();
    if (goals.length > 2000) throw AppError.badInput('goals has at most 2000 characters.', 'goals');
    const idem = idempotency(principal, input);
    return atomically(ctx, async (m) => {
      await this.byId(m, workUnitId, 'workUnitId');
      const { row: created, replayed } = await insertOnce<Pairing>(
        m,
        { table: 'pairing', alias: 'p', columns: PAIRING_COLUMNS },
        {
          work_unit_id: workUnitId,
          region_code: input.villageCode,
          starts_on: startsOn,
          ends_on: endsOn,
          goals,
        },
        idem,
      );
      if (replayed) return created;
      await this.audit.record(ctx, m, {
        action: 'pairing.create',
        entityType: 'Pairing',
        entityId: created.id,
        changes: {
          workUnitId: { new: workUnitId },
          villageCode: { new: input.villageCode },
          startsOn: { new: startsOn },
        },
        regionPath: path,
      });
      return created;
    });
  }
}
