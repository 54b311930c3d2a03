import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { regionTree } from '../test/factories';
import { caseIn, mediator, organization } from '../test/mediation';
import { cityAdmin, codeOf, gridsOf, household, resident, type TestResident } from '../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';

/**
 * Inputs are allow-lists (catalogue cases 18, 20, 21, 22): an input type takes only its declared fields, an order
 * is an enum, every text filter is a parameter (LIKE wildcards escaped), and no code path hands a criteria object
 * to the ORM, so none can be empty.
 */

/** In the spirit of TypeORM's advisory list: quotes, comments, wildcards, operators, a stacked query, a sleep. */
const MALICIOUS = [
  "' OR '1'='1",
  "'; DROP TABLE resident; --",
  '%',
  '_',
  '\\',
  "%' OR 1=1 --",
  '") OR ("1"="1',
  '$1',
  '{"$gt":""}',
  "' UNION SELECT id_number_encrypted FROM resident --",
  "1' AND pg_sleep(3) IS NULL --",
  '*/ OR /*',
];

/** Every text filter of every list: free text that narrows by contains or by equality. */
const TEXT_FILTERS: [list: string, filterType: string, field: string][] = [
  ['residents', 'ResidentFilter', 'nameContains'],
  ['households', 'HouseholdFilter', 'addressContains'],
  ['regions', 'RegionFilter', 'nameContains'],
  ['disputeCases', 'DisputeCaseFilter', 'q'],
  ['mediators', 'MediatorFilter', 'nameContains'],
  ['mediationOrganizations', 'MediationOrganizationFilter', 'nameContains'],
  ['auditEvents', 'AuditEventFilter', 'entityId'],
  ['auditEvents', 'AuditEventFilter', 'entityType'],
];

