import { SERVICE_CLOCK_STATES, type ServiceQueue } from '@qiangji/domain';

// The SQL twins of @qiangji/domain's rules about applications, for the queue, the filters and the statistics:
// the one definition of overdue (`isServiceApplicationOverdue`), tested against the domain's function.

const CLOCK_STATES = `'{${SERVICE_CLOCK_STATES.join(',')}}'::text[]`;

/** An application (alias `a`) whose clock runs and whose deadline has passed. */
export const overdueSql = (a: string) => `(${a}.state = ANY(${CLOCK_STATES}) AND ${a}.due_at < now())`;

/** An application whose clock runs and whose deadline is still ahead: the complement of overdue. */
export const notYetDueSql = (a: string) => `(${a}.state = ANY(${CLOCK_STATES}) AND ${a}.due_at >= now())`;

/** Today in China, the day appointments are kept on. */
export const CHINA_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** Each work queue of a service point as a condition on the application `a`. */
export const queueSql: { readonly [Q in ServiceQueue]: (a: string) => string } = {
  NEW: (a) => `${a}.state = 'SUBMITTED'`,
  WAITING_FOR_MATERIAL: (a) => `${a}.state = 'RETURNED'`,
  APPOINTMENTS_TODAY: (a) => `(${a}.state = 'APPOINTMENT_BOOKED' AND ${a}.appointment_day = ${CHINA_TODAY})`,
  OVERDUE: overdueSql,
};
