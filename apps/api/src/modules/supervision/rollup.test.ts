import { regionTree } from '../../test/factories';
import {
  caseIn,
  mediator,
  organization,
  registerCase,
  runCommand,
  type CommandRefs,
} from '../../test/mediation';
import { gridsOf, household, resident } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

const MONTH = (c: string) => `to_char(date_trunc('month', ${c} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')`;
const OPEN = `c.state IN ('RECEIVED', 'ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION')`;

/** Petitions registered and resolved by month or by year: the rollup, and a scan of the cases. */
function petitions(name: string, rollup: string, period: 'month' | 'year', format: string) {
  const at = (column: string) => `to_char(p.${column}, '${format}')`;
  return {
    name,
    rollup: `SELECT region_code AS code, to_char(month, '${format}') AS ${period}, registered, resolved
             FROM ${rollup} WHERE registered <> 0 OR resolved <> 0`,
    scan: `SELECT x.code, x.${period}, sum(x.registered)::int AS registered, sum(x.resolved)::int AS resolved FROM (
             SELECT r.code, ${at('registered_on')} AS ${period}, 1 AS registered, 0 AS resolved
             FROM region r JOIN petition_case p ON p.region_path <@ r.path
             UNION ALL
             SELECT r.code, ${at('resolved_on')}, 0, 1
             FROM region r JOIN petition_case p ON p.region_path <@ r.path WHERE p.resolved_on IS NOT NULL
           ) x GROUP BY 1, 2`,
  };
}

/**
 * The rollups as the triggers keep them, and the same counts by a scan written the other way round: for every
 * region, the facts whose path lies under its path (`<@`), grouped. Rows of zeros are left out of both.
 */
