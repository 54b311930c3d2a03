import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, createRollupTable, type RollupTable } from '../rollup';

const PETITION_YEARS: RollupTable = {
  table: 'petition_case_year_rollup',
  keys: { month: 'date' },
  measures: {
    registered: 'petition backlog cases registered in the year (its first day in month)',
    resolved: 'petition backlog cases resolved in the year',
  },
};

const year = (day: string) => `date_trunc('year', ${day})::date`;

/**
 * The petition backlog of the command view counts from the first petition on (registered through the period's
 * end, less resolved before its start): the years before the ones it shows come from this yearly twin of
 * `petition_case_rollup`, a row per region and year, instead of every month of every child's history (1,166 rows
 * for the city and its districts in 2012). Kept by the same triggers' kind on `petition_case`.
 */
export class PetitionYears1765831000000 implements MigrationInterface {
  name = 'PetitionYears1765831000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, PETITION_YEARS);
    await addRollupSource(q, PETITION_YEARS, {
      fact: 'petition_case',
      ancestors: true,
      contributions: [
        { keys: { month: year('f.registered_on') }, measures: { registered: '1' } },
        {
          keys: { month: year('f.resolved_on') },
          where: 'f.resolved_on IS NOT NULL',
          measures: { resolved: '1' },
        },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER petition_case_year_rollup_from_petition_case_${event} ON petition_case`);
    await q.query(`DROP FUNCTION petition_case_year_rollup_from_petition_case()`);
    await q.query(`DROP TABLE petition_case_year_rollup`);
  }
}
