import { formatPercent, promotionRate } from '@qiangji/domain';
import { seededDemo, type SignedIn, type TestApp } from '../../test/test-app';
import { one } from '../../test/villages';
import { VILLAGE_SEED } from './village.seed';

/** The villages' demo data against the article's figures, read through the API as the city's supervisor. */
describe('the villages demo data', () => {
  let app: TestApp;
  let supervisor: SignedIn;

  // The first file to ask seeds the demo: on a busy machine, a minute and more.
  beforeAll(async () => ({ app, supervisor } = await seededDemo()), 180_000);
  afterAll(() => app.close());

  it('when 通河县’s four years 2009–2012 are read, then farmers’ per-capita income grew 18.1% a year', async () => {
    const s = await one<{
      income: { fromYear: number; toYear: number; growth: number };
      visits: number;
      onScheduleRate: number;
      activeCadres: number;
      byChildRegion: { regionCode: string; visits: number; income: { growth: number | null } }[];
    }>(
      supervisor,
      `{ cadreStats(regionCode: "${VILLAGE_SEED.tonghe}", from: "2009-01-01", to: "2012-12-31") {
        visits activeCadres onScheduleRate income { fromYear toYear growth } byChildRegion { regionCode visits income { growth } } } }`,
    );
    expect(s.income).toMatchObject({ fromYear: 2008, toYear: 2012 });
    expect(formatPercent(s.income.growth)).toBe('18.1%');
    expect(s.activeCadres).toBeGreaterThan(10);
    // Four in five poor households are visited every month; the others miss one now and then.
    expect(s.onScheduleRate).toBeGreaterThan(0.5);
    expect(s.onScheduleRate).toBeLessThan(1);
    expect(s.byChildRegion.reduce((n, r) => n + r.visits, 0)).toBe(s.visits);
    for (const child of s.byChildRegion.filter((r) => r.income.growth != null))
      expect(formatPercent(child.income.growth)).toBe('18.1%');
  });

  it('when the city’s villages are counted for 2012, then the "1+3+N" model is in the article’s share of them', async () => {
    const s = await one<{
      villages: number;
      adoptingVillages: number;
      promotionRate: number;
      noPublicOrderCaseVillages: number;
      noCriminalCaseVillages: number;
      byChildRegion: { villages: number; adoptingVillages: number }[];
    }>(
      supervisor,
      `{ villageStats(regionCode: "230100", year: 2012) { villages adoptingVillages promotionRate
          noPublicOrderCaseVillages noCriminalCaseVillages byChildRegion { villages adoptingVillages } } }`,
    );
    // 35 of the demo tree's 171 villages (with 移民新村): the article's 20.5% at one decimal.
    expect(s.adoptingVillages).toBe(Math.round(s.villages * VILLAGE_SEED.adoptionShare));
    expect([s.villages, s.adoptingVillages, formatPercent(s.promotionRate)]).toEqual([171, 35, '20.5%']);
    expect(s.promotionRate).toBe(promotionRate(s.adoptingVillages, s.villages));
    expect(Math.abs(s.promotionRate - 0.205)).toBeLessThan(1 / s.villages);
    expect(s).toMatchObject({
      noPublicOrderCaseVillages: VILLAGE_SEED.quietVillages,
      noCriminalCaseVillages: VILLAGE_SEED.lawfulVillages,
    });
    expect(s.byChildRegion.reduce((n, r) => n + r.adoptingVillages, 0)).toBe(s.adoptingVillages);
    expect(s.byChildRegion.reduce((n, r) => n + r.villages, 0)).toBe(s.villages);
  });

  it('when 新庄村’s page is read, then its debt of 1.4 million became 10.9 million of net assets and income 900 over 10,000', async () => {
    const v = await one<{
      adoptsModel: boolean;
      organizations: { kind: string }[];
      indicators: { year: number; netAssets: number; perCapitaNetIncome: number }[];
    }>(
      supervisor,
      `{ village(code: "${VILLAGE_SEED.xinzhuang}") { adoptsModel organizations { kind } indicators { year netAssets perCapitaNetIncome } } }`,
    );
    expect(v.adoptsModel).toBe(true);
    const [first, last] = [v.indicators[0], v.indicators.at(-1)!];
    expect(first).toMatchObject({ netAssets: -1_400_000, perCapitaNetIncome: 900 });
    expect(last.netAssets).toBe(10_900_000);
    expect(last.perCapitaNetIncome).toBeGreaterThan(10_000);
  });

  it('when 依山村 is read, then the cadre who took over sees the handover note and the greenhouse took a household from under 10,000 to 40,000', async () => {
    const v = await one<{
      postings: { state: string; handoverNote: string | null; previous: { id: string } | null }[];
    }>(
      supervisor,
      `{ village(code: "${VILLAGE_SEED.yishan}") { postings { state handoverNote previous { id } } } }`,
    );
    expect(v.postings.map((p) => p.state)).toEqual(['ACTIVE', 'ENDED']);
    expect(v.postings[0].previous).not.toBeNull();
    expect(v.postings[1].handoverNote).toContain('温室大棚');
    const greenhouse = await one<{
      edges: {
        node: { state: string; effect: { before: { incomeYuan: number }; after: { incomeYuan: number } } };
      }[];
    }>(
      supervisor,
      `{ assistances(filter: { regionCode: "${VILLAGE_SEED.yishan}", type: [GREENHOUSE_OR_BUILDING], state: [DONE] }) {
          edges { node { state effect { before { incomeYuan } after { incomeYuan } } } } } }`,
    );
    expect(greenhouse.edges.map((e) => e.node.effect)).toContainEqual({
      before: { incomeYuan: 9_600 },
      after: { incomeYuan: 40_000 },
    });
  });

  it('when the seeded assistance is checked, then every life follows the machine and its timeline ends where it stands', async () => {
    const [{ broken }] = await app.db.query(
      `SELECT count(*)::int AS broken FROM assistance a
       WHERE a.state <> (SELECT e.to_state FROM assistance_event e WHERE e.assistance_id = a.id ORDER BY e.id DESC LIMIT 1)
          OR a.version <> (SELECT count(*) FROM assistance_event e WHERE e.assistance_id = a.id)`,
    );
    expect(broken).toBe(0);
  });
});
