import { camelCase, type Machine } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../server/context';
import { AppError } from './app-error';
import { atomically, requirePrincipal } from './authz';
import { parseId } from './ids';
import { appendTimelineSql, type TimelineTable } from './timeline';
import { Patch, prepared, staleVersion, versionedUpdate, type TableRef } from './sql';

/** A row a machine moves: its id, optimistic version, state, and the region path it is scoped by. */
export interface CommandRow<S extends string> {
  id: string;
  version: number;
  state: S;
  path: string;
}

/** How the kit moves one kind of object: declared once per module, used by every command of its machine. */
export interface CommandTarget<
  S extends string,
  D extends { [K in keyof D]: object },
  Row extends CommandRow<S>,
> {
  ref: TableRef;
  /** The audit's entity type (`DisputeCase`) and the prefix of its actions (`disputeCase.accept`). */
  entityType: string;
  auditPrefix: string;
  /** Commands audited under another name: the API verb that takes them (`recordUnresolved` → `resolve`). */
  auditNames?: Partial<Record<keyof D & string, string>>;
  machine: Machine<S, D>;
  /** The columns an UPDATE returns: the object as the API answers it. */
  returning: string;
  /** The row in the caller's scope, as the caller may read it, locked for the command (`FOR UPDATE`), or nothing. */
  load(ctx: RequestContext, m: EntityManager, id: string): Promise<Row | undefined>;
  /** Why the caller, who may read the row, may not act on it (a case handled above its jurisdiction). */
  refusal?(ctx: RequestContext, row: Row): string | null;
  /** Whether a caller whom the machine's roles leave out may still take the command on this row (a portal
   * withdrawing an application it submitted for a resident). */
  permits?(ctx: RequestContext, row: Row, command: keyof D & string): boolean;
  /** Columns that follow from the new state (the deadline of the next stage). */
  derive?(row: Row, to: S, step: CommandStep<object>): Record<string, unknown>;
  /** The object's own history, when it keeps one: each command appends its row there. */
  timeline?: TimelineTable;
}

/**
 * A target's `load` where the scope alone decides what the caller reads: the row (`columns` name the table
 * by `alias`) with its region path, locked for the command.
 */
export function lockedRow<Row>(table: string, alias: string, columns: string) {
  return async (_ctx: RequestContext, m: EntityManager, id: string): Promise<Row | undefined> => {
    const [row] = await m.query(
      prepared(
        `SELECT ${columns}, ${alias}.region_path::text AS path FROM ${table} ${alias} WHERE ${alias}.id = $1::uuid FOR UPDATE`,
      ),
      [id],
    );
    return row;
  };
}

export interface CommandStep<D> {
  /** Columns the step changes besides the state. */
  set?: Record<string, unknown>;
  details: D;
  /** Instants the step starts (acceptance, conclusion), for `derive`. */
  clock?: Record<string, Date>;
  /** What the audit row records besides the state and the columns set (a day kept in no column). */
  audited?: Record<string, unknown>;
  /** Where a step that would change nothing is refused: its input field and the sentence to say. */
  unchanged?: { field: string; message: string };
}

/**
 * Every command of every machine, in one transaction: the object in the caller's scope (NOT_FOUND) → may the
 * caller act on it where it lies (FORBIDDEN) → the version (CONFLICT) → the machine's table (INVALID_TRANSITION
 * from the state, then FORBIDDEN for a role it does not allow) → the module's step (its own checks) → a step that would change nothing is refused
 * (BAD_USER_INPUT) unless the command records an occurrence → `UPDATE … WHERE version` → the timeline row with
 * the step's details → the audit row. Nothing is written unless all of it is.
 */
export function runCommand<
  S extends string,
  D extends { [K in keyof D]: object },
  Row extends CommandRow<S>,
  C extends keyof D & string,
