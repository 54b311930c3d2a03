import {
  ID_NUMBER_LOOKUPS_PER_HOUR,
  idNumberCheckChar,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
} from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import { mapLimit } from '../../test/mediation';
import {
  cityAdmin,
  codeOf,
  fakeIdNumber,
  gridsOf,
  household,
  resident,
  type TestResident,
} from '../../test/people';
import {
  startTestApp,
  type GqlClient,
  type GraphQLResponse,
  type SignedIn,
  type TestApp,
} from '../../test/test-app';

/**
 * Exact ID-number lookups (issue 7 security item 1; catalogue case 27: a filter on a field the caller sees masked
 * must not become an oracle). A caller who sees `230102********0034` and the birth year has about 33 candidates
 * left; a lookup states a purpose, answers one number per request, is audited whether it finds someone or not
 * (case 38), and is limited per caller and hour (30, or 300 with resident:reveal), counted in the audit log.
 */

const PURPOSE = '窗口办理业务核验身份';
const LOOKUP = `query($n: String, $p: String) { residents(filter: { idNumber: $n, purpose: $p }) { totalCount edges { node { id } } } }`;
type Found = { residents: { totalCount: number; edges: { node: { id: string } }[] } };
type LookupRow = {
  purpose: string;
  changes: { returned: string[]; filter: { idNumber: string } };
  actorKind: string;
};

/** Every number a masked ID number and a birth year leave open: the dates of the year that fit the check character. */
function candidates(masked: string, birthYear: number): string[] {
  const out: string[] = [];
  for (
    let day = new Date(Date.UTC(birthYear, 0, 1));
    day.getUTCFullYear() === birthYear;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    const first17 = `${masked.slice(0, 6)}${day.toISOString().slice(0, 10).replaceAll('-', '')}${masked.slice(14, 17)}`;
    if (idNumberCheckChar(first17) === masked[17]) out.push(`${first17}${masked[17]}`);
  }
  return out;
}

