import { maskIdNumber, maskPhone } from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import {
  cityAdmin,
  codeOf,
  fakeIdNumber,
  fakeMobile,
  gridsOf,
  household,
  resident,
  type TestHousehold,
} from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

const REGISTER_HOUSEHOLD = `mutation($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) { id regionCode address version tags region { code } }
}`;
const REGISTER_RESIDENT = `mutation($input: RegisterResidentInput!) {
  registerResident(input: $input) { id name gender birthYear age idNumber phone regionCode version household { id } }
}`;
const UPDATE_RESIDENT = `mutation($input: UpdateResidentInput!) { updateResident(input: $input) { id name phone version } }`;
const REVEAL = `mutation($id: ID!, $purpose: String!) { revealResident(id: $id, purpose: $purpose) { id idNumber birthDate phone } }`;

type Registered = {
  registerResident: {
    id: string;
    name: string;
    gender: string;
    birthYear: number;
    age: number;
    idNumber: string;
    phone: string | null;
    regionCode: string;
    version: number;
    household: { id: string };
  };
};

describe('the resident registry', () => {
  let app: TestApp;
  let district: string;
  let community: string;
  let grids: string[];
  let staff: SignedIn;
  let gridWorker: SignedIn;
  let otherStaff: SignedIn;
  let home: TestHousehold;
  let otherGrid: string;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 2 });
    district = tree.districtCode;
    community = `${district}001001`;
    grids = gridsOf(tree);
    const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    await cityAdmin(app);
    staff = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
    gridWorker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grids[0] });
    otherGrid = gridsOf(other)[0];
    otherStaff = await app.signIn({
      roles: ['COMMUNITY_STAFF'],
      jurisdiction: `${other.districtCode}001001`,
    });
    home = await household(app, grids[0], { as: staff });
  });
  afterAll(() => app.close());

  const auditRows = (action: string, entityId: string) =>
    app.db.query(
      `SELECT actor_id AS "actorId", purpose, changes, region_path::text AS "regionPath"
       FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY id`,
      [action, entityId],
    );
  const allAuditText = async () =>
    (await app.db.query(`SELECT coalesce(string_agg(a::text, E'\\n'), '') AS t FROM audit_event a`))[0]
      .t as string;

  describe('registering', () => {
    it('when community staff register a household and a resident, then the answers show the ID number and phone masked', async () => {
      const h = await staff.gql<{ registerHousehold: { id: string; regionCode: string; version: number } }>(
        REGISTER_HOUSEHOLD,
        { input: { regionCode: grids[1], address: '通江街12号', tags: ['POOR_HOUSEHOLD'] } },
      );
      expect(h.errors).toBeUndefined();
      expect(h.data!.registerHousehold).toMatchObject({ regionCode: grids[1], version: 1 });

      const idNumber = fakeIdNumber('230102');
      const phone = fakeMobile();
      const res = await staff.gql<Registered>(REGISTER_RESIDENT, {
        input: {
          householdId: h.data!.registerHousehold.id,
          name: '张三',
          idNumber,
          phone,
          tags: ['ELDERLY'],
        },
      });
      expect(res.errors).toBeUndefined();
      const r = res.data!.registerResident;
      expect(r.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(r.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
      expect(r.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(r.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      // The birth date is digits 7-14 of the ID number: showing it would undo the mask.
      expect(r.birthYear).toBe(Number(idNumber.slice(6, 10)));
      expect(r).not.toHaveProperty('birthDate');
      expect(r).toMatchObject({ name: '张三', regionCode: grids[1], version: 1 });
      expect(r.household.id).toBe(h.data!.registerHousehold.id);
    });

    it('when a resident is stored, then no column holds the ID number or phone in the clear', async () => {
      const r = await resident(app, home.id, { as: staff });
      const [row] = await app.db.query(
        `SELECT id_number_encrypted, id_number_hmac, id_number_masked, phone_encrypted, phone_hmac, phone_masked,
           r::text AS whole FROM resident r WHERE id = $1`,
        [r.id],
      );
      expect(row.id_number_encrypted).toMatch(/^v1:/);
      expect(row.id_number_masked).toBe(maskIdNumber(r.idNumber));
      expect(row.phone_masked).toBe(maskPhone(r.phone!));
      for (const secret of [r.idNumber, r.phone!, r.idNumber.slice(6, 14) + r.idNumber.slice(14)]) {
        expect(row.whole).not.toContain(secret);
      }
    });

    it('when residents are searched by the exact ID number, then that resident is found, and only it', async () => {
      const r = await resident(app, home.id, { as: staff });
      await resident(app, home.id, { as: staff });
      const res = await staff.gql<{ residents: { totalCount: number; edges: { node: { id: string } }[] } }>(
        `query($n: String) { residents(filter: { idNumber: $n, purpose: "窗口办理业务核验身份" }) { totalCount edges { node { id } } } }`,
        { n: r.idNumber },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.residents.totalCount).toBe(1);
      expect(res.data!.residents.edges[0].node.id).toBe(r.id);
    });

    it('when the same ID number is registered again in the jurisdiction, then CONFLICT names the household', async () => {
      const r = await resident(app, home.id, { as: staff });
      const again = await staff.gql(REGISTER_RESIDENT, {
        input: { householdId: home.id, name: '重复', idNumber: r.idNumber },
      });
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toContain(home.id);
      expect(again.errors![0].message).toContain(r.id);
    });

    it('when staff of another district register an ID number already known, then CONFLICT says only that it is outside the jurisdiction', async () => {
      const r = await resident(app, home.id, { as: staff });
      const theirs = await household(app, otherGrid, { as: otherStaff });
      const res = await otherStaff.gql(REGISTER_RESIDENT, {
        input: { householdId: theirs.id, name: '重复', idNumber: r.idNumber },
      });
      expect(codeOf(res)).toBe('CONFLICT');
      const { message } = res.errors![0];
      expect(message).toMatch(/outside your jurisdiction/);
      for (const secret of [home.id, r.id, home.regionCode, '社区', '网格', r.name]) {
        expect(message).not.toContain(secret);
      }
    });
  });

  describe('changing', () => {
    it('when a resident is updated with a stale version, then CONFLICT; with the current one, the version goes up by one', async () => {
      const r = await resident(app, home.id, { as: staff });
      const ok = await staff.gql<{ updateResident: { version: number; name: string } }>(UPDATE_RESIDENT, {
        input: { id: r.id, expectedVersion: 1, name: '李四' },
      });
      expect(ok.data!.updateResident).toMatchObject({ version: 2, name: '李四' });
      const stale = await staff.gql(UPDATE_RESIDENT, {
        input: { id: r.id, expectedVersion: 1, name: '王五' },
      });
      expect(codeOf(stale)).toBe('CONFLICT');
      const [{ name, version }] = await app.db.query(`SELECT name, version FROM resident WHERE id = $1`, [
        r.id,
      ]);
      expect({ name, version }).toEqual({ name: '李四', version: 2 });
      const next = await staff.gql<{ updateResident: { version: number } }>(UPDATE_RESIDENT, {
        input: { id: r.id, expectedVersion: 2, name: '王五' },
      });
      expect(next.data!.updateResident.version).toBe(3);
    });

    it('when a household is moved, then its members move to the new region too', async () => {
      const h = await household(app, grids[0], { as: staff });
      const a = await resident(app, h.id, { as: staff });
      const b = await resident(app, h.id, { as: staff });
      const res = await staff.gql<{ moveHousehold: { regionCode: string; version: number } }>(
        `mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { regionCode version } }`,
        { input: { id: h.id, expectedVersion: 1, regionCode: grids[1] } },
      );
      expect(res.data!.moveHousehold).toEqual({ regionCode: grids[1], version: 2 });
      for (const r of [a, b]) {
        const read = await staff.gql<{ resident: { regionCode: string; region: { code: string } } }>(
          `query($id: ID!) { resident(id: $id) { regionCode region { code } } }`,
          { id: r.id },
        );
        expect(read.data!.resident).toEqual({ regionCode: grids[1], region: { code: grids[1] } });
      }
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM resident r JOIN region g ON g.code = $2
         WHERE r.household_id = $1 AND r.region_code = $2 AND r.region_path = g.path`,
        [h.id, grids[1]],
      );
      expect(n).toBe(2);
    });

    it("when a city admin moves a household into another district, then its members leave the old district's view and enter the new one's", async () => {
      const admin = await cityAdmin(app);
      const h = await household(app, grids[0], { as: staff });
      const r = await resident(app, h.id, { as: staff });
      const moved = await admin.gql(
        `mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`,
        {
          input: { id: h.id, expectedVersion: 1, regionCode: otherGrid },
        },
      );
      expect(moved.errors).toBeUndefined();
      const read = `query($id: ID!) { resident(id: $id) { id regionCode } }`;
      expect(codeOf(await staff.gql(read, { id: r.id }))).toBe('NOT_FOUND');
      const theirs = await otherStaff.gql<{ resident: { regionCode: string } }>(read, { id: r.id });
      expect(theirs.data?.resident.regionCode).toBe(otherGrid);
    });
  });

  describe('revealing', () => {
    it.each([
      ['empty', ''],
      ['blank', '    '],
      ['too short', '查看'],
      ['too long', '因'.repeat(201)],
    ])(
      'when the purpose is %s, then BAD_USER_INPUT on the field purpose and nothing is logged',
      async (_what, purpose) => {
        const r = await resident(app, home.id, { as: staff });
        const res = await staff.gql(REVEAL, { id: r.id, purpose });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions.field).toBe('purpose');
        expect(res.data).toBeNull();
        expect(await auditRows('resident.reveal', r.id)).toEqual([]);
      },
    );

    it('when no purpose is given at all, then BAD_USER_INPUT and no data', async () => {
      const r = await resident(app, home.id, { as: staff });
      const res = await staff.gql(`mutation($id: ID!) { revealResident(id: $id) { idNumber } }`, {
        id: r.id,
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.data).toBeUndefined();
      expect(await auditRows('resident.reveal', r.id)).toEqual([]);
    });

    it('when a grid worker asks to reveal, then FORBIDDEN and nothing is logged', async () => {
      const r = await resident(app, home.id, { as: staff });
      const res = await gridWorker.gql(REVEAL, { id: r.id, purpose: '核对身份信息' });
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await auditRows('resident.reveal', r.id)).toEqual([]);
    });

    it('when community staff reveal with a purpose, then the full values come back and the reveal is audited with the purpose', async () => {
      const r = await resident(app, home.id, { as: staff });
      const res = await staff.gql<{
        revealResident: { id: string; idNumber: string; birthDate: string; phone: string };
      }>(REVEAL, {
        id: r.id,
        purpose: '  办理低保核对身份  ',
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.revealResident).toEqual({
        id: r.id,
        idNumber: r.idNumber,
        birthDate: `${r.idNumber.slice(6, 10)}-${r.idNumber.slice(10, 12)}-${r.idNumber.slice(12, 14)}`,
        phone: r.phone,
      });
      const rows = await auditRows('resident.reveal', r.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId: staff.userId, purpose: '办理低保核对身份' });
      expect(rows[0].regionPath.replace(/\./g, ' ')).toContain(grids[0]);
      expect(JSON.stringify(rows[0].changes)).not.toContain(r.idNumber);
    });

    it('when the reveal fails after the audit row is written, then the audit row is rolled back with it', async () => {
      const r = await resident(app, home.id, { as: staff });
      await app.db.query(
        `UPDATE resident SET id_number_encrypted = 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE id = $1`,
        [r.id],
      );
      const res = await staff.gql(REVEAL, { id: r.id, purpose: '核对身份信息' });
      expect(codeOf(res)).toBe('INTERNAL');
      expect(res.data).toBeNull();
      expect(await auditRows('resident.reveal', r.id)).toEqual([]);
    });

    it('when the resident does not exist, then NOT_FOUND and nothing is logged', async () => {
      const id = '00000000-0000-4000-8000-000000000001';
      const res = await staff.gql(REVEAL, { id, purpose: '核对身份信息' });
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(await auditRows('resident.reveal', id)).toEqual([]);
    });
  });

  describe('the audit trail', () => {
    it('when a resident is read by id, then a resident.read row names the reader', async () => {
      const r = await resident(app, home.id, { as: staff });
      const res = await gridWorker.gql(`query($id: ID!) { resident(id: $id) { id idNumber } }`, { id: r.id });
      expect(res.errors).toBeUndefined();
      const rows = await auditRows('resident.read', r.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].actorId).toBe(gridWorker.userId);
    });

    it("when a household's members and head are read through the household, then one audit row per batch names them", async () => {
      const h = await household(app, grids[0], { as: staff });
      const members = [await resident(app, h.id, { as: staff }), await resident(app, h.id, { as: staff })];
      const headSet = await staff.gql(
        `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id } }`,
        { input: { id: h.id, expectedVersion: h.version, headResidentId: members[0].id } },
      );
      expect(headSet.errors).toBeUndefined();
      const res = await gridWorker.gql(
        `query($id: ID!) { household(id: $id) { members { id } head { id } } }`,
        {
          id: h.id,
        },
      );
      expect(res.errors).toBeUndefined();
      const rows = await app.db.query(
        `SELECT actor_id AS "actorId", changes FROM audit_event
         WHERE action = 'resident.list' AND changes->'returned' ?| $1 ORDER BY id`,
        [members.map((m) => m.id)],
      );
      expect(rows.map((r: { changes: { via: string } }) => r.changes.via).sort()).toEqual([
        'Household.head',
        'Household.members',
      ]);
      type Row = { changes: { via: string; returned: string[] } };
      const byVia = new Map<string, string[]>(rows.map((r: Row) => [r.changes.via, r.changes.returned]));
      expect(byVia.get('Household.members')?.sort()).toEqual(members.map((m) => m.id).sort());
      expect(byVia.get('Household.head')).toEqual([members[0].id]);
      expect(rows.every((r: { actorId: string }) => r.actorId === gridWorker.userId)).toBe(true);
    });

    it('when residents and households are written in every way, then each write has its audit row and no row holds a plaintext ID number or phone', async () => {
      const h = await household(app, grids[0], { as: staff });
      const r = await resident(app, h.id, { as: staff });
      const newPhone = fakeMobile();
      const other = await household(app, grids[0], { as: staff });
      const steps = [
        await staff.gql(UPDATE_RESIDENT, {
          input: { id: r.id, expectedVersion: 1, phone: newPhone, name: '赵六' },
        }),
        await staff.gql(
          `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id version } }`,
          { input: { id: h.id, expectedVersion: 1, address: '新地址1号', headResidentId: r.id } },
        ),
        await staff.gql(
          `mutation($input: MoveResidentInput!) { moveResident(input: $input) { id version } }`,
          {
            input: { id: r.id, expectedVersion: 2, householdId: other.id },
          },
        ),
        await staff.gql(`mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`, {
          input: { id: other.id, expectedVersion: 1, regionCode: grids[1] },
        }),
        await staff.gql(
          `query($n: String) { residents(filter: { idNumber: $n, purpose: "窗口办理业务核验身份" }) { totalCount } }`,
          {
            n: r.idNumber,
          },
        ),
      ];
      expect(steps.map((s) => s.errors)).toEqual(steps.map(() => undefined));

      const expected: [string, string][] = [
        ['household.register', h.id],
        ['resident.register', r.id],
        ['resident.update', r.id],
        ['household.update', h.id],
        ['resident.move', r.id],
        ['household.move_out', other.id],
        ['household.move', other.id],
      ];
      for (const [action, id] of expected) {
        const rows = await auditRows(action, id);
        expect(rows.length).toBeGreaterThanOrEqual(1);
        expect(rows.every((row: { actorId: string }) => row.actorId === staff.userId)).toBe(true);
      }
      const [registered] = await auditRows('resident.register', r.id);
      expect(registered.changes.idNumber).toEqual({ new: maskIdNumber(r.idNumber) });
      expect(registered.changes.phone).toEqual({ new: maskPhone(r.phone!) });
      const [updated] = await auditRows('resident.update', r.id);
      expect(updated.changes.phone).toEqual({ old: maskPhone(r.phone!), new: maskPhone(newPhone) });

      const text = await allAuditText();
      expect(text).toContain(maskIdNumber(r.idNumber));
      for (const secret of [r.idNumber, r.phone!, newPhone]) expect(text).not.toContain(secret);
    });

    it('when the whole audit log is scanned, then no ID number or phone registered in this file appears in the clear', async () => {
      const text = await allAuditText();
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM resident`);
      expect(n).toBeGreaterThan(5);
      // Every value this file registered was masked: a full 18-character ID number never appears.
      expect(text.match(/\b\d{17}[\dX]\b/g) ?? []).toEqual([]);
      expect(text.match(/\b1[3-9]\d{9}\b/g) ?? []).toEqual([]);
    });
  });
});
