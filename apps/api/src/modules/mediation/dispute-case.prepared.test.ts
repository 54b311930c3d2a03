import { regionTree } from '../../test/factories';
import { organization, registerCase } from '../../test/mediation';
import { startTestApp, type TestApp } from '../../test/test-app';

const BY_ID = `query($id: ID!) { disputeCase(id: $id) { id mediator { name } parties { name contact } } }`;

/**
 * The case by id is a prepared statement (issue 9): after five executions on a connection PostgreSQL may run it
 * with one generic plan for every caller. The policy is in that plan and reads the scope when it runs, so callers
 * of other jurisdictions taking turns on the same connections must still each see only their own.
 */
describe('the case by id, prepared once per connection', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when officers of two districts ask for each other’s cases and their own by id in turn, many times, then each only ever sees its own', async () => {
    const [a, b] = await Promise.all([regionTree(app.db), regionTree(app.db)]);
    const officerA = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: a.districtCode });
    const officerB = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: b.districtCode });
    const [inA, inB] = [a, b].map((t) => t.rows.find((r) => r.level === 'COMMUNITY')!.code);
    await Promise.all([organization(app.db, inA), organization(app.db, inB)]);
    const caseB = await registerCase(officerB, inB);
    const caseA = await registerCase(officerA, inA);
    for (let round = 0; round < 12; round++) {
      const ask = (officer: typeof officerA, id: string) =>
        officer.gql<{ disputeCase: { id: string } | null }>(BY_ID, { id });
      const [bOwn, aOfB, aOwn, bOfA] = await Promise.all([
        ask(officerB, caseB.id),
        ask(officerA, caseB.id),
        ask(officerA, caseA.id),
        ask(officerB, caseA.id),
      ]);
      expect([bOwn, aOwn].map((r) => r.data?.disputeCase?.id)).toEqual([caseB.id, caseA.id]);
      expect([aOfB, bOfA].map((r) => r.data?.disputeCase ?? null)).toEqual([null, null]);
    }
  });
});
