import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  API_KEY_PERMISSIONS,
  API_KEY_SCOPES,
  PERMISSIONS,
  ROLES,
  type Action,
  type ApiKeyScope,
  type Role,
} from '@qiangji/domain';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { Client } from 'pg';
import { regionTree } from '../../test/factories';
import {
  cityAdmin,
  codeOf,
  fakeIdNumber,
  gridsOf,
  household,
  resident,
  type TestHousehold,
  type TestResident,
} from '../../test/people';
import { startTestApp, type GqlClient, type GraphQLResponse, type TestApp } from '../../test/test-app';

/**
 * The jurisdiction matrix: every role (and both API key scopes) of district A against the people of
 * its sibling district B. A caller without the action gets FORBIDDEN; one with it never learns that
 * B's rows exist (NOT_FOUND, or the same answer as for an id that exists nowhere).
 */

interface Who {
  label: string;
  actions: readonly Action[];
  role?: Role;
  scope?: ApiKeyScope;
}

const WHO: Who[] = [
  ...ROLES.map((role) => ({ label: role, actions: PERMISSIONS[role], role })),
  ...API_KEY_SCOPES.map((scope) => ({
    label: `${scope.toUpperCase()} API key`,
    actions: API_KEY_PERMISSIONS[scope],
    scope,
  })),
];

const article = (label: string) => (/^[AEIOU]/.test(label) ? 'an' : 'a');

interface District {
  code: string;
  path: string;
  grids: string[];
  households: TestHousehold[];
  residents: TestResident[];
  userId: string;
  apiKeyId: string;
}

/** Filled in beforeAll; the cases below read it when they run. */
const world = {
  A: {} as District,
  B: {} as District,
  clients: new Map<string, GqlClient>(),
};
const NOWHERE = '00000000-0000-4000-8000-000000000000';

type Res = GraphQLResponse<Record<string, unknown>>;

interface Case {
  /** "reads B's resident by id" */
  what: string;
  action: Action;
  /** What a caller allowed the action gets: an error code, or a description checked by `check`. */
  allowed: string;
  run(client: GqlClient): Promise<Res>;
  check?(res: Res): void;
}

const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);
const nodes = (res: Res, field: string) =>
  ((res.data?.[field] as { edges: { node: Record<string, string> }[] }) ?? { edges: [] }).edges.map(
    (e) => e.node,
  );

