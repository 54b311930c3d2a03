import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, createRollupTable, type RollupTable } from '../rollup';

const SECURITY: RollupTable = {
  table: 'security_statistic_rollup',
  keys: { grain: 'char(1)', period: 'date', category: 'text' },
  measures: {
    cases: 'reported cases of the period (grain M: a month, Y: a year) in the region and below it',
    figures: 'statistic rows behind them (a row of 0 cases is a figure sent: a village that reported a quiet year)',
  },
};

/**
 * securityStats reads a rollup instead of scanning the statistics (issue 12): reported cases by region (and every
 * region above), month and category, and the same by year for the villages' "no case for N years". The city's
 * answer costs its own rows and its children's, as a district's does.
 */
export class SecurityRollup1765320000000 implements MigrationInterface {
  name = 'SecurityRollup1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, SECURITY);
    const measures = { cases: 'f.cases', figures: '1' };
    await addRollupSource(q, SECURITY, {
      fact: 'security_statistic',
      ancestors: true,
      contributions: [
        { keys: { grain: `'M'`, period: 'f.month', category: 'f.category' }, measures },
        { keys: { grain: `'Y'`, period: `date_trunc('year', f.month)::date`, category: 'f.category' }, measures },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      await q.query(
        `DROP TRIGGER security_statistic_rollup_from_security_statistic_${event} ON security_statistic`,
      );
    await q.query(`DROP FUNCTION security_statistic_rollup_from_security_statistic()`);
    await q.query(`DROP TABLE security_statistic_rollup`);
  }
}
