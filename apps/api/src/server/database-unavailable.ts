/** Seconds a client should wait before trying again while PostgreSQL cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; class 08 is "connection exception". */
const SERVER_CODES = /^(57P0[123]|08...)$/;
/** node-postgres and its pool say it in words only. */
const MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * True when the error means the database is out of reach (down, restarting, refusing connections), not that
 * the query was wrong: the client should retry (503 with Retry-After), and no one has to fix the request.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 4) return false;
  const e = err as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
    driverError?: unknown;
    originalError?: unknown;
  };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_CODES.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (
    Array.isArray(e.errors) &&
    e.errors.length > 0 &&
    e.errors.every((x) => isDatabaseUnavailable(x, depth + 1))
  )
    return true;
  return isDatabaseUnavailable(e.originalError ?? e.driverError ?? e.cause, depth + 1);
}
