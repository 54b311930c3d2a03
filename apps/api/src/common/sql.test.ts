import { chinaDay } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { regionTree } from '../test/factories';
import { household } from '../test/people';
import { startTestApp, type TestApp } from '../test/test-app';
import { AppError } from './app-error';
import { SortDirection, sortBy } from './connection';
import {
  checkText,
  containsPattern,
  findOrThrow,
  optionalText,
  pastDay,
  Patch,
  updateReturning,
  versionedUpdate,
  Where,
} from './sql';

/**
 * The SQL kit every list and command is built from (issue 8 §3), run against the real PostgreSQL: a filter's
 * meaning is what PostgreSQL makes of the clause, so the clauses are executed, not compared as strings.
 */

const BAD_IDS = ['', 'x', '{"$gt":""}', '00000000-0000-4000-8000-00000000000', "' OR '1'='1"];

/** The error a call throws (or a rejected promise holds), as an AppError. */
async function failure(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('the SQL kit', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  /** The names of the kit rows a WHERE clause selects, sorted. */
  const select = async (where: Where): Promise<string[]> => {
    const rows: { name: string }[] = await app.db.query(
      `SELECT name FROM kit_row WHERE ${where} ORDER BY name`,
      where.params,
    );
    return rows.map((r) => r.name);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.db.query(`CREATE TABLE kit_row (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, path ltree NOT NULL,
      kind text NOT NULL, at timestamptz, day date, flagged boolean NOT NULL DEFAULT false,
      version int NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now() - interval '1 day')`);
    const rows: [string, string, string, string | null, string | null, boolean][] = [
      // name, path, kind, at, day, flagged
      ['district', '230100.230102', 'A', '2024-03-01T23:30:00+08:00', '2024-03-01', true],
      ['street', '230100.230102.230102001', 'B', '2024-03-01T23:30:00Z', '2024-03-02', false],
      // Midnight in Harbin: the first instant of 1 March.
      ['sibling', '230100.230103', 'A', '2024-02-29T16:00:00Z', '2024-02-29', false],
      // A label that merely starts with the district's code: a string prefix would take it, ltree does not.
      ['lookalike', '230100.2301021', 'C', null, null, false],
      // The first instant of 3 March in Harbin, and the last millisecond of 2 March.
      ['100%_off', '230100.230104', 'A', '2024-03-02T16:00:00Z', '2024-03-03', true],
      ['100 percent', '230100.230104', 'B', '2024-03-02T15:59:59.999Z', '2024-03-02', false],
      ['back\\slash', '230100.230104', 'B', null, null, false],
    ];
    for (const [name, path, kind, at, day, flagged] of rows) {
      const [row] = await app.db.query(
        `INSERT INTO kit_row (name, path, kind, at, day, flagged) VALUES ($1, $2::ltree, $3, $4, $5, $6) RETURNING id`,
        [name, path, kind, at, day, flagged],
      );
      ids[name] = row.id;
    }
  });
  afterAll(() => app.close());

  describe('Where', () => {
    it('when no filter is added, then the clause is TRUE and every row comes back', async () => {
      const where = new Where();
      expect(String(where)).toBe('TRUE');
      expect(await select(where)).toHaveLength(7);
    });

    it('when a subtree is asked for, then the region and everything below it come back, not a code that only starts alike', async () => {
      expect(await select(new Where().subtree('path', '230100.230102'))).toEqual(['district', 'street']);
      expect(await select(new Where().subtree('path', '230100.230102.230102001'))).toEqual(['street']);
    });

    it('when anyOf is given values, then it narrows to them; an empty list or none does not narrow', async () => {
      expect(await select(new Where().anyOf('kind', ['B', 'C']))).toEqual([
        '100 percent',
        'back\\slash',
        'lookalike',
        'street',
      ]);
      expect(await select(new Where().anyOf('kind', []))).toHaveLength(7);
      expect(await select(new Where().anyOf('kind', null))).toHaveLength(7);
    });

    it('when an id is given, then exactly that row comes back, whatever the case of its hex digits', async () => {
      expect(await select(new Where().id('id', ids.street, 'streetId'))).toEqual(['street']);
      expect(await select(new Where().id('id', ids.street.toUpperCase(), 'streetId'))).toEqual(['street']);
      expect(await select(new Where().id('id', null, 'streetId'))).toHaveLength(7);
    });

    it.each(BAD_IDS)(
      'when the id is %j, then BAD_USER_INPUT on its field and no clause is added (case 19)',
      async (bad) => {
        const where = new Where();
        const err = await failure(() => where.id('id', bad, 'householdId'));
        expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'householdId' } });
        expect(where.clauses).toEqual([]);
      },
    );

    it('when contains is given % or _, then they match literally, as does a backslash; case is ignored', async () => {
      expect(await select(new Where().contains(['name'], '%_'))).toEqual(['100%_off']);
      expect(await select(new Where().contains(['name'], '100%'))).toEqual(['100%_off']);
      expect(await select(new Where().contains(['name'], '_'))).toEqual(['100%_off']);
      expect(await select(new Where().contains(['name'], '\\'))).toEqual(['back\\slash']);
      expect(await select(new Where().contains(['name'], 'STREET'))).toEqual(['street']);
      expect(await select(new Where().contains(['name', 'kind'], 'c'))).toEqual([
        '100 percent',
        'back\\slash',
        'district',
        'lookalike',
      ]);
    });

    it('when contains is blank, then it does not narrow', async () => {
      expect(await select(new Where().contains(['name'], '   '))).toHaveLength(7);
      expect(await select(new Where().contains(['name'], null))).toHaveLength(7);
      expect(containsPattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
    });

    it('when a day is asked for on a timestamp, then 23:30 in Harbin is that day and 23:30 UTC is the next', async () => {
      const day = (from: string | Date, to: string | Date) =>
        select(new Where().days('at', { from, to }, { from: 'from', to: 'to' }, 'timestamptz'));
      expect(await day('2024-03-01', '2024-03-01')).toEqual(['district', 'sibling']);
      expect(await day('2024-03-02', '2024-03-02')).toEqual(['100 percent', 'street']);
      // Midnight in Harbin is 16:00 UTC the day before: the first instant of a day, and the one after its last.
      expect(await day('2024-02-29', '2024-02-29')).toEqual([]);
      expect(await day('2024-03-03', '2024-03-03')).toEqual(['100%_off']);
      expect(await day('2024-03-01', '2024-03-03')).toHaveLength(5);
      // The GraphQL Date scalar gives midnight UTC of the day it names.
      expect(await day(new Date('2024-03-01T00:00:00Z'), new Date('2024-03-01T00:00:00Z'))).toEqual([
        'district',
        'sibling',
      ]);
      expect(
        await select(
          new Where().days('at', { from: '2024-03-03' }, { from: 'from', to: 'to' }, 'timestamptz'),
        ),
      ).toEqual(['100%_off']);
    });

    it('when the days are on a date column, then both ends are included as they are', async () => {
      const day = (from: string | null, to: string | null) =>
        select(new Where().days('day', { from, to }, { from: 'heldFrom', to: 'heldTo' }, 'date'));
      expect(await day('2024-03-02', '2024-03-02')).toEqual(['100 percent', 'street']);
      expect(await day('2024-03-01', '2024-03-03')).toEqual([
        '100 percent',
        '100%_off',
        'district',
        'street',
      ]);
      expect(await day(null, '2024-02-29')).toEqual(['sibling']);
      expect(await day(null, null)).toHaveLength(7);
    });

    it('when to is before from, then BAD_USER_INPUT on the to field, for either column type', async () => {
      for (const type of ['timestamptz', 'date'] as const) {
        const err = await failure(() =>
          new Where().days(
            'at',
            { from: '2024-03-02', to: '2024-03-01' },
            { from: 'heldFrom', to: 'heldTo' },
            type,
          ),
        );
        expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'heldTo' } });
      }
    });

    it('when a flag is true, false or null, then the condition, its negation or nothing narrows', async () => {
      const flag = (value: boolean | null) => select(new Where().flag(value, 'flagged', 'NOT flagged'));
      expect(await flag(true)).toEqual(['100%_off', 'district']);
      expect(await flag(false)).toHaveLength(5);
      expect(await flag(null)).toHaveLength(7);
    });

    it('when filters are chained, then they all hold and each value is a parameter, never SQL text', async () => {
      const where = new Where()
        .subtree('path', '230100')
        .anyOf('kind', ['A'])
        .contains(['name'], "'; DROP TABLE kit_row; --")
        .flag(true, 'flagged', 'NOT flagged');
      expect(String(where)).not.toContain('DROP');
      expect(await select(where)).toEqual([]);
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM kit_row`);
      expect(n).toBe(7);
      expect(
        await select(
          new Where().subtree('path', '230100').anyOf('kind', ['A']).flag(true, 'flagged', 'NOT flagged'),
        ),
      ).toEqual(['100%_off', 'district']);
    });
  });

  describe('Patch', () => {
    it('when fields are set, then the SET pairs follow in order and the audit holds old and new, the masked value where given', () => {
      const patch = new Patch()
        .set('name', '新名', { field: 'name', old: '旧名' })
        .set('phone_encrypted', 'v1:…')
        .set('phone_masked', '139****0001', { field: 'phone', old: null })
        .set('tags', ['LOW_INCOME'], { field: 'tags', old: [], audited: ['低保'] })
        .note('organizationIds', ['a'], ['a', 'b']);
      expect(patch.sets).toEqual([
        ['name', '新名'],
        ['phone_encrypted', 'v1:…'],
        ['phone_masked', '139****0001'],
        ['tags', ['LOW_INCOME']],
      ]);
      expect(patch.changes).toEqual({
        name: { old: '旧名', new: '新名' },
        phone: { old: null, new: '139****0001' },
        tags: { old: [], new: ['低保'] },
        organizationIds: { old: ['a'], new: ['a', 'b'] },
      });
      expect(patch.isEmpty).toBe(false);
      expect(new Patch().note('x', 1, 2).isEmpty).toBe(true);
    });
  });

  describe('versionedUpdate', () => {
    const REF = { table: 'kit_row', label: 'Kit row' };

    it('when the version is current, then the patch is written, the version goes up by one and updated_at moves', async () => {
      const [before] = await app.db.query(`SELECT updated_at FROM kit_row WHERE id = $1`, [ids.sibling]);
      const row = await versionedUpdate<{ name: string; kind: string; version: number; updated_at: Date }>(
        app.db.manager,
        REF,
        ids.sibling,
        1,
        new Patch().set('kind', 'D').set('flagged', true),
        'name, kind, version, updated_at',
      );
      expect(row).toMatchObject({ name: 'sibling', kind: 'D', version: 2 });
      expect(row.updated_at.getTime()).toBeGreaterThan(new Date(before.updated_at).getTime());
    });

    it('when the patch is empty, then only the version and the time change', async () => {
      const row = await versionedUpdate<{ kind: string; version: number }>(
        app.db.manager,
        REF,
        ids.lookalike,
        1,
        new Patch(),
        'kind, version',
      );
      expect(row).toEqual({ kind: 'C', version: 2 });
    });

    it('when the version is stale, then CONFLICT names the current version and nothing changes', async () => {
      const err = await failure(() =>
        versionedUpdate(app.db.manager, REF, ids.sibling, 1, new Patch().set('kind', 'E'), 'id'),
      );
      expect(err).toMatchObject({
        code: 'CONFLICT',
        message: 'Version 1 is stale; the current version is 2.',
      });
      const [row] = await app.db.query(`SELECT kind, version FROM kit_row WHERE id = $1`, [ids.sibling]);
      expect(row).toEqual({ kind: 'D', version: 2 });
    });

    it('when no row has the id, then NOT_FOUND with the label, whatever the version', async () => {
      const err = await failure(() =>
        versionedUpdate(app.db.manager, REF, '00000000-0000-4000-8000-000000000000', 1, new Patch(), 'id'),
      );
      expect(err).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Kit row 00000000-0000-4000-8000-000000000000 was not found.',
      });
    });

    it('when the row exists but row-level security hides it, then NOT_FOUND, not CONFLICT, and it stays as it was', async () => {
      const [a, b] = [
        await regionTree(app.db, { streets: 1, communities: 1, grids: 1 }),
        await regionTree(app.db, { streets: 1, communities: 1, grids: 1 }),
      ];
      const hidden = await household(app, b.rows.find((r) => r.level === 'GRID')!.code);
      const [{ path }] = await app.db.query(`SELECT path::text AS path FROM region WHERE code = $1`, [
        a.districtCode,
      ]);
      // As the API does it: the request role, with A's jurisdiction as the scope, on the API's own login.
      const err = await app.apiDb.transaction(async (m: EntityManager) => {
        await m.query(
          `SELECT set_config('role', 'qiangji_app', true), set_config('qiangji.scope', $1, true)`,
          [path],
        );
        return failure(() =>
          versionedUpdate(
            m,
            { table: 'household', label: 'Household' },
            hidden.id,
            hidden.version,
            new Patch().set('address', '越界'),
            'id',
          ),
        );
      });
      expect(err).toMatchObject({ code: 'NOT_FOUND', message: `Household ${hidden.id} was not found.` });
      const [row] = await app.db.query(`SELECT address, version FROM household WHERE id = $1`, [hidden.id]);
      expect(row).toEqual({ address: hidden.address, version: hidden.version });
    });

    it('when an UPDATE returns rows through TypeORM, then updateReturning gives the rows themselves', async () => {
      const rows = await updateReturning<{ name: string }>(
        app.db.manager,
        `UPDATE kit_row SET flagged = flagged WHERE kind = $1 RETURNING name`,
        ['B'],
      );
      expect(rows.map((r) => r.name).sort()).toEqual(['100 percent', 'back\\slash', 'street']);
    });
  });

  describe('the small checks', () => {
    it('when findOrThrow finds nothing, then NOT_FOUND with the given sentence; otherwise the first row', async () => {
      const err = await failure(() =>
        findOrThrow(app.db, `SELECT 1 FROM kit_row WHERE false`, [], 'Nothing here.'),
      );
      expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'Nothing here.' });
      expect(await findOrThrow(app.db, `SELECT name FROM kit_row WHERE id = $1`, [ids.street], 'x')).toEqual({
        name: 'street',
      });
    });

    it('when text is checked, then it is trimmed, and too short or too long is BAD_USER_INPUT on its field', async () => {
      expect(checkText('  理由  ', 'reason', 10, 2)).toBe('理由');
      expect(await failure(() => checkText(' 理 ', 'reason', 10, 2))).toMatchObject({
        details: { field: 'reason' },
      });
      expect(await failure(() => checkText('x'.repeat(11), 'reason', 10))).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(await failure(() => checkText(null, 'title', 10))).toMatchObject({
        details: { field: 'title' },
      });
      expect(optionalText('   ', 'notes', 10)).toBeNull();
      expect(optionalText(' 备注 ', 'notes', 10)).toBe('备注');
    });

    it('when a day is in the future in China, then pastDay refuses it; today is allowed', async () => {
      const today = chinaDay();
      expect(pastDay(today, 'date')).toBe(today);
      const tomorrow = chinaDay(Date.now() + 86_400_000);
      expect(await failure(() => pastDay(tomorrow, 'date'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'date' },
      });
    });
  });

  describe('sortBy', () => {
    type Row = { id: string; name: string };
    const FIELDS = {
      NAME: { expr: 'r.name', value: (r: Row) => r.name },
      RECEIVED_AT: { expr: 'r.received_at', value: () => 0, direction: SortDirection.DESC },
    };
    const ID = { expr: 'r.id', of: (r: Row) => r.id };

    it('when no order is asked for, then the fallback in its own direction, with the id as tie-breaker', () => {
      expect(sortBy(FIELDS, null, 'RECEIVED_AT', ID)).toMatchObject({
        key: 'RECEIVED_AT:DESC',
        expr: 'r.received_at',
        idExpr: 'r.id',
        direction: 'DESC',
      });
    });

    it('when a field is named without a direction, then its default, else ascending; a direction overrides', () => {
      expect(sortBy(FIELDS, { field: 'NAME' }, 'RECEIVED_AT', ID)).toMatchObject({ key: 'NAME:ASC' });
      expect(
        sortBy(FIELDS, { field: 'NAME', direction: SortDirection.DESC }, 'RECEIVED_AT', ID),
      ).toMatchObject({
        key: 'NAME:DESC',
        direction: 'DESC',
      });
    });
  });
});