describe('exact ID-number lookups (case 27)', () => {
  let app: TestApp;
  let district: string;
  let grid: string;
  let target: TestResident;
  let gridWorker: SignedIn;
  let admin: SignedIn;

  const lookup = (client: GqlClient, idNumber: string, purpose: string | null = PURPOSE) =>
    client.gql<Found>(LOOKUP, { n: idNumber, p: purpose });
  const lookupRows = (actorId: string): Promise<LookupRow[]> =>
    app.db.query(
      `SELECT purpose, changes, actor_kind AS "actorKind" FROM audit_event
       WHERE action = 'resident.lookup' AND actor_id = $1 ORDER BY id`,
      [actorId],
    );
  /**
   * Lookups a caller made earlier, written into the log the limit counts, as the API writes them: on the caller's
   * jurisdiction (the limit counts the rows the caller's scope shows).
   */
  const pastLookups = (
    actor: { kind: 'USER' | 'API_KEY'; id: string },
    n: number,
    minutesAgo: number,
    regionCode = grid,
  ) =>
    app.db.query(
      `INSERT INTO audit_event (actor_kind, actor_id, actor_name, roles, action, entity_type, changes, purpose, at, region_path)
       SELECT $1, $2::uuid, 'earlier', '{}', 'resident.lookup', 'Resident', '{"returned": []}', $3,
              now() - make_interval(mins => $4::int), (SELECT path FROM region WHERE code = $6)
       FROM generate_series(1, $5::int)`,
      [actor.kind, actor.id, PURPOSE, minutesAgo, n, regionCode],
    );
  const expectRateLimited = (res: GraphQLResponse, between: [number, number]) => {
    expect(codeOf(res)).toBe('RATE_LIMITED');
    expect(res.data ?? null).toBeNull();
    const retry = res.errors![0].extensions.retryAfterSeconds as number;
    expect(retry).toBeGreaterThanOrEqual(between[0]);
    expect(retry).toBeLessThanOrEqual(between[1]);
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    district = tree.districtCode;
    grid = gridsOf(tree)[0];
    admin = await cityAdmin(app);
    const home = await household(app, grid);
    // Born late in the year: the candidates tried in date order reach this one after the hourly limit.
    target = await resident(app, home.id, { idNumber: makeIdNumber('230102', '1980-12-27', 123) });
    gridWorker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
  });
  afterAll(() => app.close());

  describe('a lookup is one act with a purpose', () => {
    it.each([[null], [''], ['查'], ['   ']])(
      'when the purpose is %j, then BAD_USER_INPUT on purpose, no resident and no lookup recorded',
      async (purpose) => {
        const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
        const res = await lookup(caller, target.idNumber, purpose);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions.field).toBe('purpose');
        expect(res.data ?? null).toBeNull();
        expect(await lookupRows(caller.userId)).toEqual([]);
      },
    );

    it('when a lookup finds the resident, then that resident only, and a resident.lookup row with the masked number, the purpose and the id returned', async () => {
      const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      const res = await lookup(caller, target.idNumber);
      expect(res.errors).toBeUndefined();
      expect(res.data!.residents).toEqual({ totalCount: 1, edges: [{ node: { id: target.id } }] });
      const rows = await lookupRows(caller.userId);
      expect(rows).toEqual([
        {
          actorKind: 'USER',
          purpose: PURPOSE,
          changes: expect.objectContaining({
            returned: [target.id],
            filter: expect.objectContaining({ idNumber: maskIdNumber(target.idNumber) }),
          }),
        },
      ]);
      expect(JSON.stringify(rows)).not.toContain(target.idNumber);
    });

    it('when a lookup finds nobody, then it is recorded all the same, with nothing returned', async () => {
      const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      const nobody = fakeIdNumber();
      const res = await lookup(caller, nobody);
      expect(res.data!.residents).toEqual({ totalCount: 0, edges: [] });
      const rows = await lookupRows(caller.userId);
      expect(rows).toHaveLength(1);
      expect(rows[0].changes).toMatchObject({ returned: [], filter: { idNumber: maskIdNumber(nobody) } });
      expect(JSON.stringify(rows)).not.toContain(nobody);
    });

    it('when two lookups are aliased in one request, then BAD_USER_INPUT on idNumber and no resident comes back', async () => {
      const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      for (const second of [fakeIdNumber(), target.idNumber]) {
        const res = await caller.gql<Found>(
          `query($a: String, $b: String) {
            a: residents(filter: { idNumber: $a, purpose: "${PURPOSE}" }) { edges { node { id } } }
            b: residents(filter: { idNumber: $b, purpose: "${PURPOSE}" }) { edges { node { id } } }
          }`,
          { a: target.idNumber, b: second },
        );
        expect(res.errors!.map((e) => [e.extensions.code, e.extensions.field])).toEqual([
          ['BAD_USER_INPUT', 'idNumber'],
        ]);
        expect(res.errors![0].message).toBe('Look up one ID number per request.');
        expect(res.data ?? null).toBeNull();
      }
      // At most one lookup ran in each request. Its row may be missing: the refusal ends the request (the response
      // is data: null) while the other field still runs, so its read is neither answered nor, then, recorded.
      expect((await lookupRows(caller.userId)).length).toBeLessThanOrEqual(2);
    });

    it('when the number is malformed, then BAD_USER_INPUT on idNumber without the number, and nothing counted', async () => {
      const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      const wrongCheck = `${target.idNumber.slice(0, 17)}${target.idNumber[17] === '0' ? '1' : '0'}`;
      expect(isValidIdNumber(wrongCheck)).toBe(false);
      const res = await lookup(caller, wrongCheck);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('idNumber');
      expect(res.errors![0].message).not.toContain(wrongCheck.slice(6, 14));
      expect(await lookupRows(caller.userId)).toEqual([]);
    });
  });

  describe('the hourly limit per caller', () => {
    it('when a grid worker tries the candidates of a masked number one request each, then after 30 every lookup is RATE_LIMITED for about an hour, before the number is found', async () => {
      const read = await gridWorker.gql<{ resident: { idNumber: string; birthYear: number } }>(
        `query($id: ID!) { resident(id: $id) { idNumber birthYear } }`,
        { id: target.id },
      );
      const { idNumber: masked, birthYear } = read.data!.resident;
      expect(masked).toBe(maskIdNumber(target.idNumber));
      const guesses = candidates(masked, birthYear);
      // What the mask and the birth year leave: a few dozen numbers; this resident is late among them.
      expect(guesses.length).toBeGreaterThan(ID_NUMBER_LOOKUPS_PER_HOUR.standard);
      expect(guesses.indexOf(target.idNumber)).toBeGreaterThanOrEqual(ID_NUMBER_LOOKUPS_PER_HOUR.standard);

      const answers: GraphQLResponse<Found>[] = [];
      for (const guess of guesses) answers.push(await lookup(gridWorker, guess));
      const served = answers.filter((a) => !a.errors);
      expect(served).toHaveLength(ID_NUMBER_LOOKUPS_PER_HOUR.standard);
      expect(served.every((a) => a.data!.residents.totalCount === 0)).toBe(true);
      for (const refused of answers.slice(ID_NUMBER_LOOKUPS_PER_HOUR.standard))
        expectRateLimited(refused, [3500, 3600]);

      // The auditor sees the pattern: 30 lookups of one masked number by one caller, none of them found.
      const rows = await lookupRows(gridWorker.userId);
      expect(rows).toHaveLength(ID_NUMBER_LOOKUPS_PER_HOUR.standard);
      expect(new Set(rows.map((r) => r.changes.filter.idNumber))).toEqual(new Set([masked]));
      expect(rows.every((r) => r.changes.returned.length === 0)).toBe(true);
    });

    it('when one caller is limited, then another caller still looks up', async () => {
      const other = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      expectRateLimited(await lookup(gridWorker, target.idNumber), [1, 3600]);
      expect((await lookup(other, target.idNumber)).data!.residents.totalCount).toBe(1);
    });

    it('when a read API key has looked up 29 numbers in the last ten minutes, then one more is served and the next waits until the oldest is an hour old', async () => {
      const res = await admin.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
        { input: { name: '窗口核验系统', regionCode: district, scopes: ['READ'] } },
      );
      const { secret, apiKey } = res.data!.createApiKey;
      const key = app.withCredential(secret, 'x-api-key');
      await pastLookups(
        { kind: 'API_KEY', id: apiKey.id },
        ID_NUMBER_LOOKUPS_PER_HOUR.standard - 1,
        10,
        district,
      );
      expect((await lookup(key, target.idNumber)).data!.residents.totalCount).toBe(1);
      expectRateLimited(await lookup(key, target.idNumber), [49 * 60, 50 * 60]);
      const rows = await lookupRows(apiKey.id);
      expect(rows.at(-1)).toMatchObject({ actorKind: 'API_KEY', changes: { returned: [target.id] } });
    });

    it('when the lookups of a caller are more than an hour old, then they no longer count', async () => {
      const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      await pastLookups({ kind: 'USER', id: caller.userId }, ID_NUMBER_LOOKUPS_PER_HOUR.standard, 61);
      expect((await lookup(caller, target.idNumber)).errors).toBeUndefined();
    });

    it('when a caller who may reveal has made 299 lookups this hour, then the 300th is served and the 301st is RATE_LIMITED', async () => {
      const officer = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: grid });
      await pastLookups({ kind: 'USER', id: officer.userId }, ID_NUMBER_LOOKUPS_PER_HOUR.withReveal - 1, 30);
      expect((await lookup(officer, target.idNumber)).data!.residents.totalCount).toBe(1);
      expectRateLimited(await lookup(officer, target.idNumber), [29 * 60, 30 * 60]);
    });

    it('when ten lookups arrive at once with five left in the hour, then exactly five are served: the count cannot be overrun in parallel', async () => {
      const caller = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      await pastLookups({ kind: 'USER', id: caller.userId }, ID_NUMBER_LOOKUPS_PER_HOUR.standard - 5, 5);
      const answers = await mapLimit(
        Array.from({ length: 10 }, () => fakeIdNumber()),
        10,
        (n) => lookup(caller, n),
      );
      expect(answers.filter((a) => !a.errors)).toHaveLength(5);
      expect(answers.filter((a) => codeOf(a) === 'RATE_LIMITED')).toHaveLength(5);
      expect(await lookupRows(caller.userId)).toHaveLength(ID_NUMBER_LOOKUPS_PER_HOUR.standard);
    });
  });
});