const READS: Case[] = [
  {
    what: "reads B's resident by id",
    action: 'resident:read',
    allowed: 'NOT_FOUND',
    run: (c) => c.gql(`query($id: ID!) { resident(id: $id) { id name } }`, { id: world.B.residents[0].id }),
  },
  {
    what: "reads B's household by id",
    action: 'household:read',
    allowed: 'NOT_FOUND',
    run: (c) =>
      c.gql(`query($id: ID!) { household(id: $id) { id address } }`, { id: world.B.households[0].id }),
  },
  {
    what: "lists residents with B's regionCode",
    action: 'resident:read',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(
        `query($code: String) { residents(filter: { regionCode: $code }) { totalCount edges { node { id } } } }`,
        {
          code: world.B.code,
        },
      ),
  },
  {
    what: "lists households with B's regionCode",
    action: 'household:read',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(
        `query($code: String) { households(filter: { regionCode: $code }) { totalCount edges { node { id } } } }`,
        {
          code: world.B.code,
        },
      ),
  },
  {
    what: 'lists residents with a grid of B as regionCode',
    action: 'resident:read',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(`query($code: String) { residents(filter: { regionCode: $code }) { totalCount } }`, {
        code: world.B.grids[0],
      }),
  },
  {
    what: "searches residents by the ID number of B's resident",
    action: 'resident:read',
    allowed: 'no rows',
    run: (c) =>
      c.gql(
        `query($n: String) { residents(filter: { idNumber: $n, purpose: "窗口办理业务核验身份" }) { totalCount edges { node { id } } } }`,
        {
          n: world.B.residents[0].idNumber,
        },
      ),
    check: (res) => expect(res.data).toEqual({ residents: { totalCount: 0, edges: [] } }),
  },
  {
    what: "lists the residents of B's household by householdId",
    action: 'resident:read',
    allowed: 'no rows',
    run: (c) =>
      c.gql(`query($h: ID) { residents(filter: { householdId: $h }) { totalCount edges { node { id } } } }`, {
        h: world.B.households[0].id,
      }),
    check: (res) => expect(res.data).toEqual({ residents: { totalCount: 0, edges: [] } }),
  },
  {
    what: 'lists residents without a filter',
    action: 'resident:read',
    allowed: "only A's rows",
    run: (c) => c.gql(`{ residents(first: 200) { totalCount edges { node { id regionCode } } } }`),
    check: (res) => {
      const rows = nodes(res, 'residents');
      expect(rows.map((r) => r.id).sort()).toEqual(ids(world.A.residents).sort());
      expect((res.data!.residents as { totalCount: number }).totalCount).toBe(world.A.residents.length);
      expect(rows.every((r) => r.regionCode.startsWith(world.A.code))).toBe(true);
    },
  },
  {
    what: 'lists households without a filter',
    action: 'household:read',
    allowed: "only A's rows",
    run: (c) => c.gql(`{ households(first: 200) { totalCount edges { node { id regionCode } } } }`),
    check: (res) => {
      const rows = nodes(res, 'households');
      expect(rows.map((r) => r.id).sort()).toEqual(ids(world.A.households).sort());
      expect((res.data!.households as { totalCount: number }).totalCount).toBe(world.A.households.length);
    },
  },
  {
    what: "lists the audit events of B's resident",
    action: 'audit:read',
    allowed: 'no rows',
    run: (c) =>
      c.gql(
        `query($id: String) { auditEvents(filter: { entityId: $id }) { totalCount edges { node { id } } } }`,
        {
          id: world.B.residents[0].id,
        },
      ),
    check: (res) => expect(res.data).toEqual({ auditEvents: { totalCount: 0, edges: [] } }),
  },
  {
    what: 'lists audit events without a filter',
    action: 'audit:read',
    allowed: "only A's events",
    run: (c) => c.gql(`{ auditEvents(first: 200) { totalCount edges { node { id entityId } } } }`),
    check: (res) => {
      const entities = new Set(nodes(res, 'auditEvents').map((e) => e.entityId));
      for (const id of [
        ...ids(world.B.residents),
        ...ids(world.B.households),
        world.B.userId,
        world.B.apiKeyId,
      ]) {
        expect(entities.has(id)).toBe(false);
      }
      for (const id of ids(world.A.residents)) expect(entities.has(id)).toBe(true);
    },
  },
  {
    what: "reads B's user by id",
    action: 'user:manage',
    allowed: 'NOT_FOUND',
    run: (c) => c.gql(`query($id: ID!) { user(id: $id) { id username } }`, { id: world.B.userId }),
  },
  {
    what: 'lists users',
    action: 'user:manage',
    allowed: "only A's users",
    run: (c) => c.gql(`{ users(first: 200) { edges { node { id jurisdiction { code } } } } }`),
    check: (res) => {
      const rows = res.data!.users as { edges: { node: { id: string; jurisdiction: { code: string } } }[] };
      expect(rows.edges.length).toBeGreaterThan(0);
      expect(rows.edges.every((e) => e.node.jurisdiction.code.startsWith(world.A.code))).toBe(true);
    },
  },
  {
    what: 'lists API keys',
    action: 'apiKey:manage',
    allowed: "only A's keys",
    run: (c) => c.gql(`{ apiKeys(first: 200) { edges { node { id region { code } } } } }`),
    check: (res) => {
      const rows = nodes(res, 'apiKeys');
      expect(rows.map((r) => r.id)).not.toContain(world.B.apiKeyId);
      expect(rows.length).toBeGreaterThan(0);
    },
  },
];

