import { regionTree } from '../../test/factories';
import { mediator, organization } from '../../test/mediation';
import { codeOf } from '../../test/people';
import {
  startTestApp,
  type GqlClient,
  type GraphQLResponse,
  type SignedIn,
  type TestApp,
} from '../../test/test-app';

const ORG_FIELDS =
  'id kind industry name regionCode partnerUniversity version region { code name } memberCount';
const CREATE = `mutation($input: CreateMediationOrganizationInput!) {
  createMediationOrganization(input: $input) { ${ORG_FIELDS} }
}`;
const UPDATE = `mutation($input: UpdateMediationOrganizationInput!) {
  updateMediationOrganization(input: $input) { id name partnerUniversity version }
}`;
const LIST = `query($filter: MediationOrganizationFilter, $first: Int, $after: String) {
  mediationOrganizations(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name regionCode kind } }
  }
}`;
const RECORD_CLINIC = `mutation($input: RecordLegalClinicServiceInput!) {
  recordLegalClinicService(input: $input) { id month peopleServed organization { id name } }
}`;

type Org = {
  id: string;
  kind: string;
  industry: string | null;
  name: string;
  regionCode: string;
  partnerUniversity: string | null;
  version: number;
  region: { code: string; name: string };
  memberCount: number;
};
type List = {
  mediationOrganizations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; regionCode: string; kind: string } }[];
  };
};

let names = 0;
const uniqueName = (prefix: string) => `${prefix}${process.pid}-${++names}`;

