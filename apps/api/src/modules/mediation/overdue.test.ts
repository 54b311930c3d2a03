import {
  DISPUTE_CASE_STATES,
  disputeDeadlineStatus,
  isOpenDisputeCase,
  type DisputeCaseState,
} from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import { caseIn, mediator, organization, type CommandRefs } from '../../test/mediation';
import { cityAdmin } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { atRiskSql, overdueSql } from './dispute-case.sql';

/**
 * One definition of overdue (issue 7 first-time user item 7): the overview's `overdue` equals the list's
 * `overdue: true` total for the same period and region, over cases in every state, and the SQL twin of
 * `disputeDeadlineStatus` agrees with it row by row, at the edges included.
 */

const HOUR = 3_600_000;

describe('one definition of overdue', () => {
  let app: TestApp;
  let street: string;
  let villages: string[];
  let officer: SignedIn;
  /** What the fixture set: per case, its place, state, acceptance and whether its stage's time has run out. */
  const fixture: {
    id: string;
    village: string;
    state: DisputeCaseState;
    acceptedAt: string | null;
    late: boolean;
  }[] = [];

  const overview = async (regionCode: string, from: string, to: string) => {
    const res = await officer.gql<{ mediationStats: { overdue: number; accepted: number } }>(
      `query($r: String!, $f: Date!, $t: Date!) { mediationStats(regionCode: $r, from: $f, to: $t) { overdue accepted } }`,
      { r: regionCode, f: from, t: to },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.mediationStats;
  };
  const listed = async (regionCode: string, from: string, to: string, overdue?: boolean) => {
    const res = await officer.gql<{ disputeCases: { totalCount: number } }>(
      `query($filter: DisputeCaseFilter) { disputeCases(filter: $filter) { totalCount } }`,
      { filter: { regionCode, acceptedFrom: from, acceptedTo: to, overdue } },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.disputeCases.totalCount;
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 1 });
    street = tree.rows.find((r) => r.level === 'STREET')!.code;
    villages = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    await cityAdmin(app);
    officer = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: street });
    const centre = await organization(app.db, street, 'COORDINATION_CENTRE');
    const refs: Record<string, CommandRefs> = {};
    for (const v of villages)
      refs[v] = { mediatorId: await mediator(app.db, v, [await organization(app.db, v)]), centreId: centre };

    // Every state, late and in time, in the first village; the open states in the second too. Acceptances on
    // the edges of June in Harbin: 1 June 00:05 (31 May in UTC) is in June, 1 July 00:10 (30 June in UTC) is not.
    const ACCEPTED = ['2025-06-15T10:00:00+08:00', '2025-06-01T00:05:00+08:00', '2025-07-01T00:10:00+08:00'];
    let n = 0;
    for (const state of DISPUTE_CASE_STATES)
      for (const village of isOpenDisputeCase(state) ? villages : [villages[0]])
        for (const late of [true, false]) {
          const c = await caseIn(officer, village, state, refs[village]);
          // TypeORM answers an UPDATE with [rows, count].
          const [[row]] = await app.db.query(
            `UPDATE dispute_case SET
               accepted_at = CASE WHEN accepted_at IS NULL THEN NULL ELSE $2::timestamptz END,
               due_at = now() + make_interval(hours => $3::int), at_risk_at = now() + make_interval(hours => $4::int)
             WHERE id = $1 RETURNING accepted_at AS "acceptedAt"`,
            [c.id, ACCEPTED[n++ % ACCEPTED.length], late ? -2 : 48, late ? -30 : 24],
          );
          fixture.push({ id: c.id, village, state, acceptedAt: row.acceptedAt?.toISOString() ?? null, late });
        }
  });
  afterAll(() => app.close());

  it.each([
    ['the street', 'June', () => street, '2025-06-01', '2025-06-30'],
    ['the first village', 'June', () => villages[0], '2025-06-01', '2025-06-30'],
    ['the second village', 'June', () => villages[1], '2025-06-01', '2025-06-30'],
    ['the street', '1 June', () => street, '2025-06-01', '2025-06-01'],
    ['the street', '1 July', () => street, '2025-07-01', '2025-07-01'],
    ['the street', 'May to July', () => street, '2025-05-01', '2025-07-31'],
    ['the street', '2012', () => street, '2012-01-01', '2012-12-31'],
  ])(
    'when %s is asked for over %s, then the overview’s overdue equals the list’s total with overdue: true',
    async (_where, _when, region, from, to) => {
      const stats = await overview(region(), from, to);
      expect(stats.overdue).toBe(await listed(region(), from, to, true));
      expect(stats.accepted).toBe(await listed(region(), from, to));
      // And both say what the fixture says: open cases accepted in the period whose time has run out.
      const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * HOUR).toISOString().slice(0, 10);
      const expected = fixture.filter(
        (c) =>
          c.acceptedAt &&
          day(c.acceptedAt) >= from &&
          day(c.acceptedAt) <= to &&
          c.village.startsWith(region()) &&
          isOpenDisputeCase(c.state) &&
          c.late,
      );
      expect(stats.overdue).toBe(expected.length);
    },
  );

  it('when the fixture is counted, then the comparisons above are not empty: late open cases in June, late ended ones too', () => {
    const june = fixture.filter((c) => c.acceptedAt && c.late);
    expect(june.filter((c) => isOpenDisputeCase(c.state)).length).toBeGreaterThan(2);
    // A case in follow-up past its follow-up date is late by the clock, and not overdue.
    expect(fixture.some((c) => c.state === 'FOLLOW_UP' && c.late && c.acceptedAt)).toBe(true);
  });

  it('when a case in follow-up is past its follow-up date, then it is neither in the overview’s overdue nor in the list’s', async () => {
    const followUp = fixture.filter((c) => c.state === 'FOLLOW_UP' && c.late);
    const res = await officer.gql<{ disputeCases: { edges: { node: { id: string } }[] } }>(
      `{ disputeCases(first: 200, filter: { overdue: true }) { edges { node { id } } } }`,
    );
    const overdue = new Set(res.data!.disputeCases.edges.map((e) => e.node.id));
    for (const c of followUp) expect(overdue.has(c.id)).toBe(false);
    for (const c of fixture.filter((f) => f.late && isOpenDisputeCase(f.state)))
      expect(overdue.has(c.id)).toBe(true);
  });

  it('when every case is read with the SQL twin, then it says OVERDUE and AT_RISK exactly where disputeDeadlineStatus does', async () => {
    const rows: {
      id: string;
      state: DisputeCaseState;
      dueAt: Date | null;
      atRiskAt: Date | null;
      now: Date;
      overdue: boolean;
      atRisk: boolean;
    }[] = await app.db.query(
      `SELECT c.id, c.state, c.due_at AS "dueAt", c.at_risk_at AS "atRiskAt", now() AS now,
           ${overdueSql('c')} AS overdue, coalesce(${atRiskSql('c')}, false) AS "atRisk"
         FROM dispute_case c`,
    );
    expect(rows).toHaveLength(fixture.length);
    for (const r of rows) {
      const status = disputeDeadlineStatus(r, r.now);
      expect({ id: r.id, overdue: r.overdue, atRisk: r.atRisk }).toEqual({
        id: r.id,
        overdue: status === 'OVERDUE',
        atRisk: status === 'AT_RISK',
      });
    }
  });

  it('when every state meets every kind of deadline, the edges included, then the SQL twin and the domain agree on each', async () => {
    // Offsets from now in seconds; null: no deadline. 0 is the edge: due exactly now is not yet late.
    const OFFSETS = [null, -3600, 0, 3600];
    const combos = DISPUTE_CASE_STATES.flatMap((state) =>
      OFFSETS.flatMap((due) => OFFSETS.map((risk) => ({ state, due, risk }))),
    );
    const rows: {
      state: DisputeCaseState;
      dueAt: Date | null;
      atRiskAt: Date | null;
      now: Date;
      overdue: boolean | null;
      atRisk: boolean | null;
    }[] = await app.db.query(
      `SELECT c.state, c.due_at AS "dueAt", c.at_risk_at AS "atRiskAt", now() AS now,
           ${overdueSql('c')} AS overdue, ${atRiskSql('c')} AS "atRisk"
         FROM (SELECT x.state, now() + make_interval(secs => x.due) AS due_at, now() + make_interval(secs => x.risk) AS at_risk_at
               FROM jsonb_to_recordset($1::jsonb) AS x (state text, due int, risk int)) c`,
      [JSON.stringify(combos)],
    );
    expect(rows).toHaveLength(DISPUTE_CASE_STATES.length * OFFSETS.length ** 2);
    const disagreements = rows.filter((r) => {
      const status = disputeDeadlineStatus(r, r.now);
      // A NULL from SQL is "not so", as a WHERE clause reads it.
      return Boolean(r.overdue) !== (status === 'OVERDUE') || Boolean(r.atRisk) !== (status === 'AT_RISK');
    });
    expect(disagreements).toEqual([]);
  });
});
