import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { writeRegions, type RegionWrite } from './region.writer';

/**
 * Two counties with a 宁远镇 each and three villages called 东升村, each with a 第1网格 (the shape of
 * Harbin's real namesakes), and one community whose grid unit has no namesake.
 */
const TREE: RegionWrite[] = [
  { code: '230100', name: '哈尔滨市', level: 'CITY', parentCode: null },
  { code: '230170', name: '甲县', level: 'COUNTY', parentCode: '230100' },
  { code: '230171', name: '乙县', level: 'COUNTY', parentCode: '230100' },
  { code: '230170100', name: '宁远镇', level: 'TOWNSHIP', parentCode: '230170' },
  { code: '230171100', name: '宁远镇', level: 'TOWNSHIP', parentCode: '230171' },
  { code: '230171101', name: '民乐乡', level: 'TOWNSHIP', parentCode: '230171' },
  { code: '230170100201', name: '东升村', level: 'VILLAGE', parentCode: '230170100' },
  { code: '230171100201', name: '东升村', level: 'VILLAGE', parentCode: '230171100' },
  { code: '230171101201', name: '东升村', level: 'VILLAGE', parentCode: '230171101' },
  { code: '230171101001', name: '上红社区', level: 'COMMUNITY', parentCode: '230171101' },
  { code: '230170100201001', name: '第1网格', level: 'GRID', parentCode: '230170100201' },
  { code: '230171100201001', name: '第1网格', level: 'GRID', parentCode: '230171100201' },
  { code: '230171101201001', name: '第1网格', level: 'GRID', parentCode: '230171101201' },
  { code: '230171101001001', name: '第1网格', level: 'GRID', parentCode: '230171101001' },
];

const NAMES = `query($codes: [String!]) {
  regions(first: 50, filter: { codes: $codes }) { edges { node { code qualifiedName } } }
}`;

describe('qualified region names', () => {
  let app: TestApp;
  let api: SignedIn;

  const qualified = async (codes: string[]) => {
    const res = await api.gql<{ regions: { edges: { node: { code: string; qualifiedName: string } }[] } }>(
      NAMES,
      { codes },
    );
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(res.data!.regions.edges.map(({ node }) => [node.code, node.qualifiedName]));
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.db.transaction((m) => writeRegions(m, TREE, 'insert-missing'));
    api = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: '230171101001001' });
  });
  afterAll(() => app.close());

  it('when names repeat, then the nearest ancestors below the city that tell them apart are added, top down', async () => {
    expect(await qualified(TREE.map((r) => r.code))).toEqual({
      '230100': '哈尔滨市',
      '230170': '甲县',
      '230171': '乙县',
      '230170100': '宁远镇 (甲县)',
      '230171100': '宁远镇 (乙县)',
      '230171101': '民乐乡',
      // The two in a 宁远镇 need their county; the one in 民乐乡 does not.
      '230170100201': '东升村 (甲县 · 宁远镇)',
      '230171100201': '东升村 (乙县 · 宁远镇)',
      '230171101201': '东升村 (民乐乡)',
      '230171101001': '上红社区',
      '230170100201001': '东升村 · 第1网格 (甲县 · 宁远镇)',
      '230171100201001': '东升村 · 第1网格 (乙县 · 宁远镇)',
      '230171101201001': '东升村 · 第1网格 (民乐乡)',
      '230171101001001': '上红社区 · 第1网格',
    });
  });

  it('when a namesake is no longer current, then it no longer qualifies the name', async () => {
    await app.db.query(
      `UPDATE region SET valid_from = current_date - 10, valid_to = current_date WHERE code = '230171101201'`,
    );
    try {
      expect(await qualified(['230170100201', '230171100201'])).toEqual({
        '230170100201': '东升村 (甲县 · 宁远镇)',
        '230171100201': '东升村 (乙县 · 宁远镇)',
      });
      const res = await api.gql<{ region: { qualifiedName: string } }>(
        `{ region(code: "230171101201") { qualifiedName } }`,
      );
      expect(res.data!.region.qualifiedName).toBe('东升村 (民乐乡)');
    } finally {
      await app.db.query(`UPDATE region SET valid_to = NULL WHERE code = '230171101201'`);
    }
  });

  it('when a page of regions and their parents ask for qualified names, then no statement per region serves them', async () => {
    const spy = jest.spyOn(app.apiDb, 'query');
    const res = await api.gql(
      `{ regions(first: 50, filter: { level: [GRID] }) { edges { node {
          qualifiedName parent { qualifiedName } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const reads = spy.mock.calls.filter(([sql]) => /FROM region\b/.test(String(sql)));
    // The page itself; the names, parents and namesakes come from the tree in memory (read at most once more).
    expect(reads.length).toBeLessThanOrEqual(2);
    spy.mockRestore();
  });
});
