import pino from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;
export type LogFormat = 'json' | 'pretty';

/**
 * pino writes asynchronously (a synchronous write per line was a quarter of the server's CPU under load), lines
 * batched; `flushLogs` empties the buffer before the process exits. Without a format: readable lines on a terminal
 * (`npm start` by hand), JSON lines otherwise (a container, a pipe, a file), which is what collectors read.
 */
export function createLogger(
  level: string,
  opts: { format?: LogFormat; destination?: string | number } = {},
): Logger {
  const destination = opts.destination ?? 1;
  const format = destination === 1 ? logFormat(opts.format) : (opts.format ?? 'json');
  const stream =
    format === 'pretty'
      ? pretty({
          destination,
          // Lines for a person at a terminal: written at once, so that none is lost at exit.
          sync: true,
          colorize: destination === 1 && process.stdout.isTTY,
          translateTime: 'SYS:HH:MM:ss',
          singleLine: true,
          ignore: 'pid,hostname,service,requestId,method,path,operation,status,durationMs',
          messageFormat:
            '{msg}{if method} {method} {path}{end}{if operation} {operation}{end}{if status} {status} {durationMs} ms{end}',
        })
      : // Lines leave in writes of 4 KB or every 200 ms: a write per line, each through libuv's thread pool, was
        // two thirds of a small request's system calls; flushLogs writes out the rest before an exit.
        pino.destination({
          dest: destination,
          sync: false,
          mkdir: true,
          minLength: 4096,
          periodicFlush: 200,
        });
  return pino({ level, base: { service: 'qiangji-api' }, serializers: { err: serializeError } }, stream);
}

/** The format asked for, or by default readable lines on a terminal and JSON lines anywhere else. */
export function logFormat(format: LogFormat | undefined): LogFormat {
  return format ?? (process.stdout.isTTY ? 'pretty' : 'json');
}

/** Writes out what the asynchronous destination still holds; for the last lines before `process.exit`. */
export function flushLogs(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, { flushSync?: () => void }>)[pino.symbols.streamSym];
  try {
    stream?.flushSync?.();
  } catch {
    // Not open yet, or already closed: nothing is waiting.
  }
}

/**
 * Errors go to the log without what they carry of the data: TypeORM's QueryFailedError holds the SQL and
 * its bound parameters (names, birth dates, free text), pg's errors hold `detail` ("Key (…)=(…)", "Failing
 * row contains (…)"), `where` and `hint`. What stays is what an operator needs to find the cause: the
 * type, the message with any quoted value cut off, the codes, the constraint, table and column names, the
 * stack frames, and the causes.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (typeof err !== 'object' || err === null) return { message: redact(String(err)) };
  const e = err as Record<string, unknown> & Partial<Error>;
  const type = e.constructor?.name ?? 'Error';
  const message = redact(typeof e.message === 'string' ? e.message : '');
  const out: Record<string, unknown> = { type, message };
  for (const key of SAFE_FIELDS) {
    const value = e[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (typeof e.stack === 'string') {
    const frames = e.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = [`${type}: ${message}`, ...frames].join('\n');
  }
  if (depth < 3) {
    const cause = e.driverError ?? e.cause;
    if (cause && cause !== err) out.cause = serializeError(cause, depth + 1);
    if (Array.isArray(e.errors)) out.errors = e.errors.slice(0, 5).map((x) => serializeError(x, depth + 1));
  }
  return out;
}

/** Names and codes only: never `detail`, `where`, `hint`, `query`, `parameters`, `internalQuery`. */
const SAFE_FIELDS = [
  'code',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'errno',
  'syscall',
  'address',
  'port',
] as const;

/**
 * PostgreSQL puts the offending value at the end of a message (`invalid input syntax for type uuid: "…"`);
 * TypeORM and others quote criteria and values. Cut quoted text after a colon, and mask long digit runs
 * (ID numbers, phones) wherever they are left.
 */
function redact(message: string): string {
  return message
    .replace(/:\s*(["'{[]).*$/s, ': …')
    .replace(/\d{7,}/g, (digits) => '#'.repeat(digits.length))
    .slice(0, 500);
}
