import type { GqlClient, GraphQLResponse, SignedIn, TestApp } from './test-app';
import { regionTree } from './factories';
import { household } from './people';
import { organization } from './mediation';

let serial = 0;

export function ok<T>(res: GraphQLResponse<T>, what: string): T {
  if (!res.data || res.errors) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** One field of a mutation's or query's answer, required to succeed. */
export async function one<T = Record<string, unknown>>(
  client: GqlClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await client.gql<Record<string, T>>(query, variables);
  return Object.values(ok(res, query.slice(0, 60)))[0];
}

export async function workUnit(client: GqlClient, regionCode: string): Promise<string> {
  const unit = await one<{ id: string }>(
    client,
    `mutation($input: CreateWorkUnitInput!) { createWorkUnit(input: $input) { id } }`,
    { input: { name: `测试单位${++serial}`, kind: 'DEPARTMENT', level: 'COUNTY', regionCode } },
  );
  return unit.id;
}

export async function cadre(
  client: GqlClient,
  workUnitId: string,
  regionCode: string,
  userId: string | null = null,
): Promise<{ id: string; name: string }> {
  return one(
    client,
    `mutation($input: RegisterStationedCadreInput!) { registerStationedCadre(input: $input) { id name } }`,
    { input: { name: `驻村干部${++serial}`, workUnitId, regionCode, userId, phone: '13900001111' } },
  );
}

export const POSTING_FIELDS = 'id state version startsOn endsOn handoverNote cadreName regionCode';

export async function startPosting(
  client: GqlClient,
  cadreId: string,
  villageCode: string,
  startsOn = '2012-01-01',
): Promise<{ id: string; version: number; state: string }> {
  return one(
    client,
    `mutation($input: StartPostingInput!) { startPosting(input: $input) { ${POSTING_FIELDS} } }`,
    { input: { cadreId, villageCode, role: 'FIRST_SECRETARY', startsOn } },
  );
}

export const VISIT_FIELDS =
  'id postingId cadreId cadreName householdId visitedOn purpose findings version disputeCaseId';

export function logVisit(client: GqlClient, input: Record<string, unknown>) {
  return client.gql<{ logVisit: { id: string; postingId: string; visitedOn: string; version: number } }>(
    `mutation($input: LogVisitInput!) { logVisit(input: $input) { ${VISIT_FIELDS} } }`,
    { input: { visitedOn: '2012-06-01', purpose: 'POVERTY_CHECK', findings: '家中两口人', ...input } },
  );
}

/**
 * A county of its own with villages, each with a people's mediation committee, an officer of the county, a work
 * unit, and a cadre with an account posted to the first village since 2012.
 */
export async function stationedCounty(app: TestApp, opts: { villages?: number } = {}) {
  const tree = await regionTree(app.db, {
    rural: true,
    streets: 1,
    communities: opts.villages ?? 2,
    grids: 1,
  });
  const villages = tree.rows.filter((r) => r.level === 'VILLAGE').map((r) => r.code);
  const grids = tree.rows.filter((r) => r.level === 'GRID').map((r) => r.code);
  for (const v of villages) await organization(app.db, v);
  const officer: SignedIn = await app.signIn({
    roles: ['DISTRICT_OFFICER'],
    jurisdiction: tree.districtCode,
  });
  const cadreAccount: SignedIn = await app.signIn({ roles: ['STATIONED_CADRE'], jurisdiction: villages[0] });
  const unitId = await workUnit(officer, tree.districtCode);
  const posted = await cadre(officer, unitId, villages[0], cadreAccount.userId);
  const posting = await startPosting(officer, posted.id, villages[0]);
  const poorHome = await household(app, grids[0], { as: officer, tags: ['POOR_HOUSEHOLD'] });
  const home = await household(app, grids[0], { as: officer });
  const elsewhere = await household(app, grids[1], { as: officer });
  return {
    tree,
    county: tree.districtCode,
    villages,
    grids,
    officer,
    cadreAccount,
    unitId,
    cadre: posted,
    posting,
    poorHome,
    home,
    elsewhere,
  };
}
