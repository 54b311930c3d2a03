import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, createRollupTable, dropRollup, monthlyRollup } from '../rollup';

/** The categories the command view's reported cases count (REPORTED_CASE_CATEGORIES as when this ran). */
const REPORTED = `('CRIMINAL', 'PUBLIC_ORDER')`;

const CASES = monthlyRollup('security_case_rollup', {
  reported: 'reported cases (criminal and public order) of the month in the region and below it',
});

/**
 * The command view's and the monthly report's reported cases as a rollup of their own (issue 13), not a view
 * summing two categories of `security_statistic_rollup` on each request: the city's rows of its months and its
 * children's were 480 of that table's rows on about 750 pages, now a row per region and month.
 */
export class SecurityCaseRollup1765851000000 implements MigrationInterface {
  name = 'SecurityCaseRollup1765851000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW security_case_rollup`);
    await createRollupTable(q, CASES);
    await addRollupSource(q, CASES, {
      fact: 'security_statistic',
      ancestors: true,
      contributions: [
        { keys: { month: 'f.month' }, where: `f.category IN ${REPORTED}`, measures: { reported: 'f.cases' } },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRollup(q, 'security_case_rollup', ['security_statistic']);
    await q.query(
      `CREATE VIEW security_case_rollup WITH (security_invoker = true) AS
       SELECT region_code, region_path, period AS month, sum(cases)::int AS reported
       FROM security_statistic_rollup WHERE grain = 'M' AND category IN ${REPORTED}
       GROUP BY region_code, region_path, period`,
    );
    await q.query(`GRANT SELECT ON security_case_rollup TO qiangji_app`);
  }
}
