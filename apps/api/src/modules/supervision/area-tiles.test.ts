import { addMonths, chinaDay, chinaMonth, formatPercent } from '@qiangji/domain';
import { periodDays } from '../../common/command-view';
import { seededDemo, type SignedIn, type TestApp } from '../../test/test-app';

const VIEW = `query($code: String, $from: String!, $to: String!) {
  commandView(regionCode: $code, from: $from, to: $to) {
    tiles { key area unit value previous change sparkline { month value } }
    children { regionCode centroid { lat lng } figures { key value } }
    alerts { kind count regionCode resource filter }
  }
}`;

interface View {
  tiles: {
    key: string;
    area: string;
    unit: string;
    value: number | null;
    previous: number | null;
    change: number | null;
  }[];
  children: {
    regionCode: string;
    centroid: { lat: number; lng: number } | null;
    figures: { key: string; value: number | null }[];
  }[];
  alerts: {
    kind: string;
    count: number;
    regionCode: string;
    resource: string;
    filter: Record<string, unknown>;
  }[];
}

/** The list each tile alert links to, counted with the alert's filter. */
const LISTS: Record<string, string> = {
  disputeCases: `query($filter: DisputeCaseFilter) { list: disputeCases(filter: $filter, first: 1) { totalCount } }`,
  serviceApplications: `query($filter: ServiceApplicationFilter) {
    list: serviceApplications(filter: $filter, first: 1) { totalCount } }`,
  gridEvents: `query($filter: GridEventFilter) { list: gridEvents(filter: $filter, first: 1) { totalCount } }`,
};

/**
 * The tiles of villages, public services, grid and security (issue 13) over the demo data: the article's figures,
 * each equal to its module's own statistics over the same period, children adding up where a figure is a count,
 * and the alerts that are tiles counting what their lists count.
 */
