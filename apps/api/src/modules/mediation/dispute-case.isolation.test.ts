import { DISPUTE_CASE_MACHINE, type DisputeCaseCommand, type DisputeCaseState } from '@qiangji/domain';
import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { Client } from 'pg';
import { PersonalDataCipher } from '../../common/personal-data';
import { createSchema } from '../../server/schema';
import { regionTree } from '../../test/factories';
import {
  caseIn,
  caseTrace,
  commandEnum,
  mapLimit,
  mediator,
  organization,
  pathTo,
  registerCase,
  runCommand,
  walkCase,
  type CommandRefs,
  type TestCase,
} from '../../test/mediation';
import { codeOf, gridsOf, household, masked, resident } from '../../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';

const {
  available: availableDisputeCaseCommands,
  commands: DISPUTE_CASE_COMMANDS,
  rules: DISPUTE_CASE_TRANSITIONS,
} = DISPUTE_CASE_MACHINE;

/**
 * Dispute cases are about people: a caller sees and moves only the cases placed in its jurisdiction, acts only
 * on those handled by an organisation inside it, and the database itself refuses rows to an unscoped request.
 */

interface District {
  code: string;
  path: string;
  street: string;
  community: string;
  grid: string;
  refs: CommandRefs;
  /** A DISTRICT_OFFICER of the whole district: every role the transitions table allows, everywhere in it. */
  officer: SignedIn;
}

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const TITLE_A = '甲区独有的宅基地边界纠纷';

const rule = (command: DisputeCaseCommand) => DISPUTE_CASE_TRANSITIONS[command];
/** Of the states a command may run in, the one a new case reaches in the fewest commands. */
const nearestFrom = (command: DisputeCaseCommand): DisputeCaseState =>
  [...rule(command).from].sort((a, b) => pathTo(a).length - pathTo(b).length)[0];

const expectRefused = (res: GraphQLResponse<unknown>, code: string) => {
  expect(codeOf(res)).toBe(code);
  expect(res.data ?? null).toBeNull();
};

