import { Client } from 'pg';
import { OpeningStatement } from '../common/opening-statement';
import { PREPARED } from '../common/sql';

/** Statements kept prepared per connection; the least recently used beyond this are deallocated. */
export const PREPARED_PER_CONNECTION = 200;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * node-postgres's client, with the statements marked `prepared` prepared once per connection under a name of
 * their own, as PostGraphile prepares all of its statements. After five executions PostgreSQL keeps a generic plan
 * when it costs no more than the custom ones; a plan is made again when the role or row-level security it was
 * made under changes, and after any DDL on what it reads. Other statements are sent as before.
 */
export class PreparingClient extends Client {
  /** Names of the statements prepared on this connection, least recently used first. */
  private readonly names = new Map<string, string>();
  private prepared = 0;

  // pg's overloads, passed on as they come: a method (not a property), so that spies on pg's `Client` see it all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    const run = super.query.bind(this) as Query;
    if (config instanceof OpeningStatement && config.statementText.startsWith(PREPARED)) {
      const text = config.statementText;
      config.name = this.nameOf(text, run);
      // Whether it was parsed is unknown after an error: the text is prepared under a new name when it comes back
      // (the old one, if parsed, stays unused on the server until the connection closes).
      config.then(undefined, () => this.forget(text, config.name!));
    }
    return typeof config === 'string' && config.startsWith(PREPARED) && Array.isArray(values)
      ? run({ name: this.nameOf(config, run), text: config, values }, callback)
      : run(config, values, callback);
  }

  private forget(text: string, name: string): void {
    if (this.names.get(text) === name) this.names.delete(text);
  }

  private nameOf(text: string, run: Query): string {
    let name = this.names.get(text);
    if (name) this.names.delete(text);
    else name = `qiangji_${++this.prepared}`;
    this.names.set(text, name);
    if (this.names.size > PREPARED_PER_CONNECTION) {
      const [oldest, evicted] = this.names.entries().next().value!;
      this.names.delete(oldest);
      this.deallocate(evicted, run);
    }
    return name;
  }

  /**
   * Forgets a statement, here and on the server. A name is never used again (the text, should it come back, is
   * prepared under a new one), so a DEALLOCATE that fails (in an aborted transaction) only leaves a statement unused.
   */
  private deallocate(name: string, run: Query): void {
    delete (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
      .parsedStatements[name];
    (run(`DEALLOCATE ${name}`) as Promise<unknown>).catch(() => undefined);
  }
}
