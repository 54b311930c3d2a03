import { Client } from 'pg';
import { OpeningStatement } from './opening-statement';

/** The statements that open a transaction, sent in the round trip of its first statement (scoped-transaction.ts). */
describe('a first statement with the transaction opened in front of it', () => {
  let client: Client;
  let writes: number;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
    await client.connect();
    // What reaches the socket: corked messages leave in one `_writev`.
    type Socket = Record<'_write' | '_writev', (...a: unknown[]) => unknown>;
    const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
    for (const method of ['_write', '_writev'] as const) {
      const original = socket[method].bind(socket);
      socket[method] = (...args: unknown[]) => (writes++, original(...args));
    }
  });
  afterAll(() => client.end());
  beforeEach(() => (writes = 0));
  afterEach(() => client.query('ROLLBACK'));

  const opening = () => [
    { text: 'BEGIN', values: [] },
    { text: `SELECT set_config('qiangji.scope', $1, true) AS scope`, values: ['230100.230102'] },
  ];

  it('when it answers, then it gives its own rows, the opening ones apart, inside the open transaction, in one write', async () => {
    const first = new OpeningStatement(opening(), {
      text: `SELECT current_setting('qiangji.scope') AS scope, $1::int + 1 AS n`,
      values: [41],
    });
    const result = await client.query(first);
    expect(result.rows).toEqual([{ scope: '230100.230102', n: 42 }]);
    expect((await first.openingResults()).map((r) => [r.command, r.rows])).toEqual([
      ['BEGIN', []],
      ['SELECT', [{ scope: '230100.230102' }]],
    ]);
    expect(writes).toBe(1);
    expect(client.getTransactionStatus()).toBe('T');
    expect(first.text).toMatch(
      /^BEGIN; SELECT set_config\('qiangji\.scope', \$1, true\) AS scope; SELECT current_setting/,
    );
  });

  it('when it fails, then it rejects with PostgreSQL’s error, the opening ones too, and leaves the transaction aborted', async () => {
    const first = new OpeningStatement(opening(), { text: 'SELECT 1 / $1::int AS n', values: [0] });
    await expect(Promise.resolve(client.query(first))).rejects.toMatchObject({ code: '22012' });
    await expect(first.openingResults()).rejects.toMatchObject({ code: '22012' });
    // pg calls back on the error before its ReadyForQuery arrives: the next statement shows the state for certain.
    await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: '25P02' });
    expect(client.getTransactionStatus()).toBe('E');
  });

  it('when it writes, then it reports its rows affected as pg does', async () => {
    const first = new OpeningStatement(opening(), {
      text: 'CREATE TEMP TABLE opening_probe AS SELECT generate_series(1, $1::int) AS n',
      values: [3],
    });
    expect(await client.query(first)).toMatchObject({ command: 'SELECT', rowCount: 3 });
  });
});
