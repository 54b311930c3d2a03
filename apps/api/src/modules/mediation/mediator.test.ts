import { maskPhone } from '@qiangji/domain';
import { PersonalDataCipher } from '../../common/personal-data';
import { regionTree } from '../../test/factories';
import { organization } from '../../test/mediation';
import { codeOf, fakeMobile } from '../../test/people';
import { startTestApp, type GraphQLResponse, type SignedIn, type TestApp } from '../../test/test-app';

const MEDIATOR_FIELDS = `id name employment specialities qualifications { title issuedBy obtainedOn }
  trainings { title completedOn hours } phone regionCode active version
  region { code } organizations { id } activeCaseLoad`;
const REGISTER = `mutation($input: RegisterMediatorInput!) { registerMediator(input: $input) { ${MEDIATOR_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMediatorInput!) { updateMediator(input: $input) { ${MEDIATOR_FIELDS} } }`;
const READ = `query($id: ID!) { mediator(id: $id) { ${MEDIATOR_FIELDS} } }`;
const LIST = `query($filter: MediatorFilter, $first: Int) {
  mediators(filter: $filter, first: $first) { totalCount edges { node { id name } } }
}`;

type TestMediator = {
  id: string;
  name: string;
  employment: string;
  specialities: string[];
  phone: string | null;
  regionCode: string;
  active: boolean;
  version: number;
  region: { code: string };
  organizations: { id: string }[];
  activeCaseLoad: number;
};
type List = { mediators: { totalCount: number; edges: { node: { id: string; name: string } }[] } };

let cases = 0;

