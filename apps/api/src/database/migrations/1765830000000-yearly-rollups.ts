import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, createRollupTable, type RollupSource, type RollupTable } from '../rollup';

const year = (day: string) => `date_trunc('year', ${day})::date`;

/** Yearly twins of two monthly rollups, each with what it adds per fact. */
const TWINS: readonly [RollupTable, RollupSource][] = [
  [
    {
      table: 'cadre_visit_year_rollup',
      keys: { year: 'date', cadre_id: 'uuid' },
      measures: { visits: 'the cadre’s household visits in the year (its first day), under the region' },
    },
    {
      fact: 'visit',
      ancestors: true,
      contributions: [
        { keys: { year: year('f.visited_on'), cadre_id: 'f.cadre_id' }, measures: { visits: '1' } },
      ],
    },
  ],
  [
    {
      table: 'petition_case_year_rollup',
      keys: { month: 'date' },
      measures: {
        registered: 'petition backlog cases registered in the year (its first day in month)',
        resolved: 'petition backlog cases resolved in the year',
      },
    },
    {
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
    },
  ],
];

/**
 * Yearly twins of monthly rollups, so that the command view reads a row per year where it read one per month
 * (issue 13), kept by the same kind of triggers in the facts' transaction:
 *
 * - `cadre_visit_year_rollup`: visits by region above, year and cadre. The alert of cadres below their visit
 *   target over whole years reads a row per cadre of the region (1,970 for the city's 2012), not one per cadre and
 *   month (21,604); the months around whole years still come from `cadre_visit_rollup`.
 * - `petition_case_year_rollup`: petitions registered and resolved by region above and year. The petition backlog
 *   counts from the first petition on; the years before those the view shows come from here, not every month of
 *   every child's history.
 */
export class YearlyRollups1765830000000 implements MigrationInterface {
  name = 'YearlyRollups1765830000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, source] of TWINS) {
      await createRollupTable(q, table);
      await addRollupSource(q, table, source);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [{ table }, { fact }] of TWINS) {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER ${table}_from_${fact}_${event} ON ${fact}`);
      await q.query(`DROP FUNCTION ${table}_from_${fact}()`);
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
