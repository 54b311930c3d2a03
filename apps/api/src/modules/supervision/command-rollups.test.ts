import { gridUnitCode } from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';

const MODEL = `('PARTY_BRANCH', 'COOPERATIVE', 'TRADE_UNION', 'SERVICE_CENTRE')`;
const NEXT_YEAR_END = `make_date(extract(year FROM current_date)::int + 1, 12, 31)`;

/**
 * The rollups that replaced the command view's per-request views (village years, grid units to cover), and the
 * same figures recomputed from the facts the other way round: for every region, the villages or grid units whose
 * path lies under its path (`<@`); the unit-days day by day. Rows of zeros are left out of both.
 */
const PAIRS: { name: string; rollup: string; scan: string }[] = [
  {
    name: 'villages, adopting villages and income by year',
    rollup: `SELECT region_code AS code, extract(year FROM month)::int AS year, villages, adopting,
               income::bigint AS income, income_population
             FROM village_year_figures WHERE villages <> 0 OR adopting <> 0 OR income <> 0 OR income_population <> 0`,
    scan: `SELECT r.code, y.year, count(*)::int AS villages, count(*) FILTER (WHERE a.adopting)::int AS adopting,
             coalesce(sum(i.per_capita_net_income * i.population), 0)::bigint AS income,
             coalesce(sum(i.population), 0)::int AS income_population
           FROM region r JOIN region v ON v.path <@ r.path AND v.level = 'VILLAGE'
           CROSS JOIN (SELECT DISTINCT year FROM village_indicator) y
           LEFT JOIN village_indicator i ON i.region_code = v.code AND i.year = y.year
           CROSS JOIN LATERAL (
             SELECT count(DISTINCT o.kind) = 4 AS adopting FROM village_organization o
             WHERE o.region_code = v.code AND o.kind IN ${MODEL} AND o.founded_on <= make_date(y.year, 12, 31)
               AND (o.dissolved_on IS NULL OR o.dissolved_on > make_date(y.year, 12, 31))) a
           WHERE v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31)
           GROUP BY 1, 2`,
  },
  {
    name: 'grid units by validity',
    rollup: `SELECT region_code AS code, valid_from::text AS "from", valid_to::text AS "to", units
             FROM grid_unit_validity WHERE units <> 0`,
    scan: `SELECT r.code, u.valid_from::text AS "from", coalesce(u.valid_to, 'infinity')::text AS "to",
             count(*)::int AS units
           FROM region r JOIN region u ON u.path <@ r.path AND u.level = 'GRID' GROUP BY 1, 2, 3`,
  },
  {
    name: 'unit-days to cover by month, through the end of next year',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, sum(unit_days)::int AS unit_days
             FROM grid_coverage_figures GROUP BY 1, 2 HAVING sum(unit_days) <> 0`,
    scan: `SELECT r.code, to_char(d.day, 'YYYY-MM') AS month, count(*)::int AS unit_days
           FROM region r JOIN region u ON u.path <@ r.path AND u.level = 'GRID'
           CROSS JOIN LATERAL generate_series(u.valid_from,
             least(coalesce(u.valid_to, 'infinity') - 1, ${NEXT_YEAR_END}), interval '1 day') d (day)
           GROUP BY 1, 2`,
  },
  {
    name: 'covered unit-days by month, the days within their unit’s validity only',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, covered
             FROM grid_coverage_rollup WHERE covered <> 0`,
    scan: `SELECT r.code, to_char(d.day, 'YYYY-MM') AS month, count(*)::int AS covered
           FROM region r JOIN region u ON u.path <@ r.path AND u.level = 'GRID'
           JOIN (SELECT region_code, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM grid_event
                 UNION SELECT region_code, day FROM zero_report) d ON d.region_code = u.code
           WHERE d.day >= u.valid_from AND (u.valid_to IS NULL OR d.day < u.valid_to)
           GROUP BY 1, 2`,
  },
];

