import { randomUUID } from 'node:crypto';
import {
  DISPUTE_CASE_MACHINE,
  DISPUTE_CASE_STATES,
  ROLES,
  type DisputeCaseCommand,
  type DisputeCaseState,
  type Role,
} from '@qiangji/domain';
import { createSchema } from '../../server/schema';
import { regionTree } from '../../test/factories';
import {
  apiKeyClient,
  CASE_FIELDS,
  caseInput,
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
import { cityAdmin, codeOf } from '../../test/people';
import {
  startTestApp,
  type GqlClient,
  type GraphQLResponse,
  type SignedIn,
  type TestApp,
} from '../../test/test-app';

const {
  available: availableDisputeCaseCommands,
  commands: DISPUTE_CASE_COMMANDS,
  rules: DISPUTE_CASE_TRANSITIONS,
} = DISPUTE_CASE_MACHINE;

type Case = { id: string; state: string; version: number; dueAt: string | null; outcome?: string };

const DAY_MS = 86_400_000;

describe('a dispute case from intake to closing', () => {
  let app: TestApp;
  let community: string;
  let street: string;
  let committee: string;
  let centre: string;
  let mediatorId: string;
  /** A second member: assigning the mediator a case already has is refused (it would change nothing). */
  let otherMediatorId: string;
  let staff: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    street = tree.rows.find((r) => r.level === 'STREET')!.code;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    committee = await organization(app.db, community);
    centre = await organization(app.db, street, 'COORDINATION_CENTRE');
    mediatorId = await mediator(app.db, community, [committee]);
    otherMediatorId = await mediator(app.db, community, [committee]);
    staff = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: street });
    // A mediator reads the cases of the organisations it belongs to (issue 7): staff serves both of them.
    await mediator(app.db, community, [committee, centre], staff.userId);
  });
  afterAll(() => app.close());

  const step = async (mutation: string, input: Record<string, unknown>) => {
    const res = await staff.gql<Record<string, Case>>(
      `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { ${CASE_FIELDS} outcome } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    return res.data![mutation];
  };

  it('when an older client uses recordMediationSession and concludeDisputeCase, then they still take the steps and the schema marks them deprecated', async () => {
    let c: Case = await registerCase(staff, community);
    c = await step('acceptDisputeCase', { id: c.id, expectedVersion: c.version });
    c = await step('assignMediator', { id: c.id, expectedVersion: c.version, mediatorId });
    const session = { date: '2026-01-05', place: '社区调解室', participants: ['王某', '李某'] };
    c = await step('recordMediationSession', { id: c.id, expectedVersion: c.version, ...session });
    expect(c.state).toBe('IN_MEDIATION');
    const failed = { outcome: 'MEDIATION_FAILED', referral: 'LITIGATION' };
    c = await step('concludeDisputeCase', { id: c.id, expectedVersion: c.version, ...failed });
    expect(c).toMatchObject({ state: 'MEDIATION_FAILED', outcome: 'MEDIATION_FAILED' });
    // Introspection is off unless asked for (safe by default): the schema itself says what is deprecated.
    const mutations = (await createSchema()).getMutationType()!.getFields();
    const reasons = Object.fromEntries(
      Object.values(mutations).map((f) => [f.name, f.deprecationReason ?? null]),
    );
    expect(reasons).toMatchObject({
      recordMediationSession: expect.stringContaining('recordSession'),
      concludeDisputeCase: expect.stringContaining('concludeWithAgreement'),
      recordSession: null,
      concludeWithAgreement: null,
      concludeWithoutAgreement: null,
      withdrawDisputeCase: null,
    });
  });

  it('when a mediator takes a case through every step, then each step moves the state, bumps the version and leaves a timeline row', async () => {
    let c: Case = await registerCase(staff, community);
    expect(c).toMatchObject({ state: 'RECEIVED', version: 1 });
    expect(c.dueAt).not.toBeNull();
    c = await step('acceptDisputeCase', { id: c.id, expectedVersion: c.version });
    expect(c).toMatchObject({ state: 'ACCEPTED', version: 2 });
    c = await step('assignMediator', { id: c.id, expectedVersion: c.version, mediatorId });
    c = await step('recordSession', {
      id: c.id,
      expectedVersion: c.version,
      date: '2026-01-05',
      place: '社区调解室',
      participants: ['王某', '李某'],
    });
    expect(c.state).toBe('IN_MEDIATION');
    c = await step('concludeWithAgreement', {
      id: c.id,
      expectedVersion: c.version,
      agreement: { terms: '楼上承担维修费用八百元', signatories: ['王某', '李某'], signedOn: '2026-01-05' },
    });
    expect(c).toMatchObject({ state: 'AGREEMENT_REACHED', outcome: 'AGREEMENT_REACHED' });
    c = await step('recordFollowUp', {
      id: c.id,
      expectedVersion: c.version,
      date: '2026-01-20',
      honoured: true,
    });
    c = await step('closeDisputeCase', { id: c.id, expectedVersion: c.version });
    expect(c).toMatchObject({ state: 'CLOSED', version: 7, dueAt: null, outcome: 'AGREEMENT_REACHED' });

    const read = await staff.gql<{
      disputeCase: {
        timeline: { command: string; toState: string; details: { date?: string } }[];
        mediator: { id: string };
        agreement: { signedOn: string };
      };
    }>(
      `query($id: ID!) { disputeCase(id: $id) {
        mediator { id } agreement { signedOn } timeline { command toState details { ... on SessionDetails { date } } } availableCommands } }`,
      { id: c.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.disputeCase.mediator.id).toBe(mediatorId);
    // Days stay days: the Date scalar's midnight-UTC value is stored as YYYY-MM-DD.
    expect(read.data!.disputeCase.agreement.signedOn).toBe('2026-01-05');
    expect(read.data!.disputeCase.timeline.find((e) => e.command === 'recordSession')!.details.date).toBe(
      '2026-01-05',
    );
    expect(read.data!.disputeCase.timeline.map((e) => e.command)).toEqual([
      'register',
      'accept',
      'assignMediator',
      'recordSession',
      'concludeWithAgreement',
      'recordFollowUp',
      'close',
    ]);
  });

  // ---------------------------------------------------------------------------------------------------------
  // Everything below is generated from the domain's transitions table, so a change of the table is a change of
  // what the API is held to.

  const refs = (): CommandRefs => ({ mediatorId, centreId: centre });
  const rule = (command: DisputeCaseCommand) => DISPUTE_CASE_TRANSITIONS[command];
  /** The state a command leads to from `state`: escalation keeps the state. */
  const target = (command: DisputeCaseCommand, state: DisputeCaseState) => rule(command).to ?? state;
  /** Of the states a command may run in, the one a new case reaches in the fewest commands. */
  const nearestFrom = (command: DisputeCaseCommand, minSteps = 0) =>
    [...rule(command).from]
      .filter((s) => pathTo(s).length >= minSteps)
      .sort((a, b) => pathTo(a).length - pathTo(b).length)[0] as DisputeCaseState | undefined;

  const READ = `query($id: ID!) {
    disputeCase(id: $id) { state version timeline { command fromState toState } availableCommands }
  }`;
  type Read = {
    disputeCase: {
      state: string;
      version: number;
      timeline: { command: string; fromState: string | null; toState: string }[];
      availableCommands: string[];
    };
  };

  /**
   * A fresh case for each row of a table, built side by side before the rows run. Each row still has a case
   * that no other row touches; building them one request after another would be most of the file's time.
   */
  const casesFor = <R>(rows: readonly R[], build: (row: R) => Promise<TestCase>) => {
    let built: TestCase[] = [];
    beforeAll(async () => {
      built = await mapLimit(rows, 6, build);
    });
    return (row: R): TestCase => {
      const i = rows.indexOf(row);
      if (i < 0) throw new Error('Not a row of this table.');
      return built[i];
    };
  };

  /** An error response with no data, of this code. */
  const expectRefused = (res: GraphQLResponse<unknown>, code: string) => {
    expect(codeOf(res)).toBe(code);
    expect(res.data ?? null).toBeNull();
  };

  describe('the transitions table, for every command in every state', () => {
    const MATRIX = DISPUTE_CASE_COMMANDS.flatMap((command) =>
      DISPUTE_CASE_STATES.map((state) => {
        const allowed = rule(command).from.includes(state);
        const to = target(command, state);
        return {
          command,
          state,
          allowed,
          to,
          then: allowed
            ? `it is ${to} at the next version, with a timeline row and an audit row`
            : `INVALID_TRANSITION from ${state} to ${to} and nothing changes`,
        };
      }),
    );

    const caseOf = casesFor(MATRIX, ({ state }) => caseIn(staff, community, state, refs()));

    it.each(MATRIX)('when a mediator runs $command on a $state case, then $then', async (row) => {
      const { command, state, allowed, to } = row;
      const c = caseOf(row);
      expect(c.state).toBe(state);
      const before = await caseTrace(app.db, c.id);
      const reassign = command === 'assignMediator' && state === 'MEDIATOR_ASSIGNED';
      const res = await runCommand(
        staff,
        command,
        c,
        refs(),
        reassign ? { mediatorId: otherMediatorId } : {},
      );
      const after = await caseTrace(app.db, c.id);
      if (!allowed) {
        expectRefused(res, 'INVALID_TRANSITION');
        expect(res.errors![0].extensions).toMatchObject({ from: state, to });
        expect(after).toEqual(before);
        return;
      }
      expect(res.errors).toBeUndefined();
      expect(res.data!.result).toMatchObject({ id: c.id, state: to, version: c.version + 1 });
      expect(after).toMatchObject({ state: to, version: c.version + 1 });
      expect(after.events).toEqual([...before.events, command]);
      expect(after.audits).toEqual([...before.audits, `disputeCase.${command}`]);

      const read = await staff.gql<Read>(READ, { id: c.id });
      expect(read.errors).toBeUndefined();
      expect(read.data!.disputeCase.timeline.at(-1)).toEqual({ command, fromState: state, toState: to });
      expect(read.data!.disputeCase.availableCommands).toEqual(
        availableDisputeCaseCommands(to, ['MEDIATOR']).map(commandEnum),
      );
    });

    it('when the matrix is built, then it covers every command in every state and allows some of each', () => {
      expect(MATRIX).toHaveLength(DISPUTE_CASE_COMMANDS.length * DISPUTE_CASE_STATES.length);
      for (const command of DISPUTE_CASE_COMMANDS)
        expect(MATRIX.some((m) => m.command === command && m.allowed)).toBe(true);
      // Every state is reachable through the API, so no row of the matrix is skipped.
      for (const state of DISPUTE_CASE_STATES) expect(() => pathTo(state)).not.toThrow();
    });
  });

  describe('roles', () => {
    const clients = new Map<string, Promise<GqlClient>>();
    /** One signed-in caller per role (the street's jurisdiction, which holds the handling committee). */
    const as = (who: Role | 'API_KEY'): Promise<GqlClient> => {
      let client = clients.get(who);
      if (!client) {
        client =
          who === 'API_KEY'
            ? cityAdmin(app).then((admin) => apiKeyClient(app, admin, street, ['READ', 'WRITE']))
            : app.signIn({ roles: [who], jurisdiction: street });
        clients.set(who, client);
      }
      return client;
    };

    /** Callers the table gives no role for a command: other roles, and a district system's API key. */
    const refusedCallers = (command: DisputeCaseCommand) => [
      ...ROLES.filter((role) => !rule(command).roles.includes(role)),
      // A key has no role at all, whatever its scopes let it read and register.
      'API_KEY' as const,
    ];
    const REFUSED = DISPUTE_CASE_COMMANDS.map((command) => ({
      command,
      callers: refusedCallers(command),
      list: refusedCallers(command)
        .map((who) => (who === 'API_KEY' ? 'an API key with read and write scopes' : who))
        .join(', '),
      state: nearestFrom(command)!,
    }));
    const caseOf = casesFor(REFUSED, ({ state }) => caseIn(staff, community, state, refs()));
    beforeAll(() => Promise.all(REFUSED.flatMap((r) => r.callers).map(as)));

    it.each(REFUSED)(
      'when each of $list runs $command on a $state case, then each is FORBIDDEN and nothing changes',
      async (row) => {
        const c = caseOf(row);
        const before = await caseTrace(app.db, c.id);
        const outcomes: Record<string, unknown> = {};
        for (const who of row.callers) {
          const res = await runCommand(await as(who), row.command, c, refs());
          outcomes[who] = { code: codeOf(res), data: res.data ?? null };
        }
        expect(outcomes).toEqual(
          Object.fromEntries(row.callers.map((who) => [who, { code: 'FORBIDDEN', data: null }])),
        );
        expect(await caseTrace(app.db, c.id)).toEqual(before);
      },
    );

    it('when the refused callers are listed, then they are SUPERVISOR, GRID_WORKER, STATIONED_CADRE, AUDITOR and API keys', () => {
      for (const { callers } of REFUSED)
        expect([...callers].sort()).toEqual(
          ['API_KEY', 'AUDITOR', 'GRID_WORKER', 'STATIONED_CADRE', 'SUPERVISOR'].sort(),
        );
    });

    /** Paths that together run every command once: the escalation on a path of its own. */
    const COVERING: DisputeCaseCommand[][] = [
      ['accept', 'assignMediator', 'recordSession', 'concludeWithAgreement', 'recordFollowUp', 'close'],
      ['decline'],
      ['accept', 'assignMediator', 'recordSession', 'concludeWithoutAgreement', 'close'],
      ['accept', 'withdraw', 'close'],
      ['escalate'],
    ];
    const JURISDICTION: Partial<Record<Role, () => string>> = {
      CITY_ADMIN: () => '230100',
      DISTRICT_OFFICER: () => street.slice(0, 6),
      STREET_OFFICER: () => street,
      COMMUNITY_STAFF: () => community,
      MEDIATOR: () => community,
    };
    const ALLOWED = [...new Set(DISPUTE_CASE_COMMANDS.flatMap((c) => rule(c).roles))];

    it.each(ALLOWED)(
      'when a %s of the place runs every command the table gives its role, then each one succeeds',
      async (role) => {
        expect(new Set(COVERING.flat())).toEqual(new Set(DISPUTE_CASE_COMMANDS));
        expect(COVERING.flat().filter((command) => !rule(command).roles.includes(role))).toEqual([]);
        const client = await app.signIn({ roles: [role], jurisdiction: JURISDICTION[role]!() });
        // A mediator acts on the cases it may read: those of the committee its mediator record belongs to.
        if (role === 'MEDIATOR') await mediator(app.db, community, [committee], client.userId);
        const cases = await Promise.all(COVERING.map((path) => walkCase(client, community, path, refs())));
        for (const [i, path] of COVERING.entries()) {
          const trace = await caseTrace(app.db, cases[i].id);
          expect(trace.events).toEqual(['register', ...path]);
          expect(cases[i].version).toBe(path.length + 1);
        }
      },
    );
  });

  describe('optimistic concurrency', () => {
    /**
     * A case in a state where the command may run, with a version that is no longer current. accept and
     * decline run only on RECEIVED cases, which are at version 1 unless an escalation (which keeps the state)
     * moved them on: that is the change the stale client missed.
     */
    const STALE = DISPUTE_CASE_COMMANDS.map((command) => {
      const moved = nearestFrom(command, 1);
      return { command, state: moved ?? 'RECEIVED', escalateFirst: !moved };
    });

    const caseOf = casesFor(STALE, ({ state, escalateFirst }) =>
      walkCase(
        staff,
        community,
        [...pathTo(state), ...(escalateFirst ? (['escalate'] as const) : [])],
        refs(),
      ),
    );

    it.each(STALE)(
      'when $command is sent on a $state case with the version before its last change, then CONFLICT and nothing changes',
      async (row) => {
        const { command, state } = row;
        const c = caseOf(row);
        expect(c).toMatchObject({ state });
        expect(c.version).toBeGreaterThan(1);
        const before = await caseTrace(app.db, c.id);
        const res = await runCommand(staff, command, { id: c.id, version: c.version - 1 }, refs());
        expectRefused(res, 'CONFLICT');
        expect(await caseTrace(app.db, c.id)).toEqual(before);
      },
    );

    it('when a stale version meets a refused transition or a refused role, then CONFLICT comes first, as the order of checks says', async () => {
      const [c, supervisor] = await Promise.all([
        walkCase(staff, community, ['escalate'], refs()),
        app.signIn({ roles: ['SUPERVISOR'], jurisdiction: street }),
      ]);
      const before = await caseTrace(app.db, c.id);
      const stale = { id: c.id, version: c.version - 1 };
      // close is no transition from RECEIVED, and a SUPERVISOR may not accept: both lose to the stale version.
      expectRefused(await runCommand(staff, 'close', stale, refs()), 'CONFLICT');
      expectRefused(await runCommand(supervisor, 'accept', stale, refs()), 'CONFLICT');
      // With the current version, the same two requests meet the table.
      expectRefused(await runCommand(staff, 'close', c, refs()), 'INVALID_TRANSITION');
      expectRefused(await runCommand(supervisor, 'accept', c, refs()), 'FORBIDDEN');
      expect(await caseTrace(app.db, c.id)).toEqual(before);
    });

    it('when two mediators accept the same case at the same version at once, then exactly one succeeds and the other is CONFLICT', async () => {
      const [c, other] = await Promise.all([
        registerCase(staff, community),
        app.signIn({ roles: ['MEDIATOR'], jurisdiction: street }),
      ]);
      await mediator(app.db, community, [committee], other.userId);
      const results = await Promise.all([
        runCommand(staff, 'accept', c, refs()),
        runCommand(other, 'accept', c, refs()),
      ]);
      expect(results.filter((r) => !r.errors).map((r) => r.data!.result.version)).toEqual([2]);
      expect(results.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
      const trace = await caseTrace(app.db, c.id);
      expect(trace).toMatchObject({ state: 'ACCEPTED', version: 2 });
      expect(trace.events).toEqual(['register', 'accept']);
      expect(trace.audits).toEqual(['disputeCase.register', 'disputeCase.accept']);
    });
  });

  describe('required input', () => {
    // A street of its own: the centres made here must not change which centre other tests' cases are flagged to.
    let place: string;
    let clerk: SignedIn;
    let own: CommandRefs;
    let foreignMediator: string;
    let streetCommittee: string;
    let siblingCentre: string;
    let ownCentre: string;
    let inactiveMember: string;

    beforeAll(async () => {
      const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1, name: '输入区' });
      const here = tree.rows.find((r) => r.level === 'STREET')!.code;
      const [first, second] = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
      place = first;
      const [handling, otherCommittee, centreAbove] = await Promise.all([
        organization(app.db, first),
        organization(app.db, second),
        organization(app.db, here, 'COORDINATION_CENTRE'),
      ]);
      let member: string;
      [member, inactiveMember, foreignMediator, streetCommittee, siblingCentre, ownCentre, clerk] =
        await Promise.all([
          mediator(app.db, first, [handling]),
          mediator(app.db, first, [handling]),
          // A member of the other community's committee only: not of the handling one nor inside its region.
          mediator(app.db, second, [otherCommittee]),
          organization(app.db, here),
          organization(app.db, second, 'COORDINATION_CENTRE'),
          organization(app.db, first, 'COORDINATION_CENTRE'),
          app.signIn({ roles: ['MEDIATOR'], jurisdiction: here }),
        ]);
      own = { mediatorId: member, centreId: centreAbove };
      await mediator(app.db, first, [handling, centreAbove, ownCentre], clerk.userId);
      await app.db.query(`UPDATE mediator SET active = false WHERE id = $1`, [inactiveMember]);
    });

    const MISSING: {
      what: string;
      command: DisputeCaseCommand;
      input: () => Record<string, unknown>;
      field: string;
    }[] = [
      {
        what: 'decline without a reason',
        command: 'decline',
        input: () => ({ reason: '  ' }),
        field: 'reason',
      },
      {
        what: 'conclude AGREEMENT_REACHED without the agreement',
        command: 'concludeWithAgreement',
        input: () => ({ agreement: null }),
        field: 'agreement',
      },
      {
        what: 'conclude MEDIATION_FAILED without a referral',
        command: 'concludeWithoutAgreement',
        input: () => ({ referral: null }),
        field: 'referral',
      },
      {
        what: 'conclude WITHDRAWN without a reason',
        command: 'withdraw',
        input: () => ({ reason: null }),
        field: 'reason',
      },
      {
        what: 'assign a mediator who is not a member of the handling organisation',
        command: 'assignMediator',
        input: () => ({ mediatorId: foreignMediator }),
        field: 'mediatorId',
      },
      {
        what: 'assign a member of the handling organisation who is no longer active',
        command: 'assignMediator',
        input: () => ({ mediatorId: inactiveMember }),
        field: 'mediatorId',
      },
      {
        what: 'assign a mediator who does not exist',
        command: 'assignMediator',
        input: () => ({ mediatorId: randomUUID() }),
        field: 'mediatorId',
      },
      {
        what: "escalate to the street's people's committee, which is no coordination centre",
        command: 'escalate',
        input: () => ({ organizationId: streetCommittee }),
        field: 'organizationId',
      },
      {
        what: 'escalate to the coordination centre of a sibling community, which is not above',
        command: 'escalate',
        input: () => ({ organizationId: siblingCentre }),
        field: 'organizationId',
      },
      {
        what: "escalate to a centre of the committee's own community, which is not a tier up",
        command: 'escalate',
        input: () => ({ organizationId: ownCentre }),
        field: 'organizationId',
      },
      {
        what: 'escalate without a reason',
        command: 'escalate',
        input: () => ({ reason: '' }),
        field: 'reason',
      },
    ];

    const caseOf = casesFor(MISSING, ({ command }) => caseIn(clerk, place, nearestFrom(command)!, own));

    it.each(MISSING)(
      'when a mediator tries to $what, then BAD_USER_INPUT on $field and nothing changes',
      async (row) => {
        const { command, input, field } = row;
        const c = caseOf(row);
        const before = await caseTrace(app.db, c.id);
        const res = await runCommand(clerk, command, c, own, input());
        expectRefused(res, 'BAD_USER_INPUT');
        expect(res.errors![0].extensions.field).toBe(field);
        expect(await caseTrace(app.db, c.id)).toEqual(before);
      },
    );
  });

  describe('deadlines', () => {
    const DEADLINE = `query($id: ID!) {
      disputeCase(id: $id) { state receivedAt acceptedAt dueAt atRiskAt deadlineStatus }
    }`;
    type Deadline = {
      disputeCase: {
        state: string;
        receivedAt: string;
        acceptedAt: string | null;
        dueAt: string | null;
        atRiskAt: string | null;
        deadlineStatus: string;
      };
    };
    const deadlineOf = async (id: string) => {
      const res = await staff.gql<Deadline>(DEADLINE, { id });
      expect(res.errors).toBeUndefined();
      return res.data!.disputeCase;
    };
    const ms = (iso: string | null) => Date.parse(iso!);
    const LIST = `query($filter: DisputeCaseFilter) {
      disputeCases(filter: $filter, first: 200) { totalCount edges { node { id deadlineStatus } } }
    }`;
    const listed = async (filter: Record<string, unknown>) => {
      const res = await staff.gql<{
        disputeCases: { edges: { node: { id: string; deadlineStatus: string } }[] };
      }>(LIST, { filter });
      expect(res.errors).toBeUndefined();
      return res.data!.disputeCases.edges.map((e) => e.node);
    };

    it('when a case is registered, then it is due 3 days after it was received and at risk in the last quarter', async () => {
      const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
      const c = await registerCase(staff, community, { receivedAt });
      const d = await deadlineOf(c.id);
      expect(ms(d.receivedAt)).toBe(Date.parse(receivedAt));
      expect(ms(d.dueAt) - ms(d.receivedAt)).toBe(3 * DAY_MS);
      expect(ms(d.dueAt) - ms(d.atRiskAt)).toBe(0.75 * DAY_MS);
      expect(d.deadlineStatus).toBe('ON_TIME');
    });

    it('when a case is accepted, then it is due 30 days after its acceptance', async () => {
      const c = await caseIn(staff, community, 'ACCEPTED', refs());
      const d = await deadlineOf(c.id);
      expect(d.acceptedAt).not.toBeNull();
      expect(ms(d.dueAt) - ms(d.acceptedAt)).toBe(30 * DAY_MS);
      expect(ms(d.dueAt) - ms(d.atRiskAt)).toBe(7.5 * DAY_MS);
    });

    it.each(['CLOSED', 'DECLINED'] as const)('when a case is %s, then it has no deadline', async (state) => {
      const c = await caseIn(staff, community, state, refs());
      expect(c.dueAt).toBeNull();
      expect(await deadlineOf(c.id)).toMatchObject({
        dueAt: null,
        atRiskAt: null,
        deadlineStatus: 'ON_TIME',
      });
    });

    it('when a case is past its due time, then overdue: true lists it as OVERDUE and atRisk: true does not', async () => {
      const [late, onTime] = await Promise.all([
        registerCase(staff, community),
        registerCase(staff, community),
      ]);
      await app.db.query(
        `UPDATE dispute_case SET due_at = now() - interval '1 hour', at_risk_at = now() - interval '1 day'
         WHERE id = $1`,
        [late.id],
      );
      const overdue = await listed({ overdue: true });
      expect(overdue).toContainEqual({ id: late.id, deadlineStatus: 'OVERDUE' });
      expect(overdue.map((n) => n.id)).not.toContain(onTime.id);
      expect((await listed({ atRisk: true })).map((n) => n.id)).not.toContain(late.id);
      expect((await listed({ overdue: false })).map((n) => n.id)).toEqual(
        expect.arrayContaining([onTime.id]),
      );
    });

    it('when a case is inside the last quarter of its time, then atRisk: true lists it as AT_RISK and overdue: true does not', async () => {
      // Received 2.5 days ago: due in half a day, at risk since 2.25 days after receipt.
      const [risky, fresh] = await Promise.all([
        registerCase(staff, community, { receivedAt: new Date(Date.now() - 2.5 * DAY_MS).toISOString() }),
        registerCase(staff, community),
      ]);
      const atRisk = await listed({ atRisk: true });
      expect(atRisk).toContainEqual({ id: risky.id, deadlineStatus: 'AT_RISK' });
      expect(atRisk.map((n) => n.id)).not.toContain(fresh.id);
      expect((await listed({ overdue: true })).map((n) => n.id)).not.toContain(risky.id);
    });
  });

  describe('risk at intake', () => {
    const RISK = `query($id: ID!) { disputeCase(id: $id) { risk riskReasons timeline { command details { ... on RegistrationDetails { channel risk riskReasons notifiedOrganizationId notifiedOrganizationName } } } } }`;
    type Risk = {
      disputeCase: {
        risk: string;
        riskReasons: string[];
        timeline: { command: string; details: Record<string, unknown> }[];
      };
    };

    it('when a land dispute with threats is registered, then it is HIGH and its register row names the coordination centre above', async () => {
      const c = await registerCase(staff, community, { type: 'LAND', threats: true });
      expect(c.risk).toBe('HIGH');
      const res = await staff.gql<Risk>(RISK, { id: c.id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.disputeCase.riskReasons).toContain('LAND_WITH_THREATS');
      const [register] = res.data!.disputeCase.timeline;
      expect(register.command).toBe('register');
      expect(register.details).toMatchObject({ risk: 'HIGH', notifiedOrganizationId: centre });
    });

    it('when a neighbourhood dispute with threats is registered, then it is MEDIUM and no centre is notified', async () => {
      const c = await registerCase(staff, community, { threats: true });
      expect(c.risk).toBe('MEDIUM');
      const res = await staff.gql<Risk>(RISK, { id: c.id });
      expect(res.data!.disputeCase.timeline[0].details.notifiedOrganizationId).toBeNull();
    });

    it('when a land dispute with threats is registered where no coordination centre is above, then it is HIGH and nobody is named', async () => {
      const lone = await regionTree(app.db, { streets: 1, communities: 1, grids: 1, name: '无中心区' });
      const place = lone.rows.find((r) => r.level === 'COMMUNITY')!.code;
      const [, client] = await Promise.all([
        organization(app.db, place),
        app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: place }),
      ]);
      const c = await registerCase(client, place, { type: 'LAND', threats: true });
      expect(c.risk).toBe('HIGH');
      const res = await client.gql<Risk>(RISK, { id: c.id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.disputeCase.timeline[0].details).toMatchObject({ risk: 'HIGH' });
      expect(res.data!.disputeCase.timeline[0].details.notifiedOrganizationId).toBeNull();
    });
  });

  describe('idempotent registration', () => {
    const REGISTER = `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id version } }`;
    type Registered = { registerDisputeCase: { id: string; version: number } };
    const rowsWithKey = async (key: string) =>
      (await app.db.query(`SELECT id::text AS id FROM dispute_case WHERE idempotency_key = $1`, [key])).map(
        (r: { id: string }) => r.id,
      );

    it('when the same key is sent twice with the same input, then the second call returns the first case and no new row', async () => {
      const idempotencyKey = `key-${randomUUID()}`;
      const input = caseInput(community, { idempotencyKey });
      const first = await staff.gql<Registered>(REGISTER, { input });
      const second = await staff.gql<Registered>(REGISTER, { input });
      expect(first.errors).toBeUndefined();
      expect(second.errors).toBeUndefined();
      expect(second.data!.registerDisputeCase).toEqual(first.data!.registerDisputeCase);
      expect(await rowsWithKey(idempotencyKey)).toEqual([first.data!.registerDisputeCase.id]);
    });

    it('when the same key is sent with another input, then BAD_USER_INPUT on idempotencyKey and no new row', async () => {
      const idempotencyKey = `key-${randomUUID()}`;
      const first = await staff.gql<Registered>(REGISTER, {
        input: caseInput(community, { idempotencyKey }),
      });
      expect(first.errors).toBeUndefined();
      const other = await staff.gql<Registered>(REGISTER, {
        input: caseInput(community, { idempotencyKey, title: '另一件纠纷' }),
      });
      expectRefused(other, 'BAD_USER_INPUT');
      expect(other.errors![0].extensions.field).toBe('idempotencyKey');
      expect(await rowsWithKey(idempotencyKey)).toEqual([first.data!.registerDisputeCase.id]);
    });

    it('when 10 registrations with the same key and input arrive at once, then all return one case with one row, one register row and one audit row', async () => {
      const idempotencyKey = `key-${randomUUID()}`;
      const input = caseInput(community, { idempotencyKey });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => staff.gql<Registered>(REGISTER, { input })),
      );
      expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
      const ids = new Set(results.map((r) => r.data!.registerDisputeCase.id));
      expect(ids.size).toBe(1);
      const [id] = ids;
      expect(await rowsWithKey(idempotencyKey)).toEqual([id]);
      const trace = await caseTrace(app.db, id);
      expect(trace).toMatchObject({ version: 1, events: ['register'], audits: ['disputeCase.register'] });
      const [{ parties }] = await app.db.query(
        `SELECT count(*)::int AS parties FROM dispute_party WHERE case_id = $1`,
        [id],
      );
      expect(parties).toBe(input.parties.length);
    });

    it('when two callers use the same key, then each gets a case of its own', async () => {
      const idempotencyKey = `key-${randomUUID()}`;
      const input = caseInput(community, { idempotencyKey });
      const other = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
      const [mine, theirs] = await Promise.all([
        staff.gql<Registered>(REGISTER, { input }),
        other.gql<Registered>(REGISTER, { input }),
      ]);
      expect(mine.errors).toBeUndefined();
      expect(theirs.errors).toBeUndefined();
      expect(mine.data!.registerDisputeCase.id).not.toBe(theirs.data!.registerDisputeCase.id);
      expect((await rowsWithKey(idempotencyKey)).sort()).toEqual(
        [mine.data!.registerDisputeCase.id, theirs.data!.registerDisputeCase.id].sort(),
      );
    });
  });
});
