import { Query } from 'pg';

/** A statement as pg's extended protocol sends it: its text and its parameters. */
interface Statement {
  text: string;
  values: unknown[];
}

/** What pg's connection writes for a statement (pg-protocol's messages, which @types/pg does not declare). */
interface Wire {
  parse(msg: { text: string; types?: unknown[] }): void;
  bind(msg: { values: unknown[] }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string }): void;
}

/** pg's result of one statement, as TypeORM reads it. */
export interface StatementResult {
  command: string;
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/**
 * A request's first statement with the statements that open its transaction (BEGIN, the role and scope) in front:
 * one write, one Sync, one answer, where sending them apart would cost a round trip each (JDBC opens its
 * transactions the same way). The extended protocol runs them in order and stops at the first error, which then
 * answers for all; a BEGIN in it opens a transaction that outlives the Sync. It is pg's own `Query`, written
 * ahead by the opening statements, so that pg parses every result; and it is awaitable, so that TypeORM can run
 * it as the statement it stands for (its logging, its errors, its result shapes) and the test spies that read a
 * statement's `text` see the whole of what is sent.
 */
export class OpeningStatement extends Query implements PromiseLike<StatementResult> {
  private readonly results: Promise<StatementResult[]>;
  /** All that is sent, for whoever looks (pg's `Query` keeps the text there); the statement's own during `prepare`. */
  text: string;

  constructor(
    private readonly opening: Statement[],
    private readonly statement: Statement,
  ) {
    super(statement.text, statement.values);
    this.text = [...opening, statement].map((s) => s.text).join('; ');
    const self = this as unknown as { callback(err: Error | null, results: StatementResult[]): void };
    this.results = new Promise((resolve, reject) => {
      self.callback = (err, results) => (err ? reject(err) : resolve(results));
    });
  }

  /** Each opening statement's result, in order (BEGIN's included), once the whole has answered. */
  async openingResults(): Promise<StatementResult[]> {
    return (await this.results).slice(0, this.opening.length);
  }

  then<A = StatementResult, B = never>(
    resolve?: ((value: StatementResult) => A | PromiseLike<A>) | null,
    reject?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.results.then((all) => all.at(-1)!).then(resolve, reject);
  }

  /** pg asks before it submits: always the extended protocol, whose messages `prepare` writes. */
  requiresPreparation(): boolean {
    return true;
  }

  /** Called by pg inside a corked write: the opening statements' messages, then the statement's own and Sync. */
  prepare(connection: Wire): void {
    for (const { text, values } of this.opening) {
      connection.parse({ text });
      connection.bind({ values });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '' });
    }
    const shown = this.text;
    this.text = this.statement.text;
    try {
      (Query.prototype as unknown as { prepare(c: Wire): void }).prepare.call(this, connection);
    } finally {
      this.text = shown;
    }
  }
}
