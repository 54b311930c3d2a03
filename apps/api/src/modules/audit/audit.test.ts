import { regionTree } from '../../test/factories';
import { cityAdmin, codeOf, gridsOf, household, resident } from '../../test/people';
import { startTestApp, type GqlClient, type SignedIn, type TestApp } from '../../test/test-app';

type Event = {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorKind: string;
  purpose: string | null;
};
type Page = {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Event }[];
  };
};

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at action entityType entityId actorId actorKind purpose } }
  }
}`;

describe('the audit log', () => {
  let app: TestApp;
  let admin: SignedIn;
  let cityAuditor: SignedIn;
  let auditorOfA: SignedIn;
  let a: { code: string; path: string; residents: string[]; households: string[] };
  let b: { code: string; path: string; residents: string[]; households: string[] };

  async function district() {
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 2 });
    const [{ path }] = await app.db.query(`SELECT path::text AS path FROM region WHERE code = $1`, [
      tree.districtCode,
    ]);
    const grid = gridsOf(tree)[0];
    const h = await household(app, grid);
    const residents = [(await resident(app, h.id)).id, (await resident(app, h.id)).id];
    return { code: tree.districtCode, path, residents, households: [h.id] };
  }

  beforeAll(async () => {
    app = await startTestApp();
    a = await district();
    b = await district();
    admin = await cityAdmin(app);
    cityAuditor = await app.signIn({ roles: ['AUDITOR'], jurisdiction: '230100' });
    auditorOfA = await app.signIn({ roles: ['AUDITOR'], jurisdiction: a.code });
    // An event of long ago, for the date filters.
    await app.db.query(
      `INSERT INTO audit_event (at, actor_kind, actor_name, action, entity_type, entity_id, region_path)
       VALUES ('2020-01-15 12:00:00+08', 'SYSTEM', 'system', 'test.old', 'Test', 'old-1', $1::ltree)`,
      [a.path],
    );
  });
  afterAll(() => app.close());

  const page = (client: GqlClient, variables: Record<string, unknown> = {}) =>
    client.gql<Page>(EVENTS, variables);
  const dbCount = async (where: string, params: unknown[] = []) =>
    (await app.db.query(`SELECT count(*)::int AS n FROM audit_event a WHERE ${where}`, params))[0]
      .n as number;

  it.each([
    ['an AUDITOR', () => cityAuditor],
    ['a CITY_ADMIN', () => admin],
  ])('when %s of the city reads the log, then every event comes back, newest first', async (_who, client) => {
    const res = await page(client(), { first: 200 });
    expect(res.errors).toBeUndefined();
    const ids = res.data!.auditEvents.edges.map((e) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    // (The back-dated test.old row was inserted last, so it is left out of the time order.)
    const times = res
      .data!.auditEvents.edges.filter((e) => e.node.action !== 'test.old')
      .map((e) => Date.parse(e.node.at));
    expect(times.slice(0, -1).every((t, i) => t >= times[i + 1])).toBe(true);
    expect(res.data!.auditEvents.totalCount).toBe(await dbCount('true'));
    const actions = new Set(res.data!.auditEvents.edges.map((e) => e.node.action));
    for (const action of ['household.register', 'resident.register', 'auth.login', 'test.old']) {
      expect(actions).toContain(action);
    }
  });

  it('when the log is read page by page, then the pages follow one another without overlap or gap', async () => {
    const total = await dbCount('true');
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const res: Awaited<ReturnType<typeof page>> = await page(cityAuditor, { first: 4, after });
      expect(res.errors).toBeUndefined();
      expect(res.data!.auditEvents.totalCount).toBe(total);
      seen.push(...res.data!.auditEvents.edges.map((e) => e.node.id));
      if (!res.data!.auditEvents.pageInfo.hasNextPage) break;
      after = res.data!.auditEvents.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((x, y) => y - x));
  });

  it('when filtered by action and entity type, then only those events come back', async () => {
    const byAction = await page(cityAuditor, { filter: { action: ['resident.register'] }, first: 200 });
    expect(byAction.data!.auditEvents.edges.every((e) => e.node.action === 'resident.register')).toBe(true);
    expect(byAction.data!.auditEvents.totalCount).toBe(4);
    expect(byAction.data!.auditEvents.edges.map((e) => e.node.entityId).sort()).toEqual(
      [...a.residents, ...b.residents].sort(),
    );

    const two = await page(cityAuditor, { filter: { action: ['resident.register', 'household.register'] } });
    expect(two.data!.auditEvents.totalCount).toBe(6);

    const byType = await page(cityAuditor, { filter: { entityType: 'Household' }, first: 200 });
    expect(byType.data!.auditEvents.totalCount).toBe(await dbCount(`entity_type = 'Household'`));
    expect(byType.data!.auditEvents.edges.every((e) => e.node.entityType === 'Household')).toBe(true);

    const byEntity = await page(cityAuditor, { filter: { entityId: a.residents[0] } });
    expect(byEntity.data!.auditEvents.edges.map((e) => e.node.action)).toEqual(['resident.register']);

    const byActor = await page(cityAuditor, {
      filter: { actorId: admin.userId, action: ['household.register'] },
    });
    expect(byActor.data!.auditEvents.totalCount).toBe(2);
  });

  it('when filtered by day, then from and to are inclusive days', async () => {
    const day = await page(cityAuditor, { filter: { from: '2020-01-15', to: '2020-01-15' } });
    expect(day.data!.auditEvents.edges.map((e) => e.node.action)).toEqual(['test.old']);
    const before = await page(cityAuditor, { filter: { to: '2020-01-14' } });
    expect(before.data!.auditEvents.totalCount).toBe(0);
    const after = await page(cityAuditor, { filter: { from: '2020-01-16' } });
    expect(after.data!.auditEvents.totalCount).toBe((await dbCount('true')) - 1);
    const future = await page(cityAuditor, { filter: { from: '2999-01-01' } });
    expect(future.data!.auditEvents.totalCount).toBe(0);
  });

  it.each([['SUPERVISOR'], ['GRID_WORKER'], ['DISTRICT_OFFICER']] as const)(
    'when a %s reads the log, then FORBIDDEN',
    async (role) => {
      const client = await app.signIn({ roles: [role], jurisdiction: a.code });
      const res = await page(client);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    },
  );

  it("when an auditor of district A reads the log, then it sees A's events only, all of them", async () => {
    const res = await page(auditorOfA, { first: 200 });
    expect(res.errors).toBeUndefined();
    const { totalCount, edges } = res.data!.auditEvents;
    expect(totalCount).toBe(await dbCount(`region_path <@ $1::ltree`, [a.path]));
    expect(edges).toHaveLength(totalCount);
    const outside = await app.db.query(
      `SELECT id::text FROM audit_event WHERE id::text = ANY($1) AND (region_path IS NULL OR NOT region_path <@ $2::ltree)`,
      [edges.map((e) => e.node.id), a.path],
    );
    expect(outside).toEqual([]);
    const entities = new Set(edges.map((e) => e.node.entityId));
    for (const id of [...a.residents, ...a.households]) expect(entities).toContain(id);
    for (const id of [...b.residents, ...b.households]) expect(entities).not.toContain(id);
  });

  it("when an auditor of A filters for B's resident, then nothing comes back", async () => {
    const res = await page(auditorOfA, { filter: { entityId: b.residents[0] } });
    expect(res.data!.auditEvents).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("when an API key of A is created and revoked, then A's auditor sees both events", async () => {
    const created = await admin.gql<{ createApiKey: { apiKey: { id: string } } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
      { input: { name: 'A区系统', regionCode: a.code, scopes: ['READ'] } },
    );
    const id = created.data!.createApiKey.apiKey.id;
    await admin.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id });
    const res = await page(auditorOfA, { filter: { entityId: id } });
    expect(res.data!.auditEvents.edges.map((e) => e.node.action)).toEqual(['apiKey.revoke', 'apiKey.create']);
  });
});