const WRITES: Case[] = [
  {
    what: 'registers a household in B',
    action: 'household:write',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, {
        input: { regionCode: world.B.grids[0], address: '越界登记' },
      }),
  },
  {
    what: "registers a resident into B's household",
    action: 'resident:write',
    allowed: 'BAD_USER_INPUT',
    run: (c) =>
      c.gql(`mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`, {
        input: { householdId: world.B.households[0].id, name: '越界居民', idNumber: fakeIdNumber() },
      }),
    check: (res) => expect(res.errors![0].extensions.field).toBe('householdId'),
  },
  {
    what: "updates B's resident",
    action: 'resident:write',
    allowed: 'NOT_FOUND',
    run: (c) =>
      c.gql(`mutation($input: UpdateResidentInput!) { updateResident(input: $input) { id } }`, {
        input: { id: world.B.residents[0].id, expectedVersion: 1, name: '改名' },
      }),
  },
  {
    what: "moves B's resident into A's household",
    action: 'resident:write',
    allowed: 'NOT_FOUND',
    run: (c) =>
      c.gql(`mutation($input: MoveResidentInput!) { moveResident(input: $input) { id } }`, {
        input: { id: world.B.residents[0].id, expectedVersion: 1, householdId: world.A.households[0].id },
      }),
  },
  {
    what: "moves A's resident into B's household",
    action: 'resident:write',
    allowed: 'BAD_USER_INPUT',
    run: (c) =>
      c.gql(`mutation($input: MoveResidentInput!) { moveResident(input: $input) { id } }`, {
        input: { id: world.A.residents[0].id, expectedVersion: 1, householdId: world.B.households[0].id },
      }),
    check: (res) => expect(res.errors![0].extensions.field).toBe('householdId'),
  },
  {
    what: "updates B's household",
    action: 'household:write',
    allowed: 'NOT_FOUND',
    run: (c) =>
      c.gql(`mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id } }`, {
        input: { id: world.B.households[0].id, expectedVersion: 1, address: '改地址' },
      }),
  },
  {
    what: "makes B's resident the head of A's household",
    action: 'household:write',
    allowed: 'BAD_USER_INPUT',
    run: (c) =>
      c.gql(`mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id } }`, {
        input: { id: world.A.households[0].id, expectedVersion: 1, headResidentId: world.B.residents[0].id },
      }),
    check: (res) => expect(res.errors![0].extensions.field).toBe('headResidentId'),
  },
  {
    what: "moves A's household into B",
    action: 'household:write',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(`mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`, {
        input: { id: world.A.households[0].id, expectedVersion: 1, regionCode: world.B.grids[0] },
      }),
  },
  {
    what: "moves B's household into A",
    action: 'household:write',
    allowed: 'NOT_FOUND',
    run: (c) =>
      c.gql(`mutation($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`, {
        input: { id: world.B.households[0].id, expectedVersion: 1, regionCode: world.A.grids[0] },
      }),
  },
  {
    what: "reveals B's resident",
    action: 'resident:reveal',
    allowed: 'NOT_FOUND',
    run: (c) =>
      c.gql(`mutation($id: ID!) { revealResident(id: $id, purpose: "核对身份信息") { id idNumber phone } }`, {
        id: world.B.residents[0].id,
      }),
  },
  {
    what: "disables B's user",
    action: 'user:manage',
    allowed: 'NOT_FOUND',
    run: (c) => c.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: world.B.userId }),
  },
  {
    what: 'creates a user in B',
    action: 'user:manage',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: {
          username: `intruder-${Math.random().toString(36).slice(2, 8)}`,
          displayName: '越界',
          password: 'long-enough-password',
          roles: ['CITY_ADMIN'],
          jurisdictionCode: world.B.code,
        },
      }),
  },
  {
    what: 'creates an API key for B',
    action: 'apiKey:manage',
    allowed: 'FORBIDDEN',
    run: (c) =>
      c.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
        input: { name: '越界', regionCode: world.B.code, scopes: ['WRITE'] },
      }),
  },
  {
    what: "revokes B's API key",
    action: 'apiKey:manage',
    allowed: 'NOT_FOUND',
    run: (c) => c.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: world.B.apiKeyId }),
  },
];

