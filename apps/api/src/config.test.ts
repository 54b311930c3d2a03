import { ConfigError, parseConfig } from './config';
import { TEST_SECRETS_ENV } from './test/test-env';

describe('configuration', () => {
  it('when nothing is set, then development defaults apply and GraphQL diagnostics are on', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 4000,
      database: { url: undefined },
    });
    expect(config.graphql).toEqual({ introspection: true, fieldSuggestions: true, stackTraces: true });
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
    [{ NODE_ENV: 'staging' }, 'Invalid environment variable NODE_ENV'],
  ])('when the environment is %p, then one ConfigError names the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
