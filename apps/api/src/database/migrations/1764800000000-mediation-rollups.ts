import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addRollupSource,
  chinaMonth as month,
  createRollupTable,
  monthlyRollup,
  type RollupTable,
} from '../rollup';

// The stages with the legal time limits (@qiangji/domain's isOpenDisputeCase), as they were when this ran.
const OPEN = `f.state IN ('RECEIVED', 'ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION')`;

const DISPUTE_CASES = monthlyRollup('dispute_case_rollup', {
  accepted: 'cases accepted in the month (China time)',
  mediated: 'of those, concluded with an agreement',
  open: 'of those, without an outcome yet',
  open_due: 'of those, still in a stage with a time limit and a due time',
  received: 'cases received in the month',
  received_open: 'of those, still in a stage with a time limit',
  received_open_due: 'of those, with a due time',
  received_high_risk: 'of those, assessed high risk',
});

const PETITIONS = monthlyRollup('petition_case_rollup', {
  registered: 'petition backlog cases registered in the month',
  resolved: 'petition backlog cases resolved in the month',
});

const RECURRENCE: RollupTable = {
  table: 'dispute_recurrence',
  keys: { year: 'date', subject: 'text', place: 'varchar(15)' },
  measures: {
    cases: 'disputes received in the year at the place: of one type (TYPE:x) or with one resident (PARTY:id)',
  },
};

/**
 * The rollups the command view reads instead of scanning the cases (issue 13): dispute cases and petitions by
 * region (and every region above) and month, and recurring disputes by place and year.
 */
export class MediationRollups1764800000000 implements MigrationInterface {
  name = 'MediationRollups1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await createRollupTable(q, DISPUTE_CASES);
    await addRollupSource(q, DISPUTE_CASES, {
      fact: 'dispute_case',
      ancestors: true,
      contributions: [
        {
          keys: { month: month('f.accepted_at') },
          where: 'f.accepted_at IS NOT NULL',
          measures: {
            accepted: '1',
            mediated: `(f.outcome = 'AGREEMENT_REACHED')::int`,
            open: '(f.outcome IS NULL)::int',
            open_due: `(${OPEN} AND f.due_at IS NOT NULL)::int`,
          },
        },
        {
          keys: { month: month('f.received_at') },
          measures: {
            received: '1',
            received_open: `(${OPEN})::int`,
            received_open_due: `(${OPEN} AND f.due_at IS NOT NULL)::int`,
            received_high_risk: `(${OPEN} AND f.risk = 'HIGH')::int`,
          },
        },
      ],
    });

    await createRollupTable(q, PETITIONS);
    await addRollupSource(q, PETITIONS, {
      fact: 'petition_case',
      ancestors: true,
      contributions: [
        { keys: { month: `date_trunc('month', f.registered_on)::date` }, measures: { registered: '1' } },
        {
          keys: { month: `date_trunc('month', f.resolved_on)::date` },
          where: 'f.resolved_on IS NOT NULL',
          measures: { resolved: '1' },
        },
      ],
    });

    await createRollupTable(q, RECURRENCE);
    const year = (instant: string) => `date_trunc('year', ${instant} AT TIME ZONE 'Asia/Shanghai')::date`;
    // The place is the fact's own region; the row is kept under every region above it too, so the worst places
    // of any subtree are the first rows of one index range, whatever the subtree's size.
    const place = 'ltree2text(subpath(f.region_path, -1))';
    await addRollupSource(q, RECURRENCE, {
      fact: 'dispute_case',
      ancestors: true,
      contributions: [
        {
          keys: { year: year('f.received_at'), subject: `'TYPE:' || f.type`, place },
          measures: { cases: '1' },
        },
      ],
    });
    // A party's case is written before its parties, and parties are never updated: the case's year is theirs.
    await addRollupSource(q, RECURRENCE, {
      fact: 'dispute_party',
      join: 'JOIN dispute_case c ON c.id = f.case_id',
      ancestors: true,
      contributions: [
        {
          keys: { year: year('c.received_at'), subject: `'PARTY:' || f.resident_id`, place },
          where: 'f.resident_id IS NOT NULL',
          measures: { cases: '1' },
        },
      ],
    });
    // The alerts read the first recurring rows of a region and year, never the whole subtree.
    await q.query(
      `CREATE INDEX dispute_recurrence_recurring ON dispute_recurrence (region_code, year, cases DESC) WHERE cases >= 3`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, facts] of [
      ['dispute_recurrence', ['dispute_party', 'dispute_case']],
      ['petition_case_rollup', ['petition_case']],
      ['dispute_case_rollup', ['dispute_case']],
    ] as const) {
      for (const fact of facts) {
        for (const event of ['insert', 'update', 'delete'])
          await q.query(`DROP TRIGGER ${table}_from_${fact}_${event} ON ${fact}`);
        await q.query(`DROP FUNCTION ${table}_from_${fact}()`);
      }
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
