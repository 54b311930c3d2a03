import 'reflect-metadata';
import { ConfigError, parseConfig } from './config';
import { openDatabase, prepareDatabase } from './database/open-database';
import { createLogger } from './logger';
import { loadSecrets } from './secrets';
import { createApp } from './server/app';

async function main() {
  const config = parseConfig();
  const logger = createLogger(config.logLevel);
  const secrets = await loadSecrets(config);
  const database = await openDatabase(config, logger);
  await prepareDatabase(database, {
    logger,
    seed: config.database.seedIfEmpty ? { secrets, accounts: !config.database.url } : null,
  });

  const app = await createApp({ config, db: database.dataSource, logger, secrets });
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ dashboard: `${base}/`, graphql: `${base}/graphql` }, 'qiangji is up');
  if (process.stdout.isTTY)
    console.log(`\n  强基 Qiangji\n  dashboard: ${base}/\n  GraphQL:   ${base}/graphql\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await app.stop();
      await database.close();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // A configuration mistake is one clear line naming the variable, not a stack trace.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
