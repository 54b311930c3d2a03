import { Client } from 'pg';
import { regionTree } from '../test/factories';
import { caseIn, mediator, organization } from '../test/mediation';
import { cityAdmin, codeOf, gridsOf, household, resident, type TestHousehold } from '../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';

/**
 * One scoped connection per request (common/scoped-transaction.ts): a query's fields and their DataLoader batches
 * share one connection, each statement with the caller's role and scope in its own round trip (an implicit
 * transaction, no BEGIN, no COMMIT); a mutation runs between one BEGIN with the scope and one COMMIT, each of its
 * commands in a savepoint, so a failed command leaves nothing behind while the others stand.
 */

interface Statement {
  /** The backend's process id, as PostgreSQL told the client when it connected. */
  pid: number;
  sql: string;
  /** A prepared statement's name on its connection. */
  name?: string;
}

/** The statements the server's pool sends while `run` runs, with the backend each ran on. */
async function statementsOf(run: () => Promise<unknown>): Promise<Statement[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await run();
    return spy.mock.calls.map((args, i) => {
      const [q] = args as unknown[];
      const sql = typeof q === 'string' ? q : String((q as { text?: string })?.text);
      const { name } = (q ?? {}) as { name?: string };
      return { pid: (spy.mock.contexts[i] as Client & { processID: number }).processID, sql, name };
    });
  } finally {
    spy.mockRestore();
  }
}

/** Statements of requests, without the ones no request sends (the rate limiter's periodic merge). */
const ofRequests = (all: Statement[]) => all.filter((s) => !/rate_limit_bucket/.test(s.sql));
const OPEN = /^BEGIN; SELECT set_config\('role', 'qiangji_app', true\)/;
/** A query's statement: the role and the scope in front, in its round trip. */
const SCOPED = /^SELECT set_config\('role', 'qiangji_app', true\), set_config\('qiangji.scope', \$1, true\)/;
const CONTROL = /^(BEGIN|COMMIT|ROLLBACK)\b/;
/** The versions of the reference data read alone, outside a transaction. */
const VERSIONS = /^SELECT \(SELECT json_object_agg\(name, version\) FROM reference_version\) AS versions$/;

