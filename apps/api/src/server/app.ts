import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { pendingMigrations } from '../database/data-source';
import { createContext, createServices, type RequestContext } from './context';
import { createFormatError, isClientError } from './format-error';
import { createSchema } from './schema';
import { commitBeforeResponse } from './commit-before-response';
import { refuseUnstorableText } from './text-input';
import { API_KEY_PREFIX } from '../modules/access/api-key.service';
import type { Secrets } from '../secrets';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { AppError } from '../common/app-error';

export interface App {
  httpServer: http.Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;
const PROBES = new Set(['/healthz', '/readyz']);

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
  // Longer than the keep-alive of the usual proxies (60 s) and clients: Node's 5 s default closes sockets they
  // are about to reuse, which shows up as ECONNRESET under load.
  httpServer.keepAliveTimeout = 65_000;
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
      // The path only: a query string may carry GraphQL variables. Probes every few seconds are debug noise.
      const line = { requestId, method: req.method, path: req.path, status: res.statusCode, durationMs };
      if (PROBES.has(req.path) && res.statusCode === 200) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
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
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: 3000 },
    introspection: config.graphql.introspection,
    hideSchemaDetailsFromClientErrors: !config.graphql.fieldSuggestions,
    includeStacktraceInErrorResponses: config.graphql.stackTraces,
    csrfPrevention: true,
    // main.ts owns SIGTERM: drain HTTP, then close the pool and the embedded database, then exit 0.
    stopOnTerminationSignals: false,
    formatError: createFormatError({ stackTraces: config.graphql.stackTraces }),
    allowBatchedHttpRequests: false,
    plugins: [
      ...armor.plugins,
      onlySignInWhenAnonymous(),
      refuseUnstorableText(),
      commitBeforeResponse(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      logUnexpectedErrors(),
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      // A credential that does not check out is refused here, before GraphQL: never treated as anonymous.
      const credential = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? req.get('x-api-key');
      if (!credential) return next();
      try {
        res.locals.principal = credential.startsWith(API_KEY_PREFIX)
          ? await services.apiKeys.principalFromKey(db, credential)
          : await services.auth.principalFromAccessToken(db, credential);
      } catch (err) {
        return next(err);
      }
      if (res.locals.principal) return next();
      res.status(401).json({
        errors: [
          { message: 'The access token or API key is not valid.', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext({
          db,
          logger,
          services,
          requestId: res.locals.requestId,
          clientIp: req.ip ?? null,
          principal: res.locals.principal ?? null,
          transactional: true,
        }),
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

  // Errors before GraphQL (a body too large, malformed JSON) answer in the GraphQL error shape, never an HTML stack page.
  app.use(
    (
      err: { status?: number; statusCode?: number; type?: string },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (res.headersSent) return next(err);
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

  return { httpServer, stop: () => apollo.stop() };
}

const ANONYMOUS_FIELDS = new Set(['login', 'refresh', '__typename']);

/** Anonymous callers may sign in and nothing else: every root field must be login, refresh or __typename. */
function onlySignInWhenAnonymous(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.principal || (operation && rootFieldsAre(operation, ANONYMOUS_FIELDS))) return;
          const error = new AppError('UNAUTHENTICATED', 'Sign in, or send an API key.');
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: { http: { status: 401 } },
          });
        },
      };
    },
  };
}

function rootFieldsAre(operation: OperationDefinitionNode, allowed: Set<string>): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && allowed.has(s.name.value));
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
