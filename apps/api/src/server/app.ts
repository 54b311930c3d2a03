import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { pendingMigrations } from '../database/data-source';
import { createContext, createServices, type RequestContext } from './context';
import { createFormatError, isClientError } from './format-error';
import { createSchema } from './schema';
import { commitBeforeResponse } from './commit-before-response';
import { refuseUnstorableText } from './text-input';
import { utf8Only } from './utf8-only';
import type { Secrets } from '../secrets';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { accessLog, nameOperationInAccessLog, withResponse } from './access-log';
import { refuseAnonymousUnlessSignIn } from './anonymous-guard';
import { favicon, graphqlPageForBrowsers } from './browser-pages';
import {
  answer503WhileDatabaseIsDown,
  answerDatabaseUnavailable,
  isDatabaseUnavailable,
} from './database-unavailable';
import { limitPerCredential, RateLimiter } from './rate-limit';
import { checkVariablesFirst } from './variable-check';
import { authenticate } from './credentials';
import { downloadRoutes } from './downloads';

export interface App {
  httpServer: http.Server;
  /**
   * The first step of a shutdown: /readyz answers 503 so that balancers stop sending, and every response from
   * now on closes its connection, so keep-alive clients reconnect elsewhere instead of losing a request.
   */
  drain(): void;
  /** Stops accepting, closes idle connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** graphql's parser stops at this many tokens; the anonymous guard parses with the same bound. */
const MAX_TOKENS = 3000;
/** A few errors tell a client what is wrong; thousands only cost the server (case 15). */
const MAX_VALIDATION_ERRORS = 10;
const MAX_COERCION_ERRORS = 3;

export async function createApp(opts: {
  config: Config;
  db: DataSource;
  logger: Logger;
  secrets: Secrets;
}): Promise<App> {
  const { config, db, logger } = opts;
  const services = createServices({
    secrets: opts.secrets,
    auth: config.auth,
    timeLimits: config.timeLimits,
  });
  const app = express();
  const httpServer = http.createServer(app);
  const limiter = new RateLimiter((db.driver as PostgresDriver).master, config.rateLimit, logger);
  let draining = false;
  // Longer than the keep-alive of the usual proxies (60 s) and clients: Node's 5 s default closes sockets they
  // are about to reuse, which shows up as ECONNRESET under load.
  httpServer.keepAliveTimeout = 65_000;
  app.disable('x-powered-by');
  // A weak ETag is a SHA-1 of every answer (and turns it into a Buffer first); no client revalidates a POST.
  // The dashboard's files keep theirs: express.static makes its own.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  // Express shows stack traces in its fallback pages unless its env says production: never show them.
  app.set('env', 'production');

  app.use(accessLog(logger, () => draining));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining) return void res.status(503).json({ status: 'shutting down' });
    try {
      const pending = (await pendingMigrations(db)).length > 0;
      res.status(pending ? 503 : 200).json({ status: pending ? 'migrations pending' : 'ready' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  // Depth, alias, token and cost limits: a query is refused before it runs, with BAD_USER_INPUT.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // graphql-armor's token plugin throws from the parser (an HTTP 500): graphql's own parser limit, below, refuses it cleanly.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: !config.graphql.fieldSuggestions },
  }).protect();
  const schema = await createSchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: armor.validationRules,
    validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
    executionOptions: { maxCoercionErrors: MAX_COERCION_ERRORS },
    parseOptions: { maxTokens: MAX_TOKENS },
    introspection: config.graphql.introspection,
    hideSchemaDetailsFromClientErrors: !config.graphql.fieldSuggestions,
    includeStacktraceInErrorResponses: config.graphql.stackTraces,
    // Automatic persisted queries let anyone register a query by hash: they save bandwidth, they are no safelist.
    persistedQueries: false,
    csrfPrevention: true,
    // main.ts owns SIGTERM: drain HTTP, then close the pool and the embedded database, then exit 0.
    stopOnTerminationSignals: false,
    formatError: createFormatError({
      stackTraces: config.graphql.stackTraces,
      suggestions: config.graphql.fieldSuggestions,
    }),
    allowBatchedHttpRequests: false,
    plugins: [
      ...armor.plugins,
      checkVariablesFirst({ maxErrors: MAX_COERCION_ERRORS, suggestions: config.graphql.fieldSuggestions }),
      refuseUnstorableText(),
      commitBeforeResponse(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Cache control hooks every field of every response (and we send no cache hints); the others would
      // report to Apollo's cloud, and would add their own per-field tracing if an APOLLO_KEY were set.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      nameOperationInAccessLog(),
      answer503WhileDatabaseIsDown(),
      logUnexpectedErrors(),
    ],
  });
  await apollo.start();
  limiter.start();
  app.use(
    '/graphql',
    inSeries(
      graphqlPageForBrowsers,
      utf8Only,
      express.json({ limit: '1mb' }),
      authenticate(services, db),
      limitPerCredential(limiter),
      refuseAnonymousUnlessSignIn(MAX_TOKENS),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const ctx = createContext({
            db,
            logger,
            services,
            requestId: res.locals.requestId,
            clientIp: clientIp(req),
            principal: res.locals.principal ?? null,
            transactional: true,
          });
          return withResponse(ctx, res);
        },
      }),
    ),
  );

  // Exports and reports as files: POST with a JSON body and the same credentials and limits as /graphql.
  app.use(
    downloadRoutes({
      db,
      logger,
      services,
      schema,
      guards: [authenticate(services, db), limitPerCredential(limiter)],
      formatError: createFormatError({ stackTraces: false, suggestions: false }),
    }),
  );

  if (existsSync(path.join(config.dashboardDir, 'index.html'))) {
    app.use(
      express.static(config.dashboardDir, {
        index: 'index.html',
        // Vite names assets by content hash, so they never change; index.html must be revalidated after a deploy.
        setHeaders: (res, file) =>
          res.setHeader(
            'Cache-Control',
            file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          ),
      }),
    );
  } else {
    logger.warn({ dir: config.dashboardDir }, 'dashboard not built; serving the API only');
  }
  // After the dashboard's files, so that an icon of its own wins.
  app.get('/favicon.ico', favicon);

  // Errors before GraphQL (a body too large, malformed JSON) answer in the GraphQL error shape, never an HTML stack page.
  app.use(
    (
      err: { status?: number; statusCode?: number; type?: string },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (res.headersSent) return next(err);
      if (isDatabaseUnavailable(err)) {
        logger.error({ err, requestId: res.locals.requestId }, 'request failed: database unavailable');
        return answerDatabaseUnavailable(res);
      }
      const status = err.status ?? err.statusCode ?? 500;
      if (status >= 500) logger.error({ err, requestId: res.locals.requestId }, 'request failed');
      const message =
        err.type === 'entity.too.large'
          ? 'The request body is too large (limit 1 MB).'
          : status < 500
            ? 'The request body is not valid JSON.'
            : 'Internal server error.';
      res
        .status(status)
        .json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL' } }] });
    },
  );

  return {
    httpServer,
    drain: () => void (draining = true),
    async stop() {
      draining = true;
      await apollo.stop();
      await limiter.stop();
    },
  };
}

/**
 * `req.ip`: without an X-Forwarded-For it is the socket's address whatever the trusted proxies, which is
 * what Express would work out after parsing the (absent) header and checking each address against them.
 */
/**
 * Middlewares as one layer of Express's router, run as Express runs them (an error or a rejected promise goes to
 * `next`): the router matches the mount path, trims the URL and logs once per layer, which for the seven steps of
 * every GraphQL request cost more than some of the steps.
 */
function inSeries(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (err?: unknown): void => {
      if (err) return next(err);
      const handler = handlers[i++];
      if (!handler) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise)
          result.catch((error: unknown) => next(error || new Error('Rejected promise')));
      } catch (error) {
        next(error);
      }
    };
    step();
  };
}

function clientIp(req: Request): string | null {
  return (req.headers['x-forwarded-for'] ? req.ip : req.socket.remoteAddress) ?? null;
}

/** Errors the client did not cause go to the log with the request id; the client sees only INTERNAL. */
function logUnexpectedErrors(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isClientError(error, error))
              contextValue?.logger?.error({ err: error.originalError ?? error }, 'unexpected error');
          }
        },
      };
    },
  };
}
