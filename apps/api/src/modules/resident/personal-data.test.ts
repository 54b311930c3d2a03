import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../../common/personal-data';
import { regionTree } from '../../test/factories';
import { mediator, organization, registerCase } from '../../test/mediation';
import { cityAdmin, gridsOf, household, resident, type TestResident } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * Personal data at rest and through nested fields (catalogue cases 25, 39) and stored passwords (case 55).
 */

describe('personal data at rest and across jurisdictions', () => {
  let app: TestApp;
  let admin: SignedIn;
  let officerA: SignedIn;
  let theirs: TestResident;
  let streets: string[];
  let communityA: string;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 1, grids: 1 });
    streets = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    communityA = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const grids = gridsOf(tree);
    admin = await cityAdmin(app);
    theirs = await resident(app, (await household(app, grids[1])).id);
    officerA = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streets[0] });
    await mediator(app.db, communityA, [await organization(app.db, communityA)]);
  });
  afterAll(() => app.close());

  it("when a case of street A names a resident of street B as a party, then A's officer sees the party's name as recorded and no resident, and nothing of B's registry (case 25)", async () => {
    // Only a caller who sees both streets can link them: the city administrator.
    const c = await registerCase(admin, communityA, {
      parties: [
        { role: 'APPLICANT', residentId: theirs.id },
        { role: 'RESPONDENT', name: '李某' },
      ],
    });
    const READ = `query($id: ID!) { disputeCase(id: $id) { parties { role name resident { id idNumber phone household { id } } } } }`;
    type Read = {
      disputeCase: {
        parties: { role: string; name: string; resident: { id: string; idNumber: string } | null }[];
      };
    };
    const seenByA = await officerA.gql<Read>(READ, { id: c.id });
    expect(seenByA.errors).toBeUndefined();
    const applicant = seenByA.data!.disputeCase.parties.find((p) => p.role === 'APPLICANT')!;
    expect(applicant).toEqual({ role: 'APPLICANT', name: theirs.name, resident: null });
    // The city administrator sees the same party linked, and the number masked.
    const seenByCity = await admin.gql<Read>(READ, { id: c.id });
    expect(seenByCity.data!.disputeCase.parties.find((p) => p.role === 'APPLICANT')!.resident).toMatchObject({
      id: theirs.id,
      idNumber: theirs.maskedIdNumber,
    });
  });

  it('when the stored columns are read directly, then the ID number and phone are ciphertext, and the keyed hash finds the resident (case 39)', async () => {
    const cipher = new PersonalDataCipher(app.secrets.dataKey);
    const [row] = await app.db.query(
      `SELECT id_number_encrypted AS "idNumber", phone_encrypted AS phone, id_number_hmac AS hmac FROM resident WHERE id = $1`,
      [theirs.id],
    );
    expect(row.idNumber).toMatch(/^v1:/);
    expect(row.phone).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(theirs.idNumber);
    expect(JSON.stringify(row)).not.toContain(theirs.phone!);
    expect(cipher.decrypt(row.idNumber)).toBe(theirs.idNumber);
    const [{ id }] = await app.db.query(`SELECT id FROM resident WHERE id_number_hmac = $1`, [
      cipher.hmac(theirs.idNumber),
    ]);
    expect(id).toBe(theirs.id);
  });

  it('when another data key is used, then decryption fails instead of returning anything, and its hash finds no one (case 39)', async () => {
    const wrong = new PersonalDataCipher(randomBytes(32));
    const [row] = await app.db.query(
      `SELECT id_number_encrypted AS "idNumber", phone_encrypted AS phone FROM resident WHERE id = $1`,
      [theirs.id],
    );
    expect(() => wrong.decrypt(row.idNumber)).toThrow();
    expect(() => wrong.decrypt(row.phone)).toThrow();
    // A value changed in place is refused too (GCM's tag), even with the right key.
    const right = new PersonalDataCipher(app.secrets.dataKey);
    const tampered = `${row.idNumber.slice(0, -4)}${row.idNumber.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(() => right.decrypt(tampered)).toThrow();
    const found = await app.db.query(`SELECT id FROM resident WHERE id_number_hmac = $1`, [
      wrong.hmac(theirs.idNumber),
    ]);
    expect(found).toEqual([]);
  });

  it('when an account is created through the API, then its password is stored as argon2id with 19 MiB and 2 passes (case 55)', async () => {
    const res = await admin.gql<{ createUser: { id: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          username: `hash-check-${Date.now()}`,
          displayName: '口令检查',
          password: 'a-long-enough-password',
          roles: ['GRID_WORKER'],
          jurisdictionCode: streets[0],
        },
      },
    );
    const [{ hash }] = await app.db.query(`SELECT password_hash AS hash FROM app_user WHERE id = $1`, [
      res.data!.createUser.id,
    ]);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('a-long-enough-password');
  });
});
