import { OpeningStatement } from '../common/opening-statement';
import { prepared } from '../common/sql';
import { PREPARED_PER_CONNECTION, PreparingClient } from './preparing-client';

describe('statements prepared once per connection (issue 9)', () => {
  let client: PreparingClient;
  beforeEach(async () => {
    client = new PreparingClient({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
    await client.connect();
  });
  afterEach(() => client.end());

  const preparedTexts = async () =>
    (await client.query(`SELECT statement FROM pg_prepared_statements`)).rows.map(
      (r: { statement: string }) => r.statement,
    );

  it('when a marked statement runs again and again, then it is prepared once and answers each time', async () => {
    const sql = prepared(`SELECT $1::int + 1 AS n`);
    for (const n of [1, 2, 3]) expect((await client.query(sql, [n])).rows).toEqual([{ n: n + 1 }]);
    expect(await preparedTexts()).toEqual([sql]);
  });

  it('when a statement is not marked, or has no parameters, then it is sent unnamed as before', async () => {
    expect((await client.query(`SELECT $1::int AS n`, [7])).rows).toEqual([{ n: 7 }]);
    const [begin, select] = (await client.query(`BEGIN; SELECT 1 AS one`)) as unknown as {
      rows: unknown[];
    }[];
    expect([begin.rows, select.rows]).toEqual([[], [{ one: 1 }]]);
    await client.query('COMMIT');
    expect(await preparedTexts()).toEqual([]);
  });

  it('when more statements are marked than a connection keeps, then the oldest is deallocated and prepared anew when it returns', async () => {
    const text = (i: number) => prepared(`SELECT $1::int + ${i} AS n`);
    for (let i = 0; i <= PREPARED_PER_CONNECTION; i++) await client.query(text(i), [0]);
    const kept = await preparedTexts();
    expect(kept).toHaveLength(PREPARED_PER_CONNECTION);
    expect(kept).not.toContain(text(0));
    expect((await client.query(text(0), [1])).rows).toEqual([{ n: 1 }]);
  });

  it('when the oldest is evicted inside a failed transaction, then its DEALLOCATE fails quietly and its text still runs after the rollback', async () => {
    const text = (i: number) => prepared(`SELECT $1::int * ${i + 1} AS n`);
    for (let i = 0; i < PREPARED_PER_CONNECTION; i++) await client.query(text(i), [1]);
    await client.query('BEGIN');
    await expect(client.query(`SELECT 1 / 0`)).rejects.toThrow('division by zero');
    await expect(client.query(text(PREPARED_PER_CONNECTION), [1])).rejects.toThrow('aborted');
    await client.query('ROLLBACK');
    expect((await client.query(text(0), [2])).rows).toEqual([{ n: 2 }]);
    expect((await client.query(text(PREPARED_PER_CONNECTION), [1])).rows).toEqual([
      { n: PREPARED_PER_CONNECTION + 1 },
    ]);
  });

  describe('behind the statements that open a transaction, in one round trip (OpeningStatement)', () => {
    const sql = prepared(`SELECT current_setting('qiangji.scope') AS scope, 1 / $1::int AS n`);
    const opening = () => [
      { text: 'BEGIN', values: [] },
      { text: `SELECT set_config('qiangji.scope', $1, true)`, values: ['230100'] },
    ];
    const run = async (divisor: number) => {
      try {
        return (await client.query(new OpeningStatement(opening(), { text: sql, values: [divisor] }))).rows;
      } finally {
        await client.query('ROLLBACK');
      }
    };

    it('when a marked statement opens transaction after transaction, then it is prepared once, under its own text', async () => {
      for (let i = 0; i < 3; i++) expect(await run(1)).toEqual([{ scope: '230100', n: 1 }]);
      expect(await preparedTexts()).toEqual([sql]);
      // A plain run of the same text finds it prepared: pg's record of what the name holds is the statement's own.
      await client.query('BEGIN');
      expect((await client.query(sql, [1])).rows).toEqual([{ scope: '', n: 1 }]);
      await client.query('ROLLBACK');
      expect(await preparedTexts()).toEqual([sql]);
    });

    it('when it fails, then the next run prepares it anew under another name and answers', async () => {
      expect(await run(1)).toEqual([{ scope: '230100', n: 1 }]);
      await expect(run(0)).rejects.toThrow('division by zero');
      expect(await run(1)).toEqual([{ scope: '230100', n: 1 }]);
      expect((await client.query(sql, [1])).rows).toEqual([{ scope: '', n: 1 }]);
    });
  });
});