>(
  ctx: RequestContext,
  target: CommandTarget<S, D, Row>,
  input: { id: string; expectedVersion: number },
  command: C,
  step: (row: Row, m: EntityManager) => CommandStep<D[C]> | Promise<CommandStep<D[C]>>,
): Promise<Row> {
  const principal = requirePrincipal(ctx);
  const id = parseId(input.id, 'id');
  return atomically(ctx, async (m) => {
    const row = await target.load(ctx, m, id);
    if (!row) throw AppError.notFound(`${target.ref.label} ${id} was not found.`);
    const refusal = target.refusal?.(ctx, row);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    if (row.version !== input.expectedVersion) throw staleVersion(input.expectedVersion, row.version);
    let check = target.machine.check(row.state, command, principal.roles);
    if (!check.ok && check.reason === 'FORBIDDEN' && target.permits?.(ctx, row, command))
      check = { ok: true, to: check.to ?? row.state };
    if (!check.ok && check.reason === 'FORBIDDEN')
      throw new AppError('FORBIDDEN', `Your roles do not allow ${command}.`);
    if (!check.ok)
      throw new AppError(
        'INVALID_TRANSITION',
        `A ${target.ref.label.toLowerCase()} in ${row.state} cannot ${command}.`,
        {
          from: check.from,
          to: check.to ?? check.from,
        },
      );
    const result = await step(row, m);
    const set = result.set ?? {};
    if (!target.machine.rules[command].repeatable && check.to === row.state && unchanged(row, set))
      throw AppError.badInput(
        result.unchanged?.message ?? `This ${command} would change nothing.`,
        result.unchanged?.field,
      );

    const patch = new Patch();
    for (const [column, value] of Object.entries({
      ...set,
      state: check.to,
      ...target.derive?.(row, check.to, result),
    }))
      patch.set(column, value);
    const entry = { command, from: row.state, to: check.to, details: result.details };
    const audit = {
      action: `${target.auditPrefix}.${target.auditNames?.[command] ?? command}`,
      entityType: target.entityType,
      entityId: row.id,
      changes: {
        state: { old: row.state, new: check.to },
        ...Object.fromEntries(
          Object.entries({ ...set, ...result.audited }).map(([k, v]) => [
            k,
            { new: v instanceof Date ? v.toISOString() : v },
          ]),
        ),
      },
      regionPath: row.path,
    };
    // The update, its timeline row and its audit row in one statement: all three or none.
    const updated = await versionedUpdate<Row>(
      m,
      target.ref,
      row.id,
      input.expectedVersion,
      patch,
      target.returning,
      (p) => [
        ...(target.timeline
          ? [appendTimelineSql(ctx, target.timeline, [{ objectId: row.id, ...entry }], p)]
          : []),
        ctx.services.audit.insertSql(ctx, audit, p),
      ],
    );
    return updated;
  });
}

/** A table whose rows are edited outside a machine (a correction, a move): named in messages and the audit. */
export interface EditTarget extends TableRef {
  /** The audit's entity type (`Household`). */
  entityType: string;
  /** The columns an UPDATE returns: the object as the API answers it. */
  returning: string;
}

/**
 * The EditTarget of `table`, whose UPDATE returns what its lists select: `columns` (`md.id, md.name …`) less
 * their table's alias, so an edit answers the same object a read does.
 */
export function editTarget(
  table: string,
  entityType: string,
  columns: string,
  label = entityType,
): EditTarget {
  const alias = /^\s*(\w+)\./.exec(columns)?.[1];
  if (!alias) throw new Error(`The columns of ${table} name no table alias.`);
  return { table, label, entityType, returning: columns.replaceAll(`${alias}.`, '') };
}

/** An audit row of an edit: by default the patch's changes, where the row was before it. */
export interface EditEvent {
  action: string;
  changes?: Record<string, unknown>;
  regionPath?: string;
}

/**
 * An edit of a row the caller has read in this transaction: `UPDATE … WHERE version` with the patch (NOT_FOUND,
 * CONFLICT), then its audit rows, one per event (a move is recorded where the row was and where it went).
 */
export async function saveEdit<T>(
  ctx: RequestContext,
  m: EntityManager,
  target: EditTarget,
  row: { id: string; path: string },
  expectedVersion: number,
  patch: Patch,
  events: readonly EditEvent[],
): Promise<T> {
  const updated = await versionedUpdate<T>(m, target, row.id, expectedVersion, patch, target.returning);
  for (const event of events)
    await ctx.services.audit.record(ctx, m, {
      entityType: target.entityType,
      entityId: row.id,
      changes: patch.changes,
      regionPath: row.path,
      ...event,
    });
  return updated;
}

/** Whether every column the step sets already holds that value on the row (`mediator_id` ↔ `mediatorId`). */
function unchanged(row: object, set: Record<string, unknown>): boolean {
  const current = row as Record<string, unknown>;
  return Object.entries(set).every(([column, value]) => same(current[camelCase(column)], value));
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  return (a ?? null) === (b ?? null);
}