describe('mediators', () => {
  let app: TestApp;
  let district: string;
  let street: string;
  let communities: string[];
  let committee: string;
  let neighbourCommittee: string;
  let centre: string;
  let officer: SignedIn;
  let otherOfficer: SignedIn;
  let supervisor: SignedIn;
  let cipher: PersonalDataCipher;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    district = tree.districtCode;
    street = tree.rows.find((r) => r.level === 'STREET')!.code;
    communities = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    committee = await organization(app.db, communities[0]);
    neighbourCommittee = await organization(app.db, communities[1]);
    centre = await organization(app.db, street, 'COORDINATION_CENTRE');
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
    otherOfficer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: other.districtCode });
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: district });
    cipher = new PersonalDataCipher(app.secrets.dataKey);
  });
  afterAll(() => app.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: '王调解',
    employment: 'FULL_TIME',
    specialities: ['LAND', 'NEIGHBOURHOOD'],
    qualifications: [{ title: '人民调解员证', issuedBy: '哈尔滨市司法局', obtainedOn: '2011-06-01' }],
    trainings: [{ title: '人民调解业务培训', completedOn: '2012-09-15', hours: 16 }],
    phone: fakeMobile(),
    regionCode: communities[0],
    organizationIds: [committee, centre],
    ...overrides,
  });
  const register = async (overrides: Record<string, unknown> = {}, as = officer) => {
    const res = await as.gql<{ registerMediator: TestMediator }>(REGISTER, { input: input(overrides) });
    expect(res.errors).toBeUndefined();
    return res.data!.registerMediator;
  };
  const insertCase = async (mediatorId: string, state: string) => {
    await app.db.query(
      `INSERT INTO dispute_case (number, channel, type, title, description, region_code, organization_id,
         origin_organization_id, mediator_id, people_involved, households_involved, risk, state, received_at, created_by)
       VALUES ($1, 'WALK_IN', 'LAND', '地界纠纷', '两户因地界争执。', $2, $3, $3, $4, 2, 2, 'LOW', $5, now(), 'test')`,
      [`M-${++cases}`, communities[0], committee, mediatorId, state],
    );
  };
  const statements = async (run: () => Promise<unknown>) => {
    const spy = jest.spyOn(app.apiDb, 'query');
    try {
      await run();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  describe('registering and changing', () => {
    it('when a district officer registers a mediator with a phone, then the answer shows it masked, the table holds it encrypted, and the audit row has only the mask', async () => {
      const phone = fakeMobile();
      const m = await register({ phone });
      expect(m).toMatchObject({
        name: '王调解',
        employment: 'FULL_TIME',
        specialities: ['LAND', 'NEIGHBOURHOOD'],
        phone: maskPhone(phone),
        regionCode: communities[0],
        active: true,
        version: 1,
        region: { code: communities[0] },
        activeCaseLoad: 0,
      });
      expect(m.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(m.organizations.map((o) => o.id).sort()).toEqual([committee, centre].sort());

      const [row] = await app.db.query(
        `SELECT phone_encrypted, phone_masked, md::text AS whole FROM mediator md WHERE id = $1`,
        [m.id],
      );
      expect(row.phone_encrypted).toMatch(/^v1:/);
      expect(cipher.decrypt(row.phone_encrypted)).toBe(phone);
      expect(row.phone_masked).toBe(maskPhone(phone));
      expect(row.whole).not.toContain(phone);
      const memberships = await app.db.query(
        `SELECT mm.region_path::text = md.region_path::text AS same FROM mediator_membership mm
         JOIN mediator md ON md.id = mm.mediator_id WHERE mm.mediator_id = $1`,
        [m.id],
      );
      expect(memberships).toEqual([{ same: true }, { same: true }]);

      const audit = await app.db.query(
        `SELECT actor_id AS "actorId", changes, changes::text AS text FROM audit_event
         WHERE action = 'mediator.register' AND entity_id = $1`,
        [m.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].actorId).toBe(officer.userId);
      expect(audit[0].changes.phone).toEqual({ new: maskPhone(phone) });
      expect(audit[0].text).not.toContain(phone);
    });

    it('when a landline is given with spaces, then it is stored normalised and shown masked', async () => {
      const m = await register({ phone: '0451 8612 3456' });
      expect(m.phone).toBe(maskPhone('0451-86123456'));
      const [row] = await app.db.query(`SELECT phone_encrypted FROM mediator WHERE id = $1`, [m.id]);
      expect(cipher.decrypt(row.phone_encrypted)).toBe('0451-86123456');
    });

    it.each([
      ['an invalid phone', 'phone', () => ({ phone: '12345' })],
      ['a blank name', 'name', () => ({ name: '  ' })],
      [
        'an organisation that does not cover the place',
        'organizationIds.0',
        () => ({ organizationIds: [neighbourCommittee] }),
      ],
      ['an unknown organisation', 'organizationIds.1', () => ({ organizationIds: [committee, 'nope'] })],
      [
        'a training of zero hours',
        'trainings.0.hours',
        () => ({ trainings: [{ title: '培训', completedOn: '2012-01-01', hours: 0 }] }),
      ],
      [
        'a qualification from the future',
        'qualifications.0.obtainedOn',
        () => ({ qualifications: [{ title: '证书', issuedBy: '司法局', obtainedOn: '2999-01-01' }] }),
      ],
    ])(
      'when a mediator is registered with %s, then BAD_USER_INPUT names the field %s and nothing is written',
      async (_what, field, overrides) => {
        const [{ n: before }] = await app.db.query(`SELECT count(*)::int AS n FROM mediator`);
        const res = await officer.gql(REGISTER, { input: input(overrides()) });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions.field).toBe(field);
        const [{ n: after }] = await app.db.query(`SELECT count(*)::int AS n FROM mediator`);
        expect(after).toBe(before);
      },
    );

    it('when the region is in another district, then FORBIDDEN; when the caller may only read, then FORBIDDEN', async () => {
      expect(codeOf(await otherOfficer.gql(REGISTER, { input: input() }))).toBe('FORBIDDEN');
      expect(codeOf(await supervisor.gql(REGISTER, { input: input() }))).toBe('FORBIDDEN');
    });

    it('when a mediator is linked to a MEDIATOR account, then a second mediator cannot take the same account; other accounts are refused', async () => {
      const account = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: communities[0] });
      await register({ userId: account.userId });
      const again = await officer.gql(REGISTER, { input: input({ userId: account.userId }) });
      expect(codeOf(again)).toBe('CONFLICT');
      const notMediator = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: communities[0] });
      const wrong = await officer.gql(REGISTER, { input: input({ userId: notMediator.userId }) });
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors![0].extensions.field).toBe('userId');
    });

    it('when a mediator is updated with a stale version, then CONFLICT and nothing changes; with the current one, phone, memberships and activity change and the version goes up by one', async () => {
      const m = await register();
      const phone = fakeMobile();
      const ok = await officer.gql<{ updateMediator: TestMediator }>(UPDATE, {
        input: {
          id: m.id,
          expectedVersion: 1,
          phone,
          employment: 'PART_TIME',
          organizationIds: [centre],
          active: false,
        },
      });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.updateMediator).toMatchObject({
        phone: maskPhone(phone),
        employment: 'PART_TIME',
        active: false,
        version: 2,
        organizations: [{ id: centre }],
      });
      const stale = await officer.gql(UPDATE, { input: { id: m.id, expectedVersion: 1, name: '李调解' } });
      expect(codeOf(stale)).toBe('CONFLICT');
      const [row] = await app.db.query(`SELECT name, version, phone_encrypted FROM mediator WHERE id = $1`, [
        m.id,
      ]);
      expect({ name: row.name, version: row.version }).toEqual({ name: '王调解', version: 2 });
      expect(cipher.decrypt(row.phone_encrypted)).toBe(phone);

      const [audit] = await app.db.query(
        `SELECT changes, changes::text AS text FROM audit_event WHERE action = 'mediator.update' AND entity_id = $1`,
        [m.id],
      );
      expect(audit.changes).toMatchObject({
        phone: { old: m.phone, new: maskPhone(phone) },
        active: { old: true, new: false },
        organizationIds: { old: [committee, centre].sort(), new: [centre] },
      });
      expect(audit.text).not.toContain(phone);

      const cleared = await officer.gql<{ updateMediator: TestMediator }>(UPDATE, {
        input: { id: m.id, expectedVersion: 2, phone: '' },
      });
      expect(cleared.data!.updateMediator).toMatchObject({ phone: null, version: 3 });
    });
  });

  describe('reading', () => {
    it("when an officer of another district asks for this district's mediator, then NOT_FOUND, as for one that does not exist; updating is NOT_FOUND too", async () => {
      const m = await register();
      expect(codeOf(await otherOfficer.gql(READ, { id: m.id }))).toBe('NOT_FOUND');
      expect(codeOf(await otherOfficer.gql(READ, { id: '00000000-0000-4000-8000-000000000000' }))).toBe(
        'NOT_FOUND',
      );
      const update = await otherOfficer.gql(UPDATE, { input: { id: m.id, expectedVersion: 1, name: 'x' } });
      expect(codeOf(update)).toBe('NOT_FOUND');
      const mine = await officer.gql<{ mediator: TestMediator }>(READ, { id: m.id });
      expect(mine.data!.mediator.id).toBe(m.id);
    });

    it('when another district lists mediators, then it sees none of these; filtering on this district is FORBIDDEN', async () => {
      const m = await register();
      const theirs = await otherOfficer.gql<List>(LIST, { first: 200 });
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data!.mediators.edges.map((e) => e.node.id)).not.toContain(m.id);
      expect(codeOf(await otherOfficer.gql(LIST, { filter: { regionCode: district } }))).toBe('FORBIDDEN');
    });

    it('when mediators are filtered by region, organisation, employment, speciality, name and activity, then each filter narrows', async () => {
      const tag = `筛选${Date.now() % 100000}`;
      const a = await register({
        name: `${tag}甲`,
        regionCode: communities[0],
        organizationIds: [committee],
      });
      const b = await register({
        name: `${tag}乙`,
        regionCode: communities[1],
        organizationIds: [neighbourCommittee],
        employment: 'PART_TIME',
        specialities: ['DEBT'],
      });
      const c = await register({ name: `${tag}丙`, regionCode: street, organizationIds: [centre] });
      await officer.gql(UPDATE, { input: { id: c.id, expectedVersion: 1, active: false } });
      const ids = async (filter: Record<string, unknown>) => {
        const res = await officer.gql<List>(LIST, { filter: { nameContains: tag, ...filter }, first: 200 });
        expect(res.errors).toBeUndefined();
        return res.data!.mediators.edges.map((e) => e.node.id).sort();
      };
      expect(await ids({})).toEqual([a.id, b.id, c.id].sort());
      expect(await ids({ regionCode: communities[1] })).toEqual([b.id]);
      expect(await ids({ regionCode: street })).toEqual([a.id, b.id, c.id].sort());
      expect(await ids({ organizationId: committee })).toEqual([a.id]);
      expect(await ids({ employment: ['PART_TIME'] })).toEqual([b.id]);
      expect(await ids({ speciality: 'DEBT' })).toEqual([b.id]);
      expect(await ids({ active: false })).toEqual([c.id]);
      const unknown = await officer.gql(LIST, {
        filter: { organizationId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors![0].extensions.field).toBe('organizationId');
    });

    it('when a mediator has cases, then activeCaseLoad counts those assigned or in mediation only', async () => {
      const m = await register();
      await insertCase(m.id, 'MEDIATOR_ASSIGNED');
      await insertCase(m.id, 'IN_MEDIATION');
      await insertCase(m.id, 'CLOSED');
      await insertCase(m.id, 'AGREEMENT_REACHED');
      const res = await officer.gql<{ mediator: TestMediator }>(READ, { id: m.id });
      expect(res.data!.mediator.activeCaseLoad).toBe(2);
    });

    it('when a long page asks for regions, organisations and case loads, then it takes as many SQL statements as a short one', async () => {
      const tag = `批量${Date.now() % 100000}`;
      for (let i = 0; i < 12; i++) {
        const m = await register({ name: `${tag}${i}` });
        await insertCase(m.id, 'IN_MEDIATION');
      }
      // Every row alike (same place, same organisations): only the page size differs between the two reads.
      const query = `query($first: Int) { mediators(first: $first, filter: { nameContains: "${tag}" }) { edges { node {
        id region { code } organizations { id region { code } memberCount } activeCaseLoad } } } }`;
      const short = await statements(() => officer.gql(query, { first: 1 }));
      let res: GraphQLResponse<List> | undefined;
      const long = await statements(async () => (res = await officer.gql<List>(query, { first: 200 })));
      expect(res!.errors).toBeUndefined();
      expect(res!.data!.mediators.edges.length).toBeGreaterThan(10);
      expect(long).toBe(short);
    });
  });
});
