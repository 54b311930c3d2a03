import type { RequestContext } from '../server/context';
import type { Queryable } from './connection';

/**
 * A table of reference data (the region tree, mediation organisations) kept in memory per database, read again
 * only when its version (`reference_version`, bumped by every change) differs from the one the request's
 * transaction saw at its start (or, before it has one, a read sent after the request arrived): never older than
 * the request's own snapshot, nor than what was committed before it arrived. A request that reads nothing else opens
 * no transaction. Outside a request (the CLI) there is no cache: `get` answers null and the caller reads the table.
 */
export class ReferenceCache<T> {
  /** Per database: the newest snapshot asked for, loaded or still loading, and the period it was loaded for. */
  private readonly snapshots = new WeakMap<object, { version: string; period: string; rows: Promise<T> }>();

  /**
   * `period`, for data that also changes with time (a region is current from its first day to its last): the
   * period a snapshot holds for (today), passed to `load`; a snapshot of another period is loaded again.
   */
  constructor(
    private readonly table: string,
    private readonly load: (q: Queryable, period: string) => Promise<T>,
    private readonly period: () => string = () => '',
  ) {}

  async get(ctx: RequestContext): Promise<T | null> {
    const transaction = ctx.transaction;
    if (!transaction) return null;
    const version = (await transaction.versions())[this.table];
    if (version === undefined) return null;
    const period = this.period();
    let snapshot = this.snapshots.get(ctx.db);
    // A request that began before the last change reads its own older copy, and leaves the newer one be.
    if (snapshot && BigInt(version) < BigInt(snapshot.version))
      return transaction.run((m) => this.load(m, period));
    // Checked and replaced without a pause between: requests that see a new version (or day) load it once.
    if (snapshot?.version !== version || snapshot.period !== period) {
      snapshot = { version, period, rows: transaction.run((m) => this.load(m, period)) };
      this.snapshots.set(ctx.db, snapshot);
      const loaded = snapshot;
      loaded.rows.catch(() => {
        if (this.snapshots.get(ctx.db) === loaded) this.snapshots.delete(ctx.db);
      });
    }
    return snapshot.rows;
  }
}
