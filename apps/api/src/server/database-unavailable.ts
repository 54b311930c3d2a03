import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';

/** Seconds a client should wait before trying again while PostgreSQL cannot be reached. */
const RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable. Try again in a few seconds.';

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

/** The answer before GraphQL (the credential could not be looked up). */
export function answerDatabaseUnavailable(res: Response): void {
  res
    .status(503)
    .set('Retry-After', String(RETRY_AFTER_SECONDS))
    .json({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'INTERNAL' } }] });
}

/** A database that cannot be reached is not the request's fault: 503 and a time to retry, not a 500. */
export function answer503WhileDatabaseIsDown(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let unavailable = false;
      return {
        async didEncounterErrors({ errors }) {
          unavailable ||= errors.some((e) => isDatabaseUnavailable(e));
        },
        async willSendResponse({ response }) {
          if (!unavailable) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
