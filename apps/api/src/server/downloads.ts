import {
  HTTP_STATUS_BY_CODE,
  MAX_PURPOSE_LENGTH,
  MAX_REVEALED_EXPORT_ROWS,
  MIN_PURPOSE_LENGTH,
  chinaDay,
} from '@qiangji/domain';
import express, { type Request, type RequestHandler, type Response } from 'express';
import {
  coerceInputValue,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import { inScope, requireAction, requirePrincipal, scoped } from '../common/authz';
import { countRows, listBatches, type ListQuery } from '../common/connection';
import {
  chinaDateTime,
  attachment,
  ClientGone,
  EXPORT_CONTENT_TYPES,
  sheetWriter,
  type ExportFormat,
  withPlaces,
  type ListExport,
} from '../common/export';
import type { Logger } from '../logger';
import { createContext, type RequestContext, type Services } from './context';
import { MODULES } from './modules';
import { utf8Only } from './utf8-only';

const EXPORTS = new Map(MODULES.flatMap((m) => m.exports ?? []).map((e) => [e.list, e]));
const DOWNLOADS = new Map(MODULES.flatMap((m) => Object.entries(m.downloads ?? {})));

/** Rows read from PostgreSQL and written to the client at a time: one batch in memory, however long the list. */
const BATCH_SIZE = 1000;

const ExportBody = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  language: z.enum(['zh', 'en']).default('zh'),
  filter: z.record(z.string(), z.unknown()).nullish(),
  orderBy: z.record(z.string(), z.unknown()).nullish(),
  /** The list field's other arguments, e.g. `{ "regionCode": "230102" }` for `gridUnits`. */
  arguments: z.record(z.string(), z.unknown()).nullish(),
  /** With a purpose, the export carries the personal data it declares unmasked (and is audited so). */
  purpose: z.string().nullish(),
});
type ExportBody = z.infer<typeof ExportBody>;

/**
 * Files: `POST /exports/<list>` (every list that declares an export) and `POST /downloads/<name>` (a module's files:
 * the monthly report's PDF and workbook). Both take a JSON body and the credentials of `/graphql` in a header —
 * never a token in the URL, which ends up in access logs. A cross-site form cannot send that header, and a body
 * that is not JSON is refused with 415, so a page elsewhere cannot make a signed-in browser download anything.
 * Errors before the first byte answer in the GraphQL error shape with an HTTP status; after it, the connection
 * is cut, so that a partial file never looks complete.
 */
