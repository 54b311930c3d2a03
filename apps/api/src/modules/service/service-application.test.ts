import {
  camelCase,
  isServiceApplicationOverdue,
  makeIdNumber,
  maskIdNumber,
  SERVICE_APPLICATION_MACHINE,
  SERVICE_APPLICATION_STATES,
  workingDayDeadline,
  type ServiceApplicationCommand,
  type ServiceApplicationState,
  type WorkCalendar,
} from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import { apiKeyClient } from '../../test/mediation';
import { cityAdmin, codeOf, fakeIdNumber, gridsOf, household, resident } from '../../test/people';
import {
  chinaDayFromNow,
  SENIOR_CARD_ANSWERS,
  serviceItem,
  serviceSlot,
  step,
  stepOk,
  SUBMIT,
  submitApplication,
  type TestApplication,
} from '../../test/services';
import { startTestApp, type GqlClient, type SignedIn, type TestApp } from '../../test/test-app';
import { overdueSql } from './service-application.sql';
import { loadWorkCalendar } from './work-calendar.service';

const { commands: COMMANDS, rules: RULES } = SERVICE_APPLICATION_MACHINE;

/** The shortest walk of commands from SUBMITTED to each state, for an on-site item. */
const WALKS: Record<ServiceApplicationState, string[]> = {
  SUBMITTED: [],
  RETURNED: ['returnForMaterial'],
  REJECTED: ['reject'],
  ACCEPTED: ['accept'],
  APPOINTMENT_BOOKED: ['accept', 'bookAppointment'],
  HANDLED_ON_SITE: ['accept', 'bookAppointment', 'handleOnSite'],
  COMPLETED: ['accept', 'bookAppointment', 'handleOnSite', 'complete'],
  WITHDRAWN: ['withdraw'],
};

