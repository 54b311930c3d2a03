import type { Client } from 'pg';
import { qiangji } from './client';

const TITLE = '邻里漏水纠纷（基准）';

export interface WritePool {
  next(): { id: string; version: number };
  /** Puts every case back as it was registered (state, deadline, version) and starts again from the first. */
  reset(): Promise<void>;
  /** Each accepted case has exactly one timeline row and one audit row of its acceptance. */
  check(): Promise<void>;
}

/**
 * Cases in RECEIVED for the write, registered through Qiangji's API in a village of 延寿县. Every measurement takes
 * them in turn from the first, after `reset()`: a measurement never runs out of cases, and the pool stays small
 * beside the seeded ones (they are not in any list, export or figure that is measured).
 */
export async function registerWritePool(
  base: string,
  token: string,
  monitor: Client,
  size: number,
): Promise<WritePool> {
  const {
    rows: [{ code }],
  } = await monitor.query(
    `SELECT region_code AS code FROM mediation_organization
     WHERE kind = 'PEOPLES_COMMITTEE' AND length(region_code) = 12 AND region_code LIKE '230129%'
     ORDER BY region_code LIMIT 1`,
  );
  const input = {
    channel: 'WALK_IN',
    type: 'NEIGHBOURHOOD',
    title: TITLE,
    description: '楼上漏水殃及楼下，双方就维修费用争执不下。',
    regionCode: code,
    parties: [
      { role: 'APPLICANT', name: '王某', contact: '13800001234' },
      { role: 'RESPONDENT', name: '李某' },
    ],
    peopleInvolved: 2,
    householdsInvolved: 2,
  };
  const ids: string[] = [];
  const register = async () => {
    const data = await qiangji(
      base,
      `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { id } }`,
      { input },
      token,
    );
    ids.push(data.registerDisputeCase.id);
  };
  for (let i = 0; i < size; i += 5)
    await Promise.all(Array.from({ length: Math.min(5, size - i) }, register));
  const { rows } = await monitor.query(
    `SELECT id, version, due_at, at_risk_at FROM dispute_case WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  let next = 0;
  return {
    next() {
      const row = rows[next++ % rows.length];
      return { id: row.id, version: row.version };
    },
    async reset() {
      next = 0;
      await monitor.query(
        `UPDATE dispute_case d SET state = 'RECEIVED', accepted_at = NULL, due_at = s.due_at, at_risk_at = s.at_risk_at,
           version = s.version
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[]) AS s(id, version, due_at, at_risk_at)
         WHERE d.id = s.id`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.version),
          rows.map((r) => r.due_at),
          rows.map((r) => r.at_risk_at),
        ],
      );
    },
    async check() {
      const { rows: accepted } = await monitor.query(
        `SELECT c.id,
           (SELECT count(*)::int FROM dispute_case_event e WHERE e.case_id = c.id AND e.command = 'accept') AS events,
           (SELECT count(*)::int FROM audit_event a
            WHERE a.entity_id = c.id::text AND a.action = 'disputeCase.accept') AS audits
         FROM dispute_case c WHERE c.title = $1 AND c.state = 'ACCEPTED'`,
        [TITLE],
      );
      const bad = accepted.filter((r) => r.events !== 1 || r.audits !== 1);
      if (!accepted.length || bad.length)
        throw new Error(
          `accept: cases without exactly one timeline and one audit row: ${JSON.stringify(bad)}`,
        );
    },
  };
}