export function downloadRoutes(opts: {
  db: DataSource;
  logger: Logger;
  services: Services;
  schema: GraphQLSchema;
  guards: RequestHandler[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}) {
  const router = express.Router();
  const context = (req: Request, res: Response) =>
    createContext({
      db: opts.db,
      logger: opts.logger,
      services: opts.services,
      requestId: res.locals.requestId,
      clientIp: req.ip ?? null,
      principal: res.locals.principal ?? null,
      transactional: true,
    });
  const handle =
    (work: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      // A client that goes away mid-file is the export's to notice (it stops reading), never an unhandled error.
      res.on('error', (err) =>
        opts.logger.debug({ err, requestId: res.locals.requestId }, 'download aborted'),
      );
      try {
        if (!req.is('application/json'))
          throw new AppError('BAD_USER_INPUT', 'Send the request as JSON (Content-Type: application/json).');
        if (!res.locals.principal) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API key.');
        await work(req, res);
      } catch (err) {
        if (res.headersSent) {
          if (!isClientGone(err))
            opts.logger.error({ err, requestId: res.locals.requestId }, 'download failed');
          return void res.destroy();
        }
        const formatted = opts.formatError({ message: '' }, err);
        const code = String(formatted.extensions?.code);
        if (code === 'INTERNAL')
          opts.logger.error({ err, requestId: res.locals.requestId }, 'download failed');
        const status = req.is('application/json') ? (HTTP_STATUS_BY_CODE[code] ?? 500) : 415;
        res
          .status(status)
          .json({ errors: [{ message: formatted.message, extensions: formatted.extensions }] });
      }
    };
  const json = [utf8Only, express.json({ limit: '64kb' }), ...opts.guards];

  router.post(
    '/exports/:list',
    json,
    handle(async (req, res) => {
      const spec = EXPORTS.get(String(req.params.list));
      if (!spec) throw AppError.notFound(`There is no export of ${req.params.list}.`);
      await exportList(opts.schema, spec, parseBody(req.body), () => context(req, res), res);
    }),
  );
  router.post(
    '/downloads/:name',
    json,
    handle(async (req, res) => {
      const download = DOWNLOADS.get(String(req.params.name));
      if (!download) throw AppError.notFound(`There is no download ${req.params.name}.`);
      const ctx = context(req, res);
      try {
        await download(ctx, req.body, res);
      } finally {
        await ctx.transaction?.end();
      }
    }),
  );
  return router;
}

function parseBody(body: unknown): ExportBody {
  const parsed = ExportBody.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.') || undefined;
  throw AppError.badInput(`${field ?? 'The body'} is not valid: ${issue.message}`, field);
}

/**
 * An export in two transactions of the caller's scope, one after the other (never two connections at once):
 * the first checks the request, counts the rows and writes the audit row, and commits before a single row leaves;
 * the second reads the rows by keyset batches and writes each batch to the client as it comes, waiting when the
 * client is slower. `X-Total-Count` lets the client show its progress.
 */
async function exportList(
  schema: GraphQLSchema,
  spec: ListExport,
  body: ExportBody,
  context: () => RequestContext,
  res: Response,
) {
  const check = context();
  const reveal = body.purpose != null;
  const { query, total, principal } = await finishing(check, async () => {
    const principal = requirePrincipal(check);
    if (reveal) checkReveal(check, spec, body.purpose!);
    const args = {
      filter: coerce(schema, spec.list, 'filter', body.filter),
      orderBy: coerce(schema, spec.list, 'orderBy', body.orderBy),
      args: coerceArguments(schema, spec.list, body.arguments ?? {}),
      reveal,
    };
    const query: ListQuery<unknown> = await spec.query(check, args);
    const total = await inScope(check, async (m) => {
      const n = await countRows(m, query);
      if (reveal && n > MAX_REVEALED_EXPORT_ROWS)
        throw AppError.badInput(
          `An export with personal data unmasked holds at most ${MAX_REVEALED_EXPORT_ROWS} rows; narrow the filter.`,
          'purpose',
        );
      await check.services.audit.record(check, m, {
        action: `${spec.entityType[0].toLowerCase()}${spec.entityType.slice(1)}.export`,
        entityType: spec.entityType,
        changes: {
          format: body.format,
          rows: n,
          filter: body.filter ?? null,
          orderBy: body.orderBy ?? null,
          ...(body.arguments && { arguments: body.arguments }),
          ...(reveal && { revealed: spec.reveal!.fields }),
        },
        purpose: reveal ? body.purpose!.trim() : null,
        regionPath: principal.jurisdiction.path,
      });
      return n;
    });
    return { query, total, principal };
  });

  const title = spec.title[body.language];
  const format: ExportFormat = body.format;
  res.status(200).set({
    'Content-Type': EXPORT_CONTENT_TYPES[format],
    'Content-Disposition': attachment(`${title}-${chinaDay()}.${format}`),
    'Cache-Control': 'no-store',
    'X-Total-Count': String(total),
  });
  const writer = sheetWriter(
    format,
    res,
    {
      title,
      by: principal.displayName,
      at: chinaDateTime(new Date())!,
      purpose: body.purpose?.trim() ?? null,
    },
    spec.columns.map((c) => c.width),
  );
  const stream = context();
  await finishing(stream, async () => {
    writer.row(spec.columns.map((c) => c.label[body.language]));
    for await (const batch of listBatches(scoped(stream), query, BATCH_SIZE)) {
      const placed = spec.placed ? await withPlaces(stream, batch as { regionCode: string }[]) : batch;
      for (const row of spec.prepare ? await spec.prepare(stream, placed, reveal) : placed)
        writer.row(spec.columns.map((c) => c.value(row, body.language)));
      await writer.flush();
    }
    await writer.end();
  });
}

/** Runs the work in the context's scoped transaction and ends it: committed, or the error. */
async function finishing<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (err) {
    await ctx.transaction?.end();
    throw err;
  }
  if (ctx.transaction && !(await ctx.transaction.end()))
    throw new AppError('INTERNAL', 'Internal server error.');
  return result;
}

function checkReveal(ctx: RequestContext, spec: ListExport, purpose: string) {
  if (!spec.reveal) throw AppError.badInput('This list has no personal data to reveal.', 'purpose');
  requireAction(ctx, spec.reveal.action);
  const why = purpose.trim();
  if (why.length < MIN_PURPOSE_LENGTH || why.length > MAX_PURPOSE_LENGTH)
    throw AppError.badInput(
      `State the purpose in ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters.`,
      'purpose',
    );
}

/**
 * A list's `filter` or `orderBy` through the list field's own GraphQL input type: the same allow-list, enums,
 * scalars and ids as the list query (a field the type does not declare is refused), without echoing the input.
 */
function coerce(schema: GraphQLSchema, list: string, name: string, value: unknown, field = name) {
  const type = listArguments(schema, list).find((a) => a.name === name)?.type;
  if (value == null) return null;
  if (!type) throw AppError.badInput(`${list} takes no ${name}.`, field);
  let problem: string | null = null;
  const coerced = coerceInputValue(value, type, (path) => {
    problem ??= [field, ...path].join('.');
  });
  if (problem) throw AppError.badInput(`${problem} is not valid.`, problem);
  return coerced;
}

/** Arguments of a list that are not its page, filter or order: each by its own type, its default when absent. */
const OWN_ARGUMENTS = new Set(['first', 'after', 'offset', 'filter', 'orderBy']);

function listArguments(schema: GraphQLSchema, list: string): readonly GraphQLArgument[] {
  return schema.getQueryType()?.getFields()[list]?.args ?? [];
}

function coerceArguments(schema: GraphQLSchema, list: string, given: Record<string, unknown>) {
  const allowed = listArguments(schema, list).filter((a) => !OWN_ARGUMENTS.has(a.name));
  const unknown = Object.keys(given).find((name) => !allowed.some((a) => a.name === name));
  if (unknown) throw AppError.badInput(`${list} takes no argument ${unknown}.`, `arguments.${unknown}`);
  return Object.fromEntries(
    allowed.map((a) => {
      const value = given[a.name] ?? a.defaultValue;
      if (value == null && isNonNullType(a.type))
        throw AppError.badInput(`${a.name} is required.`, `arguments.${a.name}`);
      return [a.name, coerce(schema, list, a.name, value, `arguments.${a.name}`)];
    }),
  );
}

function isClientGone(err: unknown): boolean {
  return err instanceof ClientGone;
}
