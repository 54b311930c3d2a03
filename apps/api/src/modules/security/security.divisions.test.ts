import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cityAdmin } from '../../test/people';
import { SHARED_DATA_DIR } from '../../test/test-env';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { importDivisions } from '../region/region-import';
import { NO_CRIMINAL_VILLAGES, QUIET_VILLAGES, seedSecurity, TONGHE } from './security.seed';

const STATS = `query($code: String!) { securityStats(regionCode: $code, from: "2012-01", to: "2012-12", quietYears: 3) {
  reportedCases previousReportedCases villages villagesWithoutPublicOrderCase villagesWithoutCriminalCase } }`;

describe('public security with the official division list imported', () => {
  let app: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    // Read from where the data lives, never copied: NBS 2022's 18 + 330 + 3,179 units of Harbin.
    const csv = readFileSync(path.join(SHARED_DATA_DIR, 'harbin-divisions.csv'), 'utf8');
    await importDivisions(app.context(), csv);
    await app.db.transaction((m) => seedSecurity(m));
    admin = await cityAdmin(app);
  }, 120_000);
  afterAll(() => app.close());

  it('when 通河县 and the city are read, then 15 villages had no public-order case in three years and 52 no criminal case', async () => {
    const [{ villages }] = await app.db.query(
      `SELECT count(*)::int AS villages FROM region WHERE level = 'VILLAGE' AND code LIKE $1 || '%'`,
      [TONGHE],
    );
    expect(villages).toBeGreaterThanOrEqual(QUIET_VILLAGES + NO_CRIMINAL_VILLAGES);
    for (const code of [TONGHE, '230100']) {
      const res = await admin.gql<{ securityStats: Record<string, number> }>(STATS, { code });
      expect(res.errors).toBeUndefined();
      expect(res.data!.securityStats).toMatchObject({
        reportedCases: code === TONGHE ? expect.any(Number) : 72_180,
        villagesWithoutPublicOrderCase: QUIET_VILLAGES,
        villagesWithoutCriminalCase: NO_CRIMINAL_VILLAGES,
      });
    }
    const tonghe = (await admin.gql<{ securityStats: { villages: number } }>(STATS, { code: TONGHE })).data!;
    expect(tonghe.securityStats.villages).toBe(villages);
  });
});
