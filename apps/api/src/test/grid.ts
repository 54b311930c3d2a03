import { GRID_EVENT_MACHINE, type GridEventCommand, type GridEventState } from '@qiangji/domain';
import type { DataSource } from 'typeorm';
import { shortestPath } from './machines';
import type { GqlClient, GraphQLResponse } from './test-app';

export interface TestGridEvent {
  id: string;
  number: string;
  state: string;
  version: number;
  dueAt: string | null;
  atRiskAt: string | null;
  dispatchedAt: string | null;
}

export const EVENT_FIELDS = 'id number state version dueAt atRiskAt dispatchedAt';

/** Harbin, near 中医街: the tests' reports lie around it. */
export const HARBIN = { lat: 45.7732, lng: 126.6169 };

let reports = 0;

export function eventInput(
  regionCode: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    category: 'FIRE_HAZARD',
    urgency: 'NORMAL',
    regionCode,
    description: `楼道堆放杂物${++reports}`,
    photoRefs: [`photos/test/${reports}.jpg`],
    ...overrides,
  };
}

export async function reportEvent(
  client: GqlClient,
  regionCode: string,
  overrides: Record<string, unknown> = {},
): Promise<TestGridEvent> {
  const res = await client.gql<{ reportGridEvent: TestGridEvent }>(
    `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { ${EVENT_FIELDS} } }`,
    { input: eventInput(regionCode, overrides) },
  );
  if (!res.data) throw new Error(`reportGridEvent failed: ${JSON.stringify(res.errors)}`);
  return res.data.reportGridEvent;
}

/** Each command as the API takes it: its mutation, its input type and a complete input besides id and version. */
export const GRID_COMMAND_API: {
  readonly [C in GridEventCommand]: { mutation: string; inputType: string; input: Record<string, unknown> };
} = {
  file: { mutation: 'fileGridEvent', inputType: 'FileGridEventInput', input: {} },
  reject: {
    mutation: 'rejectGridEvent',
    inputType: 'RejectGridEventInput',
    input: { reason: 'INVALID', note: '无此情况' },
  },
  dispatch: {
    mutation: 'dispatchGridEvent',
    inputType: 'DispatchGridEventInput',
    input: { assigneeKind: 'DEPARTMENT', assignee: '消防救援站' },
  },
  startDisposal: { mutation: 'startGridEventDisposal', inputType: 'StartGridEventDisposalInput', input: {} },
  dispose: {
    mutation: 'disposeGridEvent',
    inputType: 'DisposeGridEventInput',
    input: { result: '已清理杂物' },
  },
  verify: { mutation: 'verifyGridEvent', inputType: 'VerifyGridEventInput', input: {} },
  sendBack: {
    mutation: 'sendBackGridEvent',
    inputType: 'SendBackGridEventInput',
    input: { reason: '仍有杂物' },
  },
  close: { mutation: 'closeGridEvent', inputType: 'CloseGridEventInput', input: {} },
  evaluate: {
    mutation: 'evaluateGridEvent',
    inputType: 'EvaluateGridEventInput',
    input: { satisfaction: 'SATISFIED' },
  },
  referToMediation: {
    mutation: 'referGridEventToMediation',
    inputType: 'ReferGridEventToMediationInput',
    input: {
      parties: [
        { role: 'APPLICANT', name: '楼下住户' },
        { role: 'RESPONDENT', name: '楼上住户' },
      ],
      peopleInvolved: 2,
      householdsInvolved: 2,
    },
  },
};

export function runGridCommand(
  client: GqlClient,
  command: GridEventCommand,
  e: { id: string; version: number },
  input: Record<string, unknown> = {},
): Promise<GraphQLResponse<{ result: TestGridEvent }>> {
  const { mutation, inputType, input: base } = GRID_COMMAND_API[command];
  return client.gql<{ result: TestGridEvent }>(
    `mutation($input: ${inputType}!) { result: ${mutation}(input: $input) { ${EVENT_FIELDS} } }`,
    { input: { id: e.id, expectedVersion: e.version, ...base, ...input } },
  );
}

/** The shortest sequence of commands from REPORTED to `state`, breadth-first in the domain's table. */
export function gridPathTo(state: GridEventState): GridEventCommand[] {
  return shortestPath(GRID_EVENT_MACHINE, 'REPORTED', state);
}

/** A fresh event reported and brought to `state` through the API, every step required to succeed. */
export async function eventIn(
  client: GqlClient,
  regionCode: string,
  state: GridEventState,
  overrides: Record<string, unknown> = {},
): Promise<TestGridEvent> {
  let e = await reportEvent(client, regionCode, overrides);
  for (const command of gridPathTo(state)) {
    const res = await runGridCommand(client, command, e);
    if (!res.data) throw new Error(`${command} failed: ${JSON.stringify(res.errors)}`);
    e = res.data.result;
  }
  return e;
}

/** What the database holds about an event: to prove a refused command changed nothing. */
export async function eventTrace(db: DataSource, id: string) {
  const [row] = await db.query(
    `SELECT e.state, e.version,
       coalesce((SELECT array_agg(s.command ORDER BY s.id) FROM grid_event_step s WHERE s.event_id = e.id), '{}') AS steps,
       coalesce((SELECT array_agg(a.action ORDER BY a.id) FROM audit_event a
                 WHERE a.entity_type = 'GridEvent' AND a.entity_id = e.id::text), '{}') AS audits
     FROM grid_event e WHERE e.id = $1`,
    [id],
  );
  return row as { state: string; version: number; steps: string[]; audits: string[] };
}
