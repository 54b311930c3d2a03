import type { OrganizationKind } from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import type { GqlClient } from './test-app';

let names = 0;

/** An organisation inserted directly (reference data): a people's committee unless told otherwise. */
export async function organization(
  db: DataSource,
  regionCode: string,
  kind: OrganizationKind = 'PEOPLES_COMMITTEE',
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO mediation_organization (kind, name, region_code) VALUES ($1, $2, $3) RETURNING id`,
    [kind, `测试调解组织${++names}`, regionCode],
  );
  return row.id;
}

/** An active mediator who belongs to the given organisations. */
export async function mediator(
  db: DataSource,
  regionCode: string,
  organizationIds: string[],
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO mediator (name, employment, region_code) VALUES ($1, 'PART_TIME', $2) RETURNING id, region_path::text AS path`,
    [`调解员${++names}`, regionCode],
  );
  for (const organizationId of organizationIds)
    await db.query(
      `INSERT INTO mediator_membership (mediator_id, organization_id, region_path) VALUES ($1, $2, $3::ltree)`,
      [row.id, organizationId, row.path],
    );
  return row.id;
}

export interface TestCase {
  id: string;
  number: string;
  state: string;
  version: number;
  risk: string;
  dueAt: string | null;
}

export const CASE_FIELDS = 'id number state version risk dueAt';

export function caseInput(regionCode: string, overrides: Record<string, unknown> = {}) {
  return {
    channel: 'WALK_IN',
    type: 'NEIGHBOURHOOD',
    title: '邻里漏水纠纷',
    description: '楼上漏水殃及楼下，双方就维修费用争执不下。',
    regionCode,
    parties: [
      { role: 'APPLICANT', name: '王某', contact: '13800001234' },
      { role: 'RESPONDENT', name: '李某' },
    ],
    peopleInvolved: 2,
    householdsInvolved: 2,
    ...overrides,
  };
}

/** A case registered through the API. */
export async function registerCase(
  client: GqlClient,
  regionCode: string,
  overrides: Record<string, unknown> = {},
): Promise<TestCase> {
  const res = await client.gql<{ registerDisputeCase: TestCase }>(
    `mutation($input: RegisterDisputeCaseInput!) { registerDisputeCase(input: $input) { ${CASE_FIELDS} } }`,
    { input: caseInput(regionCode, overrides) },
  );
  if (!res.data) throw new Error(`registerDisputeCase failed: ${JSON.stringify(res.errors)}`);
  return res.data.registerDisputeCase;
}
