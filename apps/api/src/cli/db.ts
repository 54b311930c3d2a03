import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../common/app-error';
import { ConfigError, parseConfig } from '../config';
import { migrate } from '../database/data-source';
import { openDatabase } from '../database/open-database';
import { seedDemoData } from '../database/seed';
import { createLogger } from '../logger';
import { importBoundaries, importDivisions } from '../modules/region/region-import';
import { createAdmin } from '../modules/access/access.seed';
import { createContext, createServices } from '../server/context';
import { loadSecrets } from '../secrets';

const USAGE = `usage:
  npm run db:migrate
  npm run db:seed
  npm run db:import -- divisions <file.csv> [--valid-from YYYY-MM-DD]
  npm run db:import -- boundaries <file.geojson> [--crs gcj02|wgs84]   (default gcj02)
  npm run db:create-admin -- <username> <jurisdiction code>   (password from QIANGJI_ADMIN_PASSWORD)`;

/** npm runs workspace scripts inside the workspace; paths on the command line are the caller's. */
function resolveInput(file: string) {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'valid-from': { type: 'string' }, crs: { type: 'string' } },
  });
  const [command, kind, file] = positionals;
  const validFrom = values['valid-from'];
  if (validFrom !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(validFrom))
    throw new UsageError('--valid-from must be YYYY-MM-DD');
  const crs = values.crs ?? 'gcj02';
  if (crs !== 'gcj02' && crs !== 'wgs84') throw new UsageError('--crs must be gcj02 or wgs84');
  if (!['migrate', 'seed', 'import', 'create-admin'].includes(command)) throw new UsageError(USAGE);
  if (command === 'create-admin' && (!kind || !file || !process.env.QIANGJI_ADMIN_PASSWORD))
    throw new UsageError(USAGE);
  if (command === 'import' && (!['divisions', 'boundaries'].includes(kind) || !file))
    throw new UsageError(USAGE);

  const config = parseConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const input = command === 'import' ? await readInput(file) : '';
  const secrets = await loadSecrets(config);
  // The owner's connection: the CLI writes what the API may not (regions, the first account).
  const database = await openDatabase(config, logger, { as: 'owner' });
  try {
    const applied = await migrate(database.dataSource);
    if (command === 'migrate')
      return console.log(`migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}`);
    if (command === 'seed') {
      const seeded = await seedDemoData(database.dataSource, logger, {
        secrets,
        accounts: !config.database.url,
      });
      return console.log(JSON.stringify(seeded));
    }
    if (command === 'create-admin') {
      const id = await createAdmin(database.dataSource, kind, file, process.env.QIANGJI_ADMIN_PASSWORD!);
      return console.log(`created CITY_ADMIN ${kind} (${id}) for ${file}`);
    }
    const services = createServices({ secrets, auth: config.auth, timeLimits: config.timeLimits });
    const ctx = createContext({ db: database.dataSource, logger, services, requestId: `cli-${command}` });
    const started = Date.now();
    const result =
      kind === 'divisions'
        ? await importDivisions(ctx, input, { validFrom })
        : await importBoundaries(ctx, input, { crs });
    console.log(`${kind}: ${JSON.stringify(result)} in ${Date.now() - started} ms`);
  } finally {
    await database.close();
  }
}

async function readInput(file: string) {
  const resolved = resolveInput(file);
  return readFile(resolved, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${resolved} (${err.code ?? err.message}): check the path.`);
  });
}

class UsageError extends Error {}

/** Every failure is one sentence that says what to do; only the unforeseen adds its stack, for a bug report. */
function explain(err: unknown): string {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof AppError) return err.message;
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  if (code === '42501')
    return `PostgreSQL refused: ${message}. The CLI must connect as the owner role (MIGRATION_DATABASE_URL, docs/deploy.md).`;
  if (typeof code === 'string' && /^(08|57P)/.test(code))
    return `The connection to PostgreSQL was lost (${message}): check that it is running and try again.`;
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return `The command failed unexpectedly. Run it again with LOG_LEVEL=debug, and report this if it repeats:\n${detail}`;
}

main().catch((err) => {
  console.error(explain(err));
  process.exit(1);
});
