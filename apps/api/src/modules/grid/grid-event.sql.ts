import { CLOSED_GRID_EVENT_STATES, GRID_EVENT_CLOCK_STATES, OPEN_GRID_EVENT_STATES } from '@qiangji/domain';

// The SQL twins of @qiangji/domain's rules about grid events (`gridEventDeadlineStatus`), for the queue's
// filters and the statistics; tested against the domain's function.

const list = (states: readonly string[]) => `'{${states.join(',')}}'::text[]`;
export const OPEN_STATES = list(OPEN_GRID_EVENT_STATES);
const CLOCK_STATES = list(GRID_EVENT_CLOCK_STATES);
const CLOSED_STATES = list(CLOSED_GRID_EVENT_STATES);

/** An event (alias `e`) whose clock runs and whose deadline has passed, or that was closed after it. */
export const lateSql = (e: string) =>
  `((${e}.state = ANY(${CLOCK_STATES}) AND ${e}.due_at < now()) OR
    (${e}.state = ANY(${CLOSED_STATES}) AND ${e}.closed_at > ${e}.due_at))`;

/** An event whose clock runs and whose deadline is still ahead: open and not (yet) late. */
export const notYetDueSql = (e: string) => `(${e}.state = ANY(${CLOCK_STATES}) AND ${e}.due_at >= now())`;

/** An event whose clock runs, in the last part of its time and not yet past it. */
export const atRiskSql = (e: string) =>
  `(${e}.state = ANY(${CLOCK_STATES}) AND ${e}.at_risk_at <= now() AND ${e}.due_at >= now())`;

/** A closed loop that met its deadline. */
export const closedOnTimeSql = (e: string) =>
  `(${e}.state = ANY(${CLOSED_STATES}) AND ${e}.closed_at <= ${e}.due_at)`;

export const closedSql = (e: string) => `(${e}.state = ANY(${CLOSED_STATES}))`;
