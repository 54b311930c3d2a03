import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/access/access.seed';

/**
 * What a person who just ran `npm start` needs, on a terminal: where to click, where the data is, how to sign
 * in and how to stop. Machines read the JSON line `qiangji is up` instead (LOG_FORMAT=json).
 */
export async function printBanner(opts: { base: string; config: Config; db: DataSource; url: string }) {
  const { base, config } = opts;
  const demo: { username: string }[] = await opts.db.query(
    `SELECT username FROM app_user WHERE username = ANY($1) ORDER BY username`,
    [DEMO_ACCOUNTS.map((a) => a.username)],
  );
  const names = DEMO_ACCOUNTS.map((a) => a.username).filter((u) => demo.some((d) => d.username === u));
  const data = config.database.url
    ? `PostgreSQL at ${databaseName(opts.url)} (DATABASE_URL)`
    : `embedded PostgreSQL in ${config.database.embedded.dir} (port ${config.database.embedded.port})`;
  const lines = [
    '',
    '  强基 Qiangji is running',
    '',
    `  Dashboard    ${base}/`,
    `  GraphQL API  ${base}/graphql   (guide: docs/api-guide.md)`,
    `  Data         ${data}`,
    ...(names.length
      ? [
          `  Sign in as   ${names.join(', ')}`,
          `  Password     ${DEMO_PASSWORD}   (demo accounts, one per role)`,
        ]
      : []),
    `  Stop         Ctrl-C${config.database.url ? '' : ' (stops the embedded PostgreSQL too)'}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** host:port/database, never the user or password of the URL. */
function databaseName(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}
