import { addWorkingDays, isWorkingDay, workingDayDeadline } from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import { cityAdmin, codeOf, gridsOf, household, resident } from '../../test/people';
import { chinaDayFromNow, serviceItem, submitApplication } from '../../test/services';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { loadWorkCalendar } from './work-calendar.service';

const ADD = `mutation($input: AddWorkCalendarEntryInput!) {
  addWorkCalendarEntry(input: $input) { id kind name firstDay lastDay createdByName } }`;
const DELETE = `mutation($id: ID!) { deleteWorkCalendarEntry(id: $id) { id kind name firstDay lastDay } }`;

describe('the working calendar (法定节假日与调休)', () => {
  let app: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let community: string;
  let applicant: { id: string };
  let item: { id: string };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    admin = await cityAdmin(app);
    staff = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
    const home = await household(app, gridsOf(tree)[0], { tags: [] });
    applicant = await resident(app, home.id, { tags: ['ELDERLY'] });
    item = await serviceItem(admin, community, { timeLimitDays: 7 });
  });
  afterAll(() => app.close());

  const submit = () =>
    submitApplication(staff, { itemId: item.id, residentId: applicant.id, regionCode: community });

  it('when the migration has run, then 2025 and 2026 skip weekends and holidays and count make-up working days', async () => {
    const calendar = await loadWorkCalendar(app.db);
    // Friday 6 March 2026 + 3: Monday to Wednesday.
    expect(addWorkingDays('2026-03-06', 3, calendar)).toBe('2026-03-11');
    // 清明节 2026-04-04..06: from Friday 3 April, the next working day is Tuesday 7 April.
    expect(addWorkingDays('2026-04-03', 1, calendar)).toBe('2026-04-07');
    // Saturday 10 October 2026 is worked after 国庆节; Sunday 26 January 2025 before 春节.
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
    expect(isWorkingDay('2025-01-26', calendar)).toBe(true);
    expect(isWorkingDay('2025-10-08', calendar)).toBe(false);
    const res = await staff.gql<{
      workCalendarEntries: { totalCount: number; edges: { node: { name: string } }[] };
    }>(
      `{ workCalendarEntries(filter: { year: 2026 }, first: 50) { totalCount edges { node { name kind firstDay lastDay } } } }`,
    );
    expect(res.data!.workCalendarEntries.totalCount).toBe(13);
    expect(res.data!.workCalendarEntries.edges[0].node.name).toBe('元旦');
  });

  it('when the city adds a holiday, then a new application’s dueAt moves past it and earlier ones keep theirs', async () => {
    const before = await submit();
    const firstDay = chinaDayFromNow(1);
    const lastDay = chinaDayFromNow(5);
    const added = await admin.gql<{ addWorkCalendarEntry: { kind: string; lastDay: string } }>(ADD, {
      input: { kind: 'HOLIDAY', name: '测试假日', firstDay, lastDay },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addWorkCalendarEntry).toMatchObject({ kind: 'HOLIDAY', lastDay });
    const after = await submit();
    const calendar = await loadWorkCalendar(app.db);
    expect(new Date(after.dueAt!).toISOString()).toBe(
      workingDayDeadline(new Date(after.submittedAt), 7, calendar).toISOString(),
    );
    // Five days off from tomorrow hold at least three working days: the limit ends later than before.
    expect(new Date(after.dueAt!).getTime() - new Date(before.dueAt!).getTime()).toBeGreaterThanOrEqual(
      3 * 86_400_000,
    );
    const [kept] = await app.db.query(`SELECT due_at AS "dueAt" FROM service_application WHERE id = $1`, [
      before.id,
    ]);
    expect(kept.dueAt.toISOString()).toBe(new Date(before.dueAt!).toISOString());
  });

  it('when an entry is malformed, repeated or entered by someone not of the city, then it is refused', async () => {
    const add = (client: SignedIn, input: Record<string, unknown>) => client.gql(ADD, { input });
    // Monday 7 December 2026 is no weekend day.
    const weekday = await add(admin, { kind: 'MAKE_UP_WORKDAY', name: '调休', firstDay: '2026-12-07' });
    expect(weekday.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstDay' });
    const backwards = await add(admin, {
      kind: 'HOLIDAY',
      name: '元旦',
      firstDay: '2027-01-03',
      lastDay: '2027-01-01',
    });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastDay' });
    const twice = await add(admin, {
      kind: 'HOLIDAY',
      name: '春节',
      firstDay: '2026-02-15',
      lastDay: '2026-02-23',
    });
    expect(codeOf(twice)).toBe('CONFLICT');
    const notCity = await add(staff, { kind: 'MAKE_UP_WORKDAY', name: '调休', firstDay: '2027-01-09' });
    expect(codeOf(notCity)).toBe('FORBIDDEN');
    const [{ n }] = await app.db.query(
      `SELECT count(*)::int AS n FROM work_calendar_entry
       WHERE first_day IN ('2026-12-07', '2027-01-03', '2027-01-09')`,
    );
    expect(n).toBe(0);
  });

  it('when the city deletes a mistyped holiday, then it is gone with its audit row and a new application no longer skips it', async () => {
    const firstDay = chinaDayFromNow(6);
    const lastDay = chinaDayFromNow(10);
    const added = await admin.gql<{ addWorkCalendarEntry: { id: string } }>(ADD, {
      input: { kind: 'HOLIDAY', name: '错录假日', firstDay, lastDay },
    });
    const { id } = added.data!.addWorkCalendarEntry;
    const during = await submit();
    const deleted = await admin.gql<{ deleteWorkCalendarEntry: { id: string; name: string } }>(DELETE, {
      id,
    });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteWorkCalendarEntry).toMatchObject({ id, name: '错录假日', firstDay, lastDay });
    const after = await submit();
    const calendar = await loadWorkCalendar(app.db);
    expect(await app.db.query(`SELECT id FROM work_calendar_entry WHERE id = $1`, [id])).toEqual([]);
    // The request's calendar came from memory: the deletion reached it, so the deadline is the shorter one again.
    expect(new Date(after.dueAt!).toISOString()).toBe(
      workingDayDeadline(new Date(after.submittedAt), 7, calendar).toISOString(),
    );
    expect(new Date(during.dueAt!).getTime()).toBeGreaterThan(new Date(after.dueAt!).getTime());
    const audits = await app.db.query(
      `SELECT action, changes FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual([
      'workCalendar.add',
      'workCalendar.delete',
    ]);
    expect(audits[1].changes).toMatchObject({ name: { old: '错录假日' }, firstDay: { old: firstDay } });
  });

  it('when someone without calendar:manage deletes an entry, or the entry is unknown, then FORBIDDEN or NOT_FOUND and nothing changes', async () => {
    const [entry] = await app.db.query(
      `SELECT id FROM work_calendar_entry WHERE first_day = '2026-10-01' AND kind = 'HOLIDAY'`,
    );
    expect(codeOf(await staff.gql(DELETE, { id: entry.id }))).toBe('FORBIDDEN');
    expect(codeOf(await admin.gql(DELETE, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM work_calendar_entry WHERE id = $1`, [
      entry.id,
    ]);
    expect(n).toBe(1);
    const [{ refused }] = await app.db.query(
      `SELECT count(*)::int AS refused FROM audit_event WHERE action = 'workCalendar.delete' AND entity_id = $1`,
      [entry.id],
    );
    expect(refused).toBe(0);
  });
});
