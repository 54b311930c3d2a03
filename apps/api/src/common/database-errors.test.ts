import { QueryFailedError } from 'typeorm';
import { regionTree } from '../test/factories';
import { cityAdmin, codeOf, fakeIdNumber, gridsOf, household } from '../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../test/test-app';
import { AppError } from './app-error';
import { databaseError, type ConstraintMeaning } from './database-errors';

/**
 * PostgreSQL errors mapped in one place (issue 8 §3): each SQLSTATE a client's input can cause is raised by the
 * real PostgreSQL and mapped; everything else stays INTERNAL (null). Then the races a check-then-write would lose,
 * through HTTP: the loser gets CONFLICT with what the module says its constraint means, never INTERNAL.
 */

const MEANINGS = new Map<string, ConstraintMeaning>([
  ['kit_error_name', { code: 'BAD_USER_INPUT', message: 'That name is taken.', field: 'name' }],
]);

/** The value every failing statement carries: no mapped message may repeat it. */
const SECRET = '230102198001010034';

const CASES: { sqlstate: string; what: string; sql: string; params?: unknown[]; code: string | null }[] = [
  {
    sqlstate: '23503',
    what: 'a foreign key to nothing',
    sql: `INSERT INTO kit_child (parent_id, note) VALUES (gen_random_uuid(), $1)`,
    params: [SECRET],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '23514',
    what: 'a CHECK broken',
    sql: `INSERT INTO kit_error (name, amount) VALUES ($1, -1)`,
    params: [SECRET],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '23502',
    what: 'a NOT NULL broken',
    sql: `INSERT INTO kit_error (name, amount) VALUES (NULL, $1::int)`,
    params: [1],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '22P02',
    what: 'text that is no uuid',
    sql: `SELECT $1::uuid`,
    params: [SECRET],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '22021',
    what: 'a NUL character in text',
    sql: `SELECT $1::text`,
    params: [`${SECRET}\u0000`],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '22001',
    what: 'text too long for its column',
    sql: `INSERT INTO kit_error (name, amount, code) VALUES ('n', 1, $1)`,
    params: [SECRET],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '22003',
    what: 'a number out of range',
    sql: `SELECT $1::int`,
    params: ['2147483648'],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '22007',
    what: 'a malformed date',
    sql: `SELECT $1::date`,
    params: [`no date ${SECRET}`],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '22008',
    what: 'a date that does not exist',
    sql: `SELECT $1::date`,
    params: ['2023-02-29'],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '2201B',
    what: 'a broken regular expression',
    sql: `SELECT 'a' ~ $1`,
    params: [`(${SECRET}`],
    code: 'BAD_USER_INPUT',
  },
  {
    sqlstate: '40001',
    what: 'a serialization failure',
    sql: `DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'serialization_failure'; END $$`,
    code: 'CONFLICT',
  },
  {
    sqlstate: '40P01',
    what: 'a deadlock',
    sql: `DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'deadlock_detected'; END $$`,
    code: 'CONFLICT',
  },
  {
    sqlstate: '42P01',
    what: 'a table that does not exist (a bug, not the input)',
    sql: `SELECT * FROM no_such_table`,
    code: null,
  },
  {
    sqlstate: '42703',
    what: 'a column that does not exist',
    sql: `SELECT no_such_column FROM kit_error`,
    code: null,
  },
  {
    sqlstate: '57014',
    what: 'a statement cancelled by its timeout',
    sql: `SET LOCAL statement_timeout = 1; SELECT pg_sleep(1)`,
    code: null,
  },
];

