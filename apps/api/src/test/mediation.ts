import {
  constantCase,
  DISPUTE_CASE_MACHINE,
  type DisputeCaseCommand,
  type DisputeCaseState,
  type OrganizationKind,
} from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import { shortestPath } from './machines';
import type { GqlClient, GraphQLResponse, TestApp } from './test-app';

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

/**
 * An active mediator who belongs to the given organisations; with `userId`, the record of that MEDIATOR account,
 * which then reads the cases of those organisations and the ones assigned to it.
 */
export async function mediator(
  db: DataSource,
  regionCode: string,
  organizationIds: string[],
  userId: string | null = null,
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO mediator (name, employment, region_code, user_id) VALUES ($1, 'PART_TIME', $2, $3)
     RETURNING id, region_path::text AS path`,
    [`调解员${++names}`, regionCode, userId],
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

/** A day in China time, `days` before today: session, agreement and follow-up dates may not be in the future. */
export function chinaDay(daysAgo = 1): string {
  return new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** What the commands below need besides the case: a mediator of the handling organisation, a centre above it. */
export interface CommandRefs {
  mediatorId: string;
  centreId: string;
}

/**
 * Each command of the domain's transitions table as the API takes it: the mutation and a complete input
 * (without `id` and `expectedVersion`).
 */
export const CASE_COMMANDS: {
  readonly [C in DisputeCaseCommand]: {
    mutation: string;
    inputType: string;
    input(refs: CommandRefs): Record<string, unknown>;
  };
} = {
  accept: { mutation: 'acceptDisputeCase', inputType: 'AcceptDisputeCaseInput', input: () => ({}) },
  decline: {
    mutation: 'declineDisputeCase',
    inputType: 'DeclineDisputeCaseInput',
    input: () => ({ reason: '不属于人民调解受理范围' }),
  },
  assignMediator: {
    mutation: 'assignMediator',
    inputType: 'AssignMediatorInput',
    input: (refs) => ({ mediatorId: refs.mediatorId }),
  },
  recordSession: {
    mutation: 'recordSession',
    inputType: 'RecordSessionInput',
    input: () => ({ date: chinaDay(2), place: '社区调解室', participants: ['王某', '李某'] }),
  },
  concludeWithAgreement: {
    mutation: 'concludeWithAgreement',
    inputType: 'ConcludeWithAgreementInput',
    input: () => ({
      agreement: { terms: '楼上承担维修费用八百元', signatories: ['王某', '李某'], signedOn: chinaDay(2) },
    }),
  },
  concludeWithoutAgreement: {
    mutation: 'concludeWithoutAgreement',
    inputType: 'ConcludeWithoutAgreementInput',
    input: () => ({ referral: 'LITIGATION', reason: '双方分歧过大' }),
  },
  withdraw: {
    mutation: 'withdrawDisputeCase',
    inputType: 'WithdrawDisputeCaseInput',
    input: () => ({ reason: '申请人撤回申请' }),
  },
  recordFollowUp: {
    mutation: 'recordFollowUp',
    inputType: 'RecordFollowUpInput',
    input: () => ({ date: chinaDay(1), honoured: true }),
  },
  close: { mutation: 'closeDisputeCase', inputType: 'CloseDisputeCaseInput', input: () => ({}) },
  escalate: {
    mutation: 'escalateDisputeCase',
    inputType: 'EscalateDisputeCaseInput',
    input: (refs) => ({ organizationId: refs.centreId, reason: '涉及多个村组，需上级协调' }),
  },
};

/**
 * The shortest sequence of commands that brings a new (RECEIVED) case to `state`, found breadth-first in the
 * domain's transitions table (commands in the table's order, so the path is always the same one).
 */
export function pathTo(state: DisputeCaseState): DisputeCaseCommand[] {
  return shortestPath(DISPUTE_CASE_MACHINE, 'RECEIVED', state);
}

/** Runs one command on a case through the API, as `client`; the result is aliased `result`. */
export function runCommand(
  client: GqlClient,
  command: DisputeCaseCommand,
  c: { id: string; version: number },
  refs: CommandRefs,
  input: Record<string, unknown> = {},
): Promise<GraphQLResponse<{ result: TestCase }>> {
  const { mutation, inputType, input: base } = CASE_COMMANDS[command];
  return client.gql<{ result: TestCase }>(
    `mutation($input: ${inputType}!) { result: ${mutation}(input: $input) { ${CASE_FIELDS} } }`,
    { input: { id: c.id, expectedVersion: c.version, ...base(refs), ...input } },
  );
}

/** A case registered through the API and taken through `commands`, each one required to succeed. */
export async function walkCase(
  client: GqlClient,
  regionCode: string,
  commands: readonly DisputeCaseCommand[],
  refs: CommandRefs,
  overrides: Record<string, unknown> = {},
): Promise<TestCase> {
  let c = await registerCase(client, regionCode, overrides);
  for (const command of commands) {
    const res = await runCommand(client, command, c, refs);
    if (!res.data) throw new Error(`${command} failed: ${JSON.stringify(res.errors)}`);
    c = res.data.result;
  }
  return c;
}

/** A fresh case brought to `state` through the API along the shortest path of commands. */
export function caseIn(
  client: GqlClient,
  regionCode: string,
  state: DisputeCaseState,
  refs: CommandRefs,
  overrides: Record<string, unknown> = {},
): Promise<TestCase> {
  return walkCase(client, regionCode, pathTo(state), refs, overrides);
}

export interface CaseTrace {
  state: string;
  version: number;
  organizationId: string;
  updatedAt: Date;
  /** The timeline rows' commands, oldest first. */
  events: string[];
  /** The audit rows' actions about the case, oldest first. */
  audits: string[];
}

/** What the database holds about a case, read directly: to prove a refused command changed nothing. */
export async function caseTrace(db: DataSource, id: string): Promise<CaseTrace> {
  const [row] = await db.query(
    `SELECT c.state, c.version, c.organization_id AS "organizationId", c.updated_at AS "updatedAt",
       coalesce((SELECT array_agg(e.command ORDER BY e.id) FROM dispute_case_event e WHERE e.case_id = c.id), '{}') AS events,
       coalesce((SELECT array_agg(a.action ORDER BY a.id) FROM audit_event a
                 WHERE a.entity_type = 'DisputeCase' AND a.entity_id = c.id::text), '{}') AS audits
     FROM dispute_case c WHERE c.id = $1`,
    [id],
  );
  if (!row) throw new Error(`No dispute case ${id}.`);
  return row;
}

/** A client that calls with a fresh API key of these scopes for `regionCode`, created by `admin`. */
export async function apiKeyClient(
  app: TestApp,
  admin: GqlClient,
  regionCode: string,
  scopes: ('READ' | 'WRITE')[],
): Promise<GqlClient> {
  const res = await admin.gql<{ createApiKey: { secret: string } }>(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    { input: { name: `调解测试系统${++names}`, regionCode, scopes } },
  );
  if (!res.data) throw new Error(`createApiKey failed: ${JSON.stringify(res.errors)}`);
  return app.withCredential(res.data.createApiKey.secret, 'x-api-key');
}

/** The GraphQL name of a domain command: concludeWithAgreement → CONCLUDE_WITH_AGREEMENT. */
export const commandEnum = (command: DisputeCaseCommand): string => constantCase(command);

/**
 * `fn` over `items`, at most `limit` at a time, results in order. The API's pool has four connections; more
 * requests in flight only queue, and long bursts stall the test process that also runs the server.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
