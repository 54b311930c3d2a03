import { regionTree } from '../../test/factories';
import { startTestApp, type GqlClient, type TestApp } from '../../test/test-app';

type Children = {
  region: {
    children: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { code: string } }[];
    };
  };
};

const CHILDREN = `query($code: String!, $first: Int, $after: String, $offset: Int, $orderBy: RegionOrderBy) {
  region(code: $code) { children(first: $first, after: $after, offset: $offset, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } } } }`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Children by code come from the region tree in memory (issue 9); they must be the pages the database would cut. */
describe("a region's children by code, from the tree in memory", () => {
  let app: TestApp;
  let api: GqlClient;
  let district: string;

  beforeAll(async () => {
    app = await startTestApp();
    district = (await regionTree(app.db, { streets: 7, communities: 0 })).districtCode;
    await app.db.query(
      `UPDATE region SET valid_from = '2020-01-01', valid_to = '2024-01-01' WHERE code = $1`,
      [`${district}002`],
    );
    await app.db.query(`UPDATE region SET valid_from = current_date + 1 WHERE code = $1`, [`${district}005`]);
    api = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
  });
  afterAll(() => app.close());

  /** The current children in the database's own order. */
  async function currentChildren(direction: 'ASC' | 'DESC'): Promise<string[]> {
    const rows: { code: string }[] = await app.db.query(
      `SELECT code FROM region WHERE parent_code = $1
         AND valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)
       ORDER BY code ${direction}`,
      [district],
    );
    return rows.map((r) => r.code);
  }

  async function page(variables: Record<string, unknown>) {
    const res = await api.gql<Children>(CHILDREN, { code: district, ...variables });
    expect(res.errors).toBeUndefined();
    return res.data!.region.children;
  }

  it.each(['ASC', 'DESC'] as const)(
    'when the children are walked two at a time by code %s, then the pages are the database’s, each once',
    async (direction) => {
      const expected = await currentChildren(direction);
      expect(expected).toHaveLength(5);
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const p = await page({ first: 2, after, orderBy: { field: 'CODE', direction } });
        expect(p.totalCount).toBe(5);
        seen.push(...p.edges.map((e) => e.node.code));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    },
  );

  it('when the children are asked with an offset, past the end or for none, then the slices are the database’s', async () => {
    const expected = await currentChildren('ASC');
    const codes = async (v: Record<string, unknown>) => (await page(v)).edges.map((e) => e.node.code);
    expect(await codes({ first: 2, offset: 1 })).toEqual(expected.slice(1, 3));
    expect(await codes({ first: 2, offset: 9 })).toEqual([]);
    const none = await page({ first: 0 });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo.hasNextPage).toBe(true);
    const all = await page({ first: 5 });
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  it('when a child’s first day comes, then it is among the children from that day, with no change to the tree', async () => {
    const before = await page({ first: 10 });
    expect(before.edges.map((e) => e.node.code)).not.toContain(`${district}005`);
    const now = Date.now();
    const tomorrow = jest.spyOn(Date, 'now').mockReturnValue(now + DAY_MS);
    try {
      // A token made today would not be checked against tomorrow's clock: sign in on the morrow.
      const morrow = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' });
      const res = await morrow.gql<Children>(CHILDREN, { code: district, first: 10 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.region.children.edges.map((e) => e.node.code)).toContain(`${district}005`);
      expect(res.data!.region.children.totalCount).toBe(6);
    } finally {
      tomorrow.mockRestore();
    }
  });
});
