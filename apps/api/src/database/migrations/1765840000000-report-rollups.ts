import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addRollupSource,
  chinaMonth,
  createRollupTable,
  dropRollup,
  monthlyRollup,
  type RollupSource,
  type RollupTable,
} from '../rollup';

// The domain's RESIDENT_TAGS as they were when this ran: a column each, lower-cased.
const TAGS = 'ELDERLY DISABLED MINIMUM_ALLOWANCE POOR_HOUSEHOLD FLOATING_POPULATION SPECIAL_GROUP'.split(' ');
const byTag = (of: (tag: string) => string) =>
  Object.fromEntries(TAGS.map((tag) => [tag.toLowerCase(), of(tag)]));

/** A source counted by the month (China time) of its `at` column, under every region above its facts. */
const byMonth = (
  fact: string,
  at: string,
  measures: Record<string, string>,
  where?: string,
): RollupSource => ({
  fact,
  ancestors: true,
  contributions: [{ keys: { month: chinaMonth(`f.${at}`) }, where, measures }],
});

const ROLLUPS: readonly { table: RollupTable; sources: readonly RollupSource[] }[] = [
  {
    table: monthlyRollup('registry_rollup', {
      households: 'households registered in the month (China time), where they live now',
      residents: 'residents registered in the month (China time), where they live now',
      ...byTag((tag) => `of those residents, tagged ${tag} now`),
    }),
    sources: [
      byMonth('household', 'created_at', { households: '1' }),
      byMonth('resident', 'created_at', {
        residents: '1',
        ...byTag((tag) => `('${tag}' = ANY(f.tags))::int`),
      }),
    ],
  },
  {
    table: monthlyRollup('dispute_outcome_rollup', {
      failed: 'cases accepted in the month (China time) whose mediation failed',
      withdrawn: 'cases accepted in the month (China time) withdrawn',
    }),
    sources: [
      byMonth(
        'dispute_case',
        'accepted_at',
        { failed: `(f.outcome = 'MEDIATION_FAILED')::int`, withdrawn: `(f.outcome = 'WITHDRAWN')::int` },
        'f.accepted_at IS NOT NULL',
      ),
    ],
  },
];

/**
 * The monthly report's figures that no rollup of the command view counted (issue 13): the registry by the month
 * households and residents were registered (a report's "registered by the month's end" is every month through
 * it), and the outcomes of the month's accepted cases besides the agreements `dispute_case_rollup` counts.
 */
export class ReportRollups1765840000000 implements MigrationInterface {
  name = 'ReportRollups1765840000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, sources } of ROLLUPS) {
      await createRollupTable(q, table);
      for (const source of sources) await addRollupSource(q, table, source);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, sources } of [...ROLLUPS].reverse())
      await dropRollup(
        q,
        table.table,
        sources.map((s) => s.fact),
      );
  }
}
