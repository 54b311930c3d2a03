import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppDataSource } from '../../database/data-source';
import type { Principal } from '../../server/context';

/** The channel the database's triggers notify with a principal's id, or `*` for all (a region changed). */
export const PRINCIPALS_CHANNEL = 'qiangji_principals';
const MAX_ENTRIES = 10_000;
const RETRY_MS = { first: 500, max: 30_000 };

interface Entry {
  principal: Principal;
  expiresAt: number;
}

export interface Loaded {
  principal: Principal;
  /** When the credential itself expires (an access token), in ms since the epoch. */
  notAfter?: number;
}

/**
 * Principals per credential (an access token, an API key's hash) for a few seconds, so a request does not
 * read the account first. A change in the database reaches every process through LISTEN, which drops the
 * principal at once; the time to live bounds what a listener that died silently could miss. While the
 * listener is not connected, nothing is cached.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysById = new Map<string, Set<string>>();
  /** Loads under way, by credential and the generation they started in: requests that miss together share one. */
  private readonly loading = new Map<string, { generation: number; load: Promise<Loaded | null> }>();
  /** Bumped by every eviction: a load that started before one is not cached, it may have read the old row. */
  private generation = 0;
  private listener: Listener | null = null;

  constructor(private readonly ttlMs: number) {}

  async get(db: DataSource, key: string, load: () => Promise<Loaded | null>): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.principal;
    if (hit) this.delete(key);
    if (this.ttlMs > 0) this.listen(db);
    const loaded = await this.loadOnce(key, now, load);
    return loaded?.principal ?? null;
  }

  /**
   * One load per credential at a time: when an entry expires under load, every request in flight missed it at
   * once and each read the account (the bench's occasional fourth statement). A request that arrives after an
   * eviction does not join a load that started before it: that load may have read the old row.
   */
  private async loadOnce(key: string, now: number, load: () => Promise<Loaded | null>) {
    const generation = this.generation;
    const pending = this.loading.get(key);
    if (pending?.generation === generation) return pending.load;
    const started = load();
    this.loading.set(key, { generation, load: started });
    try {
      const loaded = await started;
      if (loaded && this.listener?.connected && generation === this.generation) {
        this.set(key, loaded.principal, Math.min(now + this.ttlMs, loaded.notAfter ?? Infinity));
      }
      return loaded;
    } finally {
      if (this.loading.get(key)?.load === started) this.loading.delete(key);
    }
  }

  /** Drops one principal's credentials, or all with `*`. Also called right after a local change commits. */
  evict(id: string): void {
    this.generation++;
    if (id === '*') {
      this.entries.clear();
      this.keysById.clear();
      return;
    }
    for (const key of this.keysById.get(id) ?? []) this.entries.delete(key);
    this.keysById.delete(id);
  }

  private set(key: string, principal: Principal, expiresAt: number) {
    if (this.entries.size >= MAX_ENTRIES) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, expiresAt });
    let keys = this.keysById.get(principal.id);
    if (!keys) this.keysById.set(principal.id, (keys = new Set()));
    keys.add(key);
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry) this.keysById.get(entry.principal.id)?.delete(key);
  }

  /** One LISTEN connection per process, closed with the pool it sits beside. */
  private listen(db: DataSource) {
    if (this.listener || !(db instanceof AppDataSource)) return;
    const listener = new Listener(db.url, (payload) => this.evict(payload));
    this.listener = listener;
    db.onDestroy(() => listener.stop());
    listener.start();
  }
}

class Listener {
  connected = false;
  private client: Client | null = null;
  private stopped = false;
  private retryMs = RETRY_MS.first;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onNotice: (payload: string) => void,
  ) {}

  start() {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'qiangji-api-principals' });
    this.client = client;
    client.on('notification', (n) => this.onNotice(n.payload || '*'));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client
      .connect()
      .then(() => client.query(`LISTEN ${PRINCIPALS_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        // Whatever changed while no one listened is unknown: start from an empty cache.
        this.onNotice('*');
        this.connected = true;
        this.retryMs = RETRY_MS.first;
      })
      .catch(() => this.lost(client));
  }

  async stop() {
    this.stopped = true;
    this.connected = false;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private lost(client: Client) {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    this.onNotice('*');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.timer = setTimeout(() => this.start(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.max);
  }
}
