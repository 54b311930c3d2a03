import { regionTree } from '../../test/factories';
import { CASE_FIELDS, mediator, organization, registerCase } from '../../test/mediation';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

type Case = { id: string; state: string; version: number; dueAt: string | null; outcome?: string };

describe('a dispute case from intake to closing', () => {
  let app: TestApp;
  let community: string;
  let street: string;
  let committee: string;
  let mediatorId: string;
  let staff: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    street = tree.rows.find((r) => r.level === 'STREET')!.code;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    committee = await organization(app.db, community);
    await organization(app.db, street, 'COORDINATION_CENTRE');
    mediatorId = await mediator(app.db, community, [committee]);
    staff = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: street });
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

  it('when a mediator takes a case through every step, then each step moves the state, bumps the version and leaves a timeline row', async () => {
    let c: Case = await registerCase(staff, community);
    expect(c).toMatchObject({ state: 'RECEIVED', version: 1 });
    expect(c.dueAt).not.toBeNull();
    c = await step('acceptDisputeCase', { id: c.id, expectedVersion: c.version });
    expect(c).toMatchObject({ state: 'ACCEPTED', version: 2 });
    c = await step('assignMediator', { id: c.id, expectedVersion: c.version, mediatorId });
    c = await step('recordMediationSession', {
      id: c.id,
      expectedVersion: c.version,
      date: '2026-01-05',
      place: '社区调解室',
      participants: ['王某', '李某'],
    });
    expect(c.state).toBe('IN_MEDIATION');
    c = await step('concludeDisputeCase', {
      id: c.id,
      expectedVersion: c.version,
      outcome: 'AGREEMENT_REACHED',
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
      disputeCase: { timeline: { command: string; toState: string }[]; mediator: { id: string } };
    }>(
      `query($id: ID!) { disputeCase(id: $id) { mediator { id } timeline { command toState } availableCommands } }`,
      { id: c.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.disputeCase.mediator.id).toBe(mediatorId);
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
});
