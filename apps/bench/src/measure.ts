import autocannon from 'autocannon';
import type { Client } from 'pg';
import { cpuMsOf, postgresCpuMs, statementDelta, statements } from './cluster';
import type { RequestSpec } from './client';

/** What one system did in one measurement window. */
export interface Sample {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** Per request: CPU ms of the server's process and of PostgreSQL, statements (work and transaction control). */
  serverCpuMs: number;
  postgresCpuMs: number;
  statements: number;
  transactionStatements: number;
  /** Reads of the caller's principal when its cache entry expired: authentication, not the operation's work. */
  principalStatements: number;
  execMs: number;
}

export interface Load {
  base: string;
  serverPid: number;
  /** The next request of a connection; `state` lives as long as the connection. */
  next: (state: { after?: string | null }) => RequestSpec;
  /** Chained requests (the export's pages): the cursor to follow, null to start over. */
  follow?: (body: string) => string | null;
  /** Every request is built anew (chained pages, the write's cases); otherwise one request is repeated. */
  dynamic: boolean;
}

/**
 * A measurement: a time (autocannon counts in whole seconds), or a number of requests (the CI's tiny run). At a
 * fixed rate it is always a number of requests (rate × seconds): autocannon then sends exactly those.
 */
export interface Window {
  seconds: number;
  amount?: number;
  connections: number;
  rate?: number;
}

const ERROR = /"errors"\s*:/;
const END_CURSOR = /"endCursor"\s*:\s*"([^"]*)"/;
const HAS_NEXT = /"hasNextPage"\s*:\s*true/;

/** The cursor of a page's answer, if it has a next page. */
export function nextCursor(body: string): string | null {
  return HAS_NEXT.test(body) ? (END_CURSOR.exec(body)?.[1] ?? null) : null;
}

/** Runs autocannon for a window; counts answers that are not 200 or carry GraphQL errors, and keeps the first. */
async function drive(load: Load, window: Window) {
  let errors = 0;
  let firstError: string | null = null;
  let responses = 0;
  const onResponse = (status: number, body: string, state: { after?: string | null }) => {
    responses++;
    if (status !== 200 || ERROR.test(body)) {
      errors++;
      firstError ??= `HTTP ${status}: ${body.slice(0, 500)}`;
    }
    if (load.follow) state.after = load.follow(body);
  };
  const fixed = load.dynamic ? null : load.next({});
  const request: autocannon.Request = fixed
    ? { method: 'POST', path: fixed.path, headers: fixed.headers, body: fixed.body, onResponse }
    : {
        method: 'POST',
        setupRequest: (req, state) => {
          const spec = load.next(state as { after?: string | null });
          return { ...req, path: spec.path, headers: spec.headers, body: spec.body };
        },
        onResponse,
      };
  const amount = window.amount ?? (window.rate ? Math.round(window.rate * window.seconds) : undefined);
  const result = await autocannon({
    url: load.base,
    connections: window.connections,
    // autocannon notices the end of a number of requests at its next sample: sample often then.
    ...(amount ? { amount, sampleInt: 50 } : { duration: window.seconds }),
    overallRate: window.rate,
    requests: [request],
  });
  // When a timed window closes, the requests in flight still reach the server: wait for them, and share the costs
  // among all that were sent.
  if (!amount) await new Promise((r) => setTimeout(r, Math.min(2000, 50 + 1.5 * result.latency.p99)));
  const served = amount ? responses : result.requests.sent;
  return { result, responses, served, errors: errors + result.errors + result.timeouts, firstError };
}

export async function measure(load: Load, window: Window, monitor: Client, postmasterPid: number) {
  const statementsBefore = await statements(monitor);
  const [serverBefore, postgresBefore] = await Promise.all([
    cpuMsOf(load.serverPid),
    postgresCpuMs(postmasterPid),
  ]);
  const started = performance.now();
  const { result, responses, served, errors, firstError } = await drive(load, window);
  const seconds = (performance.now() - started) / 1000;
  const [serverAfter, postgresAfter] = await Promise.all([
    cpuMsOf(load.serverPid),
    postgresCpuMs(postmasterPid),
  ]);
  const delta = statementDelta(statementsBefore, await statements(monitor));
  const per = (x: number) => (served ? x / served : 0);
  const sample: Sample = {
    requests: responses,
    reqPerSec: responses / (window.amount || window.rate ? seconds : result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    serverCpuMs: per(serverAfter - serverBefore),
    postgresCpuMs: per(postgresAfter - postgresBefore),
    statements: per(delta.work),
    transactionStatements: per(delta.transaction),
    principalStatements: per(delta.principal),
    execMs: per(delta.execMs),
  };
  return { sample, firstError };
}