describe('mediation organisations (reference data)', () => {
  let app: TestApp;
  let district: string;
  let streets: string[];
  let communities: string[];
  let otherDistrict: string;
  let officer: SignedIn;
  let otherOfficer: SignedIn;
  let supervisor: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 2, grids: 1 });
    district = tree.districtCode;
    streets = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    communities = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    otherDistrict = (await regionTree(app.db, { streets: 1, communities: 1, grids: 1 })).districtCode;
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
    otherOfficer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: otherDistrict });
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: district });
  });
  afterAll(() => app.close());

  const create = async (client: GqlClient, input: Record<string, unknown>) => {
    const res = await client.gql<{ createMediationOrganization: Org }>(CREATE, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.createMediationOrganization;
  };
  const auditRows = (action: string, entityId: string) =>
    app.db.query(
      `SELECT actor_id AS "actorId", changes, region_path::text AS "regionPath" FROM audit_event
       WHERE action = $1 AND entity_id = $2 ORDER BY id`,
      [action, entityId],
    );
  /** SQL statements the API sends while serving one request. */
  const statements = async (run: () => Promise<unknown>) => {
    const spy = jest.spyOn(app.apiDb, 'query');
    try {
      await run();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  describe('creating and changing', () => {
    it('when a district officer creates a committee, an industry committee and a legal clinic, then each comes back at version 1 with its region, and each is audited', async () => {
      const committee = await create(officer, {
        kind: 'PEOPLES_COMMITTEE',
        name: uniqueName('上红社区人民调解委员会'),
        regionCode: communities[0],
      });
      expect(committee).toMatchObject({
        kind: 'PEOPLES_COMMITTEE',
        industry: null,
        regionCode: communities[0],
        version: 1,
        region: { code: communities[0] },
        memberCount: 0,
      });
      const traffic = await create(officer, {
        kind: 'INDUSTRY_COMMITTEE',
        industry: 'ROAD_TRAFFIC',
        name: uniqueName('道路交通事故纠纷人民调解委员会'),
        regionCode: district,
      });
      expect(traffic.industry).toBe('ROAD_TRAFFIC');
      const clinic = await create(officer, {
        kind: 'LEGAL_CLINIC',
        name: uniqueName('法律诊所'),
        regionCode: communities[1],
        partnerUniversity: '  黑龙江大学法学院 ',
      });
      expect(clinic.partnerUniversity).toBe('黑龙江大学法学院');

      const [audit] = await auditRows('mediationOrganization.create', clinic.id);
      expect(audit.actorId).toBe(officer.userId);
      expect(audit.regionPath.endsWith(communities[1])).toBe(true);
      expect(audit.changes).toMatchObject({
        kind: { new: 'LEGAL_CLINIC' },
        partnerUniversity: { new: '黑龙江大学法学院' },
      });
      expect(await auditRows('mediationOrganization.create', committee.id)).toHaveLength(1);
      expect(await auditRows('mediationOrganization.create', traffic.id)).toHaveLength(1);
    });

    it.each([
      ['an industry committee without an industry', 'industry', { kind: 'INDUSTRY_COMMITTEE' }],
      ['a committee with an industry', 'industry', { kind: 'PEOPLES_COMMITTEE', industry: 'INSURANCE' }],
      [
        'a centre with a partner university',
        'partnerUniversity',
        { kind: 'COORDINATION_CENTRE', partnerUniversity: '哈尔滨工业大学' },
      ],
      ['a blank name', 'name', { kind: 'PEOPLES_COMMITTEE', name: '   ' }],
    ])('when %s is created, then BAD_USER_INPUT names the field %s', async (_what, field, input) => {
      const res = await officer.gql(CREATE, {
        input: { name: uniqueName('调委会'), regionCode: streets[0], ...input },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe(field);
    });

    it('when the region is outside the jurisdiction, then FORBIDDEN and nothing is written', async () => {
      const name = uniqueName('越界调委会');
      const res = await otherOfficer.gql(CREATE, {
        input: { kind: 'PEOPLES_COMMITTEE', name, regionCode: streets[0] },
      });
      expect(codeOf(res)).toBe('FORBIDDEN');
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM mediation_organization WHERE name = $1`,
        [name],
      );
      expect(n).toBe(0);
    });

    it('when a caller may only read, then creating is FORBIDDEN', async () => {
      const res = await supervisor.gql(CREATE, {
        input: { kind: 'PEOPLES_COMMITTEE', name: uniqueName('调委会'), regionCode: streets[0] },
      });
      expect(codeOf(res)).toBe('FORBIDDEN');
    });

    it('when the same name is used twice in one region, then CONFLICT; in another region it is fine', async () => {
      const name = uniqueName('同名调委会');
      await create(officer, { kind: 'PEOPLES_COMMITTEE', name, regionCode: streets[0] });
      const again = await officer.gql(CREATE, {
        input: { kind: 'PEOPLES_COMMITTEE', name, regionCode: streets[0] },
      });
      expect(codeOf(again)).toBe('CONFLICT');
      await create(officer, { kind: 'PEOPLES_COMMITTEE', name, regionCode: streets[1] });
    });

    it('when an organisation is updated with a stale version, then CONFLICT; with the current one, the version goes up and the audit row has old and new', async () => {
      const clinic = await create(officer, {
        kind: 'LEGAL_CLINIC',
        name: uniqueName('诊所'),
        regionCode: communities[0],
      });
      const ok = await officer.gql<{ updateMediationOrganization: Org }>(UPDATE, {
        input: {
          id: clinic.id,
          expectedVersion: 1,
          name: '上红社区法律诊所',
          partnerUniversity: '黑龙江大学',
        },
      });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.updateMediationOrganization).toMatchObject({
        name: '上红社区法律诊所',
        partnerUniversity: '黑龙江大学',
        version: 2,
      });
      const stale = await officer.gql(UPDATE, { input: { id: clinic.id, expectedVersion: 1, name: '别名' } });
      expect(codeOf(stale)).toBe('CONFLICT');
      const [row] = await app.db.query(`SELECT name, version FROM mediation_organization WHERE id = $1`, [
        clinic.id,
      ]);
      expect(row).toEqual({ name: '上红社区法律诊所', version: 2 });
      const [audit] = await auditRows('mediationOrganization.update', clinic.id);
      expect(audit.changes).toEqual({
        name: { old: clinic.name, new: '上红社区法律诊所' },
        partnerUniversity: { old: null, new: '黑龙江大学' },
      });
    });

    it('when an officer of another district updates the organisation, then FORBIDDEN; an unknown id is NOT_FOUND', async () => {
      const committee = await create(officer, {
        kind: 'PEOPLES_COMMITTEE',
        name: uniqueName('调委会'),
        regionCode: streets[0],
      });
      const res = await otherOfficer.gql(UPDATE, {
        input: { id: committee.id, expectedVersion: 1, name: 'x' },
      });
      expect(codeOf(res)).toBe('FORBIDDEN');
      const missing = await officer.gql(UPDATE, {
        input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, name: 'x' },
      });
      expect(codeOf(missing)).toBe('NOT_FOUND');
    });
  });

  describe('reading', () => {
    let street0: Org[];
    let street1: Org;

    beforeAll(async () => {
      street0 = [
        await create(officer, {
          kind: 'COORDINATION_CENTRE',
          name: uniqueName('甲中心'),
          regionCode: streets[0],
        }),
        await create(officer, {
          kind: 'PEOPLES_COMMITTEE',
          name: uniqueName('乙调委会'),
          regionCode: communities[0],
        }),
        await create(officer, {
          kind: 'LEGAL_CLINIC',
          name: uniqueName('丙诊所'),
          regionCode: communities[1],
        }),
      ];
      street1 = await create(officer, {
        kind: 'PEOPLES_COMMITTEE',
        name: uniqueName('丁调委会'),
        regionCode: communities[2],
      });
    });

    it("when organisations are listed under a street, then the street's whole subtree comes back and nothing else", async () => {
      const res = await officer.gql<List>(LIST, { filter: { regionCode: streets[0] }, first: 200 });
      expect(res.errors).toBeUndefined();
      const ids = res.data!.mediationOrganizations.edges.map((e) => e.node.id);
      for (const o of street0) expect(ids).toContain(o.id);
      expect(ids).not.toContain(street1.id);
      expect(
        res.data!.mediationOrganizations.edges.every((e) => e.node.regionCode.startsWith(streets[0])),
      ).toBe(true);
      expect(res.data!.mediationOrganizations.totalCount).toBe(ids.length);
    });

    it('when kind and name filters are given, then they narrow the list', async () => {
      const res = await officer.gql<List>(LIST, {
        filter: { regionCode: district, kind: ['LEGAL_CLINIC', 'COORDINATION_CENTRE'], nameContains: '中心' },
        first: 200,
      });
      const nodes = res.data!.mediationOrganizations.edges.map((e) => e.node);
      expect(nodes.map((n) => n.id)).toContain(street0[0].id);
      expect(nodes.every((n) => n.kind === 'COORDINATION_CENTRE' && n.name.includes('中心'))).toBe(true);
      const pattern = await officer.gql<List>(LIST, { filter: { nameContains: '%' } });
      expect(pattern.data!.mediationOrganizations.totalCount).toBe(0);
    });

    it("when an officer of another district reads this district's organisations, then they are visible: reference data", async () => {
      const res = await otherOfficer.gql<List>(LIST, { filter: { regionCode: streets[0] }, first: 200 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.mediationOrganizations.edges.map((e) => e.node.id)).toContain(street0[1].id);
      const one = await otherOfficer.gql<{ mediationOrganization: { id: string } }>(
        `query($id: ID!) { mediationOrganization(id: $id) { id } }`,
        { id: street0[1].id },
      );
      expect(one.data!.mediationOrganization.id).toBe(street0[1].id);
    });

    it('when the region filter names no region, then BAD_USER_INPUT on regionCode; an unknown id is NOT_FOUND', async () => {
      for (const regionCode of ['230199', 'abc']) {
        const res = await officer.gql(LIST, { filter: { regionCode } });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions.field).toBe('regionCode');
      }
      const missing = await officer.gql(`query($id: ID!) { mediationOrganization(id: $id) { id } }`, {
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(codeOf(missing)).toBe('NOT_FOUND');
    });

    it('when nobody is signed in, then UNAUTHENTICATED', async () => {
      expect(codeOf(await app.gql(LIST))).toBe('UNAUTHENTICATED');
    });

    it('when the list is read page by page, then the pages follow each other without gaps or repeats', async () => {
      const all = await officer.gql<List>(LIST, { filter: { regionCode: district }, first: 200 });
      const expected = all.data!.mediationOrganizations.edges.map((e) => e.node.id);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResponse<List> = await officer.gql<List>(LIST, {
          filter: { regionCode: district },
          first: 2,
          after,
        });
        const conn = page.data!.mediationOrganizations;
        seen.push(...conn.edges.map((e) => e.node.id));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('when members are counted, then active members count and inactive ones do not', async () => {
      const committee = street0[1];
      await mediator(app.db, communities[0], [committee.id]);
      const inactive = await mediator(app.db, communities[0], [committee.id]);
      await app.db.query(`UPDATE mediator SET active = false WHERE id = $1`, [inactive]);
      const res = await officer.gql<{ mediationOrganization: { memberCount: number } }>(
        `query($id: ID!) { mediationOrganization(id: $id) { memberCount } }`,
        { id: committee.id },
      );
      expect(res.data!.mediationOrganization.memberCount).toBe(1);
      // Another district's officer sees the organisation but none of its people.
      const theirs = await otherOfficer.gql<{ mediationOrganization: { memberCount: number } }>(
        `query($id: ID!) { mediationOrganization(id: $id) { memberCount } }`,
        { id: committee.id },
      );
      expect(theirs.data!.mediationOrganization.memberCount).toBe(0);
    });

    it('when a long page asks for regions and member counts, then it takes as many SQL statements as a short one', async () => {
      const tag = uniqueName('批量');
      for (let i = 0; i < 12; i++)
        await create(officer, {
          kind: 'PEOPLES_COMMITTEE',
          name: `${tag}-${i}`,
          regionCode: communities[i % communities.length],
        });
      // Every row alike (a committee of a community): only the page size differs between the two reads.
      const query = `query($first: Int) { mediationOrganizations(first: $first, filter: { nameContains: "${tag}" }) {
        edges { node { id region { code parent { code } } memberCount } } } }`;
      const short = await statements(() => officer.gql(query, { first: 2 }));
      let res: GraphQLResponse<List> | undefined;
      const long = await statements(async () => (res = await officer.gql<List>(query, { first: 200 })));
      expect(res!.data!.mediationOrganizations.edges.length).toBeGreaterThan(10);
      expect(long).toBe(short);
      expect(long).toBeLessThanOrEqual(10);
    });
  });

  describe('legal clinic tallies', () => {
    let clinic: Org;

    beforeAll(async () => {
      clinic = await create(officer, {
        kind: 'LEGAL_CLINIC',
        name: uniqueName('诊所'),
        regionCode: communities[0],
      });
    });

    it('when a month is recorded twice, then the second record replaces the first, one row, audited with old and new', async () => {
      const first = await officer.gql<{
        recordLegalClinicService: { id: string; month: string; peopleServed: number };
      }>(RECORD_CLINIC, { input: { organizationId: clinic.id, month: '2013-05-01', peopleServed: 120 } });
      expect(first.errors).toBeUndefined();
      expect(first.data!.recordLegalClinicService).toMatchObject({
        month: '2013-05-01',
        peopleServed: 120,
        organization: { id: clinic.id },
      });
      const second = await officer.gql<{ recordLegalClinicService: { id: string; peopleServed: number } }>(
        RECORD_CLINIC,
        { input: { organizationId: clinic.id, month: '2013-05-01', peopleServed: 135 } },
      );
      expect(second.data!.recordLegalClinicService).toMatchObject({
        id: first.data!.recordLegalClinicService.id,
        peopleServed: 135,
      });
      const rows = await app.db.query(
        `SELECT month::text AS month, people_served AS n, region_path::text AS path FROM legal_clinic_service
         WHERE organization_id = $1`,
        [clinic.id],
      );
      expect(rows).toEqual([
        { month: '2013-05-01', n: 135, path: expect.stringMatching(new RegExp(`${communities[0]}$`)) },
      ]);
      const audit = await auditRows('legalClinicService.record', first.data!.recordLegalClinicService.id);
      expect(audit.map((a: { changes: { peopleServed: unknown } }) => a.changes.peopleServed)).toEqual([
        { old: null, new: 120 },
        { old: 120, new: 135 },
      ]);
    });

    it.each([
      ['a day other than the first', 'month', { month: '2013-05-02' }],
      ['a negative count', 'peopleServed', { peopleServed: -1 }],
      ['a month in the future', 'month', { month: '2999-01-01' }],
    ])('when the tally has %s, then BAD_USER_INPUT names the field %s', async (_what, field, input) => {
      const res = await officer.gql(RECORD_CLINIC, {
        input: { organizationId: clinic.id, month: '2013-06-01', peopleServed: 10, ...input },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe(field);
    });

    it('when the organisation is not a legal clinic, then BAD_USER_INPUT; when it is outside the jurisdiction, then FORBIDDEN', async () => {
      const committee = await organization(app.db, communities[0]);
      const notClinic = await officer.gql(RECORD_CLINIC, {
        input: { organizationId: committee, month: '2013-05-01', peopleServed: 1 },
      });
      expect(codeOf(notClinic)).toBe('BAD_USER_INPUT');
      expect(notClinic.errors![0].extensions.field).toBe('organizationId');
      const outside = await otherOfficer.gql(RECORD_CLINIC, {
        input: { organizationId: clinic.id, month: '2013-05-01', peopleServed: 1 },
      });
      expect(codeOf(outside)).toBe('FORBIDDEN');
    });
  });
});
