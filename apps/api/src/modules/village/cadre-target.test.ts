import { cadreVisitTarget, periodContaining, type MonthRange } from '@qiangji/domain';
import { periodDays } from '../../common/command-view';
import { Params } from '../../common/sql';
import { regionTree } from '../../test/factories';
import { household } from '../../test/people';
import { startTestApp, type TestApp } from '../../test/test-app';
import { logVisit, ok, stationedCounty } from '../../test/villages';
import { belowTargetSql, keptBelowTargetSql } from './visit.sql';

/** Every month from 2011-11 to 2013-02, every quarter and year around them: the whole periods of the kept counts. */
const PERIODS: { kind: 'MONTH' | 'QUARTER' | 'YEAR'; range: MonthRange }[] = [
  ...['2011-11', '2011-12', ...Array.from({ length: 12 }, (_, i) => `2012-${String(i + 1).padStart(2, '0')}`)]
    .concat(['2013-01', '2013-02'])
    .map((month) => ({ kind: 'MONTH' as const, range: periodContaining('MONTH', month) })),
  ...['2011-10', '2012-01', '2012-04', '2012-07', '2012-10', '2013-01'].map((month) => ({
    kind: 'QUARTER' as const,
    range: periodContaining('QUARTER', month),
  })),
  ...['2011-01', '2012-01', '2013-01'].map((month) => ({
    kind: 'YEAR' as const,
    range: periodContaining('YEAR', month),
  })),
];

