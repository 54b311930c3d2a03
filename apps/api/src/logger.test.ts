import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createLogger, flushLogs, type Logger } from './logger';

/** The file is opened asynchronously: lines logged before are kept, but only an open file can be flushed. */
async function opened(logger: Logger): Promise<void> {
  const stream = (logger as unknown as Record<symbol, { fd: number; once(e: string, f: () => void): void }>)[
    pino.symbols.streamSym
  ];
  if (stream.fd < 0) await new Promise<void>((resolve) => stream.once('ready', resolve));
}

describe('the log, written in batches', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'qiangji-log-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const lines = async (file: string) =>
    (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  it('when a few lines are logged, then they wait for a batch, and flushLogs writes them all before an exit', async () => {
    const file = path.join(dir, 'flush.log');
    const logger = createLogger('info', { destination: file });
    await opened(logger);
    for (const n of [1, 2, 3]) logger.info({ n }, 'request');
    expect(readFileSync(file, 'utf8')).toBe('');
    flushLogs(logger);
    expect((await lines(file)).map((l) => JSON.parse(l).n)).toEqual([1, 2, 3]);
  });

  it('when nothing flushes them, then the lines still arrive within a fraction of a second', async () => {
    const file = path.join(dir, 'periodic.log');
    const logger = createLogger('info', { destination: file });
    logger.info('one line');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await lines(file)).map((l) => JSON.parse(l).msg)).toEqual(['one line']);
  });
});
