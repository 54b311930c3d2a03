import {
  addMonths,
  chinaDay,
  formatPercent,
  VILLAGE_INDICATOR_FIELDS,
  VILLAGE_INDICATOR_LABELS,
  visitPeriodStart,
} from '@qiangji/domain';
import ExcelJS from 'exceljs';
import { pathTo, runCommand as runCaseCommand, mediator, type CommandRefs } from '../../test/mediation';
import { codeOf, household, resident } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import {
  cadre,
  logVisit,
  one,
  POSTING_FIELDS,
  startPosting,
  stationedCounty,
  VISIT_FIELDS,
} from '../../test/villages';

type World = Awaited<ReturnType<typeof stationedCounty>>;

const ASSISTANCE_FIELDS =
  'id state version plannedOn startedOn doneOn abandonedOn outcome abandonReason availableCommands';
const PLAN = `mutation($input: PlanAssistanceInput!) { planAssistance(input: $input) { ${ASSISTANCE_FIELDS} } }`;
const STEP = {
  start: `mutation($input: StartAssistanceInput!) { result: startAssistance(input: $input) { ${ASSISTANCE_FIELDS} } }`,
  complete: `mutation($input: CompleteAssistanceInput!) { result: completeAssistance(input: $input) { ${ASSISTANCE_FIELDS} } }`,
  abandon: `mutation($input: AbandonAssistanceInput!) { result: abandonAssistance(input: $input) { ${ASSISTANCE_FIELDS} } }`,
};
const STEP_INPUT = {
  start: { on: '2012-03-01' },
  complete: { on: '2012-09-01', outcome: '建成温室大棚两栋' },
  abandon: { on: '2012-09-01', reason: '农户外出务工' },
};
type Step = keyof typeof STEP;
type AssistanceRow = { id: string; state: string; version: number; availableCommands: string[] };