function matrix(cases: Case[]) {
  return WHO.flatMap((who) =>
    cases.map((c) => {
      const may = who.actions.includes(c.action);
      return {
        who: `${article(who.label)} ${who.label}`,
        label: who.label,
        what: c.what,
        then: may ? c.allowed : 'FORBIDDEN',
        may,
        c,
      };
    }),
  );
}

const isCode = (outcome: string) => /^[A-Z_]+$/.test(outcome);

/** Runs a case as the caller and checks the outcome the matrix says: an error code with no data, or `check`. */
async function expectOutcome(c: Case, may: boolean, then: string, label: string) {
  const res = await c.run(world.clients.get(label)!);
  if (isCode(then)) {
    expect(codeOf(res)).toBe(then);
    expect(res.data ?? null).toBeNull();
  } else {
    expect(res.errors).toBeUndefined();
  }
  if (may && c.check) c.check(res);
}

/** Every output type reachable from `from` through fields, the type itself included. */
function reachable(schema: GraphQLSchema, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    }
    if (isUnionType(type)) type.getTypes().forEach(visit);
  };
  visit(schema.getType(from)!);
  return seen;
}

/** A snapshot of B's people and accounts, to prove that no attempt changed anything. */
async function snapshotOf(app: TestApp, d: District) {
  const [row] = await app.db.query(
    `SELECT
       (SELECT json_agg(json_build_object('id', id, 'v', version, 'r', region_code, 'h', household_id, 'n', name, 'u', updated_at) ORDER BY id)
          FROM resident WHERE region_path <@ $1::ltree) AS residents,
       (SELECT json_agg(json_build_object('id', id, 'v', version, 'r', region_code, 'a', address, 'head', head_resident_id) ORDER BY id)
          FROM household WHERE region_path <@ $1::ltree) AS households,
       (SELECT json_agg(json_build_object('id', u.id, 'd', u.disabled_at, 'v', u.token_version) ORDER BY u.id)
          FROM app_user u WHERE u.jurisdiction_code LIKE $2) AS users,
       (SELECT json_agg(json_build_object('id', id, 'r', revoked_at) ORDER BY id) FROM api_key WHERE region_code LIKE $2) AS keys`,
    [d.path, `${d.code}%`],
  );
  return row;
}

