import { regionTree } from '../../test/factories';
import { cityAdmin, codeOf, fakeIdNumber, gridsOf, household, resident } from '../../test/people';
import {
  serviceItem,
  serviceSlot,
  step,
  stepOk,
  submitApplication,
  type TestApplication,
} from '../../test/services';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * Applications and appointment slots are about people: a caller sees, counts and moves only those of its
 * jurisdiction. Profiles, the catalogue, policies and points of interest are public information: everyone signed in
 * reads them anywhere, and only the jurisdiction writes them.
 */

interface District {
  code: string;
  community: string;
  officer: SignedIn;
  application: TestApplication;
  slotId: string;
  itemId: string;
}

const expectRefused = (res: GraphQLResponse<unknown>, code: string) => {
  expect(codeOf(res)).toBe(code);
  expect(res.data ?? null).toBeNull();
};

describe('public services across jurisdictions', () => {
  let app: TestApp;
  const d = { A: {} as District, B: {} as District };

  beforeAll(async () => {
    app = await startTestApp();
    for (const name of ['A', 'B'] as const) {
      const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1, name: `${name}区` });
      const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
      const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: tree.districtCode });
      const item = await serviceItem(await cityAdmin(app), community);
      const home = await household(app, gridsOf(tree)[0]);
      const person = await resident(app, home.id, { tags: ['ELDERLY'] });
      const slot = await serviceSlot(officer, community);
      const submitted = await submitApplication(officer, {
        itemId: item.id,
        residentId: person.id,
        regionCode: community,
        actingFor: { name: '家属', relationship: '女儿', idNumber: fakeIdNumber('230102') },
      });
      d[name] = {
        code: tree.districtCode,
        community,
        officer,
        application: submitted,
        slotId: slot.id,
        itemId: item.id,
      };
    }
  });
  afterAll(() => app.close());

  describe('a district officer of B and the applications of A', () => {
    it("when B reads A's application by id, then NOT_FOUND as for an id that exists nowhere", async () => {
      const read = (id: string) =>
        d.B.officer.gql(`query($id: ID!) { serviceApplication(id: $id) { id } }`, { id });
      const [a, none] = await Promise.all([
        read(d.A.application.id),
        read('00000000-0000-4000-8000-000000000000'),
      ]);
      expectRefused(a, 'NOT_FOUND');
      expect(a.errors![0].extensions).toEqual(none.errors![0].extensions);
    });

    it.each([
      [
        'serviceApplications',
        `query($c: String) { serviceApplications(filter: { regionCode: $c }) { totalCount } }`,
      ],
      ['serviceSlots', `query($c: String) { serviceSlots(filter: { regionCode: $c }) { totalCount } }`],
      ['serviceQueue', `query($c: String) { serviceQueue(regionCode: $c) { queue count } }`],
      [
        'serviceStats',
        `query($c: String!) { serviceStats(regionCode: $c, from: "2020-01-01", to: "2099-01-01") { submitted } }`,
      ],
      [
        'communityStats',
        `query($c: String!) { communityStats(regionCode: $c, from: "2020-01-01", to: "2099-01-01") { centralCommunities } }`,
      ],
    ])("when B asks %s of A's region, then FORBIDDEN", async (_name, query) => {
      expectRefused(await d.B.officer.gql(query, { c: d.A.community }), 'FORBIDDEN');
    });

    it("when B lists and counts without a filter, then A's applications and slots are in neither the page nor the count", async () => {
      const res = await d.B.officer.gql<{
        serviceApplications: { totalCount: number; edges: { node: { id: string } }[] };
        serviceSlots: { totalCount: number; edges: { node: { id: string } }[] };
        serviceStats: { submitted: number };
      }>(
        `query($c: String!) {
          serviceApplications(first: 200) { totalCount edges { node { id } } }
          serviceSlots(first: 200) { totalCount edges { node { id } } }
          serviceStats(regionCode: $c, from: "2020-01-01", to: "2099-01-01") { submitted }
        }`,
        { c: d.B.code },
      );
      expect(res.data!.serviceApplications.edges.map((e) => e.node.id)).toEqual([d.B.application.id]);
      expect(res.data!.serviceApplications.totalCount).toBe(1);
      expect(res.data!.serviceSlots.edges.map((e) => e.node.id)).toEqual([d.B.slotId]);
      expect(res.data!.serviceSlots.totalCount).toBe(1);
      expect(res.data!.serviceStats.submitted).toBe(1);
    });

    it.each(['accept', 'reject', 'withdraw', 'returnForMaterial'])(
      "when B takes %s on A's application, then NOT_FOUND and it is unchanged",
      async (command) => {
        expectRefused(await step(d.B.officer, command, d.A.application), 'NOT_FOUND');
        const [row] = await app.db.query(`SELECT state, version FROM service_application WHERE id = $1`, [
          d.A.application.id,
        ]);
        expect(row).toEqual({ state: 'SUBMITTED', version: 1 });
      },
    );

    it("when B submits at A's community or opens a slot there, then FORBIDDEN", async () => {
      const submit = await d.B.officer.gql(
        `mutation($input: SubmitServiceApplicationInput!) { submitServiceApplication(input: $input) { id } }`,
        {
          input: {
            itemId: d.A.itemId,
            residentId: d.A.application.id,
            regionCode: d.A.community,
            answers: {},
          },
        },
      );
      expectRefused(submit, 'FORBIDDEN');
      const slot = await d.B.officer.gql(
        `mutation($input: OpenServiceSlotInput!) { openServiceSlot(input: $input) { id } }`,
        {
          input: {
            regionCode: d.A.community,
            day: '2099-01-01',
            startsAt: '09:00',
            endsAt: '10:00',
            capacity: 1,
          },
        },
      );
      expectRefused(slot, 'FORBIDDEN');
    });

    it("when B books its own application into A's slot, then the slot is not one of its service point's", async () => {
      const accepted = await stepOk(
        d.B.officer,
        'accept',
        (
          await app.db.query(`SELECT id, version FROM service_application WHERE id = $1`, [
            d.B.application.id,
          ])
        )[0],
      );
      const res = await step(d.B.officer, 'bookAppointment', accepted, { slotId: d.A.slotId });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('slotId');
      const [{ booked }] = await app.db.query(`SELECT booked FROM service_slot WHERE id = $1`, [d.A.slotId]);
      expect(booked).toBe(0);
    });

    it("when B reads A's community profile, then its queue (nested) is FORBIDDEN while the public profile is read", async () => {
      await (
        await cityAdmin(app)
      ).gql(
        `mutation($input: SaveCommunityProfileInput!) { saveCommunityProfile(input: $input) { version } }`,
        { input: { regionCode: d.A.community, kind: 'ORDINARY', functions: [], openingHours: '全天' } },
      );
      const res = await d.B.officer.gql<{ communityProfile: { regionCode: string; queue: unknown } | null }>(
        `query($c: String!) { communityProfile(regionCode: $c) { regionCode openingHours queue { queue count } } }`,
        { c: d.A.community },
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0].path).toEqual(['communityProfile', 'queue']);
    });
  });

  describe('public information', () => {
    it("when B reads A's catalogue and policies, then they are there: they are public", async () => {
      const res = await d.B.officer.gql<{ serviceItems: { totalCount: number } }>(
        `query($c: String) { serviceItems(filter: { offeredAt: $c }) { totalCount } policies(filter: { publishedFor: $c }) { totalCount } }`,
        { c: d.A.community },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.serviceItems.totalCount).toBe(1);
    });

    it.each([
      [
        'saveCommunityProfile',
        'SaveCommunityProfileInput',
        (c: string) => ({ regionCode: c, kind: 'ORDINARY', functions: [], openingHours: '' }),
      ],
      [
        'publishPolicy',
        'PublishPolicyInput',
        (c: string) => ({
          title: 't',
          body: 'b',
          category: 'ELDERLY',
          issuingBody: 'x',
          effectiveFrom: '2012-01-01',
          regionCode: c,
        }),
      ],
      [
        'createPointOfInterest',
        'CreatePointOfInterestInput',
        (c: string) => ({ category: 'SHOP', name: '店', location: { lat: 45.7, lng: 126.6 }, regionCode: c }),
      ],
      [
        'offerServiceItem',
        'OfferServiceItemInput',
        (c: string) => ({ itemId: d.B.itemId, regionCodes: [c] }),
      ],
    ])("when B writes %s at A's community, then FORBIDDEN", async (mutation, type, input) => {
      const selection = mutation === 'saveCommunityProfile' ? 'version' : 'id';
      const res = await d.B.officer.gql(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { ${selection} } }`,
        {
          input: input(d.A.community),
        },
      );
      expectRefused(res, 'FORBIDDEN');
    });
  });

  describe('personal data', () => {
    it("when A reads its application with the applicant, then the acting person's ID is masked and the applicant read is audited", async () => {
      const res = await d.A.officer.gql<{
        serviceApplication: { actingFor: { idNumber: string }; applicant: { id: string; idNumber: string } };
      }>(
        `query($id: ID!) { serviceApplication(id: $id) { actingFor { idNumber } applicant { id idNumber } } }`,
        { id: d.A.application.id },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.serviceApplication.actingFor.idNumber).toMatch(/\*{4}/);
      expect(res.data!.serviceApplication.applicant.idNumber).toMatch(/\*{4}/);
      const audit = await app.db.query(
        `SELECT changes->>'via' AS via FROM audit_event WHERE action = 'resident.list' AND actor_id = $1`,
        [d.A.officer.userId],
      );
      expect(audit.map((r: { via: string }) => r.via)).toContain('ServiceApplication.applicant');
    });

    it('when a grid worker or an auditor asks for applications, then FORBIDDEN: service:read is not theirs', async () => {
      for (const role of ['GRID_WORKER', 'AUDITOR'] as const) {
        const who = await app.signIn({ roles: [role], jurisdiction: d.A.code });
        expectRefused(await who.gql(`{ serviceApplications { totalCount } }`), 'FORBIDDEN');
      }
    });
  });
});
