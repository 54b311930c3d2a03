import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { regionTree } from '../test/factories';
import {
  caseIn,
  caseTrace,
  chinaDay,
  mediator,
  organization,
  runCommand as send,
  type CommandRefs,
  type TestCase,
} from '../test/mediation';
import { cityAdmin, codeOf } from '../test/people';
import {
  startTestApp,
  type GqlClient,
  type GraphQLResponse,
  type SignedIn,
  type TestApp,
} from '../test/test-app';

/**
 * runCommand (common/command.ts), through HTTP with both machines that use it, dispute cases and petition cases:
 * its order of checks (NOT_FOUND → FORBIDDEN where the object lies → CONFLICT → INVALID_TRANSITION → FORBIDDEN by
 * role → the module's step → a step that would change nothing), and its writes: one UPDATE, one timeline row, one
 * audit row, all or nothing.
 */

const expectRefused = (res: GraphQLResponse<unknown>, code: string, field?: string) => {
  expect({ code: codeOf(res), field: res.errors?.[0].extensions.field, data: res.data ?? null }).toEqual({
    code,
    field,
    data: null,
  });
};

describe('the command pipeline', () => {
  let app: TestApp;
  let community: string;
  let refs: CommandRefs;
  let otherMediatorId: string;
  let officer: SignedIn;
  let communityStaff: SignedIn;
  let supervisor: SignedIn;
  let outsider: SignedIn;

  /** A trigger that makes PostgreSQL refuse one kind of write, for the length of `run`. */
  const refusing = async (table: string, when: string, run: () => Promise<void>) => {
    await app.db.query(`CREATE FUNCTION kit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await app.db.query(
      `CREATE TRIGGER kit_refuse BEFORE INSERT ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION kit_refuse()`,
    );
    try {
      await run();
    } finally {
      await app.db.query(`DROP TRIGGER kit_refuse ON ${table}; DROP FUNCTION kit_refuse()`);
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const street = tree.rows.find((r) => r.level === 'STREET')!.code;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    await cityAdmin(app);
    const committee = await organization(app.db, community);
    refs = {
      mediatorId: await mediator(app.db, community, [committee]),
      centreId: await organization(app.db, street, 'COORDINATION_CENTRE'),
    };
    otherMediatorId = await mediator(app.db, community, [committee]);
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: tree.districtCode });
    communityStaff = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: tree.districtCode });
    outsider = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: other.districtCode });
  });
  afterAll(() => app.close());

  describe('dispute cases: the order of the checks', () => {
    it('when the case is outside the jurisdiction or exists nowhere, then NOT_FOUND, even with a stale version and a command its state refuses', async () => {
      const c = await caseIn(officer, community, 'RECEIVED', refs);
      const before = await caseTrace(app.db, c.id);
      for (const target of [c, { id: randomUUID(), version: c.version }])
        expectRefused(
          await send(outsider, 'close', { ...target, version: c.version + 3 }, refs),
          'NOT_FOUND',
        );
      expectRefused(await send(officer, 'close', { id: randomUUID(), version: 1 }, refs), 'NOT_FOUND');
      expect(await caseTrace(app.db, c.id)).toEqual(before);
    });

    it('when the case is handled above the jurisdiction, then FORBIDDEN before the version and the state are looked at', async () => {
      const c = await caseIn(communityStaff, community, 'ACCEPTED', refs);
      const escalated = (await send(communityStaff, 'escalate', c, refs)).data!.result;
      const before = await caseTrace(app.db, c.id);
      for (const [command, version] of [
        ['close', escalated.version + 2],
        ['accept', escalated.version],
        ['assignMediator', escalated.version],
      ] as const) {
        const res = await send(communityStaff, command, { id: c.id, version }, refs);
        expectRefused(res, 'FORBIDDEN');
        expect(res.errors![0].message).toBe(
          'The case is handled above your jurisdiction; you may read it only.',
        );
      }
      expect(await caseTrace(app.db, c.id)).toEqual(before);
    });

    it('when the version is stale, then CONFLICT before the state and the role are looked at', async () => {
      const c = await caseIn(officer, community, 'CLOSED', refs);
      const stale = { id: c.id, version: c.version - 1 };
      expectRefused(await send(officer, 'accept', stale, refs), 'CONFLICT');
      expectRefused(await send(supervisor, 'accept', stale, refs), 'CONFLICT');
    });

    it('when the state refuses the command, then INVALID_TRANSITION before the role; a role the table refuses is FORBIDDEN after', async () => {
      const closed = await caseIn(officer, community, 'CLOSED', refs);
      const received = await caseIn(officer, community, 'RECEIVED', refs);
      const res = await send(supervisor, 'accept', closed, refs);
      expectRefused(res, 'INVALID_TRANSITION');
      expect(res.errors![0].extensions).toMatchObject({ from: 'CLOSED', to: 'ACCEPTED' });
      const forbidden = await send(supervisor, 'accept', received, refs);
      expectRefused(forbidden, 'FORBIDDEN');
      expect(forbidden.errors![0].message).toBe('Your roles do not allow accept.');
    });

    it("when the step's own input is wrong, then the machine has the first word: INVALID_TRANSITION or FORBIDDEN, and only then BAD_USER_INPUT", async () => {
      const nobody = { mediatorId: randomUUID(), centreId: refs.centreId };
      const closed = await caseIn(officer, community, 'CLOSED', refs);
      const accepted = await caseIn(officer, community, 'ACCEPTED', refs);
      expectRefused(await send(officer, 'assignMediator', closed, nobody), 'INVALID_TRANSITION');
      expectRefused(await send(supervisor, 'assignMediator', accepted, nobody), 'FORBIDDEN');
      expectRefused(await send(officer, 'assignMediator', accepted, nobody), 'BAD_USER_INPUT', 'mediatorId');
      expect(await caseTrace(app.db, accepted.id)).toMatchObject({
        state: 'ACCEPTED',
        version: accepted.version,
      });
    });
  });

  describe('dispute cases: a step that changes nothing (issue 7 first-time user item 9)', () => {
    it('when the mediator a case already has is assigned again, then BAD_USER_INPUT on mediatorId and no timeline row; another mediator is assigned', async () => {
      const c = await caseIn(officer, community, 'MEDIATOR_ASSIGNED', refs);
      const before = await caseTrace(app.db, c.id);
      const again = await send(officer, 'assignMediator', c, refs);
      expectRefused(again, 'BAD_USER_INPUT', 'mediatorId');
      expect(again.errors![0].message).toBe('That mediator is already assigned to the case.');
      expect(await caseTrace(app.db, c.id)).toEqual(before);

      const other = await send(officer, 'assignMediator', c, refs, { mediatorId: otherMediatorId });
      expect(other.data!.result).toMatchObject({ state: 'MEDIATOR_ASSIGNED', version: c.version + 1 });
      const after = await caseTrace(app.db, c.id);
      expect(after.events).toEqual([...before.events, 'assignMediator']);
      expect(after.audits).toEqual([...before.audits, 'disputeCase.assignMediator']);
    });

    it('when a command records an occurrence (a session, a follow-up), then taking it again with the same input is a new entry', async () => {
      let c: TestCase = await caseIn(officer, community, 'IN_MEDIATION', refs);
      const before = await caseTrace(app.db, c.id);
      for (let i = 0; i < 2; i++) {
        const res = await send(officer, 'recordSession', c, refs);
        expect(res.errors).toBeUndefined();
        c = res.data!.result;
      }
      const after = await caseTrace(app.db, c.id);
      expect(after.version).toBe(before.version + 2);
      expect(after.events).toEqual([...before.events, 'recordSession', 'recordSession']);

      let f: TestCase = await caseIn(officer, community, 'FOLLOW_UP', refs);
      for (let i = 0; i < 2; i++) f = (await send(officer, 'recordFollowUp', f, refs)).data!.result;
      expect((await caseTrace(app.db, f.id)).events.slice(-2)).toEqual(['recordFollowUp', 'recordFollowUp']);
    });
  });

  describe('dispute cases: what a command writes', () => {
    it('when a command succeeds, then one UPDATE of the case, one timeline row with its typed details and one audit row', async () => {
      const c = await caseIn(officer, community, 'ACCEPTED', refs);
      const before = await caseTrace(app.db, c.id);
      const spy = jest.spyOn(Client.prototype, 'query');
      let res: GraphQLResponse<{ result: TestCase }>;
      let sql: string[];
      try {
        res = await send(officer, 'assignMediator', c, refs);
        sql = spy.mock.calls.map(([q]) =>
          typeof q === 'string' ? q : String((q as { text?: string }).text),
        );
      } finally {
        spy.mockRestore();
      }
      expect(res.errors).toBeUndefined();
      expect(sql!.filter((s) => /\bUPDATE dispute_case SET\b/.test(s))).toHaveLength(1);
      expect(sql!.filter((s) => /INSERT INTO dispute_case_event/.test(s))).toHaveLength(1);
      expect(sql!.filter((s) => /INSERT INTO audit_event/.test(s))).toHaveLength(1);
      const after = await caseTrace(app.db, c.id);
      expect(after).toMatchObject({ state: 'MEDIATOR_ASSIGNED', version: before.version + 1 });
      const read = await officer.gql<{ disputeCase: { timeline: { command: string; details: object }[] } }>(
        `query($id: ID!) { disputeCase(id: $id) { timeline { command details {
          __typename ... on MediatorAssignmentDetails { mediatorId mediatorName } } } } }`,
        { id: c.id },
      );
      expect(read.data!.disputeCase.timeline.at(-1)).toEqual({
        command: 'assignMediator',
        details: {
          __typename: 'MediatorAssignmentDetails',
          mediatorId: refs.mediatorId,
          mediatorName: expect.any(String),
        },
      });
    });

    it('when the timeline row cannot be written, then the UPDATE and the audit row are undone with it', async () => {
      const c = await caseIn(officer, community, 'RECEIVED', refs);
      const before = await caseTrace(app.db, c.id);
      await refusing('dispute_case_event', `NEW.command = 'accept'`, async () => {
        expectRefused(await send(officer, 'accept', c, refs), 'INTERNAL');
      });
      expect(await caseTrace(app.db, c.id)).toEqual(before);
      expect((await send(officer, 'accept', c, refs)).data!.result).toMatchObject({ state: 'ACCEPTED' });
    });

    it('when the audit row cannot be written, then the UPDATE and the timeline row are undone with it', async () => {
      const c = await caseIn(officer, community, 'RECEIVED', refs);
      const before = await caseTrace(app.db, c.id);
      await refusing('audit_event', `NEW.action = 'disputeCase.decline'`, async () => {
        expectRefused(await send(officer, 'decline', c, refs), 'INTERNAL');
      });
      expect(await caseTrace(app.db, c.id)).toEqual(before);
    });
  });

  describe('petition cases, the other machine on the kit', () => {
    const FIELDS = 'id state version organization { id }';
    const petition = async (client: GqlClient = officer) => {
      const res = await client.gql<{ registerPetitionCase: { id: string; version: number } }>(
        `mutation($input: RegisterPetitionCaseInput!) { registerPetitionCase(input: $input) { ${FIELDS} } }`,
        { input: { title: '征地补偿信访', regionCode: community, registeredOn: '2012-05-10' } },
      );
      return res.data!.registerPetitionCase;
    };
    const assign = (client: GqlClient, p: { id: string; version: number }, organizationId = refs.centreId) =>
      client.gql(
        `mutation($input: AssignPetitionCaseInput!) { assignPetitionCase(input: $input) { ${FIELDS} } }`,
        {
          input: { id: p.id, expectedVersion: p.version, organizationId },
        },
      );
    const resolve = (
      client: GqlClient,
      p: { id: string; version: number },
      on = chinaDay(1),
      resolved = true,
    ) =>
      client.gql(
        `mutation($input: ResolvePetitionCaseInput!) { resolvePetitionCase(input: $input) { ${FIELDS} } }`,
        {
          input: { id: p.id, expectedVersion: p.version, on, resolved },
        },
      );
    const trace = async (id: string) =>
      (
        await app.db.query(
          `SELECT p.state, p.version, p.organization_id AS "organizationId",
             (SELECT array_agg(a.action ORDER BY a.id) FROM audit_event a WHERE a.entity_id = p.id::text) AS audits
           FROM petition_case p WHERE p.id = $1`,
          [id],
        )
      )[0];

    it('when a caller may not run the backlog, then FORBIDDEN before anything is looked up', async () => {
      const p = await petition();
      expectRefused(await assign(supervisor, p), 'FORBIDDEN');
      expectRefused(await assign(supervisor, { id: randomUUID(), version: 1 }), 'FORBIDDEN');
    });

    it('when the case is elsewhere, stale or in the wrong state, then NOT_FOUND, CONFLICT and INVALID_TRANSITION in that order', async () => {
      const p = await petition();
      const before = await trace(p.id);
      expectRefused(await resolve(outsider, { id: p.id, version: p.version + 1 }), 'NOT_FOUND');
      expectRefused(await resolve(officer, { id: p.id, version: p.version + 1 }), 'CONFLICT');
      const wrong = await resolve(officer, p);
      expectRefused(wrong, 'INVALID_TRANSITION');
      expect(wrong.errors![0].extensions).toMatchObject({ from: 'REGISTERED', to: 'RESOLVED' });
      // The step's own check (a day before the registration) comes after the machine's.
      expectRefused(await resolve(officer, p, '2012-01-01'), 'INVALID_TRANSITION');
      expect(await trace(p.id)).toEqual(before);
    });

    it("when the machine allows the command, then the step's checks: BAD_USER_INPUT on its field, nothing written", async () => {
      const p = await petition();
      const assigned = (await assign(officer, p)).data!.assignPetitionCase as { id: string; version: number };
      const before = await trace(p.id);
      expectRefused(await resolve(officer, assigned, '2012-01-01'), 'BAD_USER_INPUT', 'on');
      expectRefused(await assign(officer, p, randomUUID()), 'CONFLICT');
      expect(await trace(p.id)).toEqual(before);
      expect(before).toMatchObject({
        state: 'ASSIGNED',
        audits: ['petitionCase.register', 'petitionCase.assign'],
      });
    });

    it('when the audit row cannot be written, then the petition is as it was: no state, no version, no organisation', async () => {
      const p = await petition();
      const before = await trace(p.id);
      await refusing('audit_event', `NEW.action = 'petitionCase.assign'`, async () => {
        expectRefused(await assign(officer, p), 'INTERNAL');
      });
      expect(await trace(p.id)).toEqual(before);
      expect(before).toMatchObject({ state: 'REGISTERED', organizationId: null });
    });
  });
});
