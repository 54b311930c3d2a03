import { regionTree } from '../../test/factories';
import { startTestApp, type GqlClient, type GraphQLResponse, type TestApp } from '../../test/test-app';

const DISTRICTS = [
  ['230102', '道里区'],
  ['230103', '南岗区'],
  ['230104', '道外区'],
  ['230108', '平房区'],
  ['230109', '松北区'],
  ['230110', '香坊区'],
  ['230111', '呼兰区'],
  ['230112', '阿城区'],
  ['230113', '双城区'],
  ['230123', '依兰县'],
  ['230124', '方正县'],
  ['230125', '宾县'],
  ['230126', '巴彦县'],
  ['230127', '木兰县'],
  ['230128', '通河县'],
  ['230129', '延寿县'],
  ['230183', '尚志市'],
  ['230184', '五常市'],
];

type Page = {
  regions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { code: string; name: string } }[];
  };
};

const PAGE = `query Page($filter: RegionFilter, $first: Int, $after: String, $offset: Int, $orderBy: RegionOrderBy) {
  regions(filter: $filter, first: $first, after: $after, offset: $offset, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code name } }
  }
}`;

describe('the region tree over GraphQL', () => {
  let app: TestApp;
  let api: GqlClient;

  beforeAll(async () => {
    // A copy of the run's seeded demo; the first file to ask seeds it (on a busy machine, a minute and more).
    app = await startTestApp({}, { seeded: true });
    // The region tree is reference data: any signed-in caller reads all of it, whatever its jurisdiction.
    api = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: '230102010003001' });
  }, 180_000);
  afterAll(() => app.close());

  async function allPages(variables: Record<string, unknown>) {
    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const res: GraphQLResponse<Page> = await api.gql<Page>(PAGE, { ...variables, after });
      expect(res.errors).toBeUndefined();
      totals.add(res.data!.regions.totalCount);
      seen.push(...res.data!.regions.edges.map((e) => e.node.code));
      if (!res.data!.regions.pageInfo.hasNextPage) break;
      after = res.data!.regions.pageInfo.endCursor;
    }
    return { seen, totals: [...totals] };
  }

  it('when the city is asked for its children, then the 18 districts and counties come back with their real names', async () => {
    const res = await api.gql<{
      region: {
        name: string;
        children: { totalCount: number; edges: { node: { code: string; name: string } }[] };
      };
    }>(`{ region(code: "230100") { name children(first: 50) { totalCount edges { node { code name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.region.name).toBe('哈尔滨市');
    expect(res.data!.region.children.totalCount).toBe(18);
    expect(res.data!.region.children.edges.map((e) => [e.node.code, e.node.name])).toEqual(DISTRICTS);
  });

  it('when listing the communities within 道里区, then 上红社区 is found and paging visits each one exactly once', async () => {
    const filter = { withinCode: '230102', level: 'COMMUNITY' };
    const { seen, totals } = await allPages({ filter, first: 7 });
    expect(seen).toContain('230102010003');
    expect(new Set(seen).size).toBe(seen.length);
    expect(totals).toEqual([seen.length]);
    const [{ count }] = await app.db.query(
      `SELECT count(*)::int AS count FROM region WHERE level = 'COMMUNITY' AND code LIKE '230102%'`,
    );
    expect(seen.length).toBe(count);
  });

  it('when paging by name descending, then every page continues where the last one stopped', async () => {
    const orderBy = { field: 'NAME', direction: 'DESC' };
    const { seen } = await allPages({ filter: { level: ['COMMUNITY', 'VILLAGE'] }, first: 50, orderBy });
    const whole = await api.gql<Page>(PAGE, {
      filter: { level: ['COMMUNITY', 'VILLAGE'] },
      first: 200,
      orderBy,
    });
    expect(seen.slice(0, 200)).toEqual(whole.data!.regions.edges.map((e) => e.node.code));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('when rows are inserted between two pages, then the next page neither repeats nor skips a row it should show', async () => {
    const { districtCode } = await regionTree(app.db, { streets: 1, communities: 6, grids: 0 });
    const filter = { parentCode: `${districtCode}001` };
    const first = await api.gql<Page>(PAGE, { filter, first: 3 });
    await app.db.query(
      `INSERT INTO region (code, name, level, parent_code) VALUES ($1, '新插入社区', 'COMMUNITY', $2)`,
      [`${districtCode}001999`, `${districtCode}001`],
    );
    const second = await api.gql<Page>(PAGE, {
      filter,
      first: 10,
      after: first.data!.regions.pageInfo.endCursor,
    });
    const codes = [...first.data!.regions.edges, ...second.data!.regions.edges].map((e) => e.node.code);
    expect(codes).toEqual(
      [1, 2, 3, 4, 5, 6, 999].map((n) => `${districtCode}001${String(n).padStart(3, '0')}`),
    );
  });

  it('when a grid unit is read, then its ancestors run from 哈尔滨市 down to its community', async () => {
    const res = await api.gql<{
      region: { level: string; parent: { name: string }; ancestors: { name: string }[] };
    }>(`{ region(code: "230102010003001") { level parent { name } ancestors { name } } }`);
    expect(res.data!.region).toEqual({
      level: 'GRID',
      parent: { name: '上红社区居委会' },
      ancestors: [{ name: '哈尔滨市' }, { name: '道里区' }, { name: '通江街道' }, { name: '上红社区居委会' }],
    });
  });

  it('when a subtree is summarised, then descendantCounts has one entry per level present, in tree order', async () => {
    const { districtCode } = await regionTree(app.db, { streets: 2, communities: 3, grids: 2 });
    const res = await api.gql<{ region: { descendantCounts: { level: string; count: number }[] } }>(
      `query($code: String!) { region(code: $code) { descendantCounts { level count } } }`,
      { code: districtCode },
    );
    expect(res.data!.region.descendantCounts).toEqual([
      { level: 'STREET', count: 2 },
      { level: 'COMMUNITY', count: 6 },
      { level: 'GRID', count: 12 },
    ]);
  });

  it('when the article’s places are looked up, then each has its real statistical code and level', async () => {
    const res = await api.gql<Page>(PAGE, {
      filter: { codes: ['230102010003', '230128101201', '230129100204', '230184216200', '23012910020401'] },
    });
    expect(res.data!.regions.edges.map((e) => e.node.name)).toEqual([
      '上红社区居委会',
      '依山村委会',
      '双金村村委会',
      '金圣屯',
      '新庄村村委会',
    ]);
  });

  it('when a name contains LIKE wildcards, then they are matched literally', async () => {
    const res = await api.gql<Page>(PAGE, { filter: { nameContains: '%' } });
    expect(res.data!.regions.totalCount).toBe(0);
    const tongjiang = await api.gql<Page>(PAGE, { filter: { nameContains: '通江' } });
    expect(tongjiang.data!.regions.edges.map((e) => e.node.code)).toEqual(['230102010']);
  });

  it('when a region is retired or not yet valid, then lists leave it out but it can still be read by code', async () => {
    const { districtCode } = await regionTree(app.db, { streets: 3, communities: 0 });
    await app.db.query(
      `UPDATE region SET valid_from = '2020-01-01', valid_to = '2024-01-01' WHERE code = $1`,
      [`${districtCode}002`],
    );
    await app.db.query(`UPDATE region SET valid_from = current_date + 30 WHERE code = $1`, [
      `${districtCode}003`,
    ]);
    const list = await api.gql<Page>(PAGE, { filter: { parentCode: districtCode } });
    expect(list.data!.regions.edges.map((e) => e.node.code)).toEqual([`${districtCode}001`]);
    const one = await api.gql<{ region: { validTo: string } }>(
      `query($c: String!) { region(code: $c) { validTo } }`,
      {
        c: `${districtCode}002`,
      },
    );
    expect(one.data!.region.validTo).toBe('2024-01-01');
  });

  it.each([
    ['a malformed code', `{ region(code: "12") { name } }`, 'code'],
    ['a province code', `{ region(code: "230000") { name } }`, 'code'],
    [
      'a parent that does not exist',
      `{ regions(filter: { parentCode: "230199" }) { totalCount } }`,
      'parentCode',
    ],
    [
      'a subtree that does not exist',
      `{ regions(filter: { withinCode: "230102999" }) { totalCount } }`,
      'withinCode',
    ],
    ['a page over 200', `{ regions(first: 201) { totalCount } }`, 'first'],
    ['a negative offset', `{ regions(offset: -1) { totalCount } }`, 'offset'],
    ['a forged cursor', `{ regions(after: "bm90LWEtY3Vyc29y") { totalCount } }`, 'after'],
    ['an empty name search', `{ regions(filter: { nameContains: "  " }) { totalCount } }`, 'nameContains'],
  ])(
    'when a request carries %s, then it fails with BAD_USER_INPUT naming the field',
    async (_what, query, field) => {
      const res = await api.gql(query);
      expect(res.data?.regions ?? res.data?.region ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    },
  );

  it('when a cursor made under one sort order is used with another, then it is refused', async () => {
    const byCode = await api.gql<Page>(PAGE, { first: 1 });
    const res = await api.gql(PAGE, {
      first: 1,
      after: byCode.data!.regions.pageInfo.endCursor,
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('when the query itself is invalid, then the error is BAD_USER_INPUT without a stack trace', async () => {
    const res = await api.gql(`{ regions(filter: { level: PROVINCE }) { totalCount } }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('when a page of 100 regions asks for parents, ancestors, children and counts, then a handful of SQL statements serve it', async () => {
    const spy = jest.spyOn(app.apiDb, 'query');
    const res = await api.gql(
      `{ regions(first: 100, filter: { level: [COMMUNITY, VILLAGE] }) { edges { node {
          parent { name parent { name } } ancestors { code } descendantCounts { level count }
          children(first: 2) { totalCount edges { node { name } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // 2 for the page, 2 parent levels, ancestors, counts, 2 for the children pages, 1 for the caller's identity.
    expect(spy.mock.calls.length).toBeLessThanOrEqual(9);
    spy.mockRestore();
  });
});