describe('PostgreSQL errors mapped in one place', () => {
  let app: TestApp;

  /** The error the real PostgreSQL raises for a statement, as TypeORM throws it (QueryFailedError). */
  const raised = async (sql: string, params: unknown[] = []): Promise<unknown> => {
    try {
      await app.db.transaction((m) => m.query(sql, params));
    } catch (err) {
      return err;
    }
    throw new Error(`${sql} did not fail`);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.db
      .query(`CREATE TABLE kit_error (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL,
      amount int NOT NULL CHECK (amount >= 0), code varchar(6))`);
    await app.db.query(`CREATE UNIQUE INDEX kit_error_name ON kit_error (name)`);
    await app.db.query(`CREATE UNIQUE INDEX kit_error_code ON kit_error (code)`);
    await app.db.query(`CREATE TABLE kit_child (parent_id uuid REFERENCES kit_error (id), note text)`);
    await app.db.query(`INSERT INTO kit_error (name, amount, code) VALUES ('taken', 1, 'c1')`);
  });
  afterAll(() => app.close());

  describe('databaseError, per SQLSTATE, on errors of the real PostgreSQL', () => {
    it.each(CASES)(
      'when PostgreSQL raises $sqlstate ($what), then $code',
      async ({ sqlstate, sql, params, code }) => {
        const err = await raised(sql, params);
        expect(err).toBeInstanceOf(QueryFailedError);
        expect((err as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe(sqlstate);
        const mapped = databaseError(err, MEANINGS);
        if (code === null) return expect(mapped).toBeNull();
        expect(mapped).toBeInstanceOf(AppError);
        expect(mapped!.code).toBe(code);
        // The sentence is the kit's own: never the value, the SQL or PostgreSQL's message.
        expect(mapped!.message).not.toContain(SECRET);
        expect(mapped!.message).not.toMatch(/kit_|INSERT|SELECT|violates/);
      },
    );

    it('when a unique index the module declared is broken, then its meaning: the code, the sentence and the field', async () => {
      const err = await raised(`INSERT INTO kit_error (name, amount) VALUES ('taken', 2)`);
      expect(databaseError(err, MEANINGS)).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'That name is taken.',
        details: { field: 'name' },
      });
    });

    it('when a unique index nobody declared is broken, then CONFLICT without a field', async () => {
      const err = await raised(`INSERT INTO kit_error (name, amount, code) VALUES ('other', 2, 'c1')`);
      const mapped = databaseError(err, MEANINGS);
      expect(mapped).toMatchObject({ code: 'CONFLICT', details: {} });
      expect(mapped!.message).not.toContain('c1');
    });

    it("when the error is pg's own, not wrapped by TypeORM, then it maps the same", async () => {
      const client = await (app.db.driver as unknown as { master: import('pg').Pool }).master.connect();
      try {
        const err = await client.query(`SELECT $1::uuid`, ['x']).catch((e: unknown) => e);
        expect(err).not.toBeInstanceOf(QueryFailedError);
        expect(databaseError(err, MEANINGS)).toMatchObject({ code: 'BAD_USER_INPUT' });
      } finally {
        client.release();
      }
    });

    it('when the error is no PostgreSQL error at all, then null: INTERNAL for formatError', () => {
      for (const err of [new Error('boom'), null, undefined, 'text', { code: 23505 }, { code: '23505X' }])
        expect(databaseError(err, MEANINGS)).toBeNull();
    });
  });

  describe('races lost on a unique index, through HTTP', () => {
    let officer: SignedIn;
    let community: string;
    let grid: string;

    const CREATE = `mutation($input: CreateMediationOrganizationInput!) { createMediationOrganization(input: $input) { id name version } }`;
    const UPDATE = `mutation($input: UpdateMediationOrganizationInput!) { updateMediationOrganization(input: $input) { id name version } }`;
    type Org = { id: string; name: string; version: number };

    const create = async (name: string): Promise<Org> => {
      const res = await officer.gql<{ createMediationOrganization: Org }>(CREATE, {
        input: { kind: 'PEOPLES_COMMITTEE', name, regionCode: community },
      });
      expect(res.errors).toBeUndefined();
      return res.data!.createMediationOrganization;
    };
    const outcomes = (results: GraphQLResponse[]) => ({
      ok: results.filter((r) => !r.errors).length,
      refused: results
        .filter((r) => r.errors)
        .map((r) => ({ code: codeOf(r), field: r.errors![0].extensions.field })),
    });

    beforeAll(async () => {
      const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
      community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
      grid = gridsOf(tree)[0];
      officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: tree.districtCode });
    });

    it('when two organisations are renamed to the same name at once, then one wins and the other gets CONFLICT with the mediation module’s sentence, never INTERNAL (issue 8 §3)', async () => {
      for (let round = 0; round < 3; round++) {
        const [a, b] = [await create(`甲调委会${round}`), await create(`乙调委会${round}`)];
        const name = `同名调委会${round}`;
        const results = await Promise.all(
          [a, b].map((o) => officer.gql(UPDATE, { input: { id: o.id, expectedVersion: o.version, name } })),
        );
        // CONFLICT carries no field (api-conventions: `field` is for BAD_USER_INPUT); the sentence names it.
        expect(outcomes(results)).toEqual({ ok: 1, refused: [{ code: 'CONFLICT', field: undefined }] });
        const loser = results.find((r) => r.errors)!;
        expect(loser.errors![0].message).toBe('An organisation of that name exists already in the region.');
        expect(loser.data ?? null).toBeNull();
        const rows = await app.db.query(
          `SELECT id, name, version FROM mediation_organization WHERE id = ANY($1::uuid[]) ORDER BY name`,
          [[a.id, b.id]],
        );
        expect(rows.filter((r: Org) => r.name === name)).toHaveLength(1);
        // The loser's row is as it was: version 1, its old name, and no audit row for the rename.
        const lost = rows.find((r: Org) => r.name !== name);
        expect(lost.version).toBe(1);
        const [{ n }] = await app.db.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'mediationOrganization.update' AND entity_id = $1`,
          [lost.id],
        );
        expect(n).toBe(0);
      }
    });

    it('when the same organisation is created by five requests at once, then one row and four CONFLICTs', async () => {
      const input = { kind: 'PEOPLES_COMMITTEE', name: '并发调委会', regionCode: community };
      const results = await Promise.all(Array.from({ length: 5 }, () => officer.gql(CREATE, { input })));
      expect(outcomes(results)).toMatchObject({ ok: 1 });
      expect(outcomes(results).refused.map((r) => r.code)).toEqual([
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
      ]);
      const [{ n, audits }] = await app.db.query(
        `SELECT count(*)::int AS n, (SELECT count(*)::int FROM audit_event a WHERE a.action = 'mediationOrganization.create'
           AND a.entity_id = ANY(array_agg(o.id::text))) AS audits
         FROM mediation_organization o WHERE o.name = $1`,
        [input.name],
      );
      expect({ n, audits }).toEqual({ n: 1, audits: 1 });
    });

    it('when the same ID number is registered by five requests at once, then one resident and four CONFLICTs', async () => {
      const h = await household(app, grid);
      const idNumber = fakeIdNumber();
      const admin = await cityAdmin(app);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          admin.gql(`mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`, {
            input: { householdId: h.id, name: `并发居民${i}`, idNumber },
          }),
        ),
      );
      expect(outcomes(results).ok).toBe(1);
      expect(outcomes(results).refused.map((r) => r.code)).toEqual([
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
        'CONFLICT',
      ]);
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM resident WHERE household_id = $1`, [
        h.id,
      ]);
      expect(n).toBe(1);
    });
  });
});