describe('the kept count of cadres below their visit target (issue 13)', () => {
  let app: TestApp;
  let county: Awaited<ReturnType<typeof stationedCounty>>;
  let other: Awaited<ReturnType<typeof regionTree>>;
  let households: string[];

  /** For every region of both trees and the city, and every whole period: the kept count and the cadres' scan. */
  const expectKeptEqualsScan = async () => {
    const regions: { code: string; path: string }[] = await app.db.query(
      `SELECT code, path::text FROM region WHERE code = '230100' OR code LIKE $1 || '%' OR code LIKE $2 || '%'`,
      [county.county, other.districtCode],
    );
    const compared: string[] = [];
    for (const { code, path } of regions)
      for (const { kind, range } of PERIODS) {
        const { from, to } = periodDays(range);
        const target = cadreVisitTarget(from, to);
        const [kept, scan] = [new Params(), new Params()];
        const keptSql = `SELECT (${keptBelowTargetSql(kept, code, kind, from, target)})::int AS n`;
        const scanSql = `SELECT count(*)::int AS n FROM stationed_cadre k WHERE k.region_path <@ ${scan.param(path, 'ltree')}
          AND k.id IN (${belowTargetSql(scan, path, from, to, target)})`;
        const [[a], [b]] = [
          await app.db.query(keptSql, kept.params),
          await app.db.query(scanSql, scan.params),
        ];
        compared.push(`${code} ${range.from}..${range.to}: ${a.n} ${b.n}`);
        expect(`${code} ${range.from}..${range.to}: ${a.n}`).toBe(
          `${code} ${range.from}..${range.to}: ${b.n}`,
        );
      }
    return compared;
  };

  const newCadre = async (village: string) => {
    const [{ id }] = await app.db.query(
      `INSERT INTO stationed_cadre (name, work_unit_id, region_code, created_by)
       SELECT '驻村干部', work_unit_id, $1, created_by FROM stationed_cadre WHERE id = $2 RETURNING id`,
      [village, county.cadre.id],
    );
    return id as string;
  };
  const post = async (cadreId: string, village: string, startsOn: string, endsOn: string | null) => {
    const [{ id }] = await app.db.query(
      `INSERT INTO posting (cadre_id, cadre_name, work_unit_id, region_code, role, state, starts_on, ends_on)
       VALUES ($1, '驻村干部', $2, $3, 'TEAM_MEMBER', $4, $5, $6) RETURNING id`,
      [cadreId, county.unitId, village, endsOn ? 'ENDED' : 'ACTIVE', startsOn, endsOn],
    );
    return id as string;
  };
  /** `count` visits to a household from `first` on, a day apart, in one statement. */
  const visits = (postingId: string, householdId: string, first: string, count: number) =>
    app.db.query(
      `INSERT INTO visit (posting_id, cadre_id, work_unit_id, household_id, region_code, visited_on, purpose, created_by)
       SELECT p.id, p.cadre_id, p.work_unit_id, h.id, h.region_code, $3::date + i, 'POVERTY_CHECK', k.created_by
       FROM posting p JOIN stationed_cadre k ON k.id = p.cadre_id, household h, generate_series(0, $4 - 1) i
       WHERE p.id = $1 AND h.id = $2`,
      [postingId, householdId, first, count],
    );

  beforeAll(async () => {
    app = await startTestApp();
    county = await stationedCounty(app, { villages: 3 });
    other = await regionTree(app.db, { rural: true, streets: 1, communities: 1, grids: 1 });
    households = [county.poorHome.id, county.elsewhere.id];
    const third = county.grids[2];
    households.push((await household(app, third, { as: county.officer })).id);
  });
  afterAll(() => app.close());

  it('when cadres are posted and visit, postings end and resume, visits move and go, a home moves and a village moves, then the kept count equals the cadres’ scan for every region and whole period', async () => {
    const [v0, v1, v2] = county.villages;
    // The API's own cadre: posted to the first village since 2012, visits through the API.
    for (const visitedOn of ['2012-06-01', '2012-06-20', '2012-07-02'])
      ok(await logVisit(county.cadreAccount, { householdId: county.poorHome.id, visitedOn }), 'logVisit');
    // A cadre posted to the second village, ended, and again to the first after a gap: a month at target (8)
    // in 2012-01, a quarter with more than its 24 after the gap.
    const b = await newCadre(v1);
    const b1 = await post(b, v1, '2011-06-15', '2012-02-10');
    const b2 = await post(b, v0, '2012-09-01', null);
    await visits(b1, households[1], '2012-01-02', 9);
    await visits(b2, households[0], '2012-10-01', 25);
    // A cadre posted for one month who makes exactly its target, and one never visiting at all.
    const c = await newCadre(v2);
    const c1 = await post(c, v2, '2012-03-01', '2012-03-31');
    await visits(c1, households[2], '2012-03-01', 8);
    const d = await newCadre(v2);
    await post(d, v2, '2011-11-20', null);
    const compared = await expectKeptEqualsScan();
    // The trees hold cadres at, above and below target: the comparison is not of zeros alone.
    expect(compared.some((line) => / [1-9]\d* [1-9]\d*$/.test(line))).toBe(true);

    // Visits move to another month and some go; a posting ends; a home moves to another village.
    await app.db.query(
      `UPDATE visit SET visited_on = visited_on + 40 WHERE posting_id = $1 AND visited_on < '2012-01-05'`,
      [b1],
    );
    await app.db.query(`DELETE FROM visit WHERE posting_id = $1 AND visited_on > '2012-10-20'`, [b2]);
    await app.db.query(`UPDATE posting SET ends_on = '2012-07-15', state = 'ENDED' WHERE id = $1`, [
      county.posting.id,
    ]);
    await app.db.query(`UPDATE stationed_cadre SET region_code = $1 WHERE id = $2`, [v0, d]);
    await expectKeptEqualsScan();

    // A village with its cadres, postings and visits moves to another county's township; a posting goes.
    const township = other.rows.find((r) => r.level === 'TOWNSHIP')!.code;
    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [township, v1]);
    await app.db.query(`DELETE FROM visit WHERE posting_id = $1`, [c1]);
    await app.db.query(`DELETE FROM posting WHERE id = $1`, [c1]);
    await expectKeptEqualsScan();
  });
});
