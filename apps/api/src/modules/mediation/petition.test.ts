import { regionTree } from '../../test/factories';
import { organization } from '../../test/mediation';
import { codeOf } from '../../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';

const FIELDS =
  'id title regionCode state registeredOn resolvedOn version region { code } organization { id }';
const REGISTER = `mutation($input: RegisterPetitionCaseInput!) { registerPetitionCase(input: $input) { ${FIELDS} } }`;
const ASSIGN = `mutation($input: AssignPetitionCaseInput!) { assignPetitionCase(input: $input) { ${FIELDS} } }`;
const RESOLVE = `mutation($input: ResolvePetitionCaseInput!) { resolvePetitionCase(input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { petitionCase(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: PetitionCaseFilter, $first: Int, $after: String) {
  petitionCases(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id state registeredOn regionCode } }
  }
}`;

type Petition = {
  id: string;
  title: string;
  regionCode: string;
  state: string;
  registeredOn: string;
  resolvedOn: string | null;
  version: number;
  region: { code: string };
  organization: { id: string } | null;
};
type List = {
  petitionCases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; state: string; registeredOn: string; regionCode: string } }[];
  };
};

describe('petition backlog cases (信访积案)', () => {
  let app: TestApp;
  let district: string;
  let communities: string[];
  let committee: string;
  let neighbourCommittee: string;
  let officer: SignedIn;
  let otherOfficer: SignedIn;
  let supervisor: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    district = tree.districtCode;
    communities = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    committee = await organization(app.db, communities[0]);
    neighbourCommittee = await organization(app.db, communities[1]);
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
    otherOfficer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: other.districtCode });
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: district });
  });
  afterAll(() => app.close());

  const step = async (mutation: string, input: Record<string, unknown>) => {
    const res = await officer.gql<Record<string, Petition>>(mutation, { input });
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0];
  };
  const register = (input: Record<string, unknown> = {}) =>
    step(REGISTER, {
      title: '拆迁补偿信访',
      regionCode: communities[0],
      registeredOn: '2012-05-10',
      ...input,
    });
  const audit = (entityId: string) =>
    app.db.query(
      `SELECT action, actor_id AS "actorId", changes FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );

  describe('its life', () => {
    it('when a case is registered, assigned, left unresolved and resolved later, then each step moves the state, bumps the version and is audited', async () => {
      let p = await register();
      expect(p).toMatchObject({
        state: 'REGISTERED',
        version: 1,
        registeredOn: '2012-05-10',
        resolvedOn: null,
        region: { code: communities[0] },
        organization: null,
      });
      p = await step(ASSIGN, { id: p.id, expectedVersion: 1, organizationId: committee });
      expect(p).toMatchObject({ state: 'ASSIGNED', version: 2, organization: { id: committee } });
      p = await step(RESOLVE, { id: p.id, expectedVersion: 2, resolved: false, on: '2012-08-01' });
      expect(p).toMatchObject({ state: 'UNRESOLVED', version: 3, resolvedOn: null });
      p = await step(RESOLVE, { id: p.id, expectedVersion: 3, resolved: true, on: '2012-11-20' });
      expect(p).toMatchObject({ state: 'RESOLVED', version: 4, resolvedOn: '2012-11-20' });

      const rows = await audit(p.id);
      expect(rows.map((r: { action: string }) => r.action)).toEqual([
        'petitionCase.register',
        'petitionCase.assign',
        'petitionCase.resolve',
        'petitionCase.resolve',
      ]);
      expect(rows.every((r: { actorId: string }) => r.actorId === officer.userId)).toBe(true);
      expect(rows[2].changes).toMatchObject({
        state: { old: 'ASSIGNED', new: 'UNRESOLVED' },
        on: { new: '2012-08-01' },
      });
      expect(rows[3].changes).toMatchObject({
        state: { old: 'UNRESOLVED', new: 'RESOLVED' },
        resolved_on: { new: '2012-11-20' },
      });
    });

    it.each([
      ['a registered case is resolved', [], { resolved: true }, 'REGISTERED', 'RESOLVED'],
      ['a registered case is left unresolved', [], { resolved: false }, 'REGISTERED', 'UNRESOLVED'],
      [
        'an unresolved case is left unresolved again',
        ['assign', 'unresolve'],
        { resolved: false },
        'UNRESOLVED',
        'UNRESOLVED',
      ],
      [
        'a resolved case is resolved again',
        ['assign', 'resolve'],
        { resolved: true },
        'RESOLVED',
        'RESOLVED',
      ],
      ['a resolved case is assigned again', ['assign', 'resolve'], { assign: true }, 'RESOLVED', 'ASSIGNED'],
      ['an assigned case is assigned again', ['assign'], { assign: true }, 'ASSIGNED', 'ASSIGNED'],
    ] as const)(
      'when %s, then INVALID_TRANSITION with from and to, and nothing changes',
      async (_what, before, command, from, to) => {
        let p = await register();
        for (const s of before) {
          p =
            s === 'assign'
              ? await step(ASSIGN, { id: p.id, expectedVersion: p.version, organizationId: committee })
              : await step(RESOLVE, {
                  id: p.id,
                  expectedVersion: p.version,
                  resolved: s === 'resolve',
                  on: '2012-06-01',
                });
        }
        const res =
          'assign' in command
            ? await officer.gql(ASSIGN, {
                input: { id: p.id, expectedVersion: p.version, organizationId: committee },
              })
            : await officer.gql(RESOLVE, {
                input: { id: p.id, expectedVersion: p.version, resolved: command.resolved, on: '2012-07-01' },
              });
        expect(codeOf(res)).toBe('INVALID_TRANSITION');
        expect(res.errors![0].extensions).toEqual({ code: 'INVALID_TRANSITION', from, to });
        const [row] = await app.db.query(`SELECT state, version FROM petition_case WHERE id = $1`, [p.id]);
        expect(row).toEqual({ state: from, version: p.version });
      },
    );

    it('when a command carries a stale version, then CONFLICT and the case stays as it was', async () => {
      const p = await register();
      await step(ASSIGN, { id: p.id, expectedVersion: 1, organizationId: committee });
      const stale = await officer.gql(RESOLVE, {
        input: { id: p.id, expectedVersion: 1, resolved: true, on: '2012-06-01' },
      });
      expect(codeOf(stale)).toBe('CONFLICT');
      const [row] = await app.db.query(
        `SELECT state, version, resolved_on FROM petition_case WHERE id = $1`,
        [p.id],
      );
      expect(row).toEqual({ state: 'ASSIGNED', version: 2, resolved_on: null });
      expect((await audit(p.id)).map((r: { action: string }) => r.action)).toEqual([
        'petitionCase.register',
        'petitionCase.assign',
      ]);
    });

    it('when the organisation does not cover the place of the case, then BAD_USER_INPUT on organizationId', async () => {
      const p = await register();
      const res = await officer.gql(ASSIGN, {
        input: { id: p.id, expectedVersion: 1, organizationId: neighbourCommittee },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('organizationId');
    });

    it.each([
      ['registered in the future', 'registeredOn', { registeredOn: '2999-01-01' }],
      ['registered with a blank title', 'title', { title: '  ' }],
    ])('when a case is %s, then BAD_USER_INPUT names the field %s', async (_what, field, input) => {
      const res = await officer.gql(REGISTER, {
        input: { title: '信访', regionCode: communities[0], registeredOn: '2012-05-10', ...input },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe(field);
    });

    it('when it is resolved on a day before its registration, then BAD_USER_INPUT on on', async () => {
      const p = await register({ registeredOn: '2012-05-10' });
      await step(ASSIGN, { id: p.id, expectedVersion: 1, organizationId: committee });
      const res = await officer.gql(RESOLVE, {
        input: { id: p.id, expectedVersion: 2, resolved: true, on: '2012-05-09' },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('on');
    });
  });

  describe('jurisdiction', () => {
    it("when another district's officer reads or changes the case, then NOT_FOUND; filtering on this district is FORBIDDEN", async () => {
      const p = await register();
      expect(codeOf(await otherOfficer.gql(READ, { id: p.id }))).toBe('NOT_FOUND');
      const assign = await otherOfficer.gql(ASSIGN, {
        input: { id: p.id, expectedVersion: 1, organizationId: committee },
      });
      expect(codeOf(assign)).toBe('NOT_FOUND');
      expect(codeOf(await otherOfficer.gql(LIST, { filter: { regionCode: district } }))).toBe('FORBIDDEN');
      const theirs = await otherOfficer.gql<List>(LIST, { first: 200 });
      expect(theirs.data!.petitionCases.edges.map((e) => e.node.id)).not.toContain(p.id);
      const mine = await officer.gql<{ petitionCase: Petition }>(READ, { id: p.id });
      expect(mine.data!.petitionCase.id).toBe(p.id);
    });

    it('when a case is registered in another district, then FORBIDDEN; when the caller may only read, then FORBIDDEN', async () => {
      const res = await otherOfficer.gql(REGISTER, {
        input: { title: '信访', regionCode: communities[0], registeredOn: '2012-05-10' },
      });
      expect(codeOf(res)).toBe('FORBIDDEN');
      const read = await supervisor.gql(REGISTER, {
        input: { title: '信访', regionCode: communities[0], registeredOn: '2012-05-10' },
      });
      expect(codeOf(read)).toBe('FORBIDDEN');
    });
  });

  describe('listing', () => {
    let cases: Petition[];

    beforeAll(async () => {
      cases = [
        await register({ regionCode: communities[0], registeredOn: '2011-01-15' }),
        await register({ regionCode: communities[1], registeredOn: '2011-02-15' }),
        await register({ regionCode: communities[1], registeredOn: '2011-03-15' }),
      ];
      await step(ASSIGN, { id: cases[2].id, expectedVersion: 1, organizationId: neighbourCommittee });
    });

    const ids = async (filter: Record<string, unknown>) => {
      const res = await officer.gql<List>(LIST, {
        filter: { registeredFrom: '2011-01-01', registeredTo: '2011-12-31', ...filter },
        first: 200,
      });
      expect(res.errors).toBeUndefined();
      return res.data!.petitionCases.edges.map((e) => e.node.id);
    };

    it('when cases are listed, then newest registration first, and region, state and dates narrow', async () => {
      expect(await ids({})).toEqual([cases[2].id, cases[1].id, cases[0].id]);
      expect(await ids({ regionCode: communities[1] })).toEqual([cases[2].id, cases[1].id]);
      expect(await ids({ state: ['ASSIGNED'] })).toEqual([cases[2].id]);
      expect(await ids({ state: ['REGISTERED', 'RESOLVED'], regionCode: communities[1] })).toEqual([
        cases[1].id,
      ]);
      expect(await ids({ registeredFrom: '2011-02-15', registeredTo: '2011-02-15' })).toEqual([cases[1].id]);
      const backwards = await officer.gql(LIST, {
        filter: { registeredFrom: '2011-02-01', registeredTo: '2011-01-01' },
      });
      expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    });

    it('when the list is read one at a time, then the pages follow each other without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResponse<List> = await officer.gql<List>(LIST, {
          filter: { registeredFrom: '2011-01-01', registeredTo: '2011-12-31' },
          first: 1,
          after,
        });
        expect(page.data!.petitionCases.totalCount).toBe(3);
        seen.push(...page.data!.petitionCases.edges.map((e) => e.node.id));
        if (!page.data!.petitionCases.pageInfo.hasNextPage) break;
        after = page.data!.petitionCases.pageInfo.endCursor;
      }
      expect(seen).toEqual([cases[2].id, cases[1].id, cases[0].id]);
    });

    it('when a long page asks for regions and organisations, then it takes as many SQL statements as a short one', async () => {
      for (let i = 0; i < 12; i++) {
        const p = await register({ registeredOn: '2010-04-01' });
        await step(ASSIGN, { id: p.id, expectedVersion: 1, organizationId: committee });
      }
      const query = `query($first: Int) { petitionCases(first: $first, filter: { registeredFrom: "2010-04-01", registeredTo: "2010-04-01" }) {
        edges { node { id region { code } organization { name memberCount } } } } }`;
      const statements = async (first: number) => {
        const spy = jest.spyOn(app.apiDb, 'query');
        try {
          const res = await officer.gql<List>(query, { first });
          expect(res.data!.petitionCases.edges).toHaveLength(first);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      expect(await statements(12)).toBe(await statements(1));
    });
  });
});