describe('jurisdiction isolation between sibling districts', () => {
  let app: TestApp;
  let before: { A: unknown; B: unknown };

  beforeAll(async () => {
    app = await startTestApp();
    for (const name of ['A', 'B'] as const) {
      const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 2, name: `${name}区` });
      const admin = await cityAdmin(app);
      const [{ path: p }] = await app.db.query(`SELECT path::text AS path FROM region WHERE code = $1`, [
        tree.districtCode,
      ]);
      const grids = gridsOf(tree);
      const households = [await household(app, grids[0]), await household(app, grids[2])];
      const residents = [
        await resident(app, households[0].id),
        await resident(app, households[0].id),
        await resident(app, households[1].id),
      ];
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grids[0] });
      const key = await admin.gql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
        { input: { name: `${name}区系统`, regionCode: tree.districtCode, scopes: ['READ'] } },
      );
      world[name] = {
        code: tree.districtCode,
        path: p,
        grids,
        households,
        residents,
        userId: user.userId,
        apiKeyId: key.data!.createApiKey.apiKey.id,
      };
    }
    const admin = await cityAdmin(app);
    for (const who of WHO) {
      if (who.role) {
        world.clients.set(who.label, await app.signIn({ roles: [who.role], jurisdiction: world.A.code }));
      } else {
        const res = await admin.gql<{ createApiKey: { secret: string } }>(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
          {
            input: { name: `A区${who.scope}`, regionCode: world.A.code, scopes: [who.scope!.toUpperCase()] },
          },
        );
        world.clients.set(who.label, app.withCredential(res.data!.createApiKey.secret, 'x-api-key'));
      }
    }
    before = { A: await snapshotOf(app, world.A), B: await snapshotOf(app, world.B) };
  });
  afterAll(() => app.close());

  describe('(a, b) reads across the boundary', () => {
    it.each(matrix(READS))('when $who of A $what, then $then', ({ label, then, may, c }) =>
      expectOutcome(c, may, then, label),
    );
  });

  describe('(c) nested traversal', () => {
    const PEOPLE = new Set([
      'Resident',
      'Household',
      'RevealedResident',
      'AuditEvent',
      'User',
      'ApiKey',
      'SessionUser',
    ]);

    it('when the schema is walked from Region through every field, then no person, household, account or audit event is reachable', () => {
      const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema.graphql'), 'utf8'));
      const fromRegion = reachable(schema, 'Region');
      expect([...fromRegion].filter((name) => PEOPLE.has(name) || /Resident|Household/.test(name))).toEqual(
        [],
      );
      expect(fromRegion.has('RegionConnection')).toBe(true);
      // The walk does find people where there is a path, so the empty answer above is not the walk's failure.
      expect(reachable(schema, 'Resident').has('Household')).toBe(true);
      expect(reachable(schema, 'SessionUser').has('Region')).toBe(true);
    });

    const TRAVERSE = `query($id: ID!) {
      resident(id: $id) {
        id
        household {
          id head { id }
          members { id regionCode household { id members { id } } }
          region { parent { parent { parent { parent { code children(first: 50) { edges { node { code } } } } } } } }
        }
        region { code ancestors { code } }
      }
    }`;

    const readers = WHO.filter(
      (w) => w.actions.includes('resident:read') && w.actions.includes('household:read'),
    );
    it.each(readers.map((w) => ({ who: `${article(w.label)} ${w.label}`, label: w.label })))(
      "when $who of A walks from A's resident through household, members and regions, then nothing of B's people comes back",
      async ({ label }) => {
        const res = await world.clients.get(label)!.gql<{
          resident: { household: { id: string; members: { id: string; regionCode: string }[] } };
        }>(TRAVERSE, { id: world.A.residents[0].id });
        expect(res.errors).toBeUndefined();
        const text = JSON.stringify(res.data);
        for (const id of [...ids(world.B.residents), ...ids(world.B.households)])
          expect(text).not.toContain(id);
        const members = res.data!.resident.household.members;
        expect(members.map((m) => m.id).sort()).toEqual(
          world.A.residents
            .filter((r) => r.householdId === world.A.households[0].id)
            .map((r) => r.id)
            .sort(),
        );
        expect(members.every((m) => m.regionCode.startsWith(world.A.code))).toBe(true);
        // The region tree itself is shared reference data: B's district is visible as a region, not its people.
        expect(text).toContain(`"${world.B.code}"`);
      },
    );
  });

  describe('(d) writes across the boundary', () => {
    it.each(matrix(WRITES))('when $who of A $what, then $then', ({ label, then, may, c }) =>
      expectOutcome(c, may, then, label),
    );

    it("when a writer of A names B's household, then the answer is the one for a household that exists nowhere", async () => {
      const staff = world.clients.get('COMMUNITY_STAFF')!;
      const register = (householdId: string) =>
        staff.gql(`mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`, {
          input: { householdId, name: '越界居民', idNumber: fakeIdNumber() },
        });
      const b = await register(world.B.households[0].id);
      const none = await register(NOWHERE);
      expect(b.errors![0].message.replace(world.B.households[0].id, '<id>')).toBe(
        none.errors![0].message.replace(NOWHERE, '<id>'),
      );
      expect(b.errors![0].extensions).toEqual(none.errors![0].extensions);

      const resident = (id: string) => staff.gql(`query($id: ID!) { resident(id: $id) { id } }`, { id });
      const rb = await resident(world.B.residents[0].id);
      const rn = await resident(NOWHERE);
      expect(rb.errors![0].message.replace(world.B.residents[0].id, '<id>')).toBe(
        rn.errors![0].message.replace(NOWHERE, '<id>'),
      );
    });

    it('when every attempt has been made, then the people and accounts of A and B are exactly as they were', async () => {
      expect(await snapshotOf(app, world.B)).toEqual(before.B);
      const afterA = (await snapshotOf(app, world.A)) as { residents: unknown[]; households: unknown[] };
      const beforeA = before.A as typeof afterA;
      expect(afterA.residents).toEqual(beforeA.residents);
      expect(afterA.households).toEqual(beforeA.households);
    });
  });

  describe('row-level security in the database itself', () => {
    /** A transaction as the request role, with the scope given (or none), rolled back at the end. */
    async function asApp<T>(scope: string | null, work: (c: Client) => Promise<T>): Promise<T> {
      const client = new Client({ connectionString: app.databaseUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE qiangji_app');
        if (scope !== null) await client.query(`SELECT set_config('qiangji.scope', $1, true)`, [scope]);
        return await work(client);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    }
    const count = async (c: Client, table: string) =>
      (await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

    it('when the request role reads without a scope, then it sees no residents and no households, though rows exist', async () => {
      const [{ r, h }] = await app.db.query(
        `SELECT (SELECT count(*)::int FROM resident) AS r, (SELECT count(*)::int FROM household) AS h`,
      );
      expect(r).toBeGreaterThanOrEqual(6);
      expect(h).toBeGreaterThanOrEqual(4);
      await asApp(null, async (c) => {
        expect(await count(c, 'resident')).toBe(0);
        expect(await count(c, 'household')).toBe(0);
      });
      await asApp('', async (c) => {
        expect(await count(c, 'resident')).toBe(0);
        expect(await count(c, 'household')).toBe(0);
      });
    });

    it("when the scope is A's path, then exactly A's rows are visible", async () => {
      await asApp(world.A.path, async (c) => {
        const residents = (await c.query(`SELECT id::text AS id FROM resident`)).rows.map((x) => x.id);
        const households = (await c.query(`SELECT id::text AS id FROM household`)).rows.map((x) => x.id);
        expect(residents.sort()).toEqual(ids(world.A.residents).sort());
        expect(households.sort()).toEqual(ids(world.A.households).sort());
      });
    });

    it("when the request role with A's scope writes B's rows, then nothing changes and a new row in B is refused", async () => {
      await asApp(world.A.path, async (c) => {
        const upd = await c.query(`UPDATE resident SET name = 'x' WHERE id = $1`, [world.B.residents[0].id]);
        expect(upd.rowCount).toBe(0);
        await expect(
          c.query(`INSERT INTO household (region_code, address) VALUES ($1, '越界')`, [world.B.grids[0]]),
        ).rejects.toThrow(/row-level security/);
      });
      await asApp(world.A.path, async (c) => {
        // Moving an own household out of the jurisdiction is refused by the policy's WITH CHECK.
        await expect(
          c.query(`UPDATE household SET region_code = $2 WHERE id = $1`, [
            world.A.households[0].id,
            world.B.grids[0],
          ]),
        ).rejects.toThrow(/row-level security/);
      });
    });

    it.each([
      ['UPDATE audit_event SET action = action'],
      ['DELETE FROM audit_event'],
      ['TRUNCATE audit_event'],
      ['DELETE FROM resident'],
      ['DELETE FROM household'],
      ['TRUNCATE resident CASCADE'],
      ['DROP TABLE audit_event'],
      ['ALTER TABLE resident DISABLE ROW LEVEL SECURITY'],
    ])('when the request role runs %s, then it is refused', async (sql) => {
      await asApp(world.A.path, async (c) => {
        await expect(c.query(sql)).rejects.toThrow(/permission denied|must be owner/);
      });
    });

    it('when the request role is inspected, then it is no superuser, cannot bypass RLS and owns no table', async () => {
      const [role] = await app.db.query(
        `SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'qiangji_app'`,
      );
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
      const owned = await app.db.query(`SELECT tablename FROM pg_tables WHERE tableowner = 'qiangji_app'`);
      expect(owned).toEqual([]);
      const rls = await app.db.query(
        `SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('resident', 'household') ORDER BY relname`,
      );
      expect(rls).toEqual([
        { relname: 'household', relrowsecurity: true },
        { relname: 'resident', relrowsecurity: true },
      ]);
    });
  });
});
