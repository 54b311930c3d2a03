import type { RequestContext } from '../server/context';
import { inScope } from './authz';
import type { Params } from './sql';

/**
 * A timeline table made by `addTimelineTable`: the column naming the object, the field it becomes, and the
 * objects' table, whose region path each row copies.
 */
export interface TimelineTable {
  table: string;
  objectColumn: string;
  objectField: string;
  objects: string;
}

/** A module's timeline: its table, the objects' table, the column naming the object and the field it becomes. */
export function defineTimeline(
  table: string,
  objects: string,
  objectColumn: string,
  objectField: string,
): TimelineTable {
  return { table, objects, objectColumn, objectField };
}

/** One step of an object's timeline: the command, the states it moved between, and what it recorded. */
export interface TimelineStep {
  objectId: string;
  command: string;
  from: string | null;
  to: string;
  details: object;
}

/**
 * The INSERT of timeline rows, for one object or many: each copies its object's region path (so row-level
 * security scopes it like the object) and names the person who took the step.
 */
export function appendTimelineSql(
  ctx: RequestContext,
  t: TimelineTable,
  steps: readonly TimelineStep[],
  p: Params,
): string {
  const rows = steps.map((s) => ({
    object_id: s.objectId,
    command: s.command,
    from_state: s.from,
    to_state: s.to,
    details: s.details,
  }));
  return `INSERT INTO ${t.table} (${t.objectColumn}, region_path, command, from_state, to_state, actor_name, details)
    SELECT o.id, o.region_path, s.command, s.from_state, s.to_state, ${p.param(ctx.principal?.displayName ?? 'system')}, s.details
    FROM jsonb_to_recordset(${p.param(JSON.stringify(rows), 'jsonb')})
      AS s (object_id uuid, command text, from_state text, to_state text, details jsonb)
    JOIN ${t.objects} o ON o.id = s.object_id`;
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
