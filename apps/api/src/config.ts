import path from 'node:path';
import { DEFAULT_TIME_LIMITS } from '@qiangji/domain';
import { z } from 'zod';

const REPO_ROOT = path.resolve(__dirname, '../../..');

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const days = (fallback: number) => z.coerce.number().int().min(1).max(365).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The owner role, for migrations, seeding and the CLI; the API's own DATABASE_URL never owns a table. */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PRINCIPAL_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  EMBEDDED_PG_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, '.data', 'postgres')),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  SEED_IF_EMPTY: bool.default(true),
  DASHBOARD_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'apps', 'dashboard', 'dist')),
  GRAPHQL_INTROSPECTION: bool.default(false),
  GRAPHQL_FIELD_SUGGESTIONS: bool.default(false),
  GRAPHQL_STACK_TRACES: bool.default(false),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000_000).default(100),
  RATE_LIMIT_SYNC_MS: z.coerce.number().int().min(50).max(10_000).default(250),
  DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(7 * 24 * 3600),
  DISPUTE_ACCEPT_DAYS: days(DEFAULT_TIME_LIMITS.acceptDays),
  DISPUTE_CONCLUDE_DAYS: days(DEFAULT_TIME_LIMITS.concludeDays),
  DISPUTE_FOLLOW_UP_DAYS: days(DEFAULT_TIME_LIMITS.followUpDays),
  DISPUTE_CLOSE_DAYS: days(DEFAULT_TIME_LIMITS.closeDays),
});

export type Config = ReturnType<typeof parseConfig>;

/**
 * Parses the environment once at boot. Safe is the default whatever NODE_ENV says (or whether it is set at all):
 * introspection, suggestions and stack traces are on only when their variable says `true`, as `npm run dev` does.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env) {
  // Orchestrators often pass `NAME=` for "not set": an empty value means the default.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema
    .refine((e) => e.NODE_ENV !== 'production' || e.DATABASE_URL, {
      path: ['DATABASE_URL'],
      message: 'required in production (the embedded PostgreSQL is for development)',
    })
    // Keys are generated for the embedded database only; a real database needs keys that outlive this machine.
    .refine((e) => !e.DATABASE_URL || e.DATA_KEY, {
      path: ['DATA_KEY'],
      message: 'required with DATABASE_URL',
    })
    .refine((e) => !e.DATABASE_URL || e.JWT_SECRET, {
      path: ['JWT_SECRET'],
      message: 'required with DATABASE_URL',
    })
    .refine((e) => !e.MIGRATION_DATABASE_URL || e.DATABASE_URL, {
      path: ['MIGRATION_DATABASE_URL'],
      message: 'needs DATABASE_URL too (the embedded database makes both itself)',
    })
    .safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = result.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    /** Unset: short readable lines on a terminal, JSON lines otherwise (see logger.ts). */
    logFormat: e.LOG_FORMAT,
    database: {
      url: e.DATABASE_URL,
      migrationUrl: e.MIGRATION_DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      embedded: { dir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
      seedIfEmpty: e.SEED_IF_EMPTY,
    },
    dashboardDir: e.DASHBOARD_DIR,
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION,
      fieldSuggestions: e.GRAPHQL_FIELD_SUGGESTIONS,
      stackTraces: e.GRAPHQL_STACK_TRACES,
    },
    shutdown: { graceMs: e.SHUTDOWN_GRACE_MS, timeoutMs: e.SHUTDOWN_TIMEOUT_MS },
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      burst: e.RATE_LIMIT_BURST,
      syncMs: e.RATE_LIMIT_SYNC_MS,
    },
    secrets: { dataKey: e.DATA_KEY, jwtSecret: e.JWT_SECRET },
    auth: {
      accessTokenTtl: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtl: e.REFRESH_TOKEN_TTL_SECONDS,
      principalCacheTtl: e.PRINCIPAL_CACHE_TTL_SECONDS,
    },
    timeLimits: {
      acceptDays: e.DISPUTE_ACCEPT_DAYS,
      concludeDays: e.DISPUTE_CONCLUDE_DAYS,
      followUpDays: e.DISPUTE_FOLLOW_UP_DAYS,
      closeDays: e.DISPUTE_CLOSE_DAYS,
    },
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
