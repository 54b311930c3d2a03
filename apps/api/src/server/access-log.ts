import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import type { RequestContext } from './context';

const REQUEST_ID = /^[\w.-]{1,64}$/;
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * One line per request, with its id (the client's `X-Request-Id` when it is sane, echoed back), the full path
 * (`/graphql`, never the mount point's `/`; no query string, which may carry GraphQL variables), the GraphQL
 * operation, the status and the time. While the server drains, every response closes its connection.
 */
export function accessLog(logger: Logger, draining: () => boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    if (draining()) res.setHeader('Connection', 'close');
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - start) / 1e3) / 1e3;
      const path = req.originalUrl.split('?', 1)[0];
      const { operation } = res.locals;
      const line = { requestId, method: req.method, path, operation, status: res.statusCode, durationMs };
      // Probes every few seconds are debug noise.
      if (PROBES.has(path) && res.statusCode === 200) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * The HTTP response of a GraphQL request, kept on its context under a symbol: Apollo hands plugins a shallow
 * copy of the context, which keeps enumerable symbol keys.
 */
const RESPONSE = Symbol('response');

export function withResponse(ctx: RequestContext, res: Response): RequestContext {
  return Object.assign(ctx, { [RESPONSE]: res });
}

/** The access log names the operation the request ran (its name, or its type when it has none). */
export function nameOperationInAccessLog(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          const res = (contextValue as RequestContext & { [RESPONSE]?: Response })[RESPONSE];
          if (res) res.locals.operation = operationName ?? `(${operation?.operation ?? 'unknown'})`;
        },
      };
    },
  };
}
