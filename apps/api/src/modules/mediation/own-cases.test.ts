import { regionTree } from '../../test/factories';
import {
  caseIn,
  caseTrace,
  chinaDay,
  mediator,
  organization,
  registerCase,
  runCommand,
  walkCase,
  type CommandRefs,
  type TestCase,
} from '../../test/mediation';
import { cityAdmin, codeOf } from '../../test/people';
import { startTestApp, type GqlClient, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * A mediator reads its own cases only (issue 7 security item 6, catalogue case 29): those assigned to its mediator
 * record (`mediator.user_id`) and those handled by an organisation it belongs to, not every case of its township.
 * Lists, totalCount, by-id, nested fields and commands all follow, and a change of membership or assignment takes
 * effect on the next request. Officers keep their whole subtree.
 */

type List = { disputeCases: { totalCount: number; edges: { node: { id: string } }[] } };
const LIST = `query($filter: DisputeCaseFilter) { disputeCases(first: 200, filter: $filter) { totalCount edges { node { id } } } }`;

describe('mediators read their own cases (case 29)', () => {
  let app: TestApp;
  let villages: string[];
  let committees: string[];
  let centre: string;
  let officer: SignedIn;
  /** A MEDIATOR-only account of the township, whose mediator record belongs to the first village's committee. */
  let own: SignedIn;
  let ownRecord: string;
  let otherRecord: string;
  /** Handled by the first committee; by the second committee; by the centre and assigned to `own`. */
  const k = {} as { committee: TestCase; elsewhere: TestCase; assigned: TestCase };

  const ids = async (client: GqlClient, filter: Record<string, unknown> = {}) => {
    const res = await client.gql<List>(LIST, { filter });
    expect(res.errors).toBeUndefined();
    const list = res.data!.disputeCases;
    expect(list.totalCount).toBe(list.edges.length);
    return list.edges.map((e) => e.node.id).sort();
  };
  const read = (client: GqlClient, id: string) =>
    client.gql<{ disputeCase: { id: string } }>(`query($id: ID!) { disputeCase(id: $id) { id } }`, { id });

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1, name: '调解区' });
    const township = tree.rows.find((r) => r.level === 'STREET')!.code;
    villages = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    await cityAdmin(app);
    committees = [await organization(app.db, villages[0]), await organization(app.db, villages[1])];
    centre = await organization(app.db, township, 'COORDINATION_CENTRE');
    officer = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: township });
    own = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: township });
    ownRecord = await mediator(app.db, villages[0], [committees[0]], own.userId);
    otherRecord = await mediator(app.db, villages[1], [committees[1]]);
    const refs: CommandRefs = { mediatorId: otherRecord, centreId: centre };
    k.committee = await caseIn(officer, villages[0], 'ACCEPTED', refs);
    k.elsewhere = await caseIn(officer, villages[1], 'MEDIATOR_ASSIGNED', refs);
    k.assigned = await walkCase(
      officer,
      villages[1],
      ['accept', 'assignMediator'],
      { mediatorId: ownRecord, centreId: centre },
      {
        organizationId: centre,
      },
    );
  });
  afterAll(() => app.close());

  describe('what a mediator sees', () => {
    it("when the mediator lists cases, then the committee's and the one assigned to it, and totalCount says 2", async () => {
      expect(await ids(own)).toEqual([k.committee.id, k.assigned.id].sort());
    });

    it("when the township's officer lists cases, then every case of the township", async () => {
      expect(await ids(officer)).toEqual([k.committee.id, k.elsewhere.id, k.assigned.id].sort());
    });

    it('when an account is a mediator and also community staff, then it keeps the subtree of its other role', async () => {
      const both = await app.signIn({ roles: ['MEDIATOR', 'COMMUNITY_STAFF'], jurisdiction: villages[1] });
      await mediator(app.db, villages[1], [], both.userId);
      expect(await ids(both)).toEqual([k.elsewhere.id, k.assigned.id].sort());
    });

    it('when a MEDIATOR account has no mediator record, then it sees no case, and no year of the overview', async () => {
      const unlinked = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: villages[0] });
      expect(await ids(unlinked)).toEqual([]);
      const years = (client: GqlClient) => client.gql<{ mediationYears: number[] }>(`{ mediationYears }`);
      expect((await years(unlinked)).data!.mediationYears).toEqual([]);
      expect((await years(officer)).data!.mediationYears).toEqual([Number(chinaDay(0).slice(0, 4))]);
    });

    it("when the mediator filters for the other committee's cases or by the other mediator, then nothing: a filter narrows, never widens", async () => {
      expect(await ids(own, { organizationId: committees[1] })).toEqual([]);
      expect(await ids(own, { mediatorId: otherRecord })).toEqual([]);
      expect(await ids(own, { regionCode: villages[1] })).toEqual([k.assigned.id]);
    });

    it('when the mediator reads a case of the township that is not its own, then NOT_FOUND, as for a case that exists nowhere', async () => {
      const res = await read(own, k.elsewhere.id);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data ?? null).toBeNull();
      for (const c of [k.committee, k.assigned])
        expect((await read(own, c.id)).data!.disputeCase.id).toBe(c.id);
    });

    it("when the mediator reads a centre's meeting or the petition backlog, then FORBIDDEN: its case's timeline carries the decision", async () => {
      const res = await officer.gql<{ recordCoordinationMeeting: { id: string } }>(
        `mutation($input: RecordCoordinationMeetingInput!) { recordCoordinationMeeting(input: $input) { id } }`,
        {
          input: {
            organizationId: centre,
            heldOn: chinaDay(2),
            attendees: ['司法所'],
            decisions: [
              { caseId: k.committee.id, decision: '村调委会继续调处' },
              { caseId: k.elsewhere.id, decision: '派出所协助' },
            ],
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const id = res.data!.recordCoordinationMeeting.id;
      const meeting = `query($id: ID!) { coordinationMeeting(id: $id) { decisions { caseId decision } } }`;
      expect(codeOf(await own.gql(meeting, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await own.gql(`{ coordinationMeetings(first: 5) { totalCount } }`))).toBe('FORBIDDEN');
      expect(codeOf(await own.gql(`{ petitionCases(first: 5) { totalCount } }`))).toBe('FORBIDDEN');
      expect((await officer.gql(meeting, { id })).errors).toBeUndefined();
      const timeline = await own.gql<{ disputeCase: { timeline: { details: { __typename: string } }[] } }>(
        `query($id: ID!) { disputeCase(id: $id) { timeline { details { __typename } } } }`,
        { id: k.committee.id },
      );
      expect(timeline.errors).toBeUndefined();
      const kinds = timeline.data!.disputeCase.timeline.map((e) => e.details.__typename);
      expect(kinds).toContain('CoordinationDecisionDetails');
    });

    it('when the mediator asks for the overview, then its figures count its own cases, as its list does (case 26)', async () => {
      const today = chinaDay(0);
      const figures = async (client: GqlClient) => {
        const res = await client.gql<{ mediationStats: { accepted: number; open: number; overdue: number } }>(
          `query($r: String!, $d: Date!) { mediationStats(regionCode: $r, from: $d, to: $d) { accepted open overdue } }`,
          { r: villages[0].slice(0, 9), d: today },
        );
        expect(res.errors).toBeUndefined();
        return res.data!.mediationStats;
      };
      const accepted = async (client: GqlClient) =>
        (await ids(client, { acceptedFrom: today, acceptedTo: today })).length;
      expect(await figures(officer)).toMatchObject({ accepted: await accepted(officer) });
      expect(await figures(own)).toMatchObject({ accepted: await accepted(own), open: await accepted(own) });
      expect((await figures(own)).accepted).toBeLessThan((await figures(officer)).accepted);
    });

    it('when the mediator runs a command on a case not its own, then NOT_FOUND, and nothing changes: a command is no way to read it', async () => {
      const before = await caseTrace(app.db, k.elsewhere.id);
      for (const version of [k.elsewhere.version, k.elsewhere.version + 1]) {
        const res = await runCommand(
          own,
          'recordSession',
          { id: k.elsewhere.id, version },
          { mediatorId: ownRecord, centreId: centre },
        );
        expect(codeOf(res)).toBe('NOT_FOUND');
        expect(res.data ?? null).toBeNull();
      }
      expect(await caseTrace(app.db, k.elsewhere.id)).toEqual(before);
    });
  });

  describe('revoked on the next request', () => {
    it("when the mediator's membership is removed, then the committee's case is gone from its next list and read, the assigned one stays", async () => {
      const c = await registerCase(officer, villages[0]);
      expect(await ids(own)).toContain(c.id);
      const [{ version }] = await app.db.query(`SELECT version FROM mediator WHERE id = $1`, [ownRecord]);
      const res = await officer.gql(
        `mutation($input: UpdateMediatorInput!) { updateMediator(input: $input) { id } }`,
        { input: { id: ownRecord, expectedVersion: version, organizationIds: [] } },
      );
      expect(res.errors).toBeUndefined();
      expect(await ids(own)).toEqual([k.assigned.id]);
      expect(codeOf(await read(own, c.id))).toBe('NOT_FOUND');
      expect(codeOf(await read(own, k.committee.id))).toBe('NOT_FOUND');
    });

    it('when the case assigned to the mediator is reassigned, then it is gone from its next request; the officer still sees it', async () => {
      const [{ version }] = await app.db.query(`SELECT version FROM dispute_case WHERE id = $1`, [
        k.assigned.id,
      ]);
      const another = await mediator(app.db, villages[1], [committees[1]]);
      const res = await runCommand(
        officer,
        'assignMediator',
        { id: k.assigned.id, version },
        { mediatorId: another, centreId: centre },
      );
      expect(res.errors).toBeUndefined();
      expect(await ids(own)).toEqual([]);
      expect(codeOf(await read(own, k.assigned.id))).toBe('NOT_FOUND');
      expect(await ids(officer)).toContain(k.assigned.id);
    });
  });
});
