import { regionTree } from '../../test/factories';
import { cityAdmin, codeOf, gridsOf, household, resident } from '../../test/people';
import { SENIOR_CARD_FORM, serviceItem, serviceSlot, stepOk, submitApplication } from '../../test/services';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

/** A point `metres` from (lat, lng) towards a bearing in degrees (0 north, 90 east). */
function offset(lat: number, lng: number, metres: number, bearing: number) {
  const rad = (bearing * Math.PI) / 180;
  const perDegree = 111_195;
  return {
    lat: lat + (metres * Math.cos(rad)) / perDegree,
    lng: lng + (metres * Math.sin(rad)) / (perDegree * Math.cos((lat * Math.PI) / 180)),
  };
}

const CENTRE = { lat: 45.777, lng: 126.623 };

describe('communities, the catalogue, policies and the convenience map', () => {
  let app: TestApp;
  let admin: SignedIn;
  let street: string;
  let communities: string[];
  let otherStreetCommunity: string;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 2, grids: 1 });
    street = tree.rows.find((r) => r.level === 'STREET')!.code;
    const all = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    communities = all.filter((c) => c.startsWith(street));
    otherStreetCommunity = all.find((c) => !c.startsWith(street))!;
    admin = await cityAdmin(app);
    await app.db.query(`UPDATE region SET population = 1000 WHERE code = ANY($1)`, [communities]);
    const grid = gridsOf(tree).find((g) => g.startsWith(communities[0]))!;
    const home = await household(app, grid);
    const person = await resident(app, home.id, { tags: ['ELDERLY'] });
    // Two applications completed at the central community: its applications handled.
    const desk = await serviceItem(admin, communities[0], { onSite: false });
    for (let i = 0; i < 2; i++) {
      let a = await submitApplication(admin, {
        itemId: desk.id,
        residentId: person.id,
        regionCode: communities[0],
      });
      a = await stepOk(admin, 'accept', a);
      await stepOk(admin, 'complete', a);
    }
    await serviceSlot(admin, communities[0]);
  });
  afterAll(() => app.close());

  const save = (input: Record<string, unknown>) =>
    admin.gql<{
      saveCommunityProfile: { regionCode: string; kind: string; version: number; centralCode: string | null };
    }>(
      `mutation($input: SaveCommunityProfileInput!) {
        saveCommunityProfile(input: $input) { regionCode kind centralCode version functions location { lat lng } }
      }`,
      { input: { functions: [], openingHours: '周一至周五 8:30–17:00', ...input } },
    );

  describe('community profiles', () => {
    it('when a central community and its satellite are saved, then communityStats counts them, their people and what they handled', async () => {
      const central = await save({
        regionCode: communities[0],
        kind: 'CENTRAL',
        serviceAreaM2: 1800,
        functions: ['ELDERLY_CARE', 'DISABLED_SUPPORT', 'CHARITY'],
        officePhone: '0451-84651234',
        location: CENTRE,
      });
      expect(central.errors).toBeUndefined();
      const satellite = await save({
        regionCode: communities[1],
        kind: 'ORDINARY',
        centralCode: communities[0],
      });
      expect(satellite.data!.saveCommunityProfile.centralCode).toBe(communities[0]);
      const res = await admin.gql<{ communityStats: Record<string, unknown> }>(
        `query($code: String!) { communityStats(regionCode: $code, from: "2020-01-01", to: "2099-12-31") {
           centralCommunities satellites residentsCovered applicationsHandled functionsOffered { function communities }
           byCentralCommunity { regionCode satellites residentsCovered applicationsHandled functions } } }`,
        { code: street },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.communityStats).toEqual({
        centralCommunities: 1,
        satellites: 1,
        residentsCovered: 2000,
        applicationsHandled: 2,
        functionsOffered: [
          { function: 'ELDERLY_CARE', communities: 1 },
          { function: 'DISABLED_SUPPORT', communities: 1 },
          { function: 'CHARITY', communities: 1 },
        ],
        byCentralCommunity: [
          {
            regionCode: communities[0],
            satellites: 1,
            residentsCovered: 2000,
            applicationsHandled: 2,
            functions: ['ELDERLY_CARE', 'DISABLED_SUPPORT', 'CHARITY'],
          },
        ],
      });
      const read = await admin.gql<{
        communityProfile: { satellites: { regionCode: string }[]; region: { code: string } };
      }>(
        `query($code: String!) { communityProfile(regionCode: $code) { satellites { regionCode } region { code } queue { queue count } } }`,
        { code: communities[0] },
      );
      expect(read.data!.communityProfile.satellites).toEqual([{ regionCode: communities[1] }]);
    });

    it('when a profile breaks a rule, then BAD_USER_INPUT on the field', async () => {
      const fieldOf = async (input: Record<string, unknown>) =>
        (await save(input)).errors?.[0].extensions.field;
      expect(await fieldOf({ regionCode: otherStreetCommunity, kind: 'CENTRAL', serviceAreaM2: 600 })).toBe(
        'serviceAreaM2',
      );
      expect(
        await fieldOf({ regionCode: otherStreetCommunity, kind: 'ORDINARY', centralCode: communities[1] }),
      ).toBe('centralCode');
      expect(await fieldOf({ regionCode: street, kind: 'ORDINARY' })).toBe('regionCode');
      expect(await fieldOf({ regionCode: otherStreetCommunity, kind: 'ORDINARY', officePhone: '12' })).toBe(
        'officePhone',
      );
    });

    it('when a profile exists, then creating it again is CONFLICT and an update needs its version', async () => {
      expect(codeOf(await save({ regionCode: communities[1], kind: 'ORDINARY' }))).toBe('CONFLICT');
      const updated = await save({
        regionCode: communities[1],
        kind: 'ORDINARY',
        expectedVersion: 1,
        openingHours: '全天',
      });
      expect(updated.data!.saveCommunityProfile.version).toBe(2);
      expect(codeOf(await save({ regionCode: communities[1], kind: 'ORDINARY', expectedVersion: 1 }))).toBe(
        'CONFLICT',
      );
    });
  });

  describe('the catalogue', () => {
    it('when an item is offered at a street, then every community below lists it and no other street’s', async () => {
      const item = await serviceItem(admin, street, {
        name: '居住证明开具',
        category: 'IDENTITY_DOCUMENTS',
        offerAt: street,
      });
      const catalogue = async (code: string) => {
        const res = await admin.gql<{
          serviceItems: { totalCount: number; edges: { node: { id: string } }[] };
        }>(
          `query($code: String) { serviceItems(filter: { offeredAt: $code, category: [IDENTITY_DOCUMENTS] }) {
             totalCount edges { node { id offeredAt formFields { key type required options } } } } }`,
          { code },
        );
        return res.data!.serviceItems.edges.map((e) => e.node.id);
      };
      expect(await catalogue(communities[1])).toEqual([item.id]);
      expect(await catalogue(otherStreetCommunity)).toEqual([]);
    });

    it('when an item’s form schema or code is wrong, then BAD_USER_INPUT on formFields, CONFLICT naming a taken code', async () => {
      const create = (input: Record<string, unknown>) =>
        admin.gql(`mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`, {
          input: {
            code: 'T-DUP',
            name: '测试事项',
            category: 'ELDERLY',
            servicePoint: 'COMMUNITY',
            onSite: false,
            timeLimitDays: 5,
            regionCode: street,
            formFields: SENIOR_CARD_FORM,
            ...input,
          },
        });
      const bad = await create({
        formFields: [{ key: 'x', label: '选项', type: 'CHOICE', required: true, options: ['只有一个'] }],
      });
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions.field).toMatch(/^formFields/);
      expect((await create({})).errors).toBeUndefined();
      const taken = await create({});
      expect(codeOf(taken)).toBe('CONFLICT');
      expect(taken.errors![0].message).toBe('An item with that code exists already.');
    });
  });

  describe('policies', () => {
    it('when a policy’s Markdown carries HTML or a script link, then bodyHtml shows them inert', async () => {
      const res = await admin.gql<{ publishPolicy: { id: string; bodyHtml: string } }>(
        `mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { id bodyHtml } }`,
        {
          input: {
            title: '城市居民最低生活保障办法',
            body: '## 办事流程\n\n1. 提交申请\n2. 入户调查\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <img src=x onerror=alert(1)>',
            category: 'SOCIAL_ASSISTANCE',
            issuingBody: '哈尔滨市民政局',
            effectiveFrom: '2009-07-01',
            regionCode: communities[0],
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const html = res.data!.publishPolicy.bodyHtml;
      expect(html).toContain('<h2>办事流程</h2>');
      expect(html).toContain('<ol>');
      expect(html).not.toMatch(/<script|<img|href="javascript/i);
      expect(html).toContain('&lt;script&gt;');
    });

    it('when a place’s public list is read, then it has the policies published for it and above it, not its neighbours’', async () => {
      const publish = (regionCode: string, title: string) =>
        admin.gql(`mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { id } }`, {
          input: {
            title,
            body: '正文',
            category: 'ELDERLY',
            issuingBody: '民政局',
            effectiveFrom: '2012-01-01',
            regionCode,
          },
        });
      await publish(street, '街道老龄津贴办法');
      await publish(communities[1], '邻社区政策');
      const res = await admin.gql<{ policies: { edges: { node: { title: string } }[] } }>(
        `query($code: String) { policies(filter: { publishedFor: $code, inForceOn: "2013-06-01" }) { edges { node { title } } } }`,
        { code: communities[0] },
      );
      const titles = res.data!.policies.edges.map((e) => e.node.title);
      expect(titles).toContain('街道老龄津贴办法');
      expect(titles).toContain('城市居民最低生活保障办法');
      expect(titles).not.toContain('邻社区政策');
    });
  });

  describe('nearby (the 1,000-metre map)', () => {
    beforeAll(async () => {
      const points: [string, string, number, number][] = [
        ['BUS_STOP', '中医街站', 120, 0],
        ['HOSPITAL', '社区医院', 480, 90],
        ['SHOP', '便民超市', 950, 180],
        ['HOTEL', '通江宾馆', 1200, 270],
        ['SHOP', '远处商店', 4000, 45],
      ];
      for (const [category, name, metres, bearing] of points) {
        const res = await admin.gql(
          `mutation($input: CreatePointOfInterestInput!) { createPointOfInterest(input: $input) { id } }`,
          {
            input: {
              category,
              name,
              location: offset(CENTRE.lat, CENTRE.lng, metres, bearing),
              regionCode: communities[0],
            },
          },
        );
        expect(res.errors).toBeUndefined();
      }
    });

    const nearby = (args: string) =>
      admin.gql<{
        nearby: {
          totalCount: number;
          pageInfo: { endCursor: string; hasNextPage: boolean };
          edges: { node: { name: string; distanceMeters: number } }[];
        };
      }>(
        `query { nearby(${args}) { totalCount pageInfo { endCursor hasNextPage } edges { node { name category distanceMeters location { lat lng } } } } }`,
      );

    it('when the community’s 1,000 m are asked, then the points inside come nearest first with their distances', async () => {
      const res = await nearby(`communityCode: "${communities[0]}", radiusMeters: 1000`);
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.nearby.edges.map((e) => e.node);
      expect(nodes.map((n) => n.name)).toEqual(['中医街站', '社区医院', '便民超市']);
      expect(nodes.map((n) => Math.round(n.distanceMeters / 10) * 10)).toEqual([120, 480, 950]);
      expect(res.data!.nearby.totalCount).toBe(3);
    });

    it('when the radius grows or categories narrow, then exactly the points inside are returned', async () => {
      const wide = await nearby(`at: { lat: ${CENTRE.lat}, lng: ${CENTRE.lng} }, radiusMeters: 5000`);
      expect(wide.data!.nearby.totalCount).toBe(5);
      const shops = await nearby(
        `communityCode: "${communities[0]}", radiusMeters: 5000, categories: [SHOP]`,
      );
      expect(shops.data!.nearby.edges.map((e) => e.node.name)).toEqual(['便民超市', '远处商店']);
      const page = await nearby(`communityCode: "${communities[0]}", radiusMeters: 5000, first: 2`);
      const rest = await nearby(
        `communityCode: "${communities[0]}", radiusMeters: 5000, after: "${page.data!.nearby.pageInfo.endCursor}"`,
      );
      expect([...page.data!.nearby.edges, ...rest.data!.nearby.edges].map((e) => e.node.name)).toEqual([
        '中医街站',
        '社区医院',
        '便民超市',
        '通江宾馆',
        '远处商店',
      ]);
    });

    it('when the radius is over 5,000 m or there is no centre, then BAD_USER_INPUT', async () => {
      const far = await nearby(`communityCode: "${communities[0]}", radiusMeters: 6000`);
      expect(far.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radiusMeters' });
      const none = await nearby(`radiusMeters: 1000`);
      expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communityCode' });
    });

    it('when the query plan is read, then the bounding box uses the GiST index, not a scan of every point', async () => {
      // Planned as on a big table: the few test rows would otherwise be read in one page.
      const plan: { 'QUERY PLAN': string }[] = await app.db.transaction(async (m) => {
        await m.query(`SET LOCAL enable_seqscan = off`);
        return m.query(
          `EXPLAIN SELECT id FROM point_of_interest p WHERE p.location <@ box(point(126.6, 45.77), point(126.64, 45.79))`,
        );
      });
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('point_of_interest_location');
    });
  });
});
