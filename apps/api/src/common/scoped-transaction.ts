import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppError, Refusal } from './app-error';
import { OpeningStatement } from './opening-statement';
import { currentVersions, VERSIONS_SQL, type ReferenceVersions } from './reference-versions';

/** An ltree path of division codes; checked before it is written into SQL text. */
const PATH = /^\d+(\.\d+)*$/;

/** The role and the scope ($1) of one transaction. */
const ROLE_AND_SCOPE = `SELECT set_config('role', 'qiangji_app', true), set_config('qiangji.scope', $1, true)`;
/** The role, the scope ($1) and the versions of the reference data, as the transaction's first snapshot sees them. */
const SCOPE_SQL = `${ROLE_AND_SCOPE},
    ${VERSIONS_SQL} AS versions`;

/**
 * The statements that open a scoped transaction, in one round trip (no parameters: the path is checked): the
 * role, the scope, and the versions of the reference data as this transaction sees them.
 */
export function openScopeSql(path: string): string {
  if (!PATH.test(path)) throw new Error(`not a region path: ${path}`);
  return `BEGIN; ${SCOPE_SQL.replace('$1', `'${path}'`)}`;
}

/**
 * One scoped connection per signed-in GraphQL request, as the database role `qiangji_app` with the caller's
 * jurisdiction as the row-level-security scope, shared by the operation's fields and DataLoader batches, never a
 * second connection while holding the first.
 *
 * A request that writes (a mutation) is one transaction: one BEGIN with the scope and one COMMIT. Each command runs
 * in a savepoint of it (`atomic`), so a refused or failed command changes nothing while the request's other commands
 * stand. Read audits collected during the request are written in one statement just before the COMMIT, and the
 * response waits for the COMMIT: nothing is answered that is not recorded and stored.
 *
 * A request that only reads (a GraphQL query, `readsOnly()`) needs no BEGIN and no COMMIT: each of its statements
 * goes with the role and scope in one write and one Sync, which PostgreSQL runs as one implicit transaction,
 * committed at the Sync, the settings gone with it. Under READ COMMITTED a statement sees what was committed before
 * it began either way, so the reads see the same; what it saves is the COMMIT's round trip (a point read makes one
 * round trip instead of two). Its read audits go the same way, each committed before the response.
 */
export class ScopedTransaction {
  private runner: QueryRunner | null = null;
  /** The runner's manager whose statements go through this transaction (`open`). */
  private manager: EntityManager | null = null;
  private opened: Promise<EntityManager> | null = null;
  /** Set by the first statement on the wire, which opened the transaction: BEGIN, the scope, the versions. */
  private begun: Promise<void> | null = null;
  /** The statements handed to the connection, one after another; `end` waits for the last. */
  private tail: Promise<unknown> = Promise.resolve();
  private failed = false;
  private savepoints = 0;
  private seen: ReferenceVersions = {};
  /** The versions read alone, before the transaction was opened: once per request, whatever asks for them. */
  private current: Promise<ReferenceVersions> | null = null;
  private readonly onCommit: ((m: EntityManager) => Promise<void>)[] = [];
  /** Each statement in an implicit transaction of its own (a query), rather than all in one BEGIN … COMMIT. */
  private implicit = false;

  constructor(
    private readonly db: DataSource,
    private readonly path: string,
  ) {}

  /** The request only reads (a GraphQL query): said before its first statement, by the operation's type. */
  readsOnly(): void {
    if (!this.runner) this.implicit = true;
  }

  /**
   * From here on, the rest of the request in one BEGIN … COMMIT, as a request that writes is: for a command, and for
   * work whose transaction lock must hold until what it records is committed (the hourly count of ID-number lookups).
   * The statements sent before stand, each committed at its own Sync.
   */
  inOneBlock(): void {
    if (!this.implicit) return;
    this.implicit = false;
    this.begun = null;
  }

