import type { DisputeCaseCommand } from '@qiangji/domain';
import { regionTree } from '../../test/factories';
import { mediator, organization, walkCase, type CommandRefs } from '../../test/mediation';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { registerCase, riskOf, type CaseRow, type CaseStep } from './dispute-case.life';
import type { Org } from './organization.seed';

/** Instants the API takes inside its transaction, a few milliseconds after the timeline row's `at`. */
const INSTANTS = ['receivedAt', 'acceptedAt', 'concludedAt', 'closedAt', 'dueAt', 'atRiskAt'] as const;

describe('a dispute case played by the seed and run by the API', () => {
  let app: TestApp;
  let community: string;
  let committee: Org;
  let centre: Org;
  let refs: CommandRefs;
  let staff: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const street = tree.rows.find((r) => r.level === 'STREET')!.code;
    community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
    const named = async (id: string): Promise<Org> =>
      (await app.db.query(`SELECT id, name FROM mediation_organization WHERE id = $1`, [id]))[0];
    committee = await named(await organization(app.db, community));
    centre = await named(await organization(app.db, street, 'COORDINATION_CENTRE'));
    refs = { mediatorId: await mediator(app.db, community, [committee.id]), centreId: centre.id };
    staff = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: street });
    await mediator(app.db, community, [committee.id, centre.id], staff.userId);
  });
  afterAll(() => app.close());

  const PATHS: [string, DisputeCaseCommand[], Record<string, unknown>][] = [
    [
      'escalated, agreed, followed up, closed',
      [
        'accept',
        'assignMediator',
        'escalate',
        'recordSession',
        'recordSession',
        'concludeWithAgreement',
        'recordFollowUp',
        'close',
      ],
      { householdsInvolved: 6, peopleInvolved: 14, amountAtStake: '600000.00' },
    ],
    ['declined', ['decline'], {}],
    [
      'failed and closed',
      ['accept', 'assignMediator', 'recordSession', 'concludeWithoutAgreement', 'close'],
      {},
    ],
    ['withdrawn early, still to close', ['accept', 'withdraw'], { amountAtStake: '120.50' }],
    [
      'in follow-up',
      ['accept', 'assignMediator', 'recordSession', 'concludeWithAgreement', 'recordFollowUp'],
      {},
    ],
  ];

  it.each(PATHS)(
    'when a case is %s, then the seed’s play of the API’s steps leaves the same columns, version and timeline',
    async (_, commands, overrides) => {
      const { id } = await walkCase(staff, community, commands, refs, overrides);
      const [api]: (CaseRow & { path: string })[] = await app.db.query(
        `SELECT id, channel, type, title, description, region_code AS "regionCode", region_path::text AS path,
           organization_id AS "organizationId", origin_organization_id AS "originOrganizationId",
           mediator_id AS "mediatorId", amount_at_stake::text AS "amountAtStake", people_involved AS "peopleInvolved",
           households_involved AS "householdsInvolved", threats, risk, risk_reasons AS "riskReasons", state, version,
           outcome, decline_reason AS "declineReason", referral, agreement, honoured, received_at AS "receivedAt",
           accepted_at AS "acceptedAt", concluded_at AS "concludedAt", closed_at AS "closedAt", due_at AS "dueAt",
           at_risk_at AS "atRiskAt"
         FROM dispute_case WHERE id = $1`,
        [id],
      );
      const timeline: { at: Date; command: string; from: string | null; to: string; details: object }[] =
        await app.db.query(
          `SELECT at, command, from_state AS "from", to_state AS "to", details FROM dispute_case_event
           WHERE case_id = $1 ORDER BY id`,
          [id],
        );

      const steps = timeline.slice(1).map((e) => ({ ...e, actor: '调解员' }) as CaseStep);
      const seeded = registerCase(
        { ...api, risk: riskOf(api), parties: ['王某', '李某'], full: true },
        committee,
        centre,
        steps,
        new Date(),
      );

      const { row } = seeded;
      for (const instant of INSTANTS) {
        expect(row[instant] === null).toBe(api[instant] === null);
        if (api[instant])
          expect(Math.abs(row[instant]!.getTime() - api[instant]!.getTime())).toBeLessThan(5_000);
      }
      const without = (c: object) =>
        Object.fromEntries(Object.entries(c).filter(([k]) => !(INSTANTS as readonly string[]).includes(k)));
      expect(without(row)).toEqual(without({ ...api, path: undefined }));
      expect(
        seeded.timeline.map(({ command, from, to, details }) => ({ command, from, to, details })),
      ).toEqual(timeline.map(({ command, from, to, details }) => ({ command, from, to, details })));
    },
  );
});
