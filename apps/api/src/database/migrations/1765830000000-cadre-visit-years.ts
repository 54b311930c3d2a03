import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, createRollupTable, type RollupTable } from '../rollup';

const CADRE_YEARS: RollupTable = {
  table: 'cadre_visit_year_rollup',
  keys: { year: 'date', cadre_id: 'uuid' },
  measures: { visits: 'the cadre’s household visits in the year (its first day), under the region' },
};

/**
 * The alert of cadres below their visit target over a year reads a row per cadre of the region, not one per
 * cadre and month (issue 13: 21,604 rows of `cadre_visit_rollup` for the city's year, 1,970 here): visits by
 * region above them, year and cadre, kept by triggers on `visit` like the monthly rollup beside it. A period of
 * whole years and some months reads the years here and the months there.
 */
export class CadreVisitYears1765830000000 implements MigrationInterface {
  name = 'CadreVisitYears1765830000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, CADRE_YEARS);
    await addRollupSource(q, CADRE_YEARS, {
      fact: 'visit',
      ancestors: true,
      contributions: [
        {
          keys: { year: `date_trunc('year', f.visited_on)::date`, cadre_id: 'f.cadre_id' },
          measures: { visits: '1' },
        },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER cadre_visit_year_rollup_from_visit_${event} ON visit`);
    await q.query(`DROP FUNCTION cadre_visit_year_rollup_from_visit()`);
    await q.query(`DROP TABLE cadre_visit_year_rollup`);
  }
}