const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('the rollups of village years and grid units to cover, kept in the transaction of the facts', () => {
  let app: TestApp;
  let villages: string[];
  let townships: string[];
  let county: string;

  const expectRollupsEqualScans = async () => {
    for (const pair of PAIRS) {
      const [rollup, scan] = [await app.db.query(pair.rollup), await app.db.query(pair.scan)];
      expect([pair.name, sorted(rollup)]).toEqual([pair.name, sorted(scan)]);
    }
  };
  const yearOf = async (code: string, year: number) =>
    (
      await app.db.query(
        `SELECT villages, adopting, income::bigint AS income, income_population AS population
         FROM village_year_figures WHERE region_code = $1 AND month = make_date($2, 1, 1)`,
        [code, year],
      )
    )[0] ?? null;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { rural: true, streets: 2, communities: 2, grids: 1 });
    county = tree.districtCode;
    villages = tree.rows.filter((r) => r.level === 'VILLAGE').map((r) => r.code);
    townships = tree.rows.filter((r) => r.level === 'TOWNSHIP').map((r) => r.code);
  });
  afterAll(() => app.close());

  it('when profiles, organisations and villages are added, changed and removed, then the village years equal a recomputation from the facts', async () => {
    const profile = (code: string, year: number, income: number, population: number) =>
      `('${code}', ${year}, 100, ${population}, 10, 5, ${income}, 0, 0, 20)`;
    await app.db.query(
      `INSERT INTO village_indicator (region_code, year, households, population, cultivated_land_mu, poor_households,
         per_capita_net_income, collective_assets, collective_debts, households_in_organizations)
       VALUES ${villages.flatMap((v, i) => [profile(v, 2011, 5000 + i, 300), profile(v, 2012, 6000 + i, 310)]).join(', ')}`,
    );
    const kinds = ['PARTY_BRANCH', 'COOPERATIVE', 'TRADE_UNION', 'SERVICE_CENTRE'];
    // The first village has the whole model since 2010; the second loses its trade union in 2012.
    await app.db.query(
      `INSERT INTO village_organization (region_code, kind, name, founded_on, dissolved_on) VALUES
       ${[
         ...kinds.map((k) => `('${villages[0]}', '${k}', '一村${k}', '2010-01-01', NULL)`),
         ...kinds.map(
           (k) =>
             `('${villages[1]}', '${k}', '二村${k}', '2011-05-01', ${k === 'TRADE_UNION' ? `'2012-03-01'` : 'NULL'})`,
         ),
       ].join(', ')}`,
    );
    await expectRollupsEqualScans();
    expect(await yearOf(county, 2011)).toEqual({
      villages: 4,
      adopting: 2,
      income: expect.any(String),
      population: 1200,
    });
    expect(await yearOf(county, 2012)).toMatchObject({ villages: 4, adopting: 1, population: 1240 });

    await app.db.query(
      `UPDATE village_indicator SET per_capita_net_income = per_capita_net_income + 1000 WHERE year = 2012`,
    );
    await app.db.query(`UPDATE village_organization SET dissolved_on = NULL WHERE region_code = $1`, [
      villages[1],
    ]);
    await app.db.query(`DELETE FROM village_organization WHERE region_code = $1 AND kind = 'COOPERATIVE'`, [
      villages[0],
    ]);
    await expectRollupsEqualScans();
    expect(await yearOf(county, 2012)).toMatchObject({ villages: 4, adopting: 1 });

    // A year's first profile gives every village a row that year; its last takes them away again.
    await app.db.query(
      `INSERT INTO village_indicator (region_code, year, households, population, cultivated_land_mu, poor_households,
         per_capita_net_income, collective_assets, collective_debts, households_in_organizations)
       VALUES ${profile(villages[2], 2013, 7000, 320)}`,
    );
    await expectRollupsEqualScans();
    expect(await yearOf(county, 2013)).toMatchObject({ villages: 4, population: 320 });
    await app.db.query(`DELETE FROM village_indicator WHERE year = 2013`);
    await expectRollupsEqualScans();
    expect(await yearOf(county, 2013)).toMatchObject({ villages: 0, adopting: 0 });

    // A village abolished in 2012 counts in 2011 only; a village moved to the other township takes its years along.
    await app.db.query(
      `UPDATE region SET valid_from = '2009-01-01', valid_to = '2012-06-30' WHERE code = $1`,
      [villages[3]],
    );
    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [townships[1], villages[0]]);
    await expectRollupsEqualScans();
    expect(await yearOf(county, 2012)).toMatchObject({ villages: 3 });
    expect(await yearOf(townships[1], 2011)).toMatchObject({ villages: 3 });
  });

  it('when grid units are added, redrawn, retired and moved, then the units by validity and the unit-days to cover equal a day-by-day count', async () => {
    const community = villages[1];
    const unit = gridUnitCode(community, 7);
    await expectRollupsEqualScans();
    await app.db.query(
      `INSERT INTO region (code, name, level, parent_code, valid_from) VALUES ($1, '第7网格', 'GRID', $2, '2011-03-15')`,
      [unit, community],
    );
    await expectRollupsEqualScans();
    // A unit not retired is to cover through the end of next year, by today's calendar.
    const [{ last }] = await app.db.query(
      `SELECT to_char(max(month), 'YYYY-MM-DD') AS last FROM grid_coverage_figures
       WHERE region_code = $1 AND unit_days > 0`,
      [unit],
    );
    expect(last).toBe(`${new Date().getUTCFullYear() + 1}-12-01`);

    await app.db.query(`UPDATE region SET valid_from = '2011-04-20' WHERE code = $1`, [unit]);
    await app.db.query(`UPDATE region SET valid_to = '2012-06-10' WHERE code = $1`, [unit]);
    await expectRollupsEqualScans();
    const [{ days }] = await app.db.query(
      `SELECT sum(unit_days)::int AS days FROM grid_coverage_figures WHERE region_code = $1`,
      [county],
    );
    const [{ expected }] = await app.db.query(
      `SELECT sum(least(coalesce(valid_to, 'infinity'), ${NEXT_YEAR_END} + 1) - valid_from)::int AS expected
       FROM region WHERE level = 'GRID' AND path <@ (SELECT path FROM region WHERE code = $1)`,
      [county],
    );
    expect(days).toBe(expected);

    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [townships[0], villages[1]]);
    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [townships[1], villages[1]]);
    await expectRollupsEqualScans();
    const [{ mismatched }] = await app.db.query(
      `SELECT count(*)::int AS mismatched FROM (
         SELECT region_code, region_path FROM grid_unit_validity UNION ALL
         SELECT region_code, region_path FROM village_year_figures UNION ALL
         SELECT region_code, region_path FROM village_year) r
       JOIN region g ON g.code = r.region_code WHERE r.region_path <> g.path`,
    );
    expect(mismatched).toBe(0);
  });

  it('when units are covered on days before their validity and after their retirement, redrawn and moved, then the covered unit-days count the valid days only and no gap goes below zero', async () => {
    const community = villages[2];
    const unit = gridUnitCode(community, 9);
    await app.db.query(
      `INSERT INTO region (code, name, level, parent_code, valid_from) VALUES ($1, '第9网格', 'GRID', $2, '2012-03-10')`,
      [unit, community],
    );
    // An import backfills the unit's reports from before it was drawn; one event too, the evening before.
    await app.db.query(
      `INSERT INTO zero_report (region_code, day, reporter_name, created_by)
       SELECT $1, d::date, '网格员', 'test' FROM generate_series('2012-03-01'::date, '2012-03-20', '1 day') d`,
      [unit],
    );
    await app.db.query(
      `INSERT INTO grid_event (number, source, category, urgency, region_code, description, state, reporter_name,
         reported_at, created_by)
       VALUES ('WG2012-T00001', 'GRID_WORKER', 'FIRE_HAZARD', 'NORMAL', $1, '楼道堆放杂物', 'REPORTED', '网格员',
         '2012-02-28 20:00+08', 'test')`,
      [unit],
    );
    await expectRollupsEqualScans();
    const march = async (code: string) =>
      (
        await app.db.query(
          `SELECT sum(unit_days)::int AS "unitDays", sum(covered)::int AS covered FROM grid_coverage_figures
           WHERE region_code = $1 AND month = '2012-03-01'`,
          [code],
        )
      )[0];
    // Drawn on the 10th: 22 days to cover, of which the reports cover the 10th to the 20th.
    expect(await march(unit)).toEqual({ unitDays: 22, covered: 11 });

    // Redrawn from the 1st, and retired on the 15th: the days follow the validity both ways.
    await app.db.query(`UPDATE region SET valid_from = '2012-03-01' WHERE code = $1`, [unit]);
    await expectRollupsEqualScans();
    expect(await march(unit)).toEqual({ unitDays: 31, covered: 20 });
    await app.db.query(`UPDATE region SET valid_to = '2012-03-15' WHERE code = $1`, [unit]);
    await expectRollupsEqualScans();
    expect(await march(unit)).toEqual({ unitDays: 14, covered: 14 });

    // Moved with its village to the other township: its valid days go along, none left behind.
    const [{ township }] = await app.db.query(
      `SELECT p.parent_code AS township FROM region p WHERE p.code = $1`,
      [community],
    );
    const other = townships.find((t) => t !== township)!;
    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [other, community]);
    await expectRollupsEqualScans();
    const [{ negative }] = await app.db.query(
      `SELECT count(*)::int AS negative FROM (
         SELECT region_code, month FROM grid_coverage_figures GROUP BY 1, 2 HAVING sum(unit_days) < sum(covered)) g`,
    );
    expect(negative).toBe(0);
  });

  it('when zero reports fill a unit’s silent days, one is backfilled between two and units come and go, then the units without reports over every week are those the unit list counts', async () => {
    const units: string[] = (
      await app.db.query(
        `SELECT code FROM region WHERE level = 'GRID' AND valid_to IS NULL
           AND path <@ (SELECT path FROM region WHERE code = $1) ORDER BY code`,
        [county],
      )
    ).map((r: { code: string }) => r.code);
    const report = (rows: [string, string][]) =>
      app.db.query(
        `INSERT INTO zero_report (region_code, day, reporter_name, created_by)
         SELECT t.code, t.day::date, '网格员', 'test' FROM unnest($1::text[], $2::text[]) AS t (code, day)`,
        [rows.map((r) => r[0]), rows.map((r) => r[1])],
      );
    // Windows of one to seven days around the reports, as the alert's week (clipped at a period's start) may be.
    const windows = [1, 3, 7].flatMap((length) =>
      Array.from({ length: 12 }, (_, i) => {
        const from = new Date(Date.UTC(2012, 4, 25 + 3 * i));
        const to = new Date(from.getTime() + (length - 1) * 86_400_000);
        return [from, to].map((d) => d.toISOString().slice(0, 10));
      }),
    );
    const expectListCounts = async () => {
      for (const code of [county, ...townships, villages[2]])
        for (const [from, to] of windows) {
          const [[{ rollup }], [{ list }]] = await Promise.all([
            app.db.query(
              `SELECT coalesce(sum(units), 0)::int AS rollup FROM grid_unit_gap_rollup WHERE region_code = $1
                 AND gap_to >= $3 AND gap_from <= $2 AND valid_from <= current_date AND valid_to > current_date`,
              [code, from, to],
            ),
            app.db.query(
              `SELECT count(*)::int AS list FROM region r WHERE r.level = 'GRID'
                 AND r.path <@ (SELECT path FROM region WHERE code = $1)
                 AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to > current_date)
                 AND NOT EXISTS (SELECT 1 FROM grid_unit_day d WHERE d.region_code = r.code AND d.day BETWEEN $2 AND $3)`,
              [code, from, to],
            ),
          ]);
          expect({ code, from, to, count: rollup }).toEqual({ code, from, to, count: list });
        }
    };
    await expectListCounts();
    await report([
      [units[0], '2012-06-01'],
      [units[0], '2012-06-10'],
      [units[1], '2012-06-03'],
      [units[2], '2012-05-28'],
    ]);
    await expectListCounts();
    await report([[units[0], '2012-06-05']]);
    await report([
      [units[1], '2012-06-04'],
      [units[1], '2012-06-08'],
      [units[3], '2012-06-15'],
    ]);
    await expectListCounts();
    // A unit drawn since 2011 and never covered is without reports every week; a retired one no longer counts.
    await app.db.query(
      `INSERT INTO region (code, name, level, parent_code, valid_from) VALUES ($1, '第8网格', 'GRID', $2, '2011-01-01')`,
      [gridUnitCode(villages[2], 8), villages[2]],
    );
    await app.db.query(
      `UPDATE region SET valid_from = '2011-01-01', valid_to = current_date WHERE code = $1`,
      [units[2]],
    );
    await expectListCounts();
    const [{ mismatched }] = await app.db.query(
      `SELECT count(*)::int AS mismatched FROM grid_unit_gap_rollup r JOIN region g ON g.code = r.region_code
       WHERE r.region_path <> g.path`,
    );
    expect(mismatched).toBe(0);
  });
});
