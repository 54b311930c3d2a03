import type { Machine, Role } from '@qiangji/domain';
import { rowsTable } from './rows';

/** An object a machine moves, as a seed holds it: its state and optimistic version among its columns. */
export interface LivingRow<S extends string> {
  state: S;
  version: number;
}

/** One command of an object's life: when it is taken, by whom, and what it records (the domain's shape). */
export type LifeStep<D> = {
  [C in keyof D & string]: { command: C; at: Date; actor: string; details: D[C] };
}[keyof D & string];

/** A row of the object's timeline, as the API writes it. */
export interface TimelineRow<S extends string> {
  at: Date;
  command: string;
  from: S | null;
  to: S;
  actor: string;
  details: object;
}

/** The columns every timeline table has besides its object and path, in the seed kit's types. */
export const TIMELINE_COLUMNS = {
  at: 'timestamptz',
  command: 'text',
  fromState: 'text',
  toState: 'text',
  actorName: 'text',
  details: 'jsonb',
} as const;

/** A scoped timeline table: the object's id column, its copied region path, then the step's columns. */
export function timelineTable<const O extends string>(table: string, objectColumn: O) {
  const object = { [objectColumn]: 'uuid' } as Record<O, 'uuid'>;
  return rowsTable(table, { ...object, regionPath: 'ltree' as const, ...TIMELINE_COLUMNS });
}

/** A played step as those columns. */
export function timelineColumns<S extends string>(step: TimelineRow<S>) {
  return {
    at: step.at,
    command: step.command,
    fromState: step.from,
    toState: step.to,
    actorName: step.actor,
    details: step.details,
  };
}

/** How a seed plays lives of one machine: what the API's commands do to the object besides its state. */
export interface Lifecycle<S extends string, D extends { [K in keyof D]: object }, Row extends LivingRow<S>> {
  machine: Machine<S, D>;
  /** The roles the steps are taken with, checked as the API checks its caller's. */
  roles: readonly Role[];
  /** The columns each command sets from what it records and when: the `set` of the API's step. */
  effects: { readonly [C in keyof D & string]: (details: D[C], at: Date) => Partial<Row> };
  /** The columns that follow from where the object stands: the deadline of its current stage. */
  derive?(row: Row): Partial<Row>;
}

export function defineLifecycle<
  S extends string,
  D extends { [K in keyof D]: object },
  Row extends LivingRow<S>,
>(lifecycle: Lifecycle<S, D, Row>): Lifecycle<S, D, Row> {
  return lifecycle;
}

/** A step the API would refuse: the seed's plan is wrong, not the data. */
export class LifeError extends Error {}

/**
 * Plays an object's life up to `until`, as the API would have run it: `row` is the object as created (its first
 * state, version 1) and `birth` the timeline row of its creation. Each step is checked against the machine (its
 * state, the roles, a step that would change nothing), in time order; it moves the state, sets its columns and
 * the version, and leaves its timeline row. Steps after `until` have not happened yet. Moves `row` itself.
 */
export function playLife<S extends string, D extends { [K in keyof D]: object }, Row extends LivingRow<S>>(
  life: Lifecycle<S, D, Row>,
  row: Row,
  birth: Omit<TimelineRow<S>, 'from' | 'to'>,
  steps: readonly LifeStep<D>[],
  until: Date,
): { row: Row; timeline: TimelineRow<S>[] } {
  const timeline: TimelineRow<S>[] = [timelineRow(birth, null, row.state)];
  let last = birth.at;
  for (const step of steps) {
    if (step.at > until) break;
    const from = row.state;
    if (step.at < last)
      throw new LifeError(`${step.command} at ${step.at.toISOString()} is before ${last.toISOString()}.`);
    const check = life.machine.check(from, step.command, life.roles);
    if (!check.ok) throw new LifeError(`${check.reason}: ${step.command} from ${from}.`);
    const effect = life.effects[step.command] as (details: object, at: Date) => Partial<Row>;
    const set = effect(step.details, step.at);
    const current = row as Record<string, unknown>;
    if (
      !life.machine.rules[step.command].repeatable &&
      check.to === from &&
      Object.entries(set).every(([k, v]) => current[k] === v)
    )
      throw new LifeError(`${step.command} would change nothing.`);
    Object.assign(row, set);
    row.state = check.to;
    row.version += 1;
    timeline.push(timelineRow(step, from, check.to));
    last = step.at;
  }
  if (life.derive) Object.assign(row, life.derive(row));
  return { row, timeline };
}

/**
 * A timeline row that is not a step of the machine (a coordination meeting's decision), put in its place in
 * time: the object keeps its state and version. Only while the object is in one of `states`; says whether it was.
 */
export function noteOnTimeline<S extends string>(
  timeline: TimelineRow<S>[],
  note: Omit<TimelineRow<S>, 'from' | 'to'>,
  states: readonly S[],
): boolean {
  let i = timeline.length;
  while (i > 0 && timeline[i - 1].at > note.at) i--;
  const state = timeline[i - 1]?.to;
  if (!state || !states.includes(state)) return false;
  timeline.splice(i, 0, timelineRow(note, state, state));
  return true;
}

/** Written out rather than spread: a seed makes a hundred thousand of these, and spreads are slow in V8. */
function timelineRow<S extends string>(
  e: Omit<TimelineRow<S>, 'from' | 'to'>,
  from: S | null,
  to: S,
): TimelineRow<S> {
  return { at: e.at, command: e.command, from, to, actor: e.actor, details: e.details };
}
