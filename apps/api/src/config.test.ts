import { ConfigError, parseConfig } from './config';
import { TEST_SECRETS_ENV } from './test/test-env';

describe('configuration', () => {
  it('when nothing is set, then the embedded database is used and GraphQL diagnostics are off (case 1)', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 4000,
      database: { url: undefined },
    });
    expect(config.graphql).toEqual({ introspection: false, fieldSuggestions: false, stackTraces: false });
  });

  it('when DATABASE_URL is set and NODE_ENV is not, then GraphQL diagnostics are off (case 1)', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://db/qiangji', ...TEST_SECRETS_ENV });
    expect(config.graphql).toEqual({ introspection: false, fieldSuggestions: false, stackTraces: false });
  });

  it('when the dev variables are set, as npm run dev sets them, then the diagnostics are on and there is no grace period', () => {
    const config = parseConfig({
      GRAPHQL_INTROSPECTION: 'true',
      GRAPHQL_FIELD_SUGGESTIONS: 'true',
      GRAPHQL_STACK_TRACES: 'true',
      SHUTDOWN_GRACE_MS: '0',
    });
    expect(config.graphql).toEqual({ introspection: true, fieldSuggestions: true, stackTraces: true });
    expect(config.shutdown.graceMs).toBe(0);
  });

  it('when nothing is set, then the rate limit is 600 a minute with bursts of 100 and a grace period of 5 s', () => {
    const config = parseConfig({});
    expect(config.rateLimit).toEqual({ perMinute: 600, burst: 100, syncMs: 250 });
    expect(config.shutdown).toEqual({ graceMs: 5000, timeoutMs: 10_000 });
  });

  it('when in production, then introspection, suggestions and stack traces are off unless asked for', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/qiangji',
      ...TEST_SECRETS_ENV,
    });
    expect(config.graphql).toEqual({ introspection: false, fieldSuggestions: false, stackTraces: false });
    const opted = parseConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/q',
      GRAPHQL_INTROSPECTION: 'true',
      ...TEST_SECRETS_ENV,
    });
    expect(opted.graphql.introspection).toBe(true);
  });

  it('when a variable is set but empty, then it counts as not set', () => {
    expect(parseConfig({ PORT: '', GRAPHQL_INTROSPECTION: '', DATABASE_URL: '' }).port).toBe(4000);
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'Invalid environment variable DATABASE_URL: required in production'],
    [{ PORT: '70000' }, 'Invalid environment variable PORT'],
    [
      { DATABASE_URL: 'postgres://db/q' },
      'Invalid environment variable DATA_KEY: required with DATABASE_URL',
    ],
    [
      { DATABASE_URL: 'postgres://db/q', DATA_KEY: 'c2hvcnQ=' },
      'Invalid environment variable DATA_KEY: must be 32 bytes',
    ],
    [{ GRAPHQL_INTROSPECTION: 'yes' }, 'Invalid environment variable GRAPHQL_INTROSPECTION'],
    [{ LOG_FORMAT: 'xml' }, 'Invalid environment variable LOG_FORMAT'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'Invalid environment variable RATE_LIMIT_PER_MINUTE'],
    [{ NODE_ENV: 'staging' }, 'Invalid environment variable NODE_ENV'],
  ])('when the environment is %p, then one ConfigError names the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
