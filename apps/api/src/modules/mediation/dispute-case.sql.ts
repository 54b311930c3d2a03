import { DISPUTE_CASE_STATES, isOpenDisputeCase } from '@qiangji/domain';

// The SQL twins of @qiangji/domain's rules about cases, for the lists' filters and the statistics: the one
// definition of overdue (`disputeDeadlineStatus`), stated once here and tested against the domain's function.

const OPEN_STATES = `'{${DISPUTE_CASE_STATES.filter(isOpenDisputeCase).join(',')}}'::text[]`;

/** A case (alias `c`) that is still open and past its stage's due time. */
export const overdueSql = (c: string) => `(${c}.state = ANY(${OPEN_STATES}) AND ${c}.due_at < now())`;

/** A case that is still open and whose stage's time has not run out: what a rollup cannot know ahead. */
export const notYetDueSql = (c: string) => `(${c}.state = ANY(${OPEN_STATES}) AND ${c}.due_at >= now())`;

/** A case that is still open, in the last part of its time and not yet past it. */
export const atRiskSql = (c: string) =>
  `(${c}.state = ANY(${OPEN_STATES}) AND ${c}.at_risk_at <= now() AND ${c}.due_at >= now())`;

/**
 * The cases a caller who only mediates may read: the ones assigned to it and the ones handled by the
 * organisations it belongs to (its work needs no more). `$me` is the placeholder of the caller's account id.
 */
export const ownCasesSql = (c: string, me: string) => `EXISTS (
  SELECT 1 FROM mediator md WHERE md.user_id = ${me} AND (md.id = ${c}.mediator_id OR EXISTS (
    SELECT 1 FROM mediator_membership mm WHERE mm.mediator_id = md.id AND mm.organization_id = ${c}.organization_id)))`;
