import { Query } from 'pg';

/** A statement as pg's extended protocol sends it: its text and its parameters. */
interface Statement {
  text: string;
  values: unknown[];
}

/** What pg's connection writes for a statement (pg-protocol's messages, which @types/pg does not declare). */
interface Wire {
  /** The named statements this connection has parsed, by name: pg's bookkeeping, kept right by `OpeningStatement`. */
  parsedStatements: Record<string, string>;
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
 *
 * Given a `name` before it is submitted (`PreparingClient` names the statements marked prepared), the statement is
 * parsed once per connection under it and after that only bound and executed, as pg does with a named query.
 */
export class OpeningStatement extends Query implements PromiseLike<StatementResult> {
  private readonly results: Promise<StatementResult[]>;
  /** All that is sent, for whoever looks (pg's `Query` keeps the text there); the statement's own during `submit`. */
  text: string;
  /** A prepared statement's name on its connection (pg's `Query` reads it), or none. */
  declare name?: string;
  /** The connection it was submitted on, whose record of parsed statements it keeps right. */
  private connection: Wire | null = null;

  constructor(
    private readonly opening: Statement[],
    private readonly statement: Statement,
  ) {
    super(statement.text, statement.values);
    this.text = [...opening, statement].map((s) => s.text).join('; ');
    const self = this as unknown as { callback(err: Error | null, results: StatementResult[]): void };
    this.results = new Promise((resolve, reject) => {
      self.callback = (err, results) => {
        this.recordParsed(!err);
        if (err) reject(err);
        else resolve(results);
      };
    });
  }

  /** All that is sent, as the spies and logs that turn a statement into a string see it. */
  override toString(): string {
    return this.text;
  }

  /** The statement's own text, without the opening ones. */
  get statementText(): string {
    return this.statement.text;
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

  /**
   * pg checks a named statement's text against what it parsed before under that name, and writes the messages
   * (`prepare`): both with the statement's own text. A property, as @types/pg declares it; pg takes what it
   * returns as the statement's error.
   */
  override submit = ((connection: Wire): Error | null => {
    this.connection = connection;
    const shown = this.text;
    this.text = this.statement.text;
    try {
      return (Query.prototype as unknown as { submit(c: Wire): Error | null }).submit.call(this, connection);
    } finally {
      this.text = shown;
    }
  }) as unknown as Query['submit'];

  /**
   * Every ParseComplete, the opening statements' included, makes pg record the name as parsed, with the text shown.
   * Once answered, and before pg sends the connection's next statement, the record says what was parsed under the
   * name; after an error it says nothing, as the statement may not have been parsed (`PreparingClient` names it anew).
   */
  private recordParsed(answered: boolean): void {
    if (!this.name || !this.connection) return;
    if (answered) this.connection.parsedStatements[this.name] = this.statement.text;
    else delete this.connection.parsedStatements[this.name];
  }

  /** Called by pg inside a corked write: the opening statements' messages, then the statement's own and Sync. */
  prepare(connection: Wire): void {
    for (const { text, values } of this.opening) {
      connection.parse({ text });
      connection.bind({ values });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '' });
    }
    (Query.prototype as unknown as { prepare(c: Wire): void }).prepare.call(this, connection);
  }
}
