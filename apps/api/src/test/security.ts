/**
 * The security rollup as its trigger keeps it, and the same sums by a scan of the statistics written the other
 * way round: for every region, the figures whose path lies under its path, by month and by year.
 */
const SECURITY_ROLLUP = `SELECT region_code AS code, grain, to_char(period, 'YYYY-MM') AS period, category, cases, figures
  FROM security_statistic_rollup WHERE cases <> 0 OR figures <> 0`;
const SECURITY_SCAN = `SELECT r.code, g.grain, to_char(g.period, 'YYYY-MM') AS period, s.category,
    sum(s.cases)::int AS cases, count(*)::int AS figures
  FROM region r JOIN security_statistic s ON s.region_path <@ r.path
  CROSS JOIN LATERAL (VALUES ('M', s.month), ('Y', date_trunc('year', s.month)::date)) AS g (grain, period)
  GROUP BY 1, 2, 3, 4`;

/** Both, as sorted JSON lines: a difference shows as the rows that differ. */
export async function securityRollupAndScan(db: { query(sql: string): Promise<object[]> }) {
  const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
  const [rollup, scan] = await Promise.all([db.query(SECURITY_ROLLUP), db.query(SECURITY_SCAN)]);
  return { rollup: sorted(rollup), scan: sorted(scan) };
}
