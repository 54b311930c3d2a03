import type { DataSource } from 'typeorm';
import { regionTree } from '../../test/factories';
import { organization } from '../../test/mediation';
import { codeOf } from '../../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';

const MEETING_FIELDS = `id heldOn attendees notes organization { id kind }
  decisions { caseId decision disputeCase { id state version } }`;
const RECORD = `mutation($input: RecordCoordinationMeetingInput!) {
  recordCoordinationMeeting(input: $input) { ${MEETING_FIELDS} }
}`;
const LIST = `query($filter: CoordinationMeetingFilter, $first: Int, $after: String) {
  coordinationMeetings(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id heldOn } }
  }
}`;

type Meeting = {
  id: string;
  heldOn: string;
  attendees: string[];
  notes: string;
  organization: { id: string; kind: string };
  decisions: {
    caseId: string;
    decision: string;
    disputeCase: { id: string; state: string; version: number };
  }[];
};
type List = {
  coordinationMeetings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; heldOn: string } }[];
  };
};

let numbers = 0;

/** A dispute case inserted directly: the case commands are not this module's. */
async function disputeCase(
  db: DataSource,
  regionCode: string,
  organizationId: string,
  state = 'IN_MEDIATION',
) {
  const [row] = await db.query(
    `INSERT INTO dispute_case (number, channel, type, title, description, region_code, organization_id,
       origin_organization_id, people_involved, households_involved, risk, state, received_at, accepted_at, created_by)
     VALUES ($1, 'WALK_IN', 'LAND', '占用机耕路', '村民将部分机耕路改为水田。', $2, $3, $3, 12, 6, 'HIGH', $4, now(), now(), 'test')
     RETURNING id, state, version, region_path::text AS path`,
    [`2013-T${String(++numbers).padStart(5, '0')}`, regionCode, organizationId, state],
  );
  return row as { id: string; state: string; version: number; path: string };
}

