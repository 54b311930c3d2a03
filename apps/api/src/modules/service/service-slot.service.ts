import { chinaDay, isTimeOfDay } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { atomically, requireAction, scopePath, scoped } from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { isoDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { OpenServiceSlotInput, ServiceSlot, ServiceSlotFilter } from './service-application.types';

const SLOT_COLUMNS = `s.id, s.region_code AS "regionCode", s.day::text AS day,
  to_char(s.starts_at, 'HH24:MI') AS "startsAt", to_char(s.ends_at, 'HH24:MI') AS "endsAt", s.capacity, s.booked`;

/** The appointment slots of service points, scoped by jurisdiction like the applications booked into them. */
export class ServiceSlotService {
  constructor(private readonly audit: AuditService) {}

  /** Earliest first. */
  async list(ctx: RequestContext, filter: ServiceSlotFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: ServiceSlotFilter | null | undefined,
  ): Promise<ListQuery<ServiceSlot>> {
    requireAction(ctx, 'service:read');
    const where = new Where()
      .subtree('s.region_path', await scopePath(ctx, filter?.regionCode))
      .days('s.day', { from: filter?.dayFrom, to: filter?.dayTo }, { from: 'dayFrom', to: 'dayTo' }, 'date')
      .flag(filter?.available, 's.booked < s.capacity', 's.booked >= s.capacity');
    return {
      from: 'service_slot s',
      columns: SLOT_COLUMNS,
      where,
      sort: fixedSort(
        'STARTS',
        {
          expr: `(s.day + s.starts_at)`,
          value: (s) => `${s.day} ${s.startsAt}`,
          direction: SortDirection.ASC,
        },
        { expr: 's.id', of: (s) => s.id },
      ),
    };
  }

  async open(ctx: RequestContext, input: OpenServiceSlotInput): Promise<ServiceSlot> {
    requireAction(ctx, 'service:manage');
    const path = await scopePath(ctx, input.regionCode);
    const day = isoDay(input.day);
    if (day < chinaDay()) throw AppError.badInput('A slot is for today or later.', 'day');
    for (const field of ['startsAt', 'endsAt'] as const)
      if (!isTimeOfDay(input[field])) throw AppError.badInput(`${field} is a time of day, HH:MM.`, field);
    if (input.endsAt <= input.startsAt) throw AppError.badInput('endsAt is after startsAt.', 'endsAt');
    if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 200)
      throw AppError.badInput('capacity is 1 to 200.', 'capacity');
    return atomically(ctx, async (m) => {
      const [slot]: ServiceSlot[] = await m.query(
        `INSERT INTO service_slot AS s (region_code, day, starts_at, ends_at, capacity)
         VALUES ($1, $2::date, $3::time, $4::time, $5) RETURNING ${SLOT_COLUMNS}`,
        [input.regionCode, day, input.startsAt, input.endsAt, input.capacity],
      );
      await this.audit.record(ctx, m, {
        action: 'serviceSlot.open',
        entityType: 'ServiceSlot',
        entityId: slot.id,
        changes: { day: { new: day }, startsAt: { new: input.startsAt }, capacity: { new: input.capacity } },
        regionPath: path,
      });
      return slot;
    });
  }
}
