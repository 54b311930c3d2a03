import { randomUUID } from 'node:crypto';
import {
  GRID_EVENT_MACHINE,
  GRID_EVENT_STATES,
  gridEventDeadlineStatus,
  type GridEventCommand,
  type GridEventState,
} from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import {
  EVENT_FIELDS,
  eventIn,
  eventInput,
  eventTrace,
  gridPathTo,
  HARBIN,
  reportEvent,
  runGridCommand,
  type TestGridEvent,
} from '../../test/grid';
import { apiKeyClient, mapLimit, organization } from '../../test/mediation';
import { cityAdmin, codeOf, gridsOf } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { playLife } from '../../common/seed-kit';
import { GRID_EVENT_LIFE, type GridEventRow } from './grid-event.life';
import { lateSql } from './grid-event.sql';

const HOUR = 3_600_000;
const REACHABLE = GRID_EVENT_STATES;
/** Every state is reached from a dispute, the one category that may also go to mediation. */
const DISPUTE = { category: 'NEIGHBOURHOOD_DISPUTE' };

describe('the grid event closed loop', () => {
  let app: TestApp;
  let grid: string;
  let community: string;
  let district: string;
  let street: SignedIn;
  let worker: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 2 });
    district = tree.districtCode;
    grid = gridsOf(tree)[0];
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const streetCode = tree.rows.find((r) => r.level === 'STREET')!.code;
    await organization(app.db, community);
    street = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetCode });
    worker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
  });
  afterAll(() => app.close());

  const read = async (id: string) => {
    const res = await street.gql<{ gridEvent: Record<string, unknown> }>(
      `query($id: ID!) { gridEvent(id: $id) { state satisfaction disposalResult dueAt atRiskAt dispatchedAt
         deadlineStatus availableCommands timeline { command fromState toState actorName details { result reason satisfaction dueAt } } } }`,
      { id },
    );
    return res.data!.gridEvent;
  };

  it('when a grid worker reports and the street walks the loop with a send-back, then every step lands and is recorded', async () => {
    let e = await reportEvent(worker, grid, { lat: HARBIN.lat, lng: HARBIN.lng });
    expect(e.state).toBe('REPORTED');
    const take = async (client: SignedIn, command: GridEventCommand, input: Record<string, unknown> = {}) => {
      const res = await runGridCommand(client, command, e, input);
      expect(res.errors).toBeUndefined();
      e = res.data!.result;
      return e;
    };
    await take(street, 'file');
    const before = Date.now();
    await take(street, 'dispatch');
    // A fire hazard of normal urgency: 12 hours from the dispatch, at risk in the last three.
    const dueAt = Date.parse(e.dueAt!);
    expect(dueAt - Date.parse(e.dispatchedAt!)).toBe(12 * HOUR);
    expect(dueAt - Date.parse(e.atRiskAt!)).toBe(3 * HOUR);
    expect(Date.parse(e.dispatchedAt!)).toBeGreaterThanOrEqual(before - 1000);
    await take(street, 'startDisposal');
    await take(street, 'dispose', { result: '清理了一半' });
    // The street's officers may check on site too; the grid worker only checks (and evaluates later).
    expect((await read(e.id)).availableCommands).toEqual(['VERIFY', 'SEND_BACK']);
    expect(
      (
        await worker.gql<{ gridEvent: { availableCommands: string[] } }>(
          `query($id: ID!) { gridEvent(id: $id) { availableCommands } }`,
          { id: e.id },
        )
      ).data!.gridEvent.availableCommands,
    ).toEqual(['VERIFY', 'SEND_BACK']);
    await take(worker, 'sendBack', { reason: '楼道仍有杂物' });
    expect(e.state).toBe('IN_DISPOSAL');
    expect(Date.parse(e.dueAt!)).toBe(dueAt);
    await take(street, 'dispose', { result: '已全部清理' });
    await take(worker, 'verify');
    await take(street, 'close');
    await take(worker, 'evaluate', { satisfaction: 'BASICALLY_SATISFIED', comment: '处理及时' });
    const done = await read(e.id);
    expect(done).toMatchObject({
      state: 'EVALUATED',
      satisfaction: 'BASICALLY_SATISFIED',
      disposalResult: '已全部清理',
      deadlineStatus: 'ON_TIME',
    });
    const timeline = done.timeline as {
      command: string;
      toState: string;
      details: Record<string, unknown>;
    }[];
    expect(timeline.map((s) => s.command)).toEqual([
      'report',
      'file',
      'dispatch',
      'startDisposal',
      'dispose',
      'sendBack',
      'dispose',
      'verify',
      'close',
      'evaluate',
    ]);
    expect(timeline[5].details.reason).toBe('楼道仍有杂物');
    expect(timeline[9].details.satisfaction).toBe('BASICALLY_SATISFIED');
    const trace = await eventTrace(app.db, e.id);
    expect(trace.audits).toEqual([
      'gridEvent.report',
      ...timeline.slice(1).map((s) => `gridEvent.${s.command}`),
    ]);
  });

  const ALLOWED = REACHABLE.flatMap((state) =>
    GRID_EVENT_MACHINE.commands
      .filter((c) => GRID_EVENT_MACHINE.rules[c].from.includes(state))
      .map((command) => [state, command] as const),
  );

  it.each(ALLOWED)(
    'when an event in %s takes %s, then it leads where the machine says',
    async (state, command) => {
      const e = await eventIn(street, grid, state, DISPUTE);
      const res = await runGridCommand(street, command, e);
      expect(res.errors).toBeUndefined();
      expect(res.data!.result.state).toBe(GRID_EVENT_MACHINE.rules[command].to);
      expect(res.data!.result.version).toBe(e.version + 1);
    },
  );

  it.each(REACHABLE)(
    'when an event in %s is given every other command, then each is INVALID_TRANSITION and nothing changes',
    async (state) => {
      const refused = GRID_EVENT_MACHINE.commands.filter(
        (c) => !GRID_EVENT_MACHINE.rules[c].from.includes(state),
      );
      const e = await eventIn(street, grid, state, DISPUTE);
      const trace = await eventTrace(app.db, e.id);
      for (const command of refused) {
        const res = await runGridCommand(street, command, e);
        expect([command, codeOf(res)]).toEqual([command, 'INVALID_TRANSITION']);
        expect(res.errors![0].extensions).toMatchObject({ from: state });
      }
      expect(await eventTrace(app.db, e.id)).toEqual(trace);
    },
  );

  it('when a grid worker tries the office’s steps, then FORBIDDEN; a supervisor may not even report', async () => {
    const filed = await eventIn(street, grid, 'FILED');
    for (const command of ['dispatch', 'reject', 'referToMediation'] as const) {
      const e = command === 'dispatch' ? filed : await reportEvent(street, grid, DISPUTE);
      expect(codeOf(await runGridCommand(worker, command, e))).toBe('FORBIDDEN');
    }
    const supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: district });
    const res = await supervisor.gql(
      `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { id } }`,
      { input: eventInput(grid) },
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('when a step is sent with a stale version, then CONFLICT and nothing changes', async () => {
    const e = await eventIn(street, grid, 'FILED');
    const res = await runGridCommand(street, 'dispatch', { ...e, version: e.version - 1 });
    expect(codeOf(res)).toBe('CONFLICT');
    expect((await eventTrace(app.db, e.id)).state).toBe('FILED');
  });

  it('when urgency is critical, then the deadline is a quarter of the category’s hours', async () => {
    const e = await eventIn(street, grid, 'DISPATCHED', {
      category: 'PUBLIC_ORDER_HAZARD',
      urgency: 'CRITICAL',
    });
    expect(Date.parse(e.dueAt!) - Date.parse(e.dispatchedAt!)).toBe(6 * HOUR);
  });

  it.each([
    [{ regionCode: 'COMMUNITY' }, 'regionCode'],
    [{ lat: 45.7 }, 'lng'],
    [{ lat: 95, lng: 126 }, 'lat'],
    [{ photoRefs: Array.from({ length: 10 }, (_, i) => `p${i}.jpg`) }, 'photoRefs'],
    [{ description: ' ' }, 'description'],
    [{ source: 'DISTRICT_SYSTEM' }, 'source'],
    [{ reportedAt: new Date(Date.now() + 3 * HOUR).toISOString() }, 'reportedAt'],
  ] as const)('when a report has %j, then BAD_USER_INPUT on %s', async (overrides, field) => {
    const input = 'regionCode' in overrides ? { regionCode: community } : overrides;
    const res = await street.gql(
      `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { id } }`,
      { input: eventInput(grid, input) },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.field).toBe(field);
  });

  it('when a rejection lacks what it needs, then BAD_USER_INPUT on the field', async () => {
    const e = await reportEvent(street, grid);
    const invalid = await runGridCommand(street, 'reject', e, { reason: 'INVALID', note: null });
    expect(invalid.errors![0].extensions.field).toBe('note');
    const duplicate = await runGridCommand(street, 'reject', e, { reason: 'DUPLICATE', note: null });
    expect(duplicate.errors![0].extensions.field).toBe('duplicateOfId');
    const itself = await runGridCommand(street, 'reject', e, { reason: 'DUPLICATE', duplicateOfId: e.id });
    expect(itself.errors![0].extensions.field).toBe('duplicateOfId');
  });

  describe('idempotent reports', () => {
    it('when the same key comes with the same input, then the first event; with another input, BAD_USER_INPUT', async () => {
      const input = eventInput(grid, { idempotencyKey: randomUUID() });
      const send = (body: Record<string, unknown>) =>
        worker.gql<{ reportGridEvent: TestGridEvent }>(
          `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { ${EVENT_FIELDS} } }`,
          { input: body },
        );
      const first = await send(input);
      const again = await send(input);
      expect(again.data!.reportGridEvent.id).toBe(first.data!.reportGridEvent.id);
      const other = await send({ ...input, description: '另一件事' });
      expect(codeOf(other)).toBe('BAD_USER_INPUT');
      expect(other.errors![0].extensions.field).toBe('idempotencyKey');
    });

    it('when five retries race, then one event exists', async () => {
      const input = eventInput(grid, { idempotencyKey: randomUUID() });
      const results = await mapLimit([1, 2, 3, 4, 5], 5, () =>
        worker.gql<{ reportGridEvent: { id: string } }>(
          `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { id } }`,
          { input },
        ),
      );
      expect(new Set(results.map((r) => r.data?.reportGridEvent.id)).size).toBe(1);
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM grid_event WHERE idempotency_key = $1`,
        [input.idempotencyKey],
      );
      expect(n).toBe(1);
    });
  });

  it('when a district system reports with its API key, then the source is DISTRICT_SYSTEM', async () => {
    const key = await apiKeyClient(app, await cityAdmin(app), district, ['READ', 'WRITE']);
    const res = await key.gql<{ reportGridEvent: { source: string; reporterName: string } }>(
      `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { source reporterName } }`,
      { input: eventInput(grid) },
    );
    expect(res.data!.reportGridEvent.source).toBe('DISTRICT_SYSTEM');
    const wrong = await key.gql(
      `mutation($input: ReportGridEventInput!) { reportGridEvent(input: $input) { id } }`,
      {
        input: eventInput(grid, { source: 'GRID_WORKER' }),
      },
    );
    expect(wrong.errors![0].extensions.field).toBe('source');
  });

  describe('duplicate hints', () => {
    const north = (metres: number) => ({ lat: HARBIN.lat + 0.01 + metres / 111_195, lng: HARBIN.lng });
    let first: TestGridEvent;

    beforeAll(async () => {
      first = await reportEvent(worker, grid, { ...north(0), category: 'ENVIRONMENT_SANITATION' });
    });

    const hints = async (id: string) =>
      (
        await street.gql<{ gridEvent: { duplicateHints: { id: string }[] } }>(
          `query($id: ID!) { gridEvent(id: $id) { duplicateHints { id } } }`,
          { id },
        )
      ).data!.gridEvent.duplicateHints.map((h) => h.id);

    it('when another open event of the category is 150 m away, then each hints at the other; 250 m away does not', async () => {
      const near = await reportEvent(worker, grid, { ...north(150), category: 'ENVIRONMENT_SANITATION' });
      const far = await reportEvent(worker, grid, { ...north(-250), category: 'ENVIRONMENT_SANITATION' });
      const otherKind = await reportEvent(worker, grid, { ...north(10), category: 'FIRE_HAZARD' });
      expect(await hints(near.id)).toContain(first.id);
      expect(await hints(first.id)).toContain(near.id);
      expect(await hints(far.id)).not.toContain(first.id);
      expect(await hints(otherKind.id)).not.toContain(first.id);
      const before = await street.gql<{ gridEventDuplicateHints: { id: string }[] }>(
        `query($input: DuplicateHintsInput!) { gridEventDuplicateHints(input: $input) { id } }`,
        { input: { category: 'ENVIRONMENT_SANITATION', ...north(100) } },
      );
      expect(before.data!.gridEventDuplicateHints.map((h) => h.id)).toEqual(
        expect.arrayContaining([first.id, near.id]),
      );
      const rejected = await runGridCommand(street, 'reject', near, {
        reason: 'DUPLICATE',
        duplicateOfId: first.id,
      });
      expect(rejected.data!.result.state).toBe('REJECTED');
      expect(await hints(first.id)).not.toContain(near.id);
    });

    it('when an event was reported more than 7 days before, then it is no hint', async () => {
      const old = await reportEvent(worker, grid, {
        ...north(20),
        category: 'ENVIRONMENT_SANITATION',
        reportedAt: new Date(Date.now() - 8 * 24 * HOUR).toISOString(),
      });
      expect(await hints(first.id)).not.toContain(old.id);
    });

    it('when the planner looks for hints, then it walks the GiST index of open points, not the table', async () => {
      const plan: { 'QUERY PLAN': string }[] = await app.db.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        return m.query(
          `EXPLAIN SELECT e.id FROM grid_event e
           WHERE e.lat IS NOT NULL AND e.state IN ('REPORTED', 'FILED', 'DISPATCHED', 'IN_DISPOSAL', 'DISPOSED', 'VERIFIED')
             AND point(e.lng, e.lat) <@ box(point(126.61, 45.77), point(126.62, 45.78))`,
        );
      });
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('grid_event_open_point');
    });
  });

  it('when a dispute event is referred, then it becomes a mediation case in one step, linked both ways', async () => {
    const e = await eventIn(street, grid, 'FILED', DISPUTE);
    const res = await street.gql<{
      referGridEventToMediation: {
        state: string;
        disputeCase: { id: string; channel: string; state: string };
      };
    }>(
      `mutation($input: ReferGridEventToMediationInput!) { referGridEventToMediation(input: $input) {
         state disputeCase { id channel state } } }`,
      {
        input: {
          id: e.id,
          expectedVersion: e.version,
          parties: [
            { role: 'APPLICANT', name: '张三' },
            { role: 'RESPONDENT', name: '李四' },
          ],
          peopleInvolved: 2,
          householdsInvolved: 2,
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const referred = res.data!.referGridEventToMediation;
    expect(referred).toMatchObject({
      state: 'REFERRED',
      disputeCase: { channel: 'GRID_WORKER', state: 'RECEIVED' },
    });
    const back = await street.gql<{ disputeCase: { gridEvent: { id: string } } }>(
      `query($id: ID!) { disputeCase(id: $id) { gridEvent { id } } }`,
      { id: referred.disputeCase.id },
    );
    expect(back.data!.disputeCase.gridEvent.id).toBe(e.id);
    const fire = await eventIn(street, grid, 'FILED');
    expect(codeOf(await runGridCommand(street, 'referToMediation', fire))).toBe('BAD_USER_INPUT');
  });

  it('when the deadline passes, then the queue’s overdue filter and the figures agree with the domain', async () => {
    const late = await eventIn(street, grid, 'IN_DISPOSAL');
    await app.db.query(
      `UPDATE grid_event SET due_at = now() - interval '1 hour', at_risk_at = now() - interval '4 hours'
      WHERE id = $1`,
      [late.id],
    );
    const res = await street.gql<{
      gridEvents: { totalCount: number; edges: { node: { id: string; deadlineStatus: string } }[] };
    }>(
      `query($code: String!) { gridEvents(filter: { regionCode: $code, overdue: true }, first: 50) {
         totalCount edges { node { id deadlineStatus } } } }`,
      { code: grid },
    );
    expect(res.data!.gridEvents.edges.map((e) => e.node)).toContainEqual({
      id: late.id,
      deadlineStatus: 'OVERDUE',
    });
    // The SQL twin against the domain's function, over every event of the district.
    const rows: {
      state: GridEventState;
      dueAt: Date | null;
      atRiskAt: Date | null;
      closedAt: Date | null;
      late: boolean;
    }[] = await app.db.query(
      `SELECT e.state, e.due_at AS "dueAt", e.at_risk_at AS "atRiskAt", e.closed_at AS "closedAt",
           coalesce(${lateSql('e')}, false) AS late FROM grid_event e`,
    );
    for (const r of rows) expect(r.late).toBe(gridEventDeadlineStatus(r) === 'OVERDUE');
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const figures = await street.gql<{ gridLoopFigures: Record<string, number | null> }>(
      `query($code: String!, $day: Date!) { gridLoopFigures(regionCode: $code, from: $day, to: $day) {
         reported closed closedOnTime open overdue onTimeRate } }`,
      { code: grid, day: today },
    );
    const f = figures.data!.gridLoopFigures;
    expect(f.overdue).toBeGreaterThanOrEqual(1);
    expect(f.closedOnTime).toBeLessThanOrEqual(f.closed as number);
    expect(f.onTimeRate).toBe(
      (f.closed as number) ? (f.closedOnTime as number) / (f.closed as number) : null,
    );
  });

  it('when the seed plays the API’s own steps through its lifecycle, then it leaves the same columns and version', async () => {
    let e = await reportEvent(street, grid, { category: 'PUBLIC_ORDER_HAZARD', urgency: 'URGENT' });
    for (const command of [
      'file',
      'dispatch',
      'startDisposal',
      'dispose',
      'sendBack',
      'dispose',
      'verify',
      'close',
      'evaluate',
    ] as const)
      e = (await runGridCommand(street, command, e)).data!.result;
    const COLUMNS = `state, version, category, urgency, rejection, assignee_kind AS "assigneeKind", assignee,
      disposal_result AS "disposalResult", satisfaction, evaluation_comment AS "evaluationComment",
      reported_at AS "reportedAt", dispatched_at AS "dispatchedAt", due_at AS "dueAt", at_risk_at AS "atRiskAt",
      disposed_at AS "disposedAt", verified_at AS "verifiedAt", closed_at AS "closedAt"`;
    const [api] = await app.db.query(`SELECT ${COLUMNS} FROM grid_event WHERE id = $1`, [e.id]);
    const steps: { at: Date; command: string; details: object }[] = await app.db.query(
      `SELECT at, command, details FROM grid_event_step WHERE event_id = $1 ORDER BY id`,
      [e.id],
    );
    const row = {
      ...api,
      state: 'REPORTED',
      version: 1,
      rejection: null,
      assigneeKind: null,
      assignee: null,
      disposalResult: null,
      satisfaction: null,
      evaluationComment: null,
      dispatchedAt: null,
      dueAt: null,
      atRiskAt: null,
      disposedAt: null,
      verifiedAt: null,
      closedAt: null,
    } as GridEventRow;
    const [birth, ...rest] = steps;
    const played = playLife(
      GRID_EVENT_LIFE,
      row,
      { at: birth.at, command: 'report', actor: 'x', details: birth.details },
      rest.map((s) => ({ command: s.command, at: s.at, actor: 'x', details: s.details }) as never),
      new Date(),
    ).row as unknown as Record<string, unknown>;
    for (const [column, value] of Object.entries(api as Record<string, unknown>)) {
      // The API takes its instants inside the transaction, a few milliseconds from the timeline row's.
      if (value instanceof Date)
        expect([column, Math.abs(value.getTime() - (played[column] as Date).getTime()) < 2000]).toEqual([
          column,
          true,
        ]);
      else expect([column, played[column]]).toEqual([column, value]);
    }
  });

  it('when the path to each state is walked, then it exists for every state', () => {
    for (const state of REACHABLE) expect(gridPathTo(state).length).toBeLessThanOrEqual(8);
  });
});