describe('coordination meetings (月例会)', () => {
  let app: TestApp;
  let district: string;
  let streets: string[];
  let communities: string[];
  let centre: string;
  let otherStreetCentre: string;
  let committee: string;
  let otherCommittee: string;
  let foreignCentre: string;
  let foreignCommittee: string;
  let foreignCommunity: string;
  let officer: SignedIn;
  let streetOfficer: SignedIn;
  let otherOfficer: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 1, grids: 1 });
    district = tree.districtCode;
    streets = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    communities = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    centre = await organization(app.db, streets[0], 'COORDINATION_CENTRE');
    otherStreetCentre = await organization(app.db, streets[1], 'COORDINATION_CENTRE');
    committee = await organization(app.db, communities[0]);
    otherCommittee = await organization(app.db, communities[1]);
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    foreignCommunity = other.rows.find((r) => r.level === 'COMMUNITY')!.code;
    foreignCentre = await organization(app.db, `${other.districtCode}001`, 'COORDINATION_CENTRE');
    foreignCommittee = await organization(app.db, foreignCommunity);
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
    streetOfficer = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streets[0] });
    otherOfficer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: other.districtCode });
  });
  afterAll(() => app.close());

  const record = async (input: Record<string, unknown>, as = officer) => {
    const res = await as.gql<{ recordCoordinationMeeting: Meeting }>(RECORD, {
      input: { organizationId: centre, heldOn: '2013-03-04', attendees: ['司法所', '派出所'], ...input },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.recordCoordinationMeeting;
  };
  const count = async (table: string) =>
    (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  describe('recording', () => {
    it('when a centre records its meeting with two decisions, then the meeting, its decisions and one timeline row per case are written, and the cases keep their state and version', async () => {
      const land = await disputeCase(app.db, communities[0], committee, 'IN_MEDIATION');
      const road = await disputeCase(app.db, communities[0], committee, 'ACCEPTED');
      const meeting = await record({
        heldOn: '2013-03-04',
        attendees: ['司法所', '派出所', '国土所', '司法所'],
        notes: '调解优先，当场研究化解。',
        decisions: [
          { caseId: land.id, decision: '国土所三日内现场勘界' },
          { caseId: road.id, decision: '村调委会限期恢复机耕路' },
        ],
      });
      expect(meeting).toMatchObject({
        heldOn: '2013-03-04',
        attendees: ['司法所', '派出所', '国土所'],
        notes: '调解优先，当场研究化解。',
        organization: { id: centre, kind: 'COORDINATION_CENTRE' },
      });
      expect(meeting.decisions).toEqual([
        {
          caseId: land.id,
          decision: '国土所三日内现场勘界',
          disputeCase: { id: land.id, state: 'IN_MEDIATION', version: 1 },
        },
        {
          caseId: road.id,
          decision: '村调委会限期恢复机耕路',
          disputeCase: { id: road.id, state: 'ACCEPTED', version: 1 },
        },
      ]);

      const [row] = await app.db.query(
        `SELECT mt.region_path::text AS path, o.region_path::text AS "centrePath"
         FROM coordination_meeting mt JOIN mediation_organization o ON o.id = mt.organization_id WHERE mt.id = $1`,
        [meeting.id],
      );
      expect(row.path).toBe(row.centrePath);
      const decisions = await app.db.query(
        `SELECT case_id AS "caseId", region_path::text AS path FROM coordination_meeting_decision
         WHERE meeting_id = $1 ORDER BY case_id`,
        [meeting.id],
      );
      expect(decisions).toEqual(
        [land, road]
          .map((c) => ({ caseId: c.id, path: c.path }))
          .sort((a, b) => a.caseId.localeCompare(b.caseId)),
      );
      const events = await app.db.query(
        `SELECT case_id AS "caseId", command, from_state AS "from", to_state AS "to", actor_name AS actor, details,
           region_path::text AS path
         FROM dispute_case_event WHERE details->>'meetingId' = $1 ORDER BY id`,
        [meeting.id],
      );
      expect(events).toEqual([
        {
          caseId: land.id,
          command: 'coordinationDecision',
          from: 'IN_MEDIATION',
          to: 'IN_MEDIATION',
          actor: officer.username,
          details: { meetingId: meeting.id, decision: '国土所三日内现场勘界' },
          path: land.path,
        },
        {
          caseId: road.id,
          command: 'coordinationDecision',
          from: 'ACCEPTED',
          to: 'ACCEPTED',
          actor: officer.username,
          details: { meetingId: meeting.id, decision: '村调委会限期恢复机耕路' },
          path: road.path,
        },
      ]);
      const cases = await app.db.query(
        `SELECT state, version FROM dispute_case WHERE id = ANY($1) ORDER BY state`,
        [[land.id, road.id]],
      );
      expect(cases).toEqual([
        { state: 'ACCEPTED', version: 1 },
        { state: 'IN_MEDIATION', version: 1 },
      ]);
      const audit = await app.db.query(
        `SELECT actor_id AS "actorId", changes, region_path::text AS path FROM audit_event
         WHERE action = 'coordinationMeeting.record' AND entity_id = $1`,
        [meeting.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: officer.userId, path: row.centrePath });
      expect(audit[0].changes.decidedCaseIds.new.sort()).toEqual([land.id, road.id].sort());
    });

    it("when the case is read afterwards, then its timeline shows the meeting's decision", async () => {
      const c = await disputeCase(app.db, communities[0], committee);
      const meeting = await record({ decisions: [{ caseId: c.id, decision: '派出所协助调解' }] });
      const res = await officer.gql<{
        disputeCase: {
          timeline: { command: string; fromState: string; toState: string; details: unknown }[];
        };
      }>(
        `query($id: ID!) { disputeCase(id: $id) { timeline { command fromState toState details { ... on CoordinationDecisionDetails { meetingId decision } } } } }`,
        {
          id: c.id,
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.disputeCase.timeline).toContainEqual({
        command: 'coordinationDecision',
        fromState: 'IN_MEDIATION',
        toState: 'IN_MEDIATION',
        details: { meetingId: meeting.id, decision: '派出所协助调解' },
      });
    });

    it("when a decision names a case outside the centre's region, or one the caller cannot see, then BAD_USER_INPUT names that decision and nothing is written", async () => {
      const inside = await disputeCase(app.db, communities[0], committee);
      const otherStreet = await disputeCase(app.db, communities[1], otherCommittee);
      const foreign = await disputeCase(app.db, foreignCommunity, foreignCommittee);
      const before = await Promise.all(
        ['coordination_meeting', 'coordination_meeting_decision', 'dispute_case_event', 'audit_event'].map(
          count,
        ),
      );
      for (const [decisions, field] of [
        [[inside.id, otherStreet.id], 'decisions.1.caseId'],
        [[foreign.id], 'decisions.0.caseId'],
        [[inside.id, inside.id], 'decisions.1.caseId'],
        [['not-a-case'], 'decisions.0.caseId'],
      ] as const) {
        const res = await officer.gql(RECORD, {
          input: {
            organizationId: centre,
            heldOn: '2013-04-01',
            attendees: ['司法所'],
            decisions: decisions.map((caseId) => ({ caseId, decision: '研究化解' })),
          },
        });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions.field).toBe(field);
      }
      const after = await Promise.all(
        ['coordination_meeting', 'coordination_meeting_decision', 'dispute_case_event', 'audit_event'].map(
          count,
        ),
      );
      expect(after).toEqual(before);
    });

    it('when the organisation is not a coordination centre, then BAD_USER_INPUT; when the centre is outside the jurisdiction, then FORBIDDEN', async () => {
      const notCentre = await officer.gql(RECORD, {
        input: { organizationId: committee, heldOn: '2013-03-04', attendees: ['司法所'] },
      });
      expect(codeOf(notCentre)).toBe('BAD_USER_INPUT');
      expect(notCentre.errors![0].extensions.field).toBe('organizationId');
      const foreign = await officer.gql(RECORD, {
        input: { organizationId: foreignCentre, heldOn: '2013-03-04', attendees: ['司法所'] },
      });
      expect(codeOf(foreign)).toBe('FORBIDDEN');
      const aboveStreet = await streetOfficer.gql(RECORD, {
        input: { organizationId: otherStreetCentre, heldOn: '2013-03-04', attendees: ['司法所'] },
      });
      expect(codeOf(aboveStreet)).toBe('FORBIDDEN');
    });

    it.each([
      ['no attendees', 'attendees', { attendees: [] }],
      ['a blank attendee', 'attendees.1', { attendees: ['司法所', ' '] }],
      ['a day in the future', 'heldOn', { heldOn: '2999-01-04' }],
    ])('when the meeting has %s, then BAD_USER_INPUT names the field %s', async (_what, field, input) => {
      const res = await officer.gql(RECORD, {
        input: { organizationId: centre, heldOn: '2013-03-04', attendees: ['司法所'], ...input },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe(field);
    });
  });

  describe('reading', () => {
    let street0: Meeting[];
    let street1: Meeting;

    beforeAll(async () => {
      street0 = [
        await record({ heldOn: '2012-11-05' }),
        await record({ heldOn: '2012-12-03' }),
        await record({ heldOn: '2013-01-07' }),
      ];
      street1 = await record({ organizationId: otherStreetCentre, heldOn: '2012-12-03' });
    });

    const ids = async (filter: Record<string, unknown>, as = officer) => {
      const res = await as.gql<List>(LIST, { filter, first: 200 });
      expect(res.errors).toBeUndefined();
      return res.data!.coordinationMeetings.edges.map((e) => e.node.id);
    };

    it('when meetings are listed under a street, then only its centre’s come back; a street officer sees only their street', async () => {
      const mine = await ids({ regionCode: streets[0] });
      for (const m of street0) expect(mine).toContain(m.id);
      expect(mine).not.toContain(street1.id);
      const theirs = await ids({}, streetOfficer);
      expect(theirs).toContain(street0[0].id);
      expect(theirs).not.toContain(street1.id);
      expect(codeOf(await streetOfficer.gql(LIST, { filter: { regionCode: streets[1] } }))).toBe('FORBIDDEN');
    });

    it('when a date range and an organisation are given, then they narrow the list, newest first', async () => {
      const res = await officer.gql<List>(LIST, {
        filter: { organizationId: centre, heldFrom: '2012-11-05', heldTo: '2012-12-31' },
        first: 200,
      });
      const nodes = res.data!.coordinationMeetings.edges.map((e) => e.node);
      expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([street0[0].id, street0[1].id]));
      expect(nodes.map((n) => n.id)).not.toContain(street0[2].id);
      expect(nodes.map((n) => n.id)).not.toContain(street1.id);
      expect(nodes.every((n) => n.heldOn >= '2012-11-05' && n.heldOn <= '2012-12-31')).toBe(true);
      expect([...nodes.map((n) => n.heldOn)].sort().reverse()).toEqual(nodes.map((n) => n.heldOn));
    });

    it("when another district's officer reads a meeting or filters on this district, then NOT_FOUND and FORBIDDEN", async () => {
      const one = await otherOfficer.gql(`query($id: ID!) { coordinationMeeting(id: $id) { id } }`, {
        id: street0[0].id,
      });
      expect(codeOf(one)).toBe('NOT_FOUND');
      expect(codeOf(await otherOfficer.gql(LIST, { filter: { regionCode: district } }))).toBe('FORBIDDEN');
      expect(await ids({}, otherOfficer)).not.toContain(street0[0].id);
    });

    it('when the list is read two at a time, then the pages follow each other without gaps or repeats', async () => {
      const all = await ids({ regionCode: district });
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResponse<List> = await officer.gql<List>(LIST, {
          filter: { regionCode: district },
          first: 2,
          after,
        });
        seen.push(...page.data!.coordinationMeetings.edges.map((e) => e.node.id));
        if (!page.data!.coordinationMeetings.pageInfo.hasNextPage) break;
        after = page.data!.coordinationMeetings.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    });

    it('when a long page asks for centres, decisions and their cases, then it takes as many SQL statements as a short one', async () => {
      const c = await disputeCase(app.db, communities[0], committee);
      for (let i = 0; i < 12; i++)
        await record({ heldOn: '2011-06-06', decisions: [{ caseId: c.id, decision: `第${i}次研究` }] });
      const query = `query($first: Int) { coordinationMeetings(first: $first, filter: { heldFrom: "2011-06-06", heldTo: "2011-06-06" }) {
        edges { node { id organization { name memberCount } decisions { decision disputeCase { id state } } } } } }`;
      const statements = async (first: number) => {
        const spy = jest.spyOn(app.apiDb, 'query');
        try {
          const res = await officer.gql<List>(query, { first });
          expect(res.errors).toBeUndefined();
          expect(res.data!.coordinationMeetings.edges).toHaveLength(first);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      expect(await statements(12)).toBe(await statements(1));
    });
  });
});
