import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidIdNumber } from '@qiangji/domain';
import { createLogger, type Logger } from '../logger';
import { findPersonalData } from './personal-data-guard';

/** Set by global-setup.ts: each test file's servers log here, and global-teardown.ts reads it all (case 40). */
export const LOG_DIR_ENV = 'QIANGJI_TEST_LOG_DIR';

let files = 0;

/**
 * The logger a test server gets: everything it logs (at trace level, so that no line escapes the scan) goes
 * to a file of its own in the run's log folder; without the folder, TEST_LOG_LEVEL to stdout or nothing.
 */
export function serverLogger(): Logger {
  const dir = process.env[LOG_DIR_ENV];
  if (!dir) return createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const testFile = path.basename(expect.getState().testPath ?? 'unknown');
  return createLogger('trace', {
    format: 'json',
    destination: path.join(dir, `${testFile}.${process.pid}.${++files}.log`),
  });
}

export interface LogScan {
  files: number;
  lines: number;
  leaks: { file: string; line: number; kind: 'ID number' | 'phone' }[];
}

/** Every ID number (with a valid check digit) and mobile phone number in the folder's log files. */
export async function scanLogs(dir: string): Promise<LogScan> {
  const scan: LogScan = { files: 0, lines: 0, leaks: [] };
  for (const name of (await readdir(dir)).sort()) {
    const lines = (await readFile(path.join(dir, name), 'utf8')).split('\n');
    scan.files++;
    scan.lines += lines.length;
    lines.forEach((text, i) => {
      for (const leak of findPersonalData(text))
        scan.leaks.push({ file: name, line: i + 1, kind: isValidIdNumber(leak) ? 'ID number' : 'phone' });
    });
  }
  return scan;
}
