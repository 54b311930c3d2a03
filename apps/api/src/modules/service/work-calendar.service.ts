import { calendarOf, validateWorkCalendarEntry, type WorkCalendar } from '@qiangji/domain';
import { AppError } from '../../common/app-error';
import { atomically, requireAction, requirePrincipal, scoped } from '../../common/authz';
import {
  listPage,
  orderedQuery,
  SortDirection,
  type ListQuery,
  type Queryable,
} from '../../common/connection';
import { ReferenceCache } from '../../common/reference-cache';
import { parseId } from '../../common/ids';
import { checkText, isoDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { AddWorkCalendarEntryInput, WorkCalendarArgs, WorkCalendarEntry } from './work-calendar.types';

const COLUMNS = `e.id, e.kind, e.name, e.first_day::text AS "firstDay", e.last_day::text AS "lastDay",
  e.created_by_name AS "createdByName", e.created_at AS "createdAt"`;

/** The calendar of every entered notice, as the domain's working-day functions take it. */
export async function loadWorkCalendar(q: Queryable): Promise<WorkCalendar> {
  return calendarOf(await q.query(`SELECT ${COLUMNS} FROM work_calendar_entry e`));
}
const calendars = new ReferenceCache('work_calendar_entry', loadWorkCalendar);

/**
 * The working calendar (法定节假日与调休): entered by the city each December from the State Council's notice,
 * read by every working-day deadline from memory (reloaded only when an entry is added or deleted).
 */
export class WorkCalendarService {
  constructor(private readonly audit: AuditService) {}

  /** The calendar this request sees (from memory; read in the transaction `q` outside a request). */
  async calendar(ctx: RequestContext, q: Queryable): Promise<WorkCalendar> {
    return (await calendars.get(ctx)) ?? loadWorkCalendar(q);
  }

  /** In calendar order; anyone signed in may read it, as deadlines are computed from it. */
  list(ctx: RequestContext, args: WorkCalendarArgs) {
    return listPage(scoped(ctx), { ...this.listQuery(ctx, args.filter), args });
  }

  /** The rows the list (or its export) selects. */
  listQuery(ctx: RequestContext, filter: WorkCalendarArgs['filter']): ListQuery<WorkCalendarEntry> {
    requirePrincipal(ctx);
    const where = new Where();
    const year = filter?.year;
    if (year != null) where.add(`extract(year FROM e.first_day) = ${where.param(year, 'int')}`);
    return orderedQuery<WorkCalendarEntry>(['FIRST_DAY', 'firstDay', SortDirection.ASC], {
      from: 'work_calendar_entry e',
      columns: COLUMNS,
      where,
    });
  }

  /** An entry of the notice; deadlines of applications submitted from now on follow it. */
  add(ctx: RequestContext, input: AddWorkCalendarEntryInput): Promise<WorkCalendarEntry> {
    const principal = requireAction(ctx, 'calendar:manage');
    const firstDay = isoDay(input.firstDay);
    const entry = validateWorkCalendarEntry({
      kind: input.kind,
      name: checkText(input.name, 'name', 40),
      firstDay,
      lastDay: input.lastDay ? isoDay(input.lastDay) : firstDay,
    });
    return atomically(ctx, async (m) => {
      const [created]: WorkCalendarEntry[] = await m.query(
        `INSERT INTO work_calendar_entry AS e (kind, name, first_day, last_day, created_by_name)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, first_day) DO NOTHING RETURNING ${COLUMNS}`,
        [entry.kind, entry.name, entry.firstDay, entry.lastDay, principal.displayName],
      );
      if (!created)
        throw new AppError('CONFLICT', `An entry of that kind starts on ${entry.firstDay} already.`, {
          field: 'firstDay',
        });
      await this.audit.record(ctx, m, {
        action: 'workCalendar.add',
        entityType: 'WorkCalendarEntry',
        entityId: created.id,
        changes: {
          kind: { new: entry.kind },
          firstDay: { new: entry.firstDay },
          lastDay: { new: entry.lastDay },
        },
        regionPath: principal.jurisdiction.path,
      });
      return created;
    });
  }

  /**
   * Takes back a mistyped entry (a correction is a delete and an add), with its audit row in the same savepoint.
   * Deadlines already computed keep theirs, as they do when an entry is added.
   */
  delete(ctx: RequestContext, entryId: string): Promise<WorkCalendarEntry> {
    const id = parseId(entryId, 'id');
    const principal = requireAction(ctx, 'calendar:manage');
    return atomically(ctx, async (m) => {
      // Through a CTE: TypeORM answers a bare DELETE with [rows, count], a SELECT with the rows.
      const [deleted]: WorkCalendarEntry[] = await m.query(
        `WITH e AS (DELETE FROM work_calendar_entry WHERE id = $1::uuid RETURNING *) SELECT ${COLUMNS} FROM e`,
        [id],
      );
      if (!deleted) throw AppError.notFound(`Work calendar entry ${id} was not found.`);
      await this.audit.record(ctx, m, {
        action: 'workCalendar.delete',
        entityType: 'WorkCalendarEntry',
        entityId: id,
        changes: {
          kind: { old: deleted.kind },
          name: { old: deleted.name },
          firstDay: { old: deleted.firstDay },
          lastDay: { old: deleted.lastDay },
        },
        regionPath: principal.jurisdiction.path,
      });
      return deleted;
    });
  }
}