describe('villages and stationed cadres (issue 10)', () => {
  let app: TestApp;
  let w: World;
  let supervisor: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    w = await stationedCounty(app);
    supervisor = await app.signIn({ roles: ['SUPERVISOR'], jurisdiction: w.county });
  });
  afterAll(() => app.close());

  const audits = (entityId: string) =>
    app.db.query(`SELECT action, changes FROM audit_event WHERE entity_id = $1 ORDER BY id`, [entityId]);

  describe('work units, pairings and cadres', () => {
    it('when a unit is created twice with one key, then the first comes back; another input with it is refused', async () => {
      const input = {
        name: '通河县水务局',
        kind: 'DEPARTMENT',
        level: 'COUNTY',
        regionCode: w.county,
        idempotencyKey: 'u-1',
      };
      const CREATE = `mutation($input: CreateWorkUnitInput!) { createWorkUnit(input: $input) { id name version } }`;
      const [a, b] = await Promise.all([w.officer.gql(CREATE, { input }), w.officer.gql(CREATE, { input })]);
      expect((a.data as { createWorkUnit: { id: string } }).createWorkUnit.id).toBe(
        (b.data as { createWorkUnit: { id: string } }).createWorkUnit.id,
      );
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM work_unit WHERE name = '通河县水务局'`,
      );
      expect(n).toBe(1);
      const other = await w.officer.gql(CREATE, { input: { ...input, name: '通河县林业局' } });
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    });

    it('when a unit has no name, is a duplicate or lies outside the jurisdiction, then it is refused on its field', async () => {
      const CREATE = `mutation($input: CreateWorkUnitInput!) { createWorkUnit(input: $input) { id } }`;
      const base = { name: '通河县教育局', kind: 'INSTITUTION', level: 'COUNTY', regionCode: w.county };
      expect(
        (await w.officer.gql(CREATE, { input: { ...base, name: ' ' } })).errors?.[0].extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(codeOf(await w.officer.gql(CREATE, { input: base }))).toBeUndefined();
      const duplicate = await w.officer.gql(CREATE, { input: base });
      expect(duplicate.errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
        message: 'A work unit of that name exists in the region.',
      });
      expect(codeOf(await w.officer.gql(CREATE, { input: { ...base, regionCode: '230100' } }))).toBe(
        'FORBIDDEN',
      );
    });

    it('when a unit is paired with a village, then the pairing lists under the county and the day; a township is no village', async () => {
      const CREATE = `mutation($input: CreatePairingInput!) { createPairing(input: $input) { id regionCode startsOn endsOn
        workUnit { id } village { code level } } }`;
      const pairing = await one<{ id: string; village: { level: string } }>(w.officer, CREATE, {
        input: {
          workUnitId: w.unitId,
          villageCode: w.villages[1],
          startsOn: '2012-01-01',
          endsOn: '2014-12-31',
          goals: '脱贫',
        },
      });
      expect(pairing.village.level).toBe('VILLAGE');
      const list = await one<{ totalCount: number; edges: { node: { id: string } }[] }>(
        supervisor,
        `query($f: PairingFilter) { pairings(filter: $f) { totalCount edges { node { id } } } }`,
        { f: { regionCode: w.county, activeOn: '2013-05-01' } },
      );
      expect(list.edges.map((e) => e.node.id)).toContain(pairing.id);
      const after = await one<{ totalCount: number }>(
        supervisor,
        `query($f: PairingFilter) { pairings(filter: $f) { totalCount } }`,
        { f: { regionCode: w.county, activeOn: '2015-01-01' } },
      );
      expect(after.totalCount).toBe(0);
      const township = w.tree.rows.find((r) => r.level === 'TOWNSHIP')!.code;
      const res = await w.officer.gql(CREATE, {
        input: { workUnitId: w.unitId, villageCode: township, startsOn: '2012-01-01' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'villageCode' });
    });

    it('when a cadre is registered, then the phone comes back masked and a bad one is refused', async () => {
      const REGISTER = `mutation($input: RegisterStationedCadreInput!) { registerStationedCadre(input: $input) {
        id phone hasAccount workUnit { id } } }`;
      const k = await one<{ phone: string; hasAccount: boolean }>(w.officer, REGISTER, {
        input: { name: '王立新', phone: '13912345678', workUnitId: w.unitId, regionCode: w.county },
      });
      expect(k).toMatchObject({ phone: '139****5678', hasAccount: false });
      const bad = await w.officer.gql(REGISTER, {
        input: { name: '王立新', phone: '12345', workUnitId: w.unitId, regionCode: w.county },
      });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    });
  });

  describe('postings', () => {
    it('when a cadre with an active posting is posted again, then it is CONFLICT; ended once, it cannot end again', async () => {
      const k = await cadre(w.officer, w.unitId, w.county);
      const first = await startPosting(w.officer, k.id, w.villages[1]);
      const again = await w.officer.gql(
        `mutation($input: StartPostingInput!) { startPosting(input: $input) { id } }`,
        { input: { cadreId: k.id, villageCode: w.villages[1], role: 'TEAM_MEMBER', startsOn: '2012-02-01' } },
      );
      expect(codeOf(again)).toBe('CONFLICT');
      const END = `mutation($input: EndPostingInput!) { endPosting(input: $input) { ${POSTING_FIELDS} availableCommands } }`;
      const byCadre = await w.cadreAccount.gql(END, {
        input: {
          id: first.id,
          expectedVersion: first.version,
          endsOn: '2012-05-31',
          handoverNote: '交接完毕',
        },
      });
      expect(codeOf(byCadre)).toBe('FORBIDDEN');
      const ended = await one<{ state: string; version: number; availableCommands: string[] }>(
        w.officer,
        END,
        {
          input: {
            id: first.id,
            expectedVersion: first.version,
            endsOn: '2012-05-31',
            handoverNote: '交接完毕',
          },
        },
      );
      expect(ended).toMatchObject({ state: 'ENDED', version: 2, availableCommands: [] });
      const twice = await w.officer.gql(END, {
        input: { id: first.id, expectedVersion: 2, endsOn: '2012-07-30', handoverNote: '再交接' },
      });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'ENDED' });
      expect((await audits(first.id)).map((a: { action: string }) => a.action)).toEqual([
        'posting.start',
        'posting.end',
      ]);
    });
  });

  describe('visits', () => {
    it('when the cadre logs a visit in the village of its active posting, then it is stored under it and audited', async () => {
      const res = await logVisit(w.cadreAccount, {
        householdId: w.poorHome.id,
        location: { lat: 46.0, lng: 128.7 },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.logVisit).toMatchObject({ postingId: w.posting.id, visitedOn: '2012-06-01' });
      expect((await audits(res.data!.logVisit.id))[0].action).toBe('visit.log');
    });

    it('when the household lies in a village without a posting of the cadre, then the visit is refused', async () => {
      const res = await logVisit(w.cadreAccount, { householdId: w.elsewhere.id });
      // The cadre's jurisdiction is its village: the other village's household is not there to be found.
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'householdId' });
      const byOfficer = await logVisit(w.officer, { householdId: w.elsewhere.id, postingId: w.posting.id });
      expect(byOfficer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postingId' });
    });

    it('when households are due for a visit, then the cadre sees them longest unseen first, by pages, until visited; its page counts the visits by month', async () => {
      const own = await stationedCounty(app);
      const DUE = `query($first: Int, $after: String) { visitsDue(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id poor lastVisitedOn periodStart household { address } } } } }`;
      type Due = { id: string; poor: boolean; lastVisitedOn: string | null; periodStart: string };
      const due = async (vars: Record<string, unknown> = {}) =>
        one<{ totalCount: number; pageInfo: { endCursor: string }; edges: { node: Due }[] }>(
          own.cadreAccount,
          DUE,
          vars,
        );
      const before = await due();
      expect(before.totalCount).toBe(2);
      expect(new Set(before.edges.map((e) => e.node.id))).toEqual(new Set([own.home.id, own.poorHome.id]));
      const today = chinaDay();
      const lastMonth = `${addMonths(today.slice(0, 7), -1)}-01`;
      for (const [home, visitedOn] of [
        [own.home.id, today],
        [own.poorHome.id, lastMonth],
      ] as const)
        expect((await logVisit(own.cadreAccount, { householdId: home, visitedOn })).errors).toBeUndefined();
      const after = await due({ first: 1 });
      // The poor household was seen last month, not this one; the other this quarter.
      expect(after.totalCount).toBe(1);
      expect(after.edges[0].node).toMatchObject({
        id: own.poorHome.id,
        poor: true,
        lastVisitedOn: lastMonth,
        periodStart: visitPeriodStart(today, 1),
      });
      expect((await due({ first: 1, after: after.pageInfo.endCursor })).edges).toEqual([]);
      // The cadre's page counts the same visits: by month, and the households reached.
      const page = await one<{ householdsCovered: number; visitsByMonth: unknown[] }>(
        own.officer,
        `query($id: ID!) { stationedCadre(id: $id) { householdsCovered visitsByMonth { month visits householdsVisited } } }`,
        { id: own.cadre.id },
      );
      expect(page).toEqual({
        householdsCovered: 2,
        visitsByMonth: [
          { month: lastMonth.slice(0, 7), visits: 1, householdsVisited: 1 },
          { month: today.slice(0, 7), visits: 1, householdsVisited: 1 },
        ],
      });
    });

    it('when the day is before the posting or to come, then it is refused on visitedOn', async () => {
      for (const visitedOn of ['2011-12-31', '2999-01-01']) {
        const res = await logVisit(w.cadreAccount, { householdId: w.home.id, visitedOn });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitedOn' });
      }
    });

    it('when a phone sends its queued visit twice, even at once, then one visit is stored; another input with the key is refused', async () => {
      const input = { householdId: w.home.id, idempotencyKey: 'phone-1:visit-1', findings: '春耕准备' };
      const [a, b] = await Promise.all([logVisit(w.cadreAccount, input), logVisit(w.cadreAccount, input)]);
      expect(a.data!.logVisit.id).toBe(b.data!.logVisit.id);
      const again = await logVisit(w.cadreAccount, input);
      expect(again.data!.logVisit.id).toBe(a.data!.logVisit.id);
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM visit WHERE idempotency_key = 'phone-1:visit-1'`,
      );
      expect(n).toBe(1);
      const other = await logVisit(w.cadreAccount, { ...input, findings: '别的' });
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    });

    it('when a dispute is found on a visit, then it becomes a case of the cadres’ channel, linked both ways, once', async () => {
      const visit = (await logVisit(w.cadreAccount, { householdId: w.home.id, purpose: 'DISPUTE' })).data!
        .logVisit;
      const REPORT = `mutation($input: ReportVisitDisputeInput!) { reportVisitDispute(input: $input) {
        ${VISIT_FIELDS} disputeCase { id channel state regionCode visit { id } } } }`;
      const input = {
        visitId: visit.id,
        type: 'LAND',
        title: '地界纠纷',
        description: '两户因地界争执',
        parties: [
          { role: 'APPLICANT', name: '赵某' },
          { role: 'RESPONDENT', name: '钱某' },
        ],
        peopleInvolved: 2,
        householdsInvolved: 2,
      };
      const linked = await one<{
        version: number;
        disputeCase: { id: string; channel: string; state: string; visit: { id: string } };
      }>(w.cadreAccount, REPORT, { input });
      expect(linked.disputeCase).toMatchObject({
        channel: 'STATIONED_CADRE',
        state: 'RECEIVED',
        visit: { id: visit.id },
      });
      expect(linked.version).toBe(2);
      expect(codeOf(await w.cadreAccount.gql(REPORT, { input }))).toBe('CONFLICT');

      // Mediated to an agreement, it counts among the disputes resolved by cadres.
      const refs: CommandRefs = { mediatorId: await mediatorOf(w.villages[0]), centreId: '' };
      let c = { id: linked.disputeCase.id, version: 1 };
      for (const command of pathTo('AGREEMENT_REACHED')) {
        const res = await runCaseCommand(w.officer, command, c, refs);
        expect(res.errors).toBeUndefined();
        c = res.data!.result;
      }
      const stats = await cadreStats(w.county, '2012-01-01', '2012-12-31');
      expect(stats).toMatchObject({ disputesReported: 1, disputesResolved: 1 });
    });
  });

  const mediatorOf = async (village: string) => {
    const [{ id }] = await app.db.query(
      `SELECT id FROM mediation_organization WHERE region_code = $1 ORDER BY created_at LIMIT 1`,
      [village],
    );
    return mediator(app.db, village, [id]);
  };

  const cadreStats = (regionCode: string, from: string, to: string) =>
    one<Record<string, unknown>>(
      supervisor,
      `query($r: String!, $f: Date!, $t: Date!) { cadreStats(regionCode: $r, from: $f, to: $t) {
        activeCadres villagesCovered visits households householdsVisited visitCoverage householdsNeverVisited
        poorHouseholds poorVisitedOnSchedule onScheduleRate assistanceDone disputesReported disputesResolved
        cadresBelowTarget income { fromYear toYear start end growth }
        byChildRegion { regionCode visits households householdsVisited assistanceDone }
        byWorkUnit { workUnitId visits workUnit { id } } byMonth { month visits assistanceDone } } }`,
      { r: regionCode, f: from, t: to },
    );

  describe('assistance', () => {
    const plan = async (householdId = w.poorHome.id) =>
      one<AssistanceRow>(w.cadreAccount, PLAN, {
        input: {
          householdId,
          type: 'GREENHOUSE_OR_BUILDING',
          description: '帮助建温室大棚',
          amountYuan: 60_000,
          plannedOn: '2012-02-01',
        },
      });
    const step = (as: SignedIn, command: Step, a: { id: string; version: number }) =>
      as.gql<{ result: AssistanceRow }>(STEP[command], {
        input: { id: a.id, expectedVersion: a.version, ...STEP_INPUT[command] },
      });

    it('when a plan is carried out, then planned → in progress → done, each step on the timeline and audited', async () => {
      let a = await plan();
      expect(a).toMatchObject({ state: 'PLANNED', version: 1, availableCommands: ['START', 'ABANDON'] });
      a = (await step(w.cadreAccount, 'start', a)).data!.result;
      expect(a).toMatchObject({ state: 'IN_PROGRESS', version: 2, startedOn: '2012-03-01' });
      a = (await step(w.cadreAccount, 'complete', a)).data!.result;
      expect(a).toMatchObject({
        state: 'DONE',
        version: 3,
        doneOn: '2012-09-01',
        outcome: '建成温室大棚两栋',
        availableCommands: [],
      });
      const timeline = await one<{ timeline: { command: string; toState: string; details: object }[] }>(
        w.cadreAccount,
        `query($id: ID!) { assistance(id: $id) { timeline { command toState actorName details { on outcome reason } } } }`,
        { id: a.id },
      );
      expect(timeline.timeline.map((e) => `${e.command}:${e.toState}`)).toEqual([
        'plan:PLANNED',
        'start:IN_PROGRESS',
        'complete:DONE',
      ]);
      expect(timeline.timeline[2].details).toEqual({
        on: '2012-09-01',
        outcome: '建成温室大棚两栋',
        reason: null,
      });
      expect((await audits(a.id)).map((r: { action: string }) => r.action)).toEqual([
        'assistance.plan',
        'assistance.start',
        'assistance.complete',
      ]);
    });

    it.each<[string, Step[], Step, string]>([
      ['a plan is completed before it starts', [], 'complete', 'PLANNED'],
      ['a done assistance is started', ['start', 'complete'], 'start', 'DONE'],
      ['a done assistance is abandoned', ['start', 'complete'], 'abandon', 'DONE'],
      ['an abandoned assistance is started', ['abandon'], 'start', 'ABANDONED'],
      ['an abandoned assistance is abandoned', ['abandon'], 'abandon', 'ABANDONED'],
      ['an assistance in progress is started again', ['start'], 'start', 'IN_PROGRESS'],
    ])('when %s, then it is INVALID_TRANSITION and nothing changes', async (_what, before, command, from) => {
      let a = await plan();
      for (const s of before) a = (await step(w.cadreAccount, s, a)).data!.result;
      const res = await step(w.cadreAccount, command, a);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from });
      const [row] = await app.db.query(`SELECT state, version FROM assistance WHERE id = $1`, [a.id]);
      expect(row).toEqual({ state: from, version: a.version });
    });

    it('when a plan is abandoned, then it needs a reason and ends ABANDONED', async () => {
      const a = await plan();
      const bare = await w.cadreAccount.gql(STEP.abandon, {
        input: { id: a.id, expectedVersion: 1, on: '2012-03-01', reason: ' ' },
      });
      expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect((await step(w.cadreAccount, 'abandon', a)).data!.result).toMatchObject({
        state: 'ABANDONED',
        version: 2,
      });
    });

    it('when a supervisor or a stale version tries a step, then FORBIDDEN and CONFLICT', async () => {
      const a = await plan();
      expect(codeOf(await step(supervisor, 'start', a))).toBe('FORBIDDEN');
      expect(codeOf(await step(w.cadreAccount, 'start', { ...a, version: 7 }))).toBe('CONFLICT');
    });

    it('when incomes are recorded around a greenhouse, then its effect is measured from before to after', async () => {
      let a = await plan();
      a = (await step(w.cadreAccount, 'start', a)).data!.result;
      a = (await step(w.cadreAccount, 'complete', a)).data!.result;
      const RECORD = `mutation($input: RecordHouseholdIncomeInput!) { recordHouseholdIncome(input: $input) { year incomeYuan } }`;
      for (const [year, incomeYuan] of [
        [2011, 9_600],
        [2012, 40_000],
      ])
        await one(w.cadreAccount, RECORD, { input: { householdId: w.poorHome.id, year, incomeYuan } });
      const bad = await w.cadreAccount.gql(RECORD, {
        input: { householdId: w.poorHome.id, year: 2012, incomeYuan: -1 },
      });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'incomeYuan' });
      const effect = await one<{
        effect: { before: { incomeYuan: number }; after: { incomeYuan: number }; growth: number };
      }>(
        w.cadreAccount,
        `query($id: ID!) { assistance(id: $id) { effect { before { year incomeYuan } after { year incomeYuan } growth } } }`,
        { id: a.id },
      );
      expect(effect.effect).toMatchObject({ before: { incomeYuan: 9_600 }, after: { incomeYuan: 40_000 } });
      expect(effect.effect.growth).toBeCloseTo(40_000 / 9_600 - 1);
    });
  });

  describe('handover', () => {
    it('when a posting ends and the next begins, then the next cadre sees the note, the visits and the open assistance', async () => {
      const village = w.villages[1];
      const outgoing = await cadre(w.officer, w.unitId, village);
      const first = await startPosting(w.officer, outgoing.id, village, '2012-01-01');
      const h = await household(app, w.grids[1], { as: w.officer, tags: ['POOR_HOUSEHOLD'] });
      await one(w.officer, `mutation($input: LogVisitInput!) { logVisit(input: $input) { id } }`, {
        input: { householdId: h.id, postingId: first.id, visitedOn: '2012-03-01', purpose: 'POVERTY_CHECK' },
      });
      const open = await one<{ id: string }>(w.officer, PLAN, {
        input: {
          householdId: h.id,
          postingId: first.id,
          type: 'LOAN',
          description: '协调小额贷款',
          plannedOn: '2012-04-01',
        },
      });
      await one(w.officer, `mutation($input: EndPostingInput!) { endPosting(input: $input) { id } }`, {
        input: {
          id: first.id,
          expectedVersion: 1,
          endsOn: '2012-06-30',
          handoverNote: '贷款手续在信用社办理中',
        },
      });
      const account = await app.signIn({ roles: ['STATIONED_CADRE'], jurisdiction: village });
      const incoming = await cadre(w.officer, w.unitId, village, account.userId);
      const next = await startPosting(w.officer, incoming.id, village, '2012-07-01');
      const seen = await one<{
        previous: { handoverNote: string; cadreName: string; visits: { totalCount: number } };
        openAssistance: { id: string; cadreName: string }[];
      }>(
        account,
        `query($id: ID!) { posting(id: $id) { previous { handoverNote cadreName visits { totalCount } }
          openAssistance { id cadreName } } }`,
        { id: next.id },
      );
      expect(seen.previous).toMatchObject({
        handoverNote: '贷款手续在信用社办理中',
        cadreName: outgoing.name,
        visits: { totalCount: 1 },
      });
      expect(seen.openAssistance).toEqual([{ id: open.id, cadreName: outgoing.name }]);
      const mine = await one<{ id: string; state: string }[]>(account, `{ myPostings { id state } }`);
      expect(mine).toEqual([{ id: next.id, state: 'ACTIVE' }]);
      const homes = await one<{ totalCount: number }>(
        account,
        `query($r: String) { households(filter: { regionCode: $r }) { totalCount } }`,
        { r: village },
      );
      expect(homes.totalCount).toBeGreaterThan(0);
    });
  });

  describe('village profiles', () => {
    const RECORD = `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { id year netAssets } }`;
    const year = (villageCode: string, y: number, change: Record<string, unknown> = {}) => ({
      villageCode,
      year: y,
      households: 300,
      population: 1000,
      cultivatedLandMu: 9000.5,
      poorHouseholds: 20,
      perCapitaNetIncome: 5000,
      collectiveAssets: 1_000_000,
      collectiveDebts: 1_400_000,
      householdsInOrganizations: 100,
      ...change,
    });

    it('when a year is entered, then it is kept once; a second entry of it is CONFLICT and a bad figure BAD_USER_INPUT', async () => {
      const row = await one<{ netAssets: number }>(w.officer, RECORD, { input: year(w.villages[0], 2008) });
      expect(row.netAssets).toBe(-400_000);
      expect((await w.officer.gql(RECORD, { input: year(w.villages[0], 2008) })).errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
        message: 'The village has that year recorded already.',
      });
      for (const [field, change] of [
        ['cultivatedLandMu', { cultivatedLandMu: -1 }],
        ['poorHouseholds', { poorHouseholds: 400 }],
      ] as const) {
        const res = await w.officer.gql(RECORD, { input: year(w.villages[0], 2007, change) });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });

    it('when a CSV has errors, then each is answered with its line and nothing is written; a clean one is written whole', async () => {
      const IMPORT = `mutation($csv: String!) { importVillageIndicators(csv: $csv) { imported errors { line field message } } }`;
      const header =
        'villageCode,year,households,population,cultivatedLandMu,poorHouseholds,perCapitaNetIncome,collectiveAssets,collectiveDebts,householdsInOrganizations';
      const line = (v: string, y: number, land = '8000') =>
        `${v},${y},300,1000,${land},20,6000,2000000,100000,120`;
      const bad = [
        header,
        line(w.villages[1], 2010),
        line(w.villages[1], 2011, '-5'),
        line(w.villages[1], 2010),
        `230102010003,2011,1,2,3,0,1,1,0,0`,
        line(w.villages[1], 2012, 'abc'),
      ].join('\n');
      const report = await one<{ imported: number; errors: { line: number; field: string }[] }>(
        w.officer,
        IMPORT,
        { csv: bad },
      );
      expect(report.imported).toBe(0);
      expect(report.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'cultivatedLandMu'],
        [4, 'year'],
        [5, 'villageCode'],
        [6, 'cultivatedLandMu'],
      ]);
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM village_indicator WHERE region_code = $1`,
        [w.villages[1]],
      );
      expect(n).toBe(0);
      const good = await one<{ imported: number }>(w.officer, IMPORT, {
        csv: `\ufeff${[header, line(w.villages[1], 2010), line(w.villages[1], 2011)].join('\r\n')}\r\n`,
      });
      expect(good.imported).toBe(2);
      const again = await one<{ imported: number; errors: { line: number; field: string }[] }>(
        w.officer,
        IMPORT,
        {
          csv: [header, line(w.villages[1], 2011)].join('\n'),
        },
      );
      expect(again).toMatchObject({ imported: 0, errors: [{ line: 2, field: 'year' }] });
    });

    it('when an XLSX has a bad row, then the row is named and nothing is written; a good one is written whole', async () => {
      const IMPORT = `mutation($xlsx: String!) { importVillageIndicators(xlsx: $xlsx) { imported errors { line field message } } }`;
      // Headed by the Chinese labels, figures as numbers, as a county office's spreadsheet has them.
      const workbook = async (lands: number[]) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('村情');
        sheet.addRow(['村代码', ...VILLAGE_INDICATOR_FIELDS.map((f) => VILLAGE_INDICATOR_LABELS[f].zh)]);
        lands.forEach((land, i) =>
          sheet.addRow([w.villages[1], 2020 + i, 300, 1000, land, 20, 6000, 2e6, 1e5, 120]),
        );
        return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
      };
      const countOf2020s = async () =>
        (
          await app.db.query(
            `SELECT count(*)::int AS n FROM village_indicator WHERE region_code = $1 AND year >= 2020`,
            [w.villages[1]],
          )
        )[0].n;
      const bad = await one<{ imported: number; errors: { line: number; field: string }[] }>(
        w.officer,
        IMPORT,
        {
          xlsx: await workbook([8000, -5, 8000]),
        },
      );
      expect(bad).toMatchObject({ imported: 0, errors: [{ line: 3, field: 'cultivatedLandMu' }] });
      expect(bad.errors).toHaveLength(1);
      expect(await countOf2020s()).toBe(0);
      const good = await one<{ imported: number; errors: unknown[] }>(w.officer, IMPORT, {
        xlsx: await workbook([8000, 8100.5]),
      });
      expect(good).toEqual({ imported: 2, errors: [] });
      expect(await countOf2020s()).toBe(2);
      const notABook = await one<{ errors: { line: number }[] }>(w.officer, IMPORT, {
        xlsx: Buffer.from('villageCode,year').toString('base64'),
      });
      expect(notABook.errors).toEqual([expect.objectContaining({ line: 1 })]);
    });

    it('when a village has its Party branch and the three platforms, then it adopts the model and the promotion rate counts it', async () => {
      const CREATE = `mutation($input: CreateVillageOrganizationInput!) { createVillageOrganization(input: $input) { id kind memberCount } }`;
      const ids: Record<string, string> = {};
      for (const kind of ['PARTY_BRANCH', 'COOPERATIVE', 'TRADE_UNION', 'SERVICE_CENTRE', 'ASSOCIATION'])
        ids[kind] = (
          await one<{ id: string }>(w.officer, CREATE, {
            input: { villageCode: w.villages[0], kind, name: `测试${kind}`, foundedOn: '2010-05-01' },
          })
        ).id;
      const members = await one<{ memberCount: number }>(
        w.officer,
        `mutation($input: AddVillageOrganizationMembersInput!) { addVillageOrganizationMembers(input: $input) { memberCount } }`,
        {
          input: {
            organizationId: ids.COOPERATIVE,
            householdIds: [w.poorHome.id, w.home.id],
            joinedOn: '2011-01-01',
          },
        },
      );
      expect(members.memberCount).toBe(2);
      const stray = await w.officer.gql(
        `mutation($input: AddVillageOrganizationMembersInput!) { addVillageOrganizationMembers(input: $input) { memberCount } }`,
        {
          input: {
            organizationId: ids.COOPERATIVE,
            householdIds: [w.home.id, w.elsewhere.id],
            joinedOn: '2011-01-01',
          },
        },
      );
      expect(stray.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'householdIds.1' });
      const page = await one<{
        adoptsModel: boolean;
        organizations: { kind: string }[];
        region: { code: string };
      }>(
        supervisor,
        `query($c: String!) { village(code: $c) { adoptsModel organizations { kind memberCount } region { code }
          indicators { year } postings { cadreName state } } }`,
        { c: w.villages[0] },
      );
      expect(page.adoptsModel).toBe(true);
      const stats = await one<{
        villages: number;
        adoptingVillages: number;
        promotionRate: number;
        byChildRegion: { adoptingVillages: number }[];
      }>(
        supervisor,
        `query($r: String!) { villageStats(regionCode: $r, year: 2012) { villages adoptingVillages promotionRate
          byChildRegion { regionCode villages adoptingVillages } } }`,
        { r: w.county },
      );
      expect(stats).toMatchObject({ villages: 2, adoptingVillages: 1, promotionRate: 0.5 });
      expect(stats.byChildRegion.reduce((n, r) => n + r.adoptingVillages, 0)).toBe(1);
      expect(formatPercent(stats.promotionRate)).toBe('50.0%');
    });

    it('when safety figures are sent twice, then the second changes nothing; three clean years make a quiet village', async () => {
      const RECORD_SAFETY = `mutation($input: RecordVillageSafetyInput!) { recordVillageSafety(input: $input) { year publicOrderCases version } }`;
      for (const y of [2010, 2011, 2012])
        await one(w.officer, RECORD_SAFETY, {
          input: {
            villageCode: w.villages[1],
            year: y,
            publicOrderCases: 0,
            criminalCases: y === 2011 ? 1 : 0,
          },
        });
      const again = await one<{ version: number }>(w.officer, RECORD_SAFETY, {
        input: { villageCode: w.villages[1], year: 2012, publicOrderCases: 0, criminalCases: 0 },
      });
      expect(again.version).toBe(1);
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'villageSafety.record' AND entity_id = $1`,
        [`${w.villages[1]}:2012`],
      );
      expect(n).toBe(1);
      const negative = await w.officer.gql(RECORD_SAFETY, {
        input: { villageCode: w.villages[1], year: 2012, publicOrderCases: -1, criminalCases: 0 },
      });
      expect(negative.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'rows.0.publicOrderCases',
      });
      const stats = await one<{ noPublicOrderCaseVillages: number; noCriminalCaseVillages: number }>(
        supervisor,
        `query($r: String!) { villageStats(regionCode: $r, year: 2012, years: 3) { noPublicOrderCaseVillages noCriminalCaseVillages } }`,
        { r: w.county },
      );
      expect(stats).toEqual({ noPublicOrderCaseVillages: 1, noCriminalCaseVillages: 0 });
    });
  });

  describe('a household’s timeline and the KPIs', () => {
    it('when a household has visits, assistance, incomes, a member and a dispute, then its timeline shows them all', async () => {
      const member = await resident(app, w.home.id, { as: w.officer, name: '孙大力' });
      const visit = (await logVisit(w.cadreAccount, { householdId: w.home.id, purpose: 'DISPUTE' })).data!
        .logVisit;
      await one(
        w.cadreAccount,
        `mutation($input: ReportVisitDisputeInput!) { reportVisitDispute(input: $input) { id } }`,
        {
          input: {
            visitId: visit.id,
            type: 'NEIGHBOURHOOD',
            title: '邻里纠纷',
            description: '院墙之争',
            parties: [
              { role: 'APPLICANT', residentId: member.id },
              { role: 'RESPONDENT', name: '周某' },
            ],
            peopleInvolved: 2,
            householdsInvolved: 2,
          },
        },
      );
      const entries = await one<{ kind: string; what: string; summary: string; refId: string }[]>(
        w.cadreAccount,
        `query($id: ID!) { householdTimeline(householdId: $id) { at kind what summary refId } }`,
        { id: w.home.id },
      );
      const kinds = new Set(entries.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(['DISPUTE', 'MEMBER', 'VISIT']);
      expect(entries.find((e) => e.kind === 'MEMBER')).toMatchObject({ summary: '孙大力', refId: member.id });
      const poor = await one<{ kind: string }[]>(
        w.cadreAccount,
        `query($id: ID!) { householdTimeline(householdId: $id) { kind what } }`,
        { id: w.poorHome.id },
      );
      expect(new Set(poor.map((e) => e.kind))).toEqual(new Set(['VISIT', 'ASSISTANCE', 'INCOME']));
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'visit.list' AND changes->>'via' = 'Household.timeline'`,
      );
      expect(n).toBeGreaterThan(0);
    });

    it('when the county’s stats are read, then they count its cadres’ work and the children add up', async () => {
      const s = await cadreStats(w.county, '2012-01-01', '2012-12-31');
      const [{ visits, visited, homes }] = await app.db.query(
        `SELECT count(*)::int AS visits, count(DISTINCT household_id)::int AS visited,
           (SELECT count(*)::int FROM household WHERE region_code LIKE $1 || '%') AS homes
         FROM visit WHERE region_code LIKE $1 || '%' AND visited_on BETWEEN '2012-01-01' AND '2012-12-31'`,
        [w.county],
      );
      expect(s).toMatchObject({ visits, householdsVisited: visited, households: homes });
      expect(s.activeCadres).toBeGreaterThanOrEqual(1);
      const children = s.byChildRegion as { visits: number; households: number }[];
      expect(children.reduce((n, r) => n + r.visits, 0)).toBe(visits);
      expect(children.reduce((n, r) => n + r.households, 0)).toBe(homes);
      expect((s.byMonth as { visits: number }[]).length).toBe(12);
      expect((s.byMonth as { visits: number }[]).reduce((n, r) => n + r.visits, 0)).toBe(visits);
      // A cadre with a handful of visits in a year is far below eight a month.
      expect(s.cadresBelowTarget).toBe(s.activeCadres);
    });

    it('when a poor household misses a month, then it is not on schedule; visited every month, it is', async () => {
      const village = w.villages[1];
      const k = await cadre(w.officer, w.unitId, w.county);
      const postingId = (await startPosting(w.officer, k.id, village, '2012-01-01')).id;
      const steady = await household(app, w.grids[1], { as: w.officer, tags: ['POOR_HOUSEHOLD'] });
      const gappy = await household(app, w.grids[1], { as: w.officer, tags: ['POOR_HOUSEHOLD'] });
      for (const m of [1, 2, 3])
        for (const h of m === 2 ? [steady] : [steady, gappy])
          await one(w.officer, `mutation($input: LogVisitInput!) { logVisit(input: $input) { id } }`, {
            input: { householdId: h.id, postingId, visitedOn: `2013-0${m}-10`, purpose: 'POVERTY_CHECK' },
          });
      const s = await cadreStats(village, '2013-01-01', '2013-03-31');
      expect(s).toMatchObject({ poorVisitedOnSchedule: 1 });
      expect(s.poorHouseholds as number).toBeGreaterThanOrEqual(2);
    });
  });
});
