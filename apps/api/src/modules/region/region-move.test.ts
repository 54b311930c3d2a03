import { regionTree } from '../../test/factories';
import { organization, registerCase } from '../../test/mediation';
import { gridsOf, household, resident } from '../../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

const LISTS = `{ residents(first: 50) { edges { node { id } } } disputeCases(first: 50) { edges { node { id } } } }`;
// One request each: a refused non-null field nulls the whole answer, and with it the other field's error.
const BY_ID = {
  resident: `query($id: ID!) { resident(id: $id) { id } }`,
  disputeCase: `query($id: ID!) { disputeCase(id: $id) { id } }`,
};

interface Lists {
  residents: { edges: { node: { id: string } }[] };
  disputeCases: { edges: { node: { id: string } }[] };
}

/**
 * Catalogue case 32: a community re-parented to another street (a re-import that changes its parent). The rows
 * placed on it carry copies of its path; they follow in the move's own transaction, so the old street's staff
 * lose access at once and the new street's gain it, while the community's own staff keep theirs.
 */
describe('a region that moves in the tree (case 32)', () => {
  let app: TestApp;
  let community: string;
  let streetA: string;
  let streetB: string;
  let residentId: string;
  let caseId: string;
  let officerA: SignedIn;
  let officerB: SignedIn;
  let staff: SignedIn;

  const sees = async (who: SignedIn) => {
    const [lists, one, other] = await Promise.all([
      who.gql<Lists>(LISTS),
      who.gql(BY_ID.resident, { id: residentId }),
      who.gql(BY_ID.disputeCase, { id: caseId }),
    ]);
    return {
      residents: lists.data!.residents.edges.map((e) => e.node.id),
      cases: lists.data!.disputeCases.edges.map((e) => e.node.id),
      byId: [...(one.errors ?? []), ...(other.errors ?? [])].map(
        (e) => `${e.path?.join('.')}:${e.extensions.code}`,
      ),
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 1, grids: 1 });
    [streetA, streetB] = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    community = tree.rows.find((r) => r.level === 'COMMUNITY' && r.parentCode === streetA)!.code;
    const grid = gridsOf(tree).find((g) => g.startsWith(community))!;
    await organization(app.db, community);
    [officerA, officerB, staff] = await Promise.all([
      app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetA }),
      app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: streetB }),
      app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community }),
    ]);
    const home = await household(app, grid, { as: staff });
    residentId = (await resident(app, home.id, { as: staff })).id;
    caseId = (await registerCase(staff, community)).id;
  });
  afterAll(() => app.close());

  it('when the community moves to the other street, then who sees its residents and cases follows at once', async () => {
    expect(await sees(officerA)).toEqual({ residents: [residentId], cases: [caseId], byId: [] });
    expect(await sees(officerB)).toEqual({
      residents: [],
      cases: [],
      byId: ['resident:NOT_FOUND', 'disputeCase:NOT_FOUND'],
    });

    await app.db.query(`UPDATE region SET parent_code = $1 WHERE code = $2`, [streetB, community]);

    expect(await sees(officerA)).toEqual({
      residents: [],
      cases: [],
      byId: ['resident:NOT_FOUND', 'disputeCase:NOT_FOUND'],
    });
    expect(await sees(officerB)).toEqual({ residents: [residentId], cases: [caseId], byId: [] });
    expect(await sees(staff)).toEqual({ residents: [residentId], cases: [caseId], byId: [] });
    const [paths] = await app.db.query(
      `SELECT (SELECT region_path::text FROM resident WHERE id = $1) AS resident,
         (SELECT region_path::text FROM dispute_case WHERE id = $2) AS "case",
         (SELECT path::text FROM region WHERE code = $3) AS region`,
      [residentId, caseId, community],
    );
    expect(paths.resident.startsWith(paths.region)).toBe(true);
    expect(paths.case).toBe(paths.region);
    expect(paths.region).toContain(`${streetB}.${community}`);
  });
});
