import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRollupSource, chinaMonth as month, createRollupTable, dropRollup, monthlyRollup } from '../rollup';

// The domain's RESIDENT_TAGS as they were when this ran: a column each, lower-cased.
const TAGS = ['ELDERLY', 'DISABLED', 'MINIMUM_ALLOWANCE', 'POOR_HOUSEHOLD', 'FLOATING_POPULATION', 'SPECIAL_GROUP'];

const REGISTRY = monthlyRollup('registry_rollup', {
  households: 'households registered in the month (China time), where they live now',
  residents: 'residents registered in the month (China time), where they live now',
  ...Object.fromEntries(TAGS.map((tag) => [tag.toLowerCase(), `of those residents, tagged ${tag} now`])),
});

const OUTCOMES = monthlyRollup('dispute_outcome_rollup', {
  failed: 'cases accepted in the month (China time) whose mediation failed',
  withdrawn: 'cases accepted in the month (China time) withdrawn',
});

/**
 * The monthly report's figures that no rollup of the command view counted (issue 13): the registry by the month
 * households and residents were registered (a report's "registered by the month's end" is every month through
 * it), and the outcomes of the month's accepted cases besides the agreements `dispute_case_rollup` counts.
 */
export class ReportRollups1765840000000 implements MigrationInterface {
  name = 'ReportRollups1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, REGISTRY);
    await addRollupSource(q, REGISTRY, {
      fact: 'household',
      ancestors: true,
      contributions: [{ keys: { month: month('f.created_at') }, measures: { households: '1' } }],
    });
    await addRollupSource(q, REGISTRY, {
      fact: 'resident',
      ancestors: true,
      contributions: [
        {
          keys: { month: month('f.created_at') },
          measures: {
            residents: '1',
            ...Object.fromEntries(TAGS.map((tag) => [tag.toLowerCase(), `('${tag}' = ANY(f.tags))::int`])),
          },
        },
      ],
    });
    await createRollupTable(q, OUTCOMES);
    await addRollupSource(q, OUTCOMES, {
      fact: 'dispute_case',
      ancestors: true,
      contributions: [
        {
          keys: { month: month('f.accepted_at') },
          where: 'f.accepted_at IS NOT NULL',
          measures: {
            failed: `(f.outcome = 'MEDIATION_FAILED')::int`,
            withdrawn: `(f.outcome = 'WITHDRAWN')::int`,
          },
        },
      ],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRollup(q, 'dispute_outcome_rollup', ['dispute_case']);
    await dropRollup(q, 'registry_rollup', ['resident', 'household']);
  }
}