describe('one scoped transaction per request', () => {
  let app: TestApp;
  let officer: SignedIn;
  let home: TestHousehold;
  let grid: string;
  let caseId: string;
  let streetCode: string;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 2 });
    const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const street = tree.rows.find((r) => r.level === 'STREET')!.code;
    streetCode = street;
    grid = gridsOf(tree)[0];
    await cityAdmin(app);
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: tree.districtCode });
    home = await household(app, grid);
    for (let i = 0; i < 3; i++) await resident(app, home.id);
    const committee = await organization(app.db, community);
    const refs = {
      mediatorId: await mediator(app.db, community, [committee]),
      centreId: await organization(app.db, street, 'COORDINATION_CENTRE'),
    };
    caseId = (await caseIn(officer, community, 'ACCEPTED', refs)).id;
    // The principal is cached from here on: the requests below send only their own statements.
    await officer.gql(`{ me { id } }`);
  });
  afterAll(() => app.close());

  it('when a query has three root fields and nested batches, then all their statements run on one backend, each with the role and scope in front, and no BEGIN or COMMIT', async () => {
    let res: Awaited<ReturnType<SignedIn['gql']>> | undefined;
    const statements = ofRequests(
      await statementsOf(async () => {
        res = await officer.gql(`{
          residents(first: 5) { totalCount edges { node { id household { id members { id } head { id } } } } }
          households { totalCount edges { node { id address } } }
          disputeCases { totalCount edges { node { id parties { name } timeline { command } organization { name } } } }
        }`);
      }),
    );
    expect(res!.errors).toBeUndefined();
    expect(new Set(statements.map((s) => s.pid)).size).toBe(1);
    for (const s of statements) expect(s.sql).toMatch(SCOPED);
    expect(statements.filter((s) => CONTROL.test(s.sql))).toEqual([]);
    // The first reads the versions of the reference data with the scope; the others only set it.
    expect(statements[0].sql).toContain('reference_version');
    expect(statements.slice(1).filter((s) => s.sql.includes('reference_version'))).toEqual([]);
    // Several statements of the three fields: the tables of each root field and of the nested batches.
    for (const table of [
      'resident r',
      'household h',
      'dispute_case c',
      'dispute_party',
      'dispute_case_event',
      'audit_event',
    ])
      expect(statements.some((s) => s.sql.includes(table))).toBe(true);
  });

  it('when two requests run at once, then each has a backend of its own', async () => {
    const statements = ofRequests(
      await statementsOf(() =>
        Promise.all([
          officer.gql(`{ residents { totalCount } }`),
          officer.gql(`{ households { totalCount } }`),
        ]),
      ),
    );
    expect(new Set(statements.map((s) => s.pid)).size).toBe(2);
    for (const s of statements) expect(s.sql).toMatch(SCOPED);
  });

  it('when a query reads one page, then that is its one round trip: the role and scope in front, nothing after', async () => {
    let res: Awaited<ReturnType<SignedIn['gql']>> | undefined;
    const statements = ofRequests(
      await statementsOf(async () => {
        res = await officer.gql(`{ households(first: 2) { edges { node { id } } } }`);
      }),
    );
    expect(res!.errors).toBeUndefined();
    expect(statements.map((s) => s.sql)).toEqual([expect.stringMatching(SCOPED)]);
    expect(statements[0].sql).toContain('household h');
  });

  it('when a mutation runs, then it is one BEGIN with the scope and one COMMIT, on one backend', async () => {
    const h = await household(app, grid);
    const statements = ofRequests(
      await statementsOf(async () => {
        const res = await officer.gql(
          `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id } }`,
          { input: { id: h.id, expectedVersion: h.version, address: '新地址3号' } },
        );
        expect(res.errors).toBeUndefined();
      }),
    );
    expect(statements[0].sql).toMatch(OPEN);
    expect(statements.at(-1)!.sql).toBe('COMMIT');
    expect(statements.filter((s) => OPEN.test(s.sql))).toHaveLength(1);
    expect(statements.filter((s) => /^(COMMIT|ROLLBACK)\b/.test(s.sql)).map((s) => s.sql)).toEqual([
      'COMMIT',
    ]);
    expect(new Set(statements.map((s) => s.pid)).size).toBe(1);
  });

  it('when a query’s statement is marked prepared, then the scope goes in its round trip too, the whole request is that round trip, and each connection runs it under one name', async () => {
    const statements = ofRequests(
      await statementsOf(async () => {
        for (let i = 0; i < 12; i++) {
          const res = await officer.gql(`query($id: ID!) { disputeCase(id: $id) { id number } }`, {
            id: caseId,
          });
          expect(res.errors).toBeUndefined();
          expect(res.data).toEqual({ disputeCase: { id: caseId, number: expect.any(String) } });
        }
      }),
    );
    const first = statements;
    expect(first).toHaveLength(12);
    for (const s of first) {
      expect(s.sql).toMatch(SCOPED);
      expect(s.sql).toMatch(/; \/\* prepared \*\/ SELECT .* FROM dispute_case c/s);
      expect(s.name).toMatch(/^qiangji_\d+$/);
    }
    // Parsed once per connection, then only bound and executed under the same name.
    const names = new Map<number, Set<string>>();
    for (const s of first) names.set(s.pid, (names.get(s.pid) ?? new Set()).add(s.name!));
    for (const set of names.values()) expect(set.size).toBe(1);
  });

  it('when a request reads only the region tree in memory, then it opens no transaction: one statement reads the versions, and a rename committed before it is answered', async () => {
    const ask = () =>
      officer.gql<{ region: { name: string } }>(
        // The tree is looked up twice (the region, its children): the versions are read once.
        `query($code: String!) { region(code: $code) { name children(first: 5) { edges { node { code } } } } }`,
        {
          code: streetCode,
        },
      );
    await ask(); // the tree is loaded once
    await app.db.query(`UPDATE region SET name = name || '（改）' WHERE code = $1`, [streetCode]);
    let res: Awaited<ReturnType<typeof ask>> | undefined;
    const statements = ofRequests(await statementsOf(async () => (res = await ask())));
    expect(res!.data!.region.name).toMatch(/（改）$/);
    // The versions read shows the new one, so the tree is read again (in a transaction; the principal, whose
    // jurisdiction's names may have changed, is read again too).
    expect(statements.map((s) => s.sql)).toContainEqual(expect.stringMatching(VERSIONS));
    const again = ofRequests(await statementsOf(async () => (res = await ask())));
    expect(res!.data!.region.name).toMatch(/（改）$/);
    expect(again.map((s) => s.sql)).toEqual([
      expect.stringMatching(
        /^SELECT \(SELECT json_object_agg\(name, version\) FROM reference_version\) AS versions$/,
      ),
    ]);
    await app.db.query(`UPDATE region SET name = left(name, -3) WHERE code = $1`, [streetCode]);
    await ask(); // the principal and the tree read again, for the tests after this one
  });

  it('when a query’s statement fails in PostgreSQL, then nothing follows it on the wire (its implicit transaction ended at its Sync) and the next request stands', async () => {
    const query = `{ households(first: 2) { edges { node { id } } } }`;
    await app.db.query(`REVOKE SELECT ON household FROM qiangji_app`);
    let statements: Statement[];
    try {
      statements = ofRequests(
        await statementsOf(async () => expect(codeOf(await officer.gql(query))).toBe('INTERNAL')),
      );
    } finally {
      await app.db.query(`GRANT SELECT ON household TO qiangji_app`);
    }
    expect(statements.map((s) => s.sql)).toEqual([expect.stringMatching(SCOPED)]);
    expect((await officer.gql(query)).errors).toBeUndefined();
  });

  describe('a mutation of two commands', () => {
    const HEAD = `mutation($h: UpdateHouseholdInput!, $m: MoveResidentInput!) {
      a: updateHousehold(input: $h) { id version }
      b: moveResident(input: $m) { id version }
    }`;
    const state = async (householdId: string) =>
      (
        await app.db.query(
          `SELECT h.address, h.version, h.head_resident_id AS head,
             (SELECT array_agg(a.action ORDER BY a.id) FROM audit_event a WHERE a.entity_id = ANY(
               SELECT h.id::text UNION ALL SELECT r.id::text FROM resident r WHERE r.household_id = h.id)) AS audits
           FROM household h WHERE h.id = $1`,
          [householdId],
        )
      )[0];

    it('when the second command fails after it has written, then the first is committed and nothing of the second is left', async () => {
      const h = await household(app, grid);
      const head = await resident(app, h.id);
      const other = await household(app, grid);
      const set = await officer.gql<{ updateHousehold: { version: number } }>(
        `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { version } }`,
        { input: { id: h.id, expectedVersion: h.version, headResidentId: head.id } },
      );
      const before = await state(h.id);
      expect(before.head).toBe(head.id);

      // moveResident first clears the head of the household the head leaves, then refuses the stale version.
      const res = await officer.gql(HEAD, {
        h: { id: h.id, expectedVersion: set.data!.updateHousehold.version, address: '新地址1号' },
        m: { id: head.id, expectedVersion: head.version + 5, householdId: other.id },
      });
      expect(res.errors!.map((e) => [e.path, e.extensions.code])).toEqual([[['b'], 'CONFLICT']]);
      const after = await state(h.id);
      expect(after).toEqual({
        address: '新地址1号',
        version: before.version + 1,
        head: head.id,
        audits: [...before.audits, 'household.update'],
      });
      const [r] = await app.db.query(
        `SELECT household_id AS "householdId", version FROM resident WHERE id = $1`,
        [head.id],
      );
      expect(r).toEqual({ householdId: h.id, version: head.version });
    });

    it('when the second command fails in PostgreSQL itself, then INTERNAL for it, the first still committed and the transaction whole', async () => {
      await app.db.query(`CREATE FUNCTION kit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
      await app.db.query(`CREATE TRIGGER kit_refuse BEFORE UPDATE ON household FOR EACH ROW
        WHEN (NEW.address = '触发失败') EXECUTE FUNCTION kit_refuse()`);
      try {
        const [a, b] = [await household(app, grid), await household(app, grid)];
        const res = await officer.gql(
          `mutation($a: UpdateHouseholdInput!, $b: UpdateHouseholdInput!, $c: UpdateHouseholdInput!) {
            a: updateHousehold(input: $a) { id }
            b: updateHousehold(input: $b) { id }
            c: updateHousehold(input: $c) { id }
          }`,
          {
            a: { id: a.id, expectedVersion: a.version, address: '正常地址2号' },
            b: { id: b.id, expectedVersion: b.version, address: '触发失败' },
            c: { id: a.id, expectedVersion: a.version + 1, address: '不会执行' },
          },
        );
        // Non-null root fields: the failure ends the operation (c never runs), and what ran before it stands.
        expect(res.errors!.map((e) => [e.path, e.extensions.code])).toEqual([[['b'], 'INTERNAL']]);
        expect(await state(a.id)).toMatchObject({
          address: '正常地址2号',
          version: a.version + 1,
          audits: ['household.register', 'household.update'],
        });
        expect(await state(b.id)).toMatchObject({
          address: b.address,
          version: b.version,
          audits: ['household.register'],
        });
        expect(codeOf(await officer.gql(`{ households { totalCount } }`))).toBeUndefined();
      } finally {
        await app.db.query(`DROP TRIGGER kit_refuse ON household; DROP FUNCTION kit_refuse()`);
      }
    });
  });

  describe('a query whose field fails before another has opened the transaction', () => {
    const pgServer = () => new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });

    // The refusal of one field ends the request while another may still be opening the transaction. Before the
    // merge of the reference cache, end() sent its COMMIT before open() had sent its BEGIN, and the connection went
    // back to the pool idle in a transaction, as qiangji_app with this caller's scope (case 34). It holds now
    // because open() sends its BEGIN first; end() still does not wait for open(), which would make it certain.
    it.each([
      ['a list beside a malformed id', `{ a: residents { totalCount } b: household(id: "x") { id } }`],
      ['a malformed id beside a list', `{ b: household(id: "x") { id } a: residents { totalCount } }`],
      [
        'a list beside a page too long',
        `{ a: residents { totalCount } b: households(first: 500) { totalCount } }`,
      ],
    ])(
      'when a query has %s, then the request ends and no connection of the pool is left inside a transaction (case 34)',
      async (_what, query) => {
        const worker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
        const res = await worker.gql(query);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const client = pgServer();
        await client.connect();
        try {
          const [{ database }] = (await app.db.query(`SELECT current_database() AS database`)) as {
            database: string;
          }[];
          const { rows } = await client.query(
            `SELECT state FROM pg_stat_activity WHERE datname = $1 AND usename = 'qiangji_api' AND state LIKE 'idle in transaction%'`,
            [database],
          );
          expect(rows).toEqual([]);
        } finally {
          await client.end();
        }
      },
    );
  });
});