  /** Work in the transaction, opened on first use. A failed statement poisons the rest, as in PostgreSQL. */
  async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await work(await (this.opened ??= this.open()));
    } catch (err) {
      // A refusal or a bad input is the client's; a database error leaves PostgreSQL's transaction aborted.
      if (err instanceof CommandFailed) throw err.cause;
      if (!(err instanceof AppError)) this.failed = true;
      throw err;
    }
  }

  /**
   * A command: all of its work or none of it, in a savepoint. A `Refusal` keeps what it recorded (the record of
   * the refusal; the kit refuses before writing anything else). GraphQL runs a mutation's fields one after
   * another, so commands never interleave on the connection.
   */
  async atomic<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    this.inOneBlock();
    return this.run(async (m) => {
      const name = `command_${++this.savepoints}`;
      await m.query(`SAVEPOINT ${name}`);
      try {
        const result = await work(m);
        await m.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await m.query(err instanceof Refusal ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`);
        // Rolled back to the savepoint, the transaction is whole again: the error is the command's alone.
        throw err instanceof AppError ? err : new CommandFailed(err);
      }
    });
  }

  /**
   * The versions of the reference data: as this transaction sees them once it is open; before, as they were when
   * first asked for, read without opening it (`currentVersions`).
   */
  async versions(): Promise<ReferenceVersions> {
    if (!this.opened) return (this.current ??= currentVersions(this.db));
    await this.run(() =>
      this.inTurn(
        () => this.begun ?? (this.implicit ? this.versionsAlone(this.runner!) : this.begin(this.runner!)),
      ),
    );
    return this.seen;
  }

  /** Work to do in the transaction just before it commits (batched audit rows). */
  beforeCommit(work: (m: EntityManager) => Promise<void>): void {
    this.onCommit.push(work);
  }

  /**
   * Commits (after the deferred work), or rolls back when any statement failed; resolves to whether the
   * request's reads stand. Never throws: the caller turns `false` into an error response.
   */
  async end(): Promise<boolean> {
    if (!this.runner) return !this.failed;
    const runner = this.runner;
    try {
      // A field may fail while another's statement is still on its way: never COMMIT ahead of it, nor of BEGIN.
      await this.opened;
      await this.tail;
      if (!this.begun && !this.onCommit.length) return !this.failed;
      if (!this.failed) for (const work of this.onCommit) await work(this.manager!);
      // Each implicit transaction ended at its own Sync; a block (BEGIN) ends here.
      if (!this.implicit && this.begun) await runner.query(this.failed ? 'ROLLBACK' : 'COMMIT');
      return !this.failed;
    } catch {
      if (!this.implicit) await runner.query('ROLLBACK').catch(() => undefined);
      return false;
    } finally {
      await runner.release();
    }
  }

  private async open(): Promise<EntityManager> {
    const runner = this.db.createQueryRunner();
    this.runner = runner;
    await runner.connect();
    const query = (sql: string, params?: unknown[]) =>
      this.inTurn(() =>
        this.implicit
          ? this.inImplicit(runner, sql, params ?? [])
          : this.begun
            ? runner.manager.query(sql, params)
            : this.begin(runner, sql, params),
      );
    this.manager = Object.create(runner.manager, { query: { value: query } }) as EntityManager;
    return this.manager;
  }

  /** A request that only reads asks for the versions before its first statement: with the scope, alone. */
  private versionsAlone(runner: QueryRunner): Promise<void> {
    this.begun = (async () => {
      const [scope] = await runner.manager.query(SCOPE_SQL, [this.path]);
      this.seen = (scope.versions ?? {}) as ReferenceVersions;
    })();
    return this.begun;
  }

  /**
   * A statement of a request that only reads, with the role and scope in front in its round trip (and, the first
   * time, the versions of the reference data): one implicit transaction, over at its Sync.
   */
  private inImplicit(runner: QueryRunner, sql: string, params: unknown[]): Promise<unknown> {
    const first = !this.begun;
    const statement = new OpeningStatement(
      [{ text: first ? SCOPE_SQL : ROLE_AND_SCOPE, values: [this.path] }],
      { text: sql, values: params },
    );
    const result = runner.manager.query(statement as unknown as string);
    if (first) {
      this.begun = result.then(async () => {
        const [scope] = await statement.openingResults();
        this.seen = (scope.rows[0].versions ?? {}) as ReferenceVersions;
      });
      this.begun.catch(() => undefined);
    }
    return result;
  }

  /**
   * DataLoader batches of one request run side by side; one connection answers one statement at a time, so their
   * statements queue here (pg would queue them too, but no longer will in its next major version).
   */
  private inTurn<T>(send: () => Promise<T>): Promise<T> {
    const next = this.tail.then(send);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * Opens the transaction with its first statement: BEGIN, the scope and the versions go in front of a statement
   * with parameters, in its round trip (`OpeningStatement`; one marked prepared stays the connection's prepared
   * statement); before one without (which may be several statements, something the extended protocol cannot
   * send), or for the versions alone, in a round trip of their own.
   */
  private async begin(runner: QueryRunner, sql?: string, params?: unknown[]): Promise<unknown> {
    if (sql !== undefined && params?.length) {
      const first = new OpeningStatement(
        [
          { text: 'BEGIN', values: [] },
          { text: SCOPE_SQL, values: [this.path] },
        ],
        { text: sql, values: params },
      );
      // TypeORM runs it as the statement it stands for: pg takes an object with `submit` as a query of its own.
      const result = runner.manager.query(first as unknown as string);
      this.begun = result.then(async () => {
        const [, scope] = await first.openingResults();
        this.seen = (scope.rows[0].versions ?? {}) as ReferenceVersions;
      });
      this.begun.catch(() => undefined);
      return result;
    }
    this.begun = (async () => {
      // pg's own client: a text of several statements answers with one result each, and the last holds the versions.
      const client: { query(sql: string): Promise<{ rows: { versions: ReferenceVersions }[] }[]> } =
        await runner.connect();
      const results = await client.query(openScopeSql(this.path));
      this.seen = results.at(-1)!.rows[0].versions ?? {};
    })();
    this.begun.catch(() => undefined);
    await this.begun;
    return sql === undefined ? undefined : runner.manager.query(sql, params);
  }
}

/** A command's own failure, already rolled back to its savepoint: it does not abort the request's transaction. */
class CommandFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('command failed');
  }
}
