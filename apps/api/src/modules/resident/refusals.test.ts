import { randomUUID } from 'node:crypto';
import { regionTree } from '../../test/factories';
import { cityAdmin, codeOf, gridsOf, household, resident, type TestResident } from '../../test/people';
import { startTestApp, type GqlClient, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * Refusals leave a trace (issue 7 security item 9, catalogue case 23): reading, revealing, updating or moving a
 * resident outside the caller's jurisdiction answers NOT_FOUND, the same as for an id that exists nowhere, and
 * records who tried what and when (`resident.<act>_refused`, the id asked for in `changes.attemptedId`), without
 * the resident's data. The record is committed although the request failed.
 */

interface Attempt {
  act: string;
  run(
    client: GqlClient,
    id: string,
  ): Promise<{ errors?: { extensions: { code: string } }[]; data?: unknown }>;
}

const ATTEMPTS: Attempt[] = [
  {
    act: 'read',
    run: (c, id) => c.gql(`query($id: ID!) { resident(id: $id) { id name } }`, { id }),
  },
  {
    act: 'reveal',
    run: (c, id) =>
      c.gql(`mutation($id: ID!) { revealResident(id: $id, purpose: "核对身份信息") { id idNumber } }`, {
        id,
      }),
  },
  {
    act: 'update',
    run: (c, id) =>
      c.gql(`mutation($input: UpdateResidentInput!) { updateResident(input: $input) { id } }`, {
        input: { id, expectedVersion: 1, name: '改名' },
      }),
  },
  {
    act: 'move',
    run: (c, id) =>
      c.gql(`mutation($input: MoveResidentInput!) { moveResident(input: $input) { id } }`, {
        input: { id, expectedVersion: 1, householdId: world.ownHousehold },
      }),
  },
];

const world = { ownHousehold: '' };

describe('refusals of personal data are audited (case 23)', () => {
  let app: TestApp;
  let streetA: string;
  let staffA: SignedIn;
  let theirs: TestResident;
  let theirsBefore: unknown;

  type Row = {
    action: string;
    entityId: string | null;
    changes: { attemptedId: string };
    actorId: string;
    regionPath: string;
    text: string;
  };
  const refusals = (actorId: string): Promise<Row[]> =>
    app.db.query(
      `SELECT action, entity_id AS "entityId", changes, actor_id AS "actorId", region_path::text AS "regionPath", a::text AS text
       FROM audit_event a WHERE actor_id = $1 AND action LIKE '%\\_refused' ORDER BY id`,
      [actorId],
    );
  const snapshot = (id: string) =>
    app.db.query(`SELECT name, household_id, version, updated_at FROM resident WHERE id = $1`, [id]);

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 1, grids: 1 });
    const streets = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    const grids = gridsOf(tree);
    streetA = streets[0];
    await cityAdmin(app);
    world.ownHousehold = (await household(app, grids[0])).id;
    theirs = await resident(app, (await household(app, grids[1])).id, { name: '乙街道居民' });
    theirsBefore = await snapshot(theirs.id);
    staffA = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetA });
  });
  afterAll(() => app.close());

  it.each(ATTEMPTS)(
    "when street A's officer tries to $act street B's resident, then NOT_FOUND and a refusal row (resident.…_refused) naming the attempt, without the resident's data",
    async ({ act, run }) => {
      const caller = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetA });
      const res = await run(caller, theirs.id);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data ?? null).toBeNull();
      const rows = await refusals(caller.userId);
      expect(rows).toEqual([
        {
          action: `resident.${act}_refused`,
          entityId: null,
          changes: { attemptedId: theirs.id },
          actorId: caller.userId,
          regionPath: expect.stringMatching(new RegExp(`\\.${streetA}$`)),
          text: expect.any(String),
        },
      ]);
      for (const value of [
        theirs.name,
        theirs.maskedIdNumber,
        theirs.idNumber,
        theirs.phone!,
        theirs.maskedPhone!,
      ])
        expect(rows[0].text).not.toContain(value);
      expect(await snapshot(theirs.id)).toEqual(theirsBefore);
    },
  );

  it.each(ATTEMPTS)(
    'when the id to $act exists nowhere, then the same answer and the same kind of row: a refusal tells nothing about existence',
    async ({ act, run }) => {
      const caller = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetA });
      const nowhere = randomUUID();
      const [outside, missing] = [await run(caller, theirs.id), await run(caller, nowhere)];
      expect(outside.errors![0].extensions).toEqual(missing.errors![0].extensions);
      const rows = await refusals(caller.userId);
      expect(rows.map((r) => [r.action, r.changes.attemptedId])).toEqual([
        [`resident.${act}_refused`, theirs.id],
        [`resident.${act}_refused`, nowhere],
      ]);
    },
  );

  it('when an id is malformed, then BAD_USER_INPUT and no refusal is recorded: no record was asked for', async () => {
    const caller = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetA });
    for (const { run } of ATTEMPTS) expect(codeOf(await run(caller, 'x'))).toBe('BAD_USER_INPUT');
    expect(await refusals(caller.userId)).toEqual([]);
  });

  it('when a query reads a resident outside beside a household inside, then the request fails and the refusal’s record stands', async () => {
    const caller = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetA });
    const res = await caller.gql(
      `query($theirs: ID!, $h: ID!) { resident(id: $theirs) { id } household(id: $h) { id } }`,
      { theirs: theirs.id, h: world.ownHousehold },
    );
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect((await refusals(caller.userId)).map((r) => r.action)).toEqual(['resident.read_refused']);
  });

  it("when A's auditor reads the log, then A's refusals are there; B's auditor does not see A's staff's attempts", async () => {
    const auditorA = await app.signIn({ roles: ['AUDITOR'], jurisdiction: streetA });
    const auditorB = await app.signIn({ roles: ['AUDITOR'], jurisdiction: theirs.regionCode.slice(0, 9) });
    await ATTEMPTS[0].run(staffA, theirs.id);
    const read = (auditor: SignedIn) =>
      auditor.gql<{
        auditEvents: { edges: { node: { actorId: string; changes: { attemptedId: string } } }[] };
      }>(
        `{ auditEvents(first: 200, filter: { action: ["resident.read_refused"] }) { edges { node { actorId changes } } } }`,
      );
    const seenByA = (await read(auditorA)).data!.auditEvents.edges.map((e) => e.node);
    expect(seenByA).toEqual(
      expect.arrayContaining([{ actorId: staffA.userId, changes: { attemptedId: theirs.id } }]),
    );
    expect((await read(auditorB)).data!.auditEvents.edges).toEqual([]);
  });
});