describe('service applications (办件)', () => {
  let app: TestApp;
  let community: string;
  let otherCommunity: string;
  let staff: SignedIn;
  let supervisor: SignedIn;
  let mother: { id: string };
  let item: { id: string };
  let deskItem: { id: string };
  let elsewhereItem: { id: string };
  let slotId: string;
  let calendar: WorkCalendar;
  let grid: string;

  beforeAll(async () => {
    app = await startTestApp();
    calendar = await loadWorkCalendar(app.db);
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    [community, otherCommunity] = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    const admin = await cityAdmin(app);
    staff = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: tree.districtCode });
    grid = gridsOf(tree)[0];
    const home = await household(app, grid, { address: '中医街84号', tags: [] });
    mother = await resident(app, home.id, { name: '宋庆华', tags: ['ELDERLY'] });
    item = await serviceItem(admin, community);
    deskItem = await serviceItem(admin, community, { onSite: false, timeLimitDays: 3, name: '老龄津贴申领' });
    elsewhereItem = await serviceItem(admin, community, { offerAt: otherCommunity });
    slotId = (await serviceSlot(staff, community, { capacity: 200 })).id;
  });
  afterAll(() => app.close());

  const submit = (input: Record<string, unknown> = {}) =>
    submitApplication(staff, { itemId: item.id, residentId: mother.id, regionCode: community, ...input });
  const walk = async (state: ServiceApplicationState, input: Record<string, unknown> = {}) => {
    let a = await submit(input);
    for (const command of WALKS[state]) a = await stepOk(staff, command, a, { slotId });
    expect(a.state).toBe(state);
    return a;
  };
  const timeline = async (id: string) => {
    const res = await staff.gql<{
      serviceApplication: { timeline: { command: string; toState: string; details: object }[] };
    }>(
      `query($id: ID!) { serviceApplication(id: $id) { timeline { command fromState toState actorName
        details { channel note missing materials reason slotId day startsAt endsAt workingDays onTime } } } }`,
      { id },
    );
    return res.data!.serviceApplication.timeline;
  };

  describe('the article’s story', () => {
    it('when her son applies through the portal with his real name, then staff accept, book, handle on site and issue the card on time', async () => {
      const key = await (
        await cityAdmin(app)
      ).gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { input: { name: '上红社区政务网', regionCode: community, scopes: ['WRITE'] } },
      );
      expect(key.errors).toBeUndefined();
      const portal = app.withCredential(key.data!.createApiKey.secret, 'x-api-key');
      const sonId = fakeIdNumber('230102');
      const res = await portal.gql<{ submitServiceApplication: TestApplication }>(SUBMIT, {
        input: {
          itemId: item.id,
          residentId: mother.id,
          regionCode: community,
          channel: 'PORTAL',
          actingFor: { name: '宋建国', relationship: '儿子', idNumber: sonId, phone: '13900001111' },
          answers: SENIOR_CARD_ANSWERS,
          materials: ['居民身份证', '户口簿', '遗失声明'],
          idempotencyKey: 'portal-1',
        },
      });
      expect(res.errors).toBeUndefined();
      let a = res.data!.submitServiceApplication;
      expect(a).toMatchObject({
        state: 'SUBMITTED',
        channel: 'PORTAL',
        version: 1,
        actingFor: {
          name: '宋建国',
          relationship: '儿子',
          idNumber: maskIdNumber(sonId),
          phone: '139****1111',
        },
      });
      expect(a.number).toMatch(/^BJ\d{4}-\d{6}$/);
      expect(new Date(a.dueAt!).toISOString()).toBe(
        workingDayDeadline(new Date(a.submittedAt), 7, calendar).toISOString(),
      );
      // The son's number is kept encrypted: the clear text is nowhere in the row.
      const [row] = await app.db.query(
        `SELECT acting_id_number_encrypted AS enc, acting_id_number_masked AS masked FROM service_application WHERE id = $1`,
        [a.id],
      );
      expect(row.enc).not.toContain(sonId);
      expect(row.masked).toBe(maskIdNumber(sonId));

      a = await stepOk(staff, 'accept', a);
      expect(a.availableCommands).toEqual(['BOOK_APPOINTMENT', 'WITHDRAW']);
      a = await stepOk(staff, 'bookAppointment', a, { slotId });
      expect(a.appointment).toMatchObject({ slotId, day: chinaDayFromNow(2) });
      a = await stepOk(staff, 'handleOnSite', a);
      a = await stepOk(staff, 'complete', a);
      expect(a).toMatchObject({
        state: 'COMPLETED',
        onTime: true,
        workingDays: 0,
        overdue: false,
        version: 5,
      });
      const steps = await timeline(a.id);
      expect(steps.map((e) => e.command)).toEqual([
        'submit',
        'accept',
        'bookAppointment',
        'handleOnSite',
        'complete',
      ]);
      // Each step's details as its command records them (ServiceApplicationCommandDetails), typed.
      expect(steps[0].details).toMatchObject({ channel: 'PORTAL', note: null, onTime: null });
      expect(steps[2].details).toMatchObject({
        slotId,
        day: chinaDayFromNow(2),
        startsAt: expect.any(String),
      });
      expect(steps[4].details).toMatchObject({ workingDays: 0, onTime: true, reason: null });
      const audit: { action: string }[] = await app.db.query(
        `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
        [a.id],
      );
      expect(audit.map((x) => x.action)).toEqual([
        'serviceApplication.submit',
        'serviceApplication.accept',
        'serviceApplication.bookAppointment',
        'serviceApplication.handleOnSite',
        'serviceApplication.complete',
      ]);
    });
  });

  describe('every transition of the machine', () => {
    it('when material is missing, then it is returned, resubmitted with it and accepted, the clock restarting', async () => {
      let a = await submit({ materials: ['居民身份证'] });
      a = await stepOk(staff, 'returnForMaterial', a);
      expect(a).toMatchObject({ state: 'RETURNED', dueAt: null, overdue: false, returnReason: '户口簿' });
      a = await stepOk(staff, 'resubmit', a);
      expect(a.materials).toEqual(['居民身份证', '户口簿']);
      expect(new Date(a.dueAt!).toISOString()).toBe(
        workingDayDeadline(new Date(a.submittedAt), 7, calendar).toISOString(),
      );
      a = await stepOk(staff, 'accept', a);
      expect(a.state).toBe('ACCEPTED');
    });

    it('when an application is rejected, then the reason is kept and no step is left', async () => {
      const a = await stepOk(staff, 'reject', await submit());
      expect(a).toMatchObject({ state: 'REJECTED', rejectReason: '不符合条件', availableCommands: [] });
    });

    it('when the applicant does not come, then the no-show is counted and another appointment is booked', async () => {
      const today = await serviceSlot(staff, community, { day: chinaDayFromNow(0) });
      let a = await walk('ACCEPTED');
      a = await stepOk(staff, 'bookAppointment', a, { slotId: today.id });
      a = await stepOk(staff, 'recordNoShow', a);
      expect(a).toMatchObject({ state: 'ACCEPTED', noShows: 1, appointment: null });
      a = await stepOk(staff, 'bookAppointment', a, { slotId });
      expect(a.state).toBe('APPOINTMENT_BOOKED');
    });

    it('when the appointment lies ahead, then a no-show cannot be recorded yet', async () => {
      const a = await walk('APPOINTMENT_BOOKED');
      expect(codeOf(await step(staff, 'recordNoShow', a))).toBe('BAD_USER_INPUT');
    });

    it('when an item has no on-site step, then it is completed once accepted and cannot be booked', async () => {
      let a = await submit({ itemId: deskItem.id });
      a = await stepOk(staff, 'accept', a);
      expect(a.availableCommands).toEqual(['COMPLETE', 'WITHDRAW']);
      const booked = await step(staff, 'bookAppointment', a, { slotId });
      expect(codeOf(booked)).toBe('INVALID_TRANSITION');
      expect(booked.errors![0].extensions).toMatchObject({ from: 'ACCEPTED', to: 'APPOINTMENT_BOOKED' });
      a = await stepOk(staff, 'complete', a);
      expect(a).toMatchObject({ state: 'COMPLETED', onTime: true });
    });

    it('when an on-site item is accepted, then it cannot be completed before its appointment', async () => {
      const res = await step(staff, 'complete', await walk('ACCEPTED'));
      expect(codeOf(res)).toBe('INVALID_TRANSITION');
      expect(res.errors![0].extensions).toMatchObject({ from: 'ACCEPTED', to: 'COMPLETED' });
    });

    it.each(['SUBMITTED', 'RETURNED', 'ACCEPTED', 'APPOINTMENT_BOOKED', 'HANDLED_ON_SITE'] as const)(
      'when the applicant withdraws from %s, then it is WITHDRAWN with the reason',
      async (state) => {
        const slot = await serviceSlot(staff, community, { capacity: 3 });
        let a = await submit();
        for (const command of WALKS[state]) a = await stepOk(staff, command, a, { slotId: slot.id });
        a = await stepOk(staff, 'withdraw', a);
        expect(a).toMatchObject({ state: 'WITHDRAWN', withdrawReason: '申请人撤回', availableCommands: [] });
        // A booked place goes back to the slot; one already used stays used.
        const [{ booked }] = await app.db.query(`SELECT booked FROM service_slot WHERE id = $1`, [slot.id]);
        expect(booked).toBe(state === 'HANDLED_ON_SITE' ? 1 : 0);
      },
    );
  });

  describe('withdrawal through the applicant’s portal', () => {
    const portalSubmit = (portal: GqlClient) =>
      submitApplication(portal, {
        itemId: item.id,
        residentId: mother.id,
        regionCode: community,
        channel: 'PORTAL',
      });

    it('when the portal’s write key withdraws what it submitted, then it is WITHDRAWN; staff steps stay staff’s', async () => {
      const portal = await apiKeyClient(app, await cityAdmin(app), community, ['WRITE']);
      let a = await portalSubmit(portal);
      expect(a.availableCommands).toEqual(['WITHDRAW']);
      expect(codeOf(await step(portal, 'accept', a))).toBe('FORBIDDEN');
      a = await stepOk(staff, 'accept', a);
      a = await stepOk(portal, 'withdraw', a);
      expect(a).toMatchObject({ state: 'WITHDRAWN', withdrawReason: '申请人撤回' });
      expect((await timeline(a.id)).at(-1)).toMatchObject({
        command: 'withdraw',
        actorName: expect.stringMatching(/^调解测试系统/),
        details: { reason: '申请人撤回' },
      });
    });

    it('when another portal’s write key or a read key withdraws it, then FORBIDDEN and it stays as it was', async () => {
      const admin = await cityAdmin(app);
      const portal = await apiKeyClient(app, admin, community, ['WRITE']);
      const otherPortal = await apiKeyClient(app, admin, community, ['WRITE']);
      const reader = await apiKeyClient(app, admin, community, ['READ']);
      const a = await portalSubmit(portal);
      const other = await step(otherPortal, 'withdraw', a);
      expect(codeOf(other)).toBe('FORBIDDEN');
      expect(codeOf(await step(reader, 'withdraw', a))).toBe('FORBIDDEN');
      // Nor may a portal withdraw what staff keyed in at the window for the same resident.
      expect(codeOf(await step(portal, 'withdraw', await submit()))).toBe('FORBIDDEN');
      const [row] = await app.db.query(`SELECT state, version FROM service_application WHERE id = $1`, [
        a.id,
      ]);
      expect(row).toEqual({ state: 'SUBMITTED', version: a.version });
    });
  });

  describe('refused steps', () => {
    it('when a command is taken from a state the machine does not allow, then INVALID_TRANSITION with from and to', async () => {
      const refused: string[] = [];
      for (const state of SERVICE_APPLICATION_STATES) {
        const a = await walk(state);
        for (const command of COMMANDS.filter((c) => !RULES[c].from.includes(state))) {
          const res = await step(staff, command, a, { slotId });
          expect([command, state, codeOf(res)]).toEqual([command, state, 'INVALID_TRANSITION']);
          expect(res.errors![0].extensions).toMatchObject({ from: state, to: RULES[command].to ?? state });
          refused.push(`${state}:${command}`);
        }
        const offered = a.availableCommands.map(camelCase) as ServiceApplicationCommand[];
        expect(offered.every((c) => RULES[c].from.includes(state))).toBe(true);
      }
      expect(refused.length).toBeGreaterThan(40);
    });

    it('when a supervisor tries a step, then FORBIDDEN: supervisors read, they do not handle', async () => {
      const a = await submit();
      expect(codeOf(await step(supervisor, 'accept', a))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await supervisor.gql(SUBMIT, {
            input: {
              itemId: item.id,
              residentId: mother.id,
              regionCode: community,
              answers: SENIOR_CARD_ANSWERS,
            },
          }),
        ),
      ).toBe('FORBIDDEN');
    });

    it('when the version is stale, then CONFLICT and nothing changes', async () => {
      const a = await submit();
      await stepOk(staff, 'accept', a);
      expect(codeOf(await step(staff, 'reject', a))).toBe('CONFLICT');
    });
  });

  describe('the form and the materials', () => {
    const field = async (input: Record<string, unknown>) => {
      const res = await staff.gql(SUBMIT, {
        input: { itemId: item.id, residentId: mother.id, regionCode: community, materials: [], ...input },
      });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      return res.errors![0].extensions.field;
    };

    it('when an answer has the wrong type, then BAD_USER_INPUT on that answer', async () => {
      expect(await field({ answers: { ...SENIOR_CARD_ANSWERS, age: '72' } })).toBe('answers.age');
      expect(await field({ answers: { ...SENIOR_CARD_ANSWERS, lostOn: '10 Feb' } })).toBe('answers.lostOn');
      expect(await field({ answers: { ...SENIOR_CARD_ANSWERS, collectInPerson: 'no' } })).toBe(
        'answers.collectInPerson',
      );
    });

    it('when a required answer is missing or a choice is not offered, then BAD_USER_INPUT on it', async () => {
      expect(await field({ answers: { age: 72, collectInPerson: true } })).toBe('answers.reason');
      expect(await field({ answers: { ...SENIOR_CARD_ANSWERS, reason: '想换' } })).toBe('answers.reason');
      expect(await field({ answers: { ...SENIOR_CARD_ANSWERS, age: 59 } })).toBe('answers.age');
    });

    it('when an answer names no field of the form, then BAD_USER_INPUT on that unknown field', async () => {
      expect(await field({ answers: { ...SENIOR_CARD_ANSWERS, shoeSize: 38 } })).toBe('answers.shoeSize');
    });

    it('when the material, item, resident or acting person is wrong, then BAD_USER_INPUT on that field', async () => {
      const answers = SENIOR_CARD_ANSWERS;
      expect(await field({ answers, materials: ['居民身份证', '驾驶证'] })).toBe('materials.1');
      expect(await field({ answers, itemId: elsewhereItem.id })).toBe('itemId');
      expect(await field({ answers, residentId: '00000000-0000-4000-8000-000000000000' })).toBe('residentId');
      expect(
        await field({
          answers,
          actingFor: { name: '宋建国', relationship: '儿子', idNumber: '2301021980010112' },
        }),
      ).toBe('actingFor.idNumber');
    });
  });

  describe('who may apply', () => {
    it('when the applicant is younger than the item’s age or lacks its tags, then BAD_USER_INPUT on residentId; an eligible one is accepted', async () => {
      const admin = await cityAdmin(app);
      const seniorCard = await serviceItem(admin, community, { minAge: 60 });
      const allowance = await serviceItem(admin, community, {
        name: '城市居民最低生活保障申请（低保）',
        category: 'SOCIAL_ASSISTANCE',
        eligibleTags: ['MINIMUM_ALLOWANCE', 'POOR_HOUSEHOLD'],
      });
      const home = await household(app, grid, { tags: [] });
      const young = await resident(app, home.id, {
        idNumber: makeIdNumber('230102', '1990-05-04', 11),
        tags: [],
      });
      const old = await resident(app, home.id, {
        idNumber: makeIdNumber('230102', '1950-05-04', 12),
        tags: ['POOR_HOUSEHOLD'],
      });
      const apply = (itemId: string, residentId: string) =>
        staff.gql<{ submitServiceApplication: TestApplication }>(SUBMIT, {
          input: {
            itemId,
            residentId,
            regionCode: community,
            answers: SENIOR_CARD_ANSWERS,
            materials: ['居民身份证', '户口簿'],
          },
        });
      const tooYoung = await apply(seniorCard.id, young.id);
      expect(tooYoung.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'residentId' });
      expect(tooYoung.errors![0].message).toMatch(/must be 60 or older; they are 3\d\./);
      const untagged = await apply(allowance.id, young.id);
      expect(untagged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'residentId' });
      expect(untagged.errors![0].message).toBe(
        'Only residents registered as MINIMUM_ALLOWANCE or POOR_HOUSEHOLD may apply.',
      );
      for (const itemId of [seniorCard.id, allowance.id]) {
        const res = await apply(itemId, old.id);
        expect(res.errors).toBeUndefined();
        expect(res.data!.submitServiceApplication.state).toBe('SUBMITTED');
      }
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM service_application WHERE resident_id = $1`,
        [young.id],
      );
      expect(n).toBe(0);
    });
  });

  describe('idempotent submission', () => {
    it('when the same key comes with the same input, then the first application is returned', async () => {
      const first = await submit({ idempotencyKey: 'window-7' });
      const again = await submit({ idempotencyKey: 'window-7' });
      expect(again.id).toBe(first.id);
      const other = await staff.gql(SUBMIT, {
        input: {
          itemId: item.id,
          residentId: mother.id,
          regionCode: community,
          answers: { ...SENIOR_CARD_ANSWERS, age: 73 },
          idempotencyKey: 'window-7',
        },
      });
      expect(codeOf(other)).toBe('BAD_USER_INPUT');
      expect(other.errors![0].extensions.field).toBe('idempotencyKey');
    });

    it('when five retries with one key arrive at once, then one application exists', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => submit({ idempotencyKey: 'burst' })));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM service_application WHERE idempotency_key = 'burst'`,
      );
      expect(n).toBe(1);
    });
  });

  describe('appointment slots', () => {
    it('when two staff book the last place of a slot at once, then exactly one wins and the other is CONFLICT', async () => {
      const last = await serviceSlot(staff, community, { capacity: 1 });
      const [a, b] = await Promise.all([walk('ACCEPTED'), walk('ACCEPTED')]);
      const other = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
      const results = await Promise.all([
        step(staff, 'bookAppointment', a, { slotId: last.id }),
        step(other, 'bookAppointment', b, { slotId: last.id }),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
      const [{ booked }] = await app.db.query(`SELECT booked FROM service_slot WHERE id = $1`, [last.id]);
      expect(booked).toBe(1);
    });

    it('when a slot is in the past or of another service point, then BAD_USER_INPUT on slotId', async () => {
      const elsewhere = await serviceSlot(await cityAdmin(app), otherCommunity);
      const a = await walk('ACCEPTED');
      const res = await step(staff, 'bookAppointment', a, { slotId: elsewhere.id });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('slotId');
    });

    it('when a slot is opened in the past or with a bad time, then BAD_USER_INPUT on that field', async () => {
      const open = (input: Record<string, unknown>) =>
        staff.gql(`mutation($input: OpenServiceSlotInput!) { openServiceSlot(input: $input) { id } }`, {
          input: {
            regionCode: community,
            day: chinaDayFromNow(3),
            startsAt: '09:00',
            endsAt: '10:00',
            capacity: 3,
            ...input,
          },
        });
      const fieldOf = async (input: Record<string, unknown>) =>
        (await open(input)).errors?.[0].extensions.field;
      expect(await fieldOf({ day: chinaDayFromNow(-1) })).toBe('day');
      expect(await fieldOf({ startsAt: '9am' })).toBe('startsAt');
      expect(await fieldOf({ capacity: 0 })).toBe('capacity');
    });
  });

  describe('deadlines and the work queue', () => {
    it('when deadlines pass, then the application is overdue in its field, the filter and the queue, as the domain says', async () => {
      const late = await submit();
      const returned = await walk('RETURNED');
      const done = await walk('COMPLETED');
      await app.db.query(
        `UPDATE service_application SET due_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`,
        [[late.id, done.id]],
      );
      const rows: { id: string; state: ServiceApplicationState; dueAt: Date | null; sql: boolean }[] =
        await app.db.query(
          `SELECT a.id, a.state, a.due_at AS "dueAt", ${overdueSql('a')} AS sql FROM service_application a`,
        );
      for (const r of rows) expect(r.sql).toBe(isServiceApplicationOverdue(r));
      const read = async (filter: Record<string, unknown>) => {
        const res = await staff.gql<{
          serviceApplications: { totalCount: number; edges: { node: { id: string } }[] };
        }>(
          `query($filter: ServiceApplicationFilter) { serviceApplications(filter: $filter, first: 200) {
             totalCount edges { node { id overdue } } } }`,
          { filter },
        );
        return res.data!.serviceApplications.edges.map((e) => e.node.id);
      };
      const overdue = await read({ overdue: true });
      expect(overdue).toContain(late.id);
      expect(overdue).not.toContain(done.id);
      expect(overdue).not.toContain(returned.id);
      expect(await read({ queue: 'OVERDUE' })).toEqual(overdue);
      expect(await read({ queue: 'WAITING_FOR_MATERIAL' })).toContain(returned.id);
      const queue = await staff.gql<{ serviceQueue: { queue: string; count: number }[] }>(
        `query($code: String) { serviceQueue(regionCode: $code) { queue count } }`,
        { code: community },
      );
      const counts = Object.fromEntries(queue.data!.serviceQueue.map((q) => [q.queue, q.count]));
      expect(counts.OVERDUE).toBe(overdue.length);
      expect(counts.NEW).toBe((await read({ queue: 'NEW' })).length);
      expect(counts.WAITING_FOR_MATERIAL).toBe((await read({ state: ['RETURNED'] })).length);
    });

    it('when an appointment is today, then it is in the queue of appointments today', async () => {
      const today = await serviceSlot(staff, community, { day: chinaDayFromNow(0) });
      const a = await stepOk(staff, 'bookAppointment', await walk('ACCEPTED'), { slotId: today.id });
      const res = await staff.gql<{ serviceApplications: { edges: { node: { id: string } }[] } }>(
        `{ serviceApplications(filter: { queue: APPOINTMENTS_TODAY }, first: 200) { edges { node { id } } } }`,
      );
      expect(res.data!.serviceApplications.edges.map((e) => e.node.id)).toContain(a.id);
    });

    it('when the list is paged, then the pages are disjoint and the count is the total', async () => {
      const first = await staff.gql<{
        serviceApplications: {
          totalCount: number;
          pageInfo: { endCursor: string };
          edges: { node: { id: string } }[];
        };
      }>(`{ serviceApplications(first: 3) { totalCount pageInfo { endCursor } edges { node { id } } } }`);
      const page = first.data!.serviceApplications;
      const next = await staff.gql<{ serviceApplications: { edges: { node: { id: string } }[] } }>(
        `query($after: String) { serviceApplications(first: 3, after: $after) { edges { node { id } } } }`,
        { after: page.pageInfo.endCursor },
      );
      const ids = [...page.edges, ...next.data!.serviceApplications.edges].map((e) => e.node.id);
      expect(new Set(ids).size).toBe(6);
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM service_application`);
      expect(page.totalCount).toBe(n);
    });
  });
});
