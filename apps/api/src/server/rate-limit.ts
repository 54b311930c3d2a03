import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import type { Logger } from '../logger';

export interface RateLimitOptions {
  /** Sustained requests per minute per credential. */
  perMinute: number;
  /** Requests a credential may make at once after being idle. */
  burst: number;
  /** How often this replica merges its counts into PostgreSQL. */
  syncMs: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  /** GCRA's theoretical arrival time (ms since the epoch): when the bucket is full again. */
  tat: number;
  /** Requests admitted here that PostgreSQL has not heard of yet. */
  pending: number;
}

/**
 * A limit per user and per API key, shared by every replica, that costs a request no SQL.
 *
 * Why not rate-limiter-flexible: its PostgreSQL store runs one statement per request (its in-memory block
 * only starts once a key is already over), and the request path has a budget of three statements. Here each
 * replica decides in memory with the generic cell rate algorithm (one timestamp per credential: sustained
 * `perMinute`, `burst` at once), and every `syncMs` merges what it admitted into `rate_limit_bucket` with
 * one upsert for all credentials, which returns the merged timestamps, so each replica also learns what the
 * others admitted. A key hammered across N replicas gets through at most about N × (syncMs × rate) more than
 * its limit before the replicas agree. Refusals touch nothing shared, so a noisy key cannot slow another.
 * If PostgreSQL is down, each replica keeps limiting on its own and merges when it is back.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private lastWarning = 0;

  /** `pool` is node-postgres's pool under the DataSource: the sync is no request's statement, so it skips TypeORM. */
  constructor(
    private readonly pool: Pick<Pool, 'query'>,
    private readonly opts: RateLimitOptions,
    private readonly logger: Logger,
  ) {
    this.intervalMs = 60_000 / opts.perMinute;
    this.toleranceMs = opts.burst * this.intervalMs;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.sync(), this.opts.syncMs).unref();
  }

  /** Stops the timer and hands the last counts to PostgreSQL. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.syncing;
    await this.sync();
  }

  take(credential: string, now = Date.now()): Verdict {
    const bucket = this.buckets.get(credential) ?? { tat: now, pending: 0 };
    const tat = Math.max(bucket.tat, now) + this.intervalMs;
    if (tat - now > this.toleranceMs) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((tat - now - this.toleranceMs) / 1000)),
      };
    }
    bucket.tat = tat;
    bucket.pending++;
    this.buckets.set(credential, bucket);
    return { allowed: true };
  }

  /** One statement for every credential with new requests; never two at once. */
  sync(): Promise<void> {
    this.syncing ??= this.merge().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async merge(): Promise<void> {
    const now = Date.now();
    // Each credential's hits from the timestamp they started at here, not from now: counted from the merge's own
    // time, the shared timestamp would charge every request the sync's delay and outlast the Retry-After given.
    const sent = [...this.buckets]
      .filter(([, b]) => b.pending > 0)
      .map(([key, b]) => [key, b.pending, b.tat - b.pending * this.intervalMs] as const);
    for (const [key, bucket] of this.buckets) {
      if (bucket.pending === 0 && bucket.tat <= now) this.buckets.delete(key);
      else bucket.pending = 0;
    }
    if (!sent.length) return;
    try {
      const { rows } = await this.pool.query<{ credential: string; tat: number }>(
        `WITH sent AS (
           SELECT credential, to_timestamp(since / 1000) AS since, hits * make_interval(secs => $4::float8 / 1000) AS cost
             FROM unnest($1::text[], $2::int[], $3::float8[]) AS t (credential, hits, since))
         INSERT INTO rate_limit_bucket AS b (credential, tat)
         SELECT credential, since + cost FROM sent
         ON CONFLICT (credential) DO UPDATE
           SET tat = (SELECT greatest(b.tat, s.since) + s.cost FROM sent s WHERE s.credential = excluded.credential)
         RETURNING credential, extract(epoch FROM tat)::float8 * 1000 AS tat`,
        [sent.map(([key]) => key), sent.map(([, n]) => n), sent.map(([, , since]) => since), this.intervalMs],
      );
      for (const row of rows) {
        const bucket = this.buckets.get(row.credential);
        // What others admitted moves this replica's timestamp on; requests admitted since the snapshot stay on top.
        if (bucket) bucket.tat = Math.max(bucket.tat, row.tat + bucket.pending * this.intervalMs);
      }
    } catch (err) {
      for (const [key, n] of sent) {
        const bucket = this.buckets.get(key) ?? { tat: now, pending: 0 };
        bucket.pending += n;
        this.buckets.set(key, bucket);
      }
      if (now - this.lastWarning > 60_000) {
        this.lastWarning = now;
        this.logger.warn(
          { err },
          'rate limit counts not shared; limiting per replica until the database answers',
        );
      }
    }
  }
}

/** After the credential is known: over its limit, 429 with Retry-After and nothing runs. Anonymous callers pass. */
export function limitPerCredential(limiter: RateLimiter) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const principal = res.locals.principal;
    if (!principal) return next();
    const verdict = limiter.take(`${principal.kind}:${principal.id}`);
    if (verdict.allowed) return next();
    res
      .status(429)
      .set('Retry-After', String(verdict.retryAfterSeconds))
      .json({
        errors: [
          {
            message: `Too many requests. Try again in ${verdict.retryAfterSeconds} s.`,
            // As formatError words RATE_LIMITED for the throttles inside the API.
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds },
          },
        ],
      });
  };
}