describe('the command view’s tiles of the areas beside mediation', () => {
  let app: TestApp;
  let supervisor: SignedIn;

  // The first file to ask seeds the demo: on a busy machine, a minute and more.
  beforeAll(async () => ({ app, supervisor } = await seededDemo()), 180_000);
  afterAll(() => app.close());

  const gql = async <T>(query: string, variables: Record<string, unknown>) => {
    const res = await supervisor.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const view = async (code: string, from: string, to: string) =>
    (await gql<{ commandView: View }>(VIEW, { code, from, to })).commandView;
  const tile = (v: View, key: string) => v.tiles.find((t) => t.key === key)!;
  const childSum = (v: View, key: string) =>
    v.children.reduce((n, c) => n + (c.figures.find((f) => f.key === key)!.value ?? 0), 0);

  it('when the city opens 2012, then reported cases fell 19.8%, the sense of security is 92.9% (+0.4 points) and the model is in 20.5% of the villages, as securityStats and villageStats say', async () => {
    const v = await view('230100', '2012-01', '2012-12');
    expect(v.tiles.map((t) => t.area)).toEqual([
      ...Array(4).fill('mediation'),
      ...Array(4).fill('village'),
      ...Array(2).fill('service'),
      ...Array(3).fill('grid'),
      ...Array(2).fill('security'),
    ]);
    const reported = tile(v, 'reportedCases');
    expect([reported.value, reported.previous, formatPercent(reported.change)]).toEqual([
      72_180,
      90_000,
      '-19.8%',
    ]);
    const safe = tile(v, 'senseOfSecurity');
    expect(formatPercent(safe.value)).toBe('92.9%');
    expect(safe.change).toBeCloseTo(0.4, 9);
    expect(formatPercent(tile(v, 'modelAdoption').value)).toBe('20.5%');

    const { securityStats: s } = await gql<{
      securityStats: { reportedCases: number; reportedCasesChange: number };
    }>(
      `{ securityStats(regionCode: "230100", from: "2012-01", to: "2012-12") { reportedCases reportedCasesChange } }`,
      {},
    );
    expect([reported.value, reported.change]).toEqual([s.reportedCases, s.reportedCasesChange]);
    const { satisfactionTrend: trend } = await gql<{
      satisfactionTrend: { year: number; satisfied: number }[];
    }>(`{ satisfactionTrend(regionCode: "230100") { year satisfied } }`, {});
    expect(safe.value).toBeCloseTo(trend.find((t) => t.year === 2012)!.satisfied, 12);
    const { villageStats: villages } = await gql<{
      villageStats: {
        promotionRate: number;
        byChildRegion: { regionCode: string; promotionRate: number | null }[];
      };
    }>(
      `{ villageStats(regionCode: "230100", year: 2012) { promotionRate byChildRegion { regionCode promotionRate } } }`,
      {},
    );
    expect(tile(v, 'modelAdoption').value).toBe(villages.promotionRate);
    for (const child of v.children)
      expect([child.regionCode, child.figures.find((f) => f.key === 'modelAdoption')!.value]).toEqual([
        child.regionCode,
        villages.byChildRegion.find((c) => c.regionCode === child.regionCode)?.promotionRate ?? null,
      ]);
    expect(childSum(v, 'reportedCases')).toBe(reported.value);
  });

  it('when 通河县 opens 2009–2012, then income grew 18.1% a year and visits are cadreStats’, its townships adding up', async () => {
    const v = await view('230128', '2009-01', '2012-12');
    const growth = tile(v, 'incomeGrowth');
    expect(formatPercent(growth.value)).toBe('18.1%');
    const { cadreStats: c } = await gql<{
      cadreStats: {
        visits: number;
        income: { growth: number };
        byChildRegion: { regionCode: string; visits: number }[];
      };
    }>(
      `{ cadreStats(regionCode: "230128", from: "2009-01-01", to: "2012-12-31") { visits income { growth }
          byChildRegion { regionCode visits } } }`,
      {},
    );
    expect(growth.value).toBeCloseTo(c.income.growth, 12);
    expect(tile(v, 'cadreVisits').value).toBe(c.visits);
    expect(c.visits).toBeGreaterThan(0);
    expect(childSum(v, 'cadreVisits')).toBe(c.visits);
    for (const child of v.children)
      expect([child.regionCode, child.figures.find((f) => f.key === 'cadreVisits')!.value]).toEqual([
        child.regionCode,
        c.byChildRegion.find((r) => r.regionCode === child.regionCode)?.visits ?? 0,
      ]);
  });

  it('when the city opens 2012 and 通河县 a quarter, then poor households visited on schedule are the poor households’ months with a visit ÷ their months, as the visits and the register say, and cadreStats’ rate', async () => {
    // The facts, counted here by hand: which poor household had a visit in which month.
    const homes: { id: string; path: string }[] = await app.db.query(
      `SELECT id, region_path::text AS path FROM household WHERE 'POOR_HOUSEHOLD' = ANY(tags)`,
    );
    const visited = new Set(
      (
        await app.db.query(
          `SELECT DISTINCT household_id || ':' || to_char(visited_on, 'YYYY-MM') AS k FROM visit`,
        )
      ).map((r: { k: string }) => r.k),
    );
    const pathOf = async (code: string) =>
      ((await app.db.query(`SELECT path::text FROM region WHERE code = $1`, [code])) as { path: string }[])[0]
        .path;
    const expected = (path: string, from: string, to: string) => {
      const months: string[] = [];
      for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
      const poor = homes.filter((h) => h.path === path || h.path.startsWith(`${path}.`));
      let hits = 0;
      for (const h of poor) for (const m of months) if (visited.has(`${h.id}:${m}`)) hits++;
      return poor.length === 0 ? null : hits / (poor.length * months.length);
    };
    const closeTo = (actual: number | null, wanted: number | null) =>
      wanted === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(wanted, 12);

    const city = await view('230100', '2012-01', '2012-12');
    const t = city.tiles.find((x) => x.key === 'poorVisitsOnSchedule')! as View['tiles'][number] & {
      sparkline: { month: string; value: number | null }[];
    };
    expect(t).toMatchObject({ area: 'village', unit: 'PERCENT' });
    const cityPath = await pathOf('230100');
    closeTo(t.value, expected(cityPath, '2012-01', '2012-12'));
    expect(t.value).toBeGreaterThan(0.3);
    expect(t.value).toBeLessThan(1);
    closeTo(t.previous, expected(cityPath, '2011-01', '2011-12'));
    expect(t.sparkline).toHaveLength(12);
    for (const point of t.sparkline) closeTo(point.value, expected(cityPath, point.month, point.month));
    for (const child of city.children)
      closeTo(
        child.figures.find((f) => f.key === 'poorVisitsOnSchedule')!.value,
        expected(await pathOf(child.regionCode), '2012-01', '2012-12'),
      );

    const county = await view('230128', '2012-04', '2012-06');
    const countyPath = await pathOf('230128');
    const rate = tile(county, 'poorVisitsOnSchedule').value;
    closeTo(rate, expected(countyPath, '2012-04', '2012-06'));
    const { cadreStats: c } = await gql<{
      cadreStats: { onScheduleRate: number | null; poorVisitMonthsDue: number };
    }>(
      `{ cadreStats(regionCode: "230128", from: "2012-04-01", to: "2012-06-30") { onScheduleRate poorVisitMonthsDue } }`,
      {},
    );
    expect(c.onScheduleRate).toBe(rate);
    expect(c.poorVisitMonthsDue).toBe(homes.filter((h) => h.path.startsWith(`${countyPath}.`)).length * 3);
  });

  it('when the last twelve months are shown, then applications and grid events are serviceStats’ and gridLoopFigures’, districts add up, and each overdue alert is its tile and its list’s count', async () => {
    const to = chinaMonth();
    const from = addMonths(to, -11);
    const days = periodDays({ from, to });
    const v = await view('230100', from, to);
    const { serviceStats: s, gridLoopFigures: g } = await gql<{
      serviceStats: { onTimeRate: number | null; overdue: number; completed: number };
      gridLoopFigures: { onTimeRate: number | null; overdue: number; closed: number };
    }>(
      `query($from: Date!, $to: Date!) {
        serviceStats(regionCode: "230100", from: $from, to: $to) { onTimeRate overdue completed }
        gridLoopFigures(regionCode: "230100", from: $from, to: $to) { onTimeRate overdue closed } }`,
      days,
    );
    expect(s.completed).toBeGreaterThan(0);
    expect(g.closed).toBeGreaterThan(0);
    expect(tile(v, 'applicationsOnTime').value).toBe(s.onTimeRate);
    expect(tile(v, 'overdueApplications').value).toBe(s.overdue);
    expect(tile(v, 'gridEventsOnTime').value).toBe(g.onTimeRate);
    expect(tile(v, 'overdueGridEvents').value).toBe(g.overdue);
    for (const key of ['overdueApplications', 'overdueGridEvents', 'cadreVisits', 'overdueDisputes'])
      expect([key, childSum(v, key)]).toEqual([key, tile(v, key).value]);

    const overdue = {
      OVERDUE_DISPUTES: 'overdueDisputes',
      OVERDUE_APPLICATIONS: 'overdueApplications',
      OVERDUE_EVENTS: 'overdueGridEvents',
    };
    for (const [kind, key] of Object.entries(overdue)) {
      const alert = v.alerts.find((a) => a.kind === kind)!;
      expect([kind, alert.count]).toEqual([kind, tile(v, key).value]);
      const { list } = await gql<{ list: { totalCount: number } }>(LISTS[alert.resource], {
        filter: alert.filter,
      });
      expect([kind, list.totalCount]).toEqual([kind, alert.count]);
    }
    expect(v.alerts.map((a) => a.kind).filter((k) => k.startsWith('OVERDUE'))).toEqual(Object.keys(overdue));
  });

  it('when 通河县 opens 2012, then the cadres below their visit target are cadreStats’ and the cadre list’s', async () => {
    const v = await view('230128', '2012-01', '2012-12');
    const alert = v.alerts.find((a) => a.kind === 'CADRES_BELOW_VISIT_TARGET')!;
    expect(alert.filter).toEqual({
      regionCode: '230128',
      belowVisitTargetFrom: '2012-01-01',
      belowVisitTargetTo: '2012-12-31',
    });
    const { cadreStats: c, all } = await gql<{
      cadreStats: { cadresBelowTarget: number; activeCadres: number };
      all: { totalCount: number };
    }>(
      `{ cadreStats(regionCode: "230128", from: "2012-01-01", to: "2012-12-31") { cadresBelowTarget activeCadres }
         all: stationedCadres(filter: { regionCode: "230128" }, first: 1) { totalCount } }`,
      {},
    );
    expect(alert.count).toBe(c.cadresBelowTarget);
    expect(alert.count).toBeGreaterThan(0);
    expect(alert.count).toBeLessThan(all.totalCount);
    const { list } = await gql<{ list: { totalCount: number } }>(
      `query($filter: StationedCadreFilter) { list: stationedCadres(filter: $filter, first: 1) { totalCount } }`,
      { filter: alert.filter },
    );
    expect(list.totalCount).toBe(alert.count);
  });

  it('when the last two months are shown, then the coverage gaps are gridCoverage’s uncovered unit-days, regions add up, and the units without reports are the grid unit list’s', async () => {
    const to = chinaMonth();
    const days = periodDays({ from: addMonths(to, -1), to });
    const v = await view('230100', addMonths(to, -1), to);
    const gaps = tile(v, 'coverageGaps').value;
    expect(gaps).toBeGreaterThan(0);
    expect(childSum(v, 'coverageGaps')).toBe(gaps);
    // gridCoverage scans the unit-days (minutes for the city's two months): compared on a street of 道里区.
    const street = await view('230102010', addMonths(to, -1), to);
    const { gridCoverage: own } = await gql<{ gridCoverage: { unitDays: number; coveredUnitDays: number } }>(
      `query($from: Date!, $to: Date!) {
        gridCoverage(regionCode: "230102010", from: $from, to: $to) { unitDays coveredUnitDays } }`,
      days,
    );
    expect(own.coveredUnitDays).toBeGreaterThan(0);
    expect(tile(street, 'coverageGaps').value).toBe(own.unitDays - own.coveredUnitDays);
    expect(childSum(street, 'coverageGaps')).toBe(tile(street, 'coverageGaps').value);

    const alert = v.alerts.find((a) => a.kind === 'GRID_UNITS_WITHOUT_REPORTS')!;
    expect(alert.filter).toMatchObject({ regionCode: '230100' });
    const units = `query($regionCode: String, $unreportedFrom: Date, $unreportedTo: Date) {
      gridUnits(regionCode: $regionCode, unreportedFrom: $unreportedFrom, unreportedTo: $unreportedTo, first: 1) {
        totalCount } }`;
    const { gridUnits } = await gql<{ gridUnits: { totalCount: number } }>(units, alert.filter);
    expect(gridUnits.totalCount).toBe(alert.count);
    // The seed's zero reports stop yesterday, one unit-day in eight a gap: a week always has one, a day has gaps.
    // Yesterday, not today: in China's small hours no unit has reported yet today.
    const count = async (filter: Record<string, unknown>) =>
      (await gql<{ gridUnits: { totalCount: number } }>(units, filter)).gridUnits.totalCount;
    const yesterday = chinaDay(Date.now() - 86_400_000);
    const unreported = await count({
      regionCode: '230100',
      unreportedFrom: yesterday,
      unreportedTo: yesterday,
    });
    expect(unreported).toBeGreaterThan(alert.count);
    expect(unreported).toBeLessThan(await count({ regionCode: '230100' }));
  });

  it('when drilled from 道里区 to a street, then streets and communities have marks near their parent’s, apart and the same each time', async () => {
    const district = await view('230102', '2012-01', '2012-12');
    expect(district.children.length).toBeGreaterThan(1);
    const near = (children: View['children'], around: { lat: number; lng: number }, degrees: number) => {
      for (const c of children) {
        expect(c.centroid).not.toBeNull();
        expect(Math.abs(c.centroid!.lat - around.lat)).toBeLessThanOrEqual(degrees);
      }
      expect(new Set(children.map((c) => `${c.centroid!.lat},${c.centroid!.lng}`)).size).toBe(
        children.length,
      );
    };
    near(district.children, { lat: 45.66, lng: 126.42 }, 0.03);
    const street = district.children.find((c) => c.regionCode === '230102010')!;
    const communities = (await view('230102010', '2012-01', '2012-12')).children;
    expect(communities.length).toBeGreaterThan(1);
    near(communities, street.centroid!, 0.0075);
    expect((await view('230102', '2012-01', '2012-12')).children).toEqual(district.children);
  });
});
