import type { RequestContext } from '../server/context';
import { inScope } from './authz';

/** A timeline table made by `addTimelineTable`: the column naming the object, and the field it becomes. */
export interface TimelineTable {
  table: string;
  objectColumn: string;
  objectField: string;
}

/** The steps of these objects' timelines as plain rows, each object's oldest first (for a `groupLoader`). */
export function timelinesOf<T>(ctx: RequestContext, t: TimelineTable, ids: readonly string[]): Promise<T[]> {
  return inScope(ctx, (m) =>
    m.query(
      `SELECT e.id::text AS id, e.${t.objectColumn} AS "${t.objectField}", e.at, e.command,
         e.from_state AS "fromState", e.to_state AS "toState", e.actor_name AS "actorName", e.details
       FROM ${t.table} e WHERE e.${t.objectColumn} = ANY($1::uuid[]) ORDER BY e.${t.objectColumn}, e.id`,
      [ids],
    ),
  );
}