describe('dispute cases across jurisdictions', () => {
  let app: TestApp;
  const d = { A: {} as District, B: {} as District };
  let caseA: TestCase;
  let caseB: TestCase;

  beforeAll(async () => {
    app = await startTestApp();
    // One after the other: both trees write the city's row.
    for (const name of ['A', 'B'] as const) {
      const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1, name: `${name}区` });
      const street = tree.rows.find((r) => r.level === 'STREET')!.code;
      const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
      const [[{ path }], committee, centre, officer] = await Promise.all([
        app.db.query(`SELECT path::text AS path FROM region WHERE code = $1`, [tree.districtCode]),
        organization(app.db, community),
        organization(app.db, street, 'COORDINATION_CENTRE'),
        app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: tree.districtCode }),
      ]);
      d[name] = {
        code: tree.districtCode,
        path,
        street,
        community,
        grid: gridsOf(tree)[0],
        refs: { mediatorId: await mediator(app.db, community, [committee]), centreId: centre },
        officer,
      };
    }
    [caseA, caseB] = await Promise.all([
      registerCase(d.A.officer, d.A.community, { title: TITLE_A }),
      caseIn(d.B.officer, d.B.community, 'MEDIATOR_ASSIGNED', d.B.refs),
    ]);
  });
  afterAll(() => app.close());

  describe('a district officer of B and a case of A', () => {
    it("when B reads A's case by id, then NOT_FOUND, the same answer as for an id that exists nowhere", async () => {
      const read = (id: string) =>
        d.B.officer.gql(`query($id: ID!) { disputeCase(id: $id) { id title } }`, { id });
      const [a, none] = await Promise.all([read(caseA.id), read(NOWHERE)]);
      expectRefused(a, 'NOT_FOUND');
      expect(a.errors![0].message.replace(caseA.id, '<id>')).toBe(
        none.errors![0].message.replace(NOWHERE, '<id>'),
      );
      expect(a.errors![0].extensions).toEqual(none.errors![0].extensions);
    });

    it.each([
      ['district', () => d.A.code],
      ['community', () => d.A.community],
    ])("when B lists cases with A's %s as regionCode, then FORBIDDEN", async (_level, code) => {
      const res = await d.B.officer.gql(
        `query($code: String) { disputeCases(filter: { regionCode: $code }) { totalCount edges { node { id } } } }`,
        { code: code() },
      );
      expectRefused(res, 'FORBIDDEN');
    });

    it("when B lists cases without a filter, then it sees B's cases and not A's", async () => {
      const res = await d.B.officer.gql<{
        disputeCases: { totalCount: number; edges: { node: { id: string; regionCode: string } }[] };
      }>(`{ disputeCases(first: 200) { totalCount edges { node { id regionCode } } } }`);
      expect(res.errors).toBeUndefined();
      const ids = res.data!.disputeCases.edges.map((e) => e.node.id);
      expect(ids).toContain(caseB.id);
      expect(ids).not.toContain(caseA.id);
      expect(res.data!.disputeCases.edges.every((e) => e.node.regionCode.startsWith(d.B.code))).toBe(true);
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM dispute_case WHERE region_path <@ $1::ltree`,
        [d.B.path],
      );
      expect(res.data!.disputeCases.totalCount).toBe(n);
    });

    describe('commands', () => {
      const COMMANDS = DISPUTE_CASE_COMMANDS.map((command) => ({ command, state: nearestFrom(command) }));
      let cases: TestCase[] = [];
      beforeAll(async () => {
        cases = await mapLimit(COMMANDS, 6, ({ state }) =>
          caseIn(d.A.officer, d.A.community, state, d.A.refs),
        );
      });

      it.each(COMMANDS.map((row, i) => ({ ...row, i })))(
        "when B runs $command on A's $state case with its current version, then NOT_FOUND and nothing changes",
        async ({ command, i }) => {
          const c = cases[i];
          const before = await caseTrace(app.db, c.id);
          // B's own mediator and centre: inputs B could name; only the case is out of reach.
          const res = await runCommand(d.B.officer, command, c, d.B.refs);
          expectRefused(res, 'NOT_FOUND');
          expect(await caseTrace(app.db, c.id)).toEqual(before);
        },
      );
    });

    it.each([
      ['community', () => d.A.community],
      ['grid unit', () => d.A.grid],
    ])("when B registers a case in A's %s, then FORBIDDEN and no case is created", async (_level, place) => {
      const title = `越界登记${place()}`;
      const created = async () =>
        (await app.db.query(`SELECT count(*)::int AS n FROM dispute_case WHERE title = $1`, [title]))[0]
          .n as number;
      const res = await d.B.officer.gql(
        `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id } }`,
        {
          input: {
            channel: 'WALK_IN',
            type: 'NEIGHBOURHOOD',
            title,
            description: '越界登记的纠纷',
            regionCode: place(),
            parties: [{ role: 'APPLICANT', name: '王某' }],
            peopleInvolved: 1,
            householdsInvolved: 1,
          },
        },
      );
      expectRefused(res, 'FORBIDDEN');
      expect(await created()).toBe(0);
    });
  });

  describe('nested traversal', () => {
    /** Every output type reachable from `from` through fields, the type itself included. */
    const reachable = (types: Map<string, GraphQLNamedType>, from: string) => {
      const seen = new Set<string>();
      const visit = (type: GraphQLNamedType) => {
        if (seen.has(type.name)) return;
        seen.add(type.name);
        if (isObjectType(type) || isInterfaceType(type))
          for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
        if (isUnionType(type)) type.getTypes().forEach(visit);
      };
      visit(types.get(from)!);
      return seen;
    };

    it('when the schema the API serves is walked from Region, then no dispute case is reachable', async () => {
      const schema = await createSchema();
      const types = new Map(Object.entries(schema.getTypeMap()));
      expect(reachable(types, 'Region').has('DisputeCase')).toBe(false);
      // The walk does find cases where there is a path, so the answer above is not the walk's failure.
      expect(reachable(types, 'DisputeCaseConnection').has('Region')).toBe(true);
    });

    it("when B walks from its own case through region, ancestors, children, organisation, mediator, parties and timeline, then A's case never comes back", async () => {
      const res = await d.B.officer.gql<{ disputeCase: { id: string } }>(
        `query($id: ID!) {
          disputeCase(id: $id) {
            id number title
            region { code parent { code parent { code } }
              ancestors { code children(first: 20) { edges { node { code children(first: 5) { edges { node { code } } } } } } } }
            organization { id name } originOrganization { id name }
            mediator { id name }
            parties { role name contact }
            timeline { command details { __typename ... on RegistrationDetails { channel risk } } }
          }
          disputeCases(first: 50) { edges { node { id number title region { code parent { code } } } } }
        }`,
        { id: caseB.id },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.disputeCase.id).toBe(caseB.id);
      const text = JSON.stringify(res.data);
      expect(text).not.toContain(caseA.id);
      expect(text).not.toContain(caseA.number);
      expect(text).not.toContain(TITLE_A);
      // The walk did reach A's regions: the region tree is shared reference data, A's cases are not.
      expect(text).toContain(`"${d.A.code}"`);
      expect(text).toContain(`"${d.A.street}"`);
    });
  });

  describe('after an escalation from a community committee to the street centre', () => {
    let communityStaff: SignedIn;
    let streetOfficer: SignedIn;
    beforeAll(async () => {
      [communityStaff, streetOfficer] = await Promise.all([
        app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: d.A.community }),
        app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: d.A.street }),
      ]);
    });

    /** A case the community's staff registered and escalated, then moved on to `state` by the street. */
    const escalated = async (state: DisputeCaseState): Promise<TestCase> => {
      let c = await walkCase(communityStaff, d.A.community, ['escalate'], d.A.refs);
      for (const command of pathTo(state)) {
        const res = await runCommand(streetOfficer, command, c, d.A.refs);
        if (!res.data) throw new Error(`${command} failed: ${JSON.stringify(res.errors)}`);
        c = res.data.result;
      }
      return c;
    };

    const READ = `query($id: ID!) {
      disputeCase(id: $id) { id state organization { id } originOrganization { id } availableCommands }
    }`;
    type Read = {
      disputeCase: {
        id: string;
        state: string;
        organization: { id: string };
        originOrganization: { id: string };
        availableCommands: string[];
      };
    };

    it("when the community's staff reads the case, then it sees it with no available commands, and the street officer sees the table's commands and can act", async () => {
      const c = await escalated('RECEIVED');
      const [mine, street] = await Promise.all([
        communityStaff.gql<Read>(READ, { id: c.id }),
        streetOfficer.gql<Read>(READ, { id: c.id }),
      ]);
      expect(mine.errors).toBeUndefined();
      expect(mine.data!.disputeCase).toMatchObject({
        state: 'RECEIVED',
        organization: { id: d.A.refs.centreId },
        availableCommands: [],
      });
      expect(mine.data!.disputeCase.originOrganization.id).not.toBe(d.A.refs.centreId);
      expect(street.data!.disputeCase.availableCommands).toEqual(
        availableDisputeCaseCommands('RECEIVED', ['STREET_OFFICER']).map(commandEnum),
      );
      // Jurisdiction is checked before the version: a stale version from below is still FORBIDDEN.
      expectRefused(
        await runCommand(communityStaff, 'accept', { id: c.id, version: 1 }, d.A.refs),
        'FORBIDDEN',
      );
      const accepted = await runCommand(streetOfficer, 'accept', c, d.A.refs);
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.result).toMatchObject({ state: 'ACCEPTED', version: c.version + 1 });
    });

    describe('commands from below', () => {
      const COMMANDS = DISPUTE_CASE_COMMANDS.map((command) => ({ command, state: nearestFrom(command) }));
      let cases: TestCase[] = [];
      beforeAll(async () => {
        cases = await mapLimit(COMMANDS, 6, ({ state }) => escalated(state));
      });

      it.each(COMMANDS.map((row, i) => ({ ...row, i })))(
        "when the community's staff runs $command on the escalated $state case, then FORBIDDEN and nothing changes",
        async ({ command, state, i }) => {
          const c = cases[i];
          expect(c.state).toBe(state);
          const before = await caseTrace(app.db, c.id);
          const res = await runCommand(communityStaff, command, c, d.A.refs);
          expectRefused(res, 'FORBIDDEN');
          expect(await caseTrace(app.db, c.id)).toEqual(before);
        },
      );
    });

    it("when the district's cases are counted, then the escalated case counts once", async () => {
      const c = await escalated('RECEIVED');
      const res = await d.A.officer.gql<{
        disputeCases: { totalCount: number; edges: { node: { id: string } }[] };
      }>(
        `query($code: String) { disputeCases(filter: { regionCode: $code }, first: 200) { totalCount edges { node { id } } } }`,
        { code: d.A.code },
      );
      expect(res.errors).toBeUndefined();
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM dispute_case WHERE region_path <@ $1::ltree`,
        [d.A.path],
      );
      expect(res.data!.disputeCases.totalCount).toBe(n);
      expect(res.data!.disputeCases.edges.filter((e) => e.node.id === c.id)).toHaveLength(1);
      expect(n).toBeLessThanOrEqual(200);
    });
  });

  describe('row-level security in the database itself', () => {
    const TABLES = ['dispute_case', 'dispute_party', 'dispute_case_event', 'mediator'];

    /** A transaction as the request role, with the scope given (or none), rolled back at the end. */
    async function asApp<T>(scope: string | null, work: (c: Client) => Promise<T>): Promise<T> {
      const client = new Client({ connectionString: app.databaseUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE qiangji_app');
        if (scope !== null) await client.query(`SELECT set_config('qiangji.scope', $1, true)`, [scope]);
        return await work(client);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    }
    const counts = async (q: { query: (sql: string) => Promise<unknown> }) => {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const res = (await q.query(`SELECT count(*)::int AS n FROM ${table}`)) as
          { rows: { n: number }[] } | { n: number }[];
        out[table] = Array.isArray(res) ? res[0].n : res.rows[0].n;
      }
      return out;
    };

    it('when the request role reads without a scope, then it sees no cases, parties, timeline rows or mediators, though rows exist', async () => {
      const all = await counts(app.db);
      for (const table of TABLES) expect(all[table]).toBeGreaterThan(0);
      const none = Object.fromEntries(TABLES.map((t) => [t, 0]));
      expect(await asApp(null, counts)).toEqual(none);
      expect(await asApp('', counts)).toEqual(none);
    });

    it("when the request role's scope is B's district, then A's case and its parties and timeline are not there", async () => {
      await asApp(d.B.path, async (c) => {
        for (const [table, column] of [
          ['dispute_case', 'id'],
          ['dispute_party', 'case_id'],
          ['dispute_case_event', 'case_id'],
        ]) {
          const ids = (await c.query(`SELECT ${column}::text AS id FROM ${table}`)).rows.map((r) => r.id);
          expect(ids).toContain(caseB.id);
          expect(ids).not.toContain(caseA.id);
        }
      });
    });
  });

  describe('personal data of parties', () => {
    it("when a party is a registered resident, then the case shows the resident's ID number masked and the read is audited as DisputeParty.resident", async () => {
      const h = await household(app, d.A.grid);
      const r = await resident(app, h.id);
      const c = await registerCase(d.A.officer, d.A.grid, {
        parties: [
          { role: 'APPLICANT', residentId: r.id },
          { role: 'RESPONDENT', name: '李某' },
        ],
      });
      const audited = async () =>
        (
          await app.db.query(
            `SELECT count(*)::int AS n FROM audit_event
             WHERE action = 'resident.list' AND actor_id = $1 AND changes->>'via' = 'DisputeParty.resident'
               AND changes->'returned' ? $2`,
            [d.A.officer.userId, r.id],
          )
        )[0].n as number;
      expect(await audited()).toBe(0);
      const res = await d.A.officer.gql<{
        disputeCase: {
          parties: { role: string; name: string; resident: { id: string; idNumber: string } | null }[];
        };
      }>(`query($id: ID!) { disputeCase(id: $id) { parties { role name resident { id idNumber } } } }`, {
        id: c.id,
      });
      expect(res.errors).toBeUndefined();
      const applicant = res.data!.disputeCase.parties.find((p) => p.role === 'APPLICANT')!;
      expect(applicant.name).toBe(r.name);
      expect(applicant.resident).toEqual({ id: r.id, idNumber: masked.idNumber(r.idNumber) });
      expect(applicant.resident!.idNumber).not.toBe(r.idNumber);
      expect(res.data!.disputeCase.parties.find((p) => p.role === 'RESPONDENT')!.resident).toBeNull();
      expect(await audited()).toBe(1);
    });

    it('when a party is given with a phone number, then the API returns it masked and the database holds it encrypted', async () => {
      const c = await registerCase(d.A.officer, d.A.community, {
        parties: [{ role: 'APPLICANT', name: '王某', contact: '13800001234' }],
      });
      const res = await d.A.officer.gql<{ disputeCase: { parties: { contact: string | null }[] } }>(
        `query($id: ID!) { disputeCase(id: $id) { parties { contact } } }`,
        { id: c.id },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.disputeCase.parties).toEqual([{ contact: '138****1234' }]);
      const [row] = await app.db.query(
        `SELECT contact_encrypted AS encrypted, contact_masked AS masked FROM dispute_party WHERE case_id = $1`,
        [c.id],
      );
      expect(row.masked).toBe('138****1234');
      expect(row.encrypted).toEqual(expect.any(String));
      expect(row.encrypted).not.toContain('13800001234');
      expect(row.encrypted).not.toContain('00001234');
      expect(new PersonalDataCipher(app.secrets.dataKey).decrypt(row.encrypted)).toBe('13800001234');
    });
  });
});