const PAIRS: { name: string; rollup: string; scan: string }[] = [
  {
    name: 'cases by month accepted',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, accepted, mediated, open, open_due
             FROM dispute_case_rollup WHERE accepted <> 0 OR mediated <> 0 OR open <> 0 OR open_due <> 0`,
    scan: `SELECT r.code, ${MONTH('c.accepted_at')} AS month, count(*)::int AS accepted,
             count(*) FILTER (WHERE c.outcome = 'AGREEMENT_REACHED')::int AS mediated,
             count(*) FILTER (WHERE c.outcome IS NULL)::int AS open,
             count(*) FILTER (WHERE ${OPEN} AND c.due_at IS NOT NULL)::int AS open_due
           FROM region r JOIN dispute_case c ON c.region_path <@ r.path
           WHERE c.accepted_at IS NOT NULL GROUP BY 1, 2`,
  },
  {
    name: 'cases by month received',
    rollup: `SELECT region_code AS code, to_char(month, 'YYYY-MM') AS month, received, received_open,
               received_open_due, received_high_risk
             FROM dispute_case_rollup WHERE received <> 0 OR received_open <> 0 OR received_open_due <> 0
               OR received_high_risk <> 0`,
    scan: `SELECT r.code, ${MONTH('c.received_at')} AS month, count(*)::int AS received,
             count(*) FILTER (WHERE ${OPEN})::int AS received_open,
             count(*) FILTER (WHERE ${OPEN} AND c.due_at IS NOT NULL)::int AS received_open_due,
             count(*) FILTER (WHERE ${OPEN} AND c.risk = 'HIGH')::int AS received_high_risk
           FROM region r JOIN dispute_case c ON c.region_path <@ r.path GROUP BY 1, 2`,
  },
  {
    name: 'recurring disputes by place, under every region above it',
    rollup: `SELECT region_code AS code, to_char(year, 'YYYY') AS year, subject, place, cases
             FROM dispute_recurrence WHERE cases <> 0`,
    scan: `SELECT r.code, x.year, x.subject, l.place, count(*)::int AS cases FROM (
             SELECT c.region_path, to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year,
               'TYPE:' || c.type AS subject
             FROM dispute_case c
             UNION ALL
             SELECT p.region_path, to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY'),
               'PARTY:' || p.resident_id
             FROM dispute_party p JOIN dispute_case c ON c.id = p.case_id WHERE p.resident_id IS NOT NULL
           ) x
           CROSS JOIN LATERAL (SELECT ltree2text(subpath(x.region_path, -1)) AS place) l
           JOIN region r ON x.region_path <@ r.path
           GROUP BY 1, 2, 3, 4`,
  },
  petitions('petitions by month', 'petition_case_rollup', 'month', 'YYYY-MM'),
  petitions('petitions by year', 'petition_case_year_rollup', 'year', 'YYYY'),
];

/** Rows as sorted JSON lines, so a difference shows as the rows that differ. */
const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('rollups kept in the transaction of the facts', () => {
  let app: TestApp;
  let staff: SignedIn;
  let refs: CommandRefs;
  let communityA: string;
  let streetB: string;
  let district: string;
  let residentId: string;

  const expectRollupsEqualScans = async () => {
    for (const pair of PAIRS) {
      const [rollup, scan] = await Promise.all([app.db.query(pair.rollup), app.db.query(pair.scan)]);
      expect([pair.name, sorted(rollup)]).toEqual([pair.name, sorted(scan)]);
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 1, grids: 1 });
    district = tree.districtCode;
    const streets = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    streetB = streets[1];
    communityA = tree.rows.find((r) => r.level === 'COMMUNITY' && r.parentCode === streets[0])!.code;
    const committee = await organization(app.db, communityA);
    const centre = await organization(app.db, streets[0], 'COORDINATION_CENTRE');
    refs = { mediatorId: await mediator(app.db, communityA, [committee]), centreId: centre };
    staff = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
    const home = await household(
      app,
      gridsOf(tree).find((g) => g.startsWith(communityA))!,
      { as: staff },
    );
    residentId = (await resident(app, home.id, { as: staff })).id;
  });
  afterAll(() => app.close());

  it('when cases are registered, accepted, assigned, concluded, withdrawn and declined through the API, then every rollup equals a scan', async () => {
    const party = {
      parties: [
        { role: 'APPLICANT', residentId },
        { role: 'RESPONDENT', name: '李某' },
      ],
    };
    await Promise.all([
      caseIn(staff, communityA, 'RECEIVED', refs, party),
      caseIn(staff, communityA, 'ACCEPTED', refs, party),
      caseIn(staff, communityA, 'MEDIATOR_ASSIGNED', refs, party),
      caseIn(staff, communityA, 'AGREEMENT_REACHED', refs, { ...party, type: 'LAND' }),
      caseIn(staff, communityA, 'MEDIATION_FAILED', refs, { type: 'LAND' }),
      caseIn(staff, communityA, 'WITHDRAWN', refs, { type: 'LAND' }),
      caseIn(staff, communityA, 'DECLINED', refs),
      caseIn(staff, communityA, 'CLOSED', refs),
    ]);
    await expectRollupsEqualScans();
    const [recurring] = await app.db.query(
      `SELECT count(*) FILTER (WHERE subject = 'TYPE:LAND')::int AS place,
         count(*) FILTER (WHERE subject LIKE 'PARTY:%')::int AS party
       FROM dispute_recurrence WHERE region_code = $1 AND place = $1 AND cases >= 3`,
      [communityA],
    );
    expect(recurring).toEqual({ place: 1, party: 1 });
  });

  it('when a refused command changes nothing, then no rollup moves either', async () => {
    const c = await registerCase(staff, communityA);
    const before = await app.db.query(PAIRS[1].rollup);
    const res = await runCommand(staff, 'close', c, refs);
    expect(res.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(sorted(await app.db.query(PAIRS[1].rollup))).toEqual(sorted(before));
  });

  it('when petitions are registered and resolved, then their rollup equals a scan', async () => {
    await app.db.query(
      `INSERT INTO petition_case (title, region_code, state, registered_on, resolved_on)
       VALUES ('积案一', $1, 'RESOLVED', '2012-02-10', '2012-06-01'), ('积案二', $1, 'REGISTERED', '2011-11-05', NULL)`,
      [communityA],
    );
    await app.db.query(
      `UPDATE petition_case SET state = 'RESOLVED', resolved_on = '2012-08-08' WHERE title = '积案二'`,
    );
    await expectRollupsEqualScans();
  });

  it('when the community moves to the other street, then the old street loses its counts, the new one gains them, and every rollup equals a scan', async () => {
    const row = async (code: string) =>
      (
        await app.db.query(
          `SELECT coalesce(sum(received), 0)::int AS received FROM dispute_case_rollup WHERE region_code = $1`,
          [code],
        )
      )[0].received;
    const oldStreet = communityA.slice(0, 9);
    const moved = await row(communityA);
    expect(moved).toBeGreaterThan(0);
    const [beforeOld, beforeNew, beforeDistrict] = [
      await row(oldStreet),
      await row(streetB),
      await row(district),
    ];

    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [streetB, communityA]);

    expect([await row(oldStreet), await row(streetB), await row(district), await row(communityA)]).toEqual([
      beforeOld - moved,
      beforeNew + moved,
      beforeDistrict,
      moved,
    ]);
    const [{ mismatched }] = await app.db.query(
      `SELECT count(*)::int AS mismatched FROM dispute_case_rollup r JOIN region g ON g.code = r.region_code
       WHERE r.region_path <> g.path`,
    );
    expect(mismatched).toBe(0);
    await expectRollupsEqualScans();
  });
});
