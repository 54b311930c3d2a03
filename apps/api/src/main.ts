import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, parseConfig } from './config';
import { openDatabase, prepareDatabase } from './database/open-database';
import { createLogger, flushLogs, logFormat, type Logger } from './logger';
import { loadSecrets } from './secrets';
import { createApp } from './server/app';
import { printBanner } from './server/banner';

let logger: Logger | undefined;

async function main() {
  const config = parseConfig();
  const log = (logger = createLogger(config.logLevel, { format: config.logFormat }));
  process.on('uncaughtException', (err) => exitOnFatal(err, 'uncaught exception'));
  process.on('unhandledRejection', (err) => exitOnFatal(err, 'unhandled rejection'));
  const secrets = await loadSecrets(config);
  const database = await openDatabase(config, log);
  await prepareDatabase(database, {
    logger: log,
    seed: config.database.seedIfEmpty ? { secrets, accounts: !config.database.url } : null,
  });

  const app = await createApp({ config, db: database.dataSource, logger: log, secrets });
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(config.port, config.host, resolve);
  }).catch(async (err) => {
    // A port in use, say: stop the embedded database too, then say what failed.
    await app.stop();
    await database.close();
    throw err;
  });
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info({ dashboard: `${base}/`, graphql: `${base}/graphql` }, 'qiangji is up');
  if (logFormat(config.logFormat) === 'pretty') {
    flushLogs(log);
    await printBanner({ base, config, db: database.dataSource, url: database.url });
  }

  let stopping = false;
  // SIGTERM comes from an orchestrator, whose balancer needs the grace period to see /readyz turn 503 and
  // stop sending; Ctrl-C is a person at a terminal, who wants the server gone now (in-flight requests still finish).
  const shutdown = async (signal: 'SIGTERM' | 'SIGINT') => {
    if (stopping) return;
    stopping = true;
    const graceMs = signal === 'SIGTERM' ? config.shutdown.graceMs : 0;
    log.info({ signal, graceMs }, 'shutting down');
    app.drain();
    await sleep(graceMs);
    const timer = setTimeout(() => {
      log.error('shutdown timed out');
      flushLogs(log);
      process.exit(1);
    }, config.shutdown.timeoutMs).unref();
    try {
      await app.stop();
      await database.close();
      clearTimeout(timer);
      log.info('stopped');
      flushLogs(log);
      process.exit(0);
    } catch (err) {
      exitOnFatal(err, 'shutdown failed');
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The last line must reach the log: pino writes asynchronously, so flush before exiting. */
function exitOnFatal(err: unknown, msg: string): never {
  if (logger) {
    logger.fatal({ err }, msg);
    flushLogs(logger);
  } else console.error(err);
  process.exit(1);
}

main().catch((err) => {
  // A configuration mistake is one clear line naming the variable, not a stack trace.
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  exitOnFatal(err, 'start failed');
});