describe('inputs are allow-lists', () => {
  let app: TestApp;
  let admin: SignedIn;
  let r: TestResident;

  const counts = async () =>
    (
      await app.db.query(
        `SELECT (SELECT count(*)::int FROM resident) AS residents, (SELECT count(*)::int FROM household) AS households,
           (SELECT count(*)::int FROM dispute_case) AS cases, (SELECT count(*)::int FROM app_user) AS users,
           (SELECT count(*)::int FROM region) AS regions`,
      )
    )[0];

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const community = tree.rows.find((x) => x.level === 'COMMUNITY')!.code;
    const street = tree.rows.find((x) => x.level === 'STREET')!.code;
    admin = await cityAdmin(app);
    r = await resident(app, (await household(app, gridsOf(tree)[0])).id);
    const committee = await organization(app.db, community);
    await caseIn(admin, community, 'ACCEPTED', {
      mediatorId: await mediator(app.db, community, [committee]),
      centreId: await organization(app.db, street, 'COORDINATION_CENTRE'),
    });
  });
  afterAll(() => app.close());

  describe('case 18: only the declared fields of an input', () => {
    it.each([
      ['role', { role: 'CITY_ADMIN' }],
      ['jurisdictionPath', { jurisdictionPath: '230100' }],
      ['regionPath', { regionPath: '230100' }],
      ['idNumberEncrypted', { idNumberEncrypted: 'v1:x' }],
      ['version', { version: 99 }],
    ])(
      'when updateResident also sends %s, then the input is refused with 400 and the resident is as it was',
      async (_f, extra) => {
        const before = await app.db.query(
          `SELECT name, version, region_path::text FROM resident WHERE id = $1`,
          [r.id],
        );
        const res = await admin.gql(
          `mutation($input: UpdateResidentInput!) { updateResident(input: $input) { id } }`,
          {
            input: { id: r.id, expectedVersion: r.version, name: '改名', ...extra },
          },
        );
        expect({ status: res.status, code: codeOf(res), data: res.data ?? null }).toEqual({
          status: 400,
          code: 'BAD_USER_INPUT',
          data: null,
        });
        expect(
          await app.db.query(`SELECT name, version, region_path::text FROM resident WHERE id = $1`, [r.id]),
        ).toEqual(before);
      },
    );

    it('when an inline input names a field the type does not have, then validation refuses it', async () => {
      const res = await admin.gql(
        `mutation { updateResident(input: { id: "${r.id}", expectedVersion: ${r.version}, name: "改名", roles: [CITY_ADMIN] }) { id } }`,
      );
      expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(res.errors![0].message).not.toContain('Did you mean');
    });
  });

  describe('case 21: an order is one of the allowed fields', () => {
    it.each([
      ['a field that is SQL', { field: 'id; DROP TABLE resident--', direction: 'ASC' }],
      ['a subquery', { field: '(SELECT id_number_encrypted FROM resident LIMIT 1)', direction: 'ASC' }],
      ['a direction that is SQL', { field: 'NAME', direction: 'ASC, (SELECT 1)' }],
      ['a field the list does not sort by', { field: 'ID_NUMBER', direction: 'ASC' }],
    ])('when residents are ordered by %s, then 400 and nothing changes', async (_what, orderBy) => {
      const before = await counts();
      const res = await admin.gql(`query($o: ResidentOrderBy) { residents(orderBy: $o) { totalCount } }`, {
        o: orderBy,
      });
      expect({ status: res.status, code: codeOf(res), data: res.data ?? null }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        data: null,
      });
      expect(await counts()).toEqual(before);
    });
  });

  describe('case 22: malicious strings in every text filter', () => {
    it.each(TEXT_FILTERS)(
      'when %s is filtered on %s.%s with each of a dozen injection strings, then no row matches (or the text is refused on the field), nothing changes, and none waits',
      async (list, filterType, field) => {
        const before = await counts();
        const all = await admin.gql<Record<string, { totalCount: number }>>(`{ ${list} { totalCount } }`);
        expect(all.data![list].totalCount).toBeGreaterThan(0);
        for (const text of MALICIOUS) {
          const started = Date.now();
          const res = await admin.gql<Record<string, { totalCount: number }>>(
            `query($f: ${filterType}) { ${list}(filter: $f) { totalCount } }`,
            { f: { [field]: text } },
          );
          // No row, or (a text over the filter's length) BAD_USER_INPUT on the field: never a wider list.
          const outcome = res.errors
            ? { code: codeOf(res), field: res.errors[0].extensions.field }
            : { total: res.data![list].totalCount };
          expect([{ total: 0 }, { code: 'BAD_USER_INPUT', field }]).toContainEqual(outcome);
          expect(Date.now() - started).toBeLessThan(2500);
        }
        expect(await counts()).toEqual(before);
      },
    );

    it('when the audit log is filtered by an action list of injection strings, then nothing matches', async () => {
      const res = await admin.gql<{ auditEvents: { totalCount: number } }>(
        `query($a: [String!]) { auditEvents(filter: { action: $a }) { totalCount } }`,
        { a: MALICIOUS },
      );
      expect(res.data!.auditEvents.totalCount).toBe(0);
    });

    it('when the region code of a filter is an injection string, then BAD_USER_INPUT on regionCode, never a wider list', async () => {
      for (const text of MALICIOUS) {
        const res = await admin.gql(
          `query($c: String) { residents(filter: { regionCode: $c }) { totalCount } }`,
          { c: text },
        );
        expect({ code: codeOf(res), field: res.errors?.[0].extensions.field }).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'regionCode',
        });
      }
    });
  });

  describe('cases 19 and 20: no criteria object reaches the ORM', () => {
    /** The API's source files, tests and test support aside. */
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) return name === 'test' ? [] : sources(file);
        return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
      });

    it("when the source is searched for TypeORM's criteria methods (findOneBy, update, delete, …), then no code calls one: every statement is SQL with an explicit WHERE", () => {
      // The ORM's criteria methods by name, and find/update/delete/count called on a data source or an entity manager.
      const CRITERIA =
        /\.(findOneBy|findBy|findOneOrFail|findAndCount|softDelete|getRepository|createQueryBuilder|upsert)\(|\b(m|manager|em|db|dataSource|ctx\.db|runner\.manager)\.(find|findOne|update|delete|count|save|insert|remove)\(/;
      const files = sources(path.resolve(__dirname, '..'));
      const calls = files.flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            CRITERIA.test(line) ? [`${path.relative(__dirname, file)}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
      expect(files.length).toBeGreaterThan(50);
      expect(calls).toEqual([]);
    });
  });
});
