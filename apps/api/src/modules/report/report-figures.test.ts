import { RESIDENT_TAGS } from '@qiangji/domain';
import { DAY_AFTER, DAY_START } from '../../common/sql';
import { seededDemo, type SignedIn, type TestApp } from '../../test/test-app';
import { one } from '../../test/villages';
import { SHANGHONG } from '../service/service.seed-data';
import { VILLAGE_SEED } from '../village/village.seed';

type Figures = Record<string, number | null>;

const REPORT = `query($code: String!, $month: String!) { monthlyReport(regionCode: $code, month: $month) {
  sections { key figures { key value } } } }`;

/** The last day of a month `YYYY-MM`. */
const lastDay = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * The monthly report reads its sections from rollups in one statement; each figure must still be what the modules'
 * own statistics say for the same subtree and month (computed from the facts), on the whole demo data.
 */
describe('the monthly report against the modules’ statistics', () => {
  let app: TestApp;
  let supervisor: SignedIn;

  // The first file to ask seeds the demo: on a busy machine, a minute and more.
  beforeAll(async () => ({ app, supervisor } = await seededDemo()), 180_000);
  afterAll(() => app.close());

  /** What the statistics queries (and, for the registry, which has none, its former SQL over the facts) say. */
  async function recomputed(code: string, month: string): Promise<Record<string, Figures>> {
    const [from, to] = [`${month}-01`, lastDay(month)];
    const stats = await one<Figures & Record<'petitionBacklog' | 'legalClinics', Figures>>(
      supervisor,
      `query($code: String!, $from: Date!, $to: Date!) {
        mediationStats(regionCode: $code, from: $from, to: $to) { accepted mediated failed withdrawn open overdue
          mediationRate medianDaysToConclude petitionBacklog { backlog resolved resolutionRate }
          legalClinics { peopleServed } } }`,
      { code, from, to },
    );
    const [services, loop, coverage, security, cadres] = await Promise.all([
      one<Figures>(
        supervisor,
        `query($code: String!, $from: Date!, $to: Date!) { serviceStats(regionCode: $code, from: $from, to: $to) {
          submitted completed completedOnTime onTimeRate overdue } }`,
        { code, from, to },
      ),
      one<Figures>(
        supervisor,
        `query($code: String!, $from: Date!, $to: Date!) { gridLoopFigures(regionCode: $code, from: $from, to: $to) {
          reported closed closedOnTime onTimeRate overdue } }`,
        { code, from, to },
      ),
      one<Figures>(
        supervisor,
        `query($code: String!, $from: Date!, $to: Date!) { gridCoverage(regionCode: $code, from: $from, to: $to) {
          gapUnits coverageRate } }`,
        { code, from, to },
      ),
      one<Figures>(
        supervisor,
        `query($code: String!, $month: String!) { securityStats(regionCode: $code, from: $month, to: $month) {
          reportedCases previousCases: previousReportedCases change: reportedCasesChange } }`,
        { code, month },
      ),
      one<Figures>(
        supervisor,
        `query($code: String!, $from: Date!, $to: Date!) { cadreStats(regionCode: $code, from: $from, to: $to) {
          activeCadres visits householdsVisited onScheduleRate cadresBelowTarget } }`,
        { code, from, to },
      ),
    ]);
    const { petitionBacklog, legalClinics, ...mediation } = stats;
    const tags = RESIDENT_TAGS.map(
      (tag) => `count(*) FILTER (WHERE r.tags @> ARRAY['${tag}'])::int AS "${tag}"`,
    );
    const [path] = await app.db.query(`SELECT path::text FROM region WHERE code = $1`, [code]);
    const [residents] = await app.db.query(
      `SELECT (SELECT count(*)::int FROM household h
          WHERE h.region_path <@ $1::ltree AND h.created_at < ${DAY_AFTER('$3')}) AS households,
         count(*)::int AS residents, count(*) FILTER (WHERE r.created_at >= ${DAY_START('$2')})::int AS "newResidents",
         ${tags.join(', ')}
       FROM resident r WHERE r.region_path <@ $1::ltree AND r.created_at < ${DAY_AFTER('$3')}`,
      [path.path, from, to],
    );
    return {
      residents,
      mediation,
      petitions: { ...petitionBacklog, clinicPeopleServed: legalClinics.peopleServed },
      services,
      grid: { ...loop, ...coverage },
      security,
      villages: cadres,
    };
  }

  const THIS_MONTH = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

  it.each([
    ['230100', '2012-06'],
    ['230100', '2011-12'],
    ['230100', THIS_MONTH],
    [VILLAGE_SEED.tonghe, '2012-06'],
    ['230102', '2012-03'],
    // A community (with a year of applications) and a village (with cadres' visits) sign reports too.
    [SHANGHONG, THIS_MONTH],
    [VILLAGE_SEED.yishan, '2012-06'],
  ])(
    'when the report of %s for %s is assembled from rollups, then every figure is the statistics’',
    async (code, month) => {
      const report = await one<{
        sections: { key: string; figures: { key: string; value: number | null }[] }[];
      }>(supervisor, REPORT, { code, month });
      const read = Object.fromEntries(
        report.sections.map((s) => [s.key, Object.fromEntries(s.figures.map((f) => [f.key, f.value]))]),
      );
      expect(read).toEqual(await recomputed(code, month));
    },
  );

  it('when the seeded city’s June 2012 is read, then its sections hold the months’ work, not zeros', async () => {
    const figures = await recomputed('230100', '2012-06');
    for (const [section, key] of [
      ['mediation', 'accepted'],
      ['petitions', 'backlog'],
      ['villages', 'visits'],
      ['security', 'reportedCases'],
    ])
      expect([section, key, Number(figures[section][key]) > 0]).toEqual([section, key, true]);
  });
});
