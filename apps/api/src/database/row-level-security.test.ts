import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { regionTree } from '../test/factories';
import { cityAdmin, gridsOf, household, resident } from '../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';
import { TEST_SECRETS_ENV } from '../test/test-env';
import { API_ROLE, APP_ROLE, OWNER_ROLE, urlFor } from './roles';

/** Reference data that any signed-in caller reads (docs/security.md): a region column and, on purpose, no policy. */
// Work units (issue 10) are read by every reader, like the mediation organisations; their writes check the seat.
const REFERENCE_DATA = ['mediation_organization', 'work_unit'];
const JURISDICTION_COLUMNS = ['region_path', 'region_code', 'jurisdiction_code', 'jurisdiction_path'];
const MAIN = path.resolve(__dirname, '../../dist/main.js');

/** Every table with a policy, as the catalogue lists them. */
async function policiedTables(app: TestApp): Promise<string[]> {
  const rows: { name: string }[] = await app.db.query(
    `SELECT DISTINCT c.relname AS name FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
     WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** A raw connection as the API's login, as an injected query would have it, rolled back at the end. */
async function asApiLogin<T>(app: TestApp, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

describe('the database as the last line', () => {
  let app: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    admin = await cityAdmin(app);
    const home = await household(app, gridsOf(tree)[0], { as: admin });
    await resident(app, home.id, { as: admin });
    const key = await admin.gql(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { name: '区县系统', regionCode: tree.districtCode, scopes: ['READ'] } },
    );
    expect(key.errors).toBeUndefined();
  });
  afterAll(() => app.close());

  describe('case 35: the catalogue', () => {
    it('when the tables are read from pg_class and pg_policy, then every table with a policy forces it, but for the people tables still listed', async () => {
      const notForced: { name: string }[] = await app.db.query(
        `SELECT c.relname AS name FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace
           AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
           AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
         ORDER BY 1`,
      );
      expect(notForced.map((r) => r.name)).toEqual([]);
      const forced = await policiedTables(app);
      expect(forced).toEqual(
        expect.arrayContaining([
          'api_key',
          'app_user',
          'audit_event',
          'refresh_token',
          'resident',
          'dispute_case',
        ]),
      );
    });

    it('when a table has a region or jurisdiction column, then it has a policy, reference data aside', async () => {
      const unguarded: { name: string }[] = await app.db.query(
        `SELECT DISTINCT c.relname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0
           AND NOT a.attisdropped AND a.attname = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
         ORDER BY 1`,
        [JURISDICTION_COLUMNS],
      );
      expect(unguarded.map((r) => r.name)).toEqual(REFERENCE_DATA);
    });

    it("when the API's login is inspected, then it is no superuser, cannot bypass RLS, owns nothing and cannot become a role that could", async () => {
      const [login] = await app.apiDb.query(
        `SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass,
           (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(login).toEqual({ name: API_ROLE, super: false, bypass: false, owns: 0 });
      const reachable: { role: string }[] = await app.apiDb.query(
        `SELECT x.rolname AS role FROM pg_roles x WHERE pg_has_role(current_user, x.oid, 'MEMBER') ORDER BY 1`,
      );
      expect(reachable.map((r) => r.role)).toEqual([API_ROLE, APP_ROLE]);
      const [app_] = await app.db.query(
        `SELECT rolsuper AS super, rolbypassrls AS bypass, rolcanlogin AS login,
           (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE rolname = $1`,
        [APP_ROLE],
      );
      expect(app_).toEqual({ super: false, bypass: false, login: false, owns: 0 });
    });

    it('when table owners are read, then every table belongs to qiangji_owner, which is no superuser and cannot bypass RLS', async () => {
      const others = await app.db.query(
        `SELECT relname, pg_get_userbyid(relowner) AS owner FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'S', 'v', 'm')
           AND relowner <> $1::regrole`,
        [OWNER_ROLE],
      );
      expect(others).toEqual([]);
      const [owner] = await app.db.query(
        `SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = $1`,
        [OWNER_ROLE],
      );
      expect(owner).toEqual({ super: false, bypass: false });
    });

    it('when the SECURITY DEFINER functions are read, then each belongs to the owner, fixes its search_path and runs for the request role only', async () => {
      const functions: {
        name: string;
        owner: string;
        config: string[] | null;
        grantees: string[];
        trigger: boolean;
      }[] = await app.db.query(
        `SELECT p.proname AS name, pg_get_userbyid(p.proowner) AS owner, p.proconfig AS config,
             p.prorettype = 'trigger'::regtype AS "trigger",
             coalesce((SELECT array_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END)
                       FROM aclexplode(p.proacl) a WHERE a.privilege_type = 'EXECUTE'), '{PUBLIC}') AS grantees
           FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1`,
      );
      expect(functions.map((f) => f.name)).toEqual([
        'auth_api_key_principal',
        'auth_end_session',
        'auth_finish_login',
        'auth_login_account',
        'auth_rotate_refresh_token',
        'auth_user_principal',
        // The rollups' triggers (issue 13): they write the city's rows for a district officer's command.
        'cadre_period_visit_rollup_from_cadre_period_visits',
        'cadre_posted_rollup_from_cadre_posted_span',
        'cadre_target_from_posting',
        'cadre_target_from_stationed_cadre',
        'cadre_target_from_visit',
        'cadre_visit_rollup_from_visit',
        'cadre_visit_year_rollup_from_visit',
        'dispute_case_rollup_from_dispute_case',
        'dispute_outcome_rollup_from_dispute_case',
        'dispute_recurrence_from_dispute_case',
        'dispute_recurrence_from_dispute_party',
        'grid_coverage_rollup_from_grid_unit_day',
        'grid_event_rollup_from_grid_event',
        'grid_unit_day_from_grid_event',
        'grid_unit_day_from_zero_report',
        'grid_unit_day_validity',
        'grid_unit_gap_from_grid_unit_day',
        'grid_unit_gap_from_region',
        'grid_unit_gap_rollup_from_grid_unit_gap',
        'grid_unit_validity_from_region',
        'household_first_visit_rollup_from_household_first_visit',
        'household_rollup_from_household',
        'household_visit_chain_from_household',
        'household_visit_chain_from_visit',
        'household_visit_chain_rollup_from_household_visit_chain',
        'household_visit_month_from_household',
        'household_visit_month_from_visit',
        'household_visit_rollup_from_household_visit_month',
        'petition_case_rollup_from_petition_case',
        'petition_case_year_rollup_from_petition_case',
        'poor_visit_run_rollup_from_household_visit_chain',
        'registry_rollup_from_household',
        'registry_rollup_from_resident',
        'security_case_rollup_from_security_statistic',
        'security_statistic_rollup_from_security_statistic',
        'service_application_rollup_from_service_application',
        'village_year_figures_from_village_year',
        'village_year_from_region',
        'village_year_from_village_indicator',
        'village_year_from_village_organization',
        'visit_rollup_from_visit',
        'visit_unit_rollup_from_visit',
      ]);
      for (const f of functions) {
        expect({ ...f, grantees: [...f.grantees].sort() }).toEqual({
          name: f.name,
          owner: OWNER_ROLE,
          config: ['search_path=public, pg_temp'],
          // A trigger's function is not called by anyone: only its owner may execute it.
          grantees: f.trigger ? [OWNER_ROLE] : [APP_ROLE, OWNER_ROLE].sort(),
          trigger: f.trigger,
        });
      }
    });
  });

  describe('case 33: raw SQL as the API role without a scope', () => {
    it('when it counts the rows of every table with a policy, then it sees none, though the owner sees them', async () => {
      const tables = await policiedTables(app);
      const counts = async (q: (sql: string) => Promise<{ rows: { n: number }[] }>) => {
        const n: Record<string, number> = {};
        for (const t of tables) n[t] = (await q(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
        return n;
      };
      const asOwner = await counts(async (sql) => ({ rows: await app.db.query(sql) }));
      for (const t of ['app_user', 'api_key', 'refresh_token', 'audit_event', 'household', 'resident'])
        expect(asOwner[t]).toBeGreaterThan(0);
      const none = Object.fromEntries(tables.map((t) => [t, 0]));
      await asApiLogin(app, async (c) => {
        expect(await counts((sql) => c.query(sql))).toEqual(none);
        // The same after switching to the request role, as a scoped transaction would, but with no scope.
        await c.query(`SET LOCAL ROLE ${APP_ROLE}`);
        expect(await counts((sql) => c.query(sql))).toEqual(none);
      });
    });

    it('when it changes accounts, keys and sessions, then nothing changes and a new account is refused', async () => {
      await asApiLogin(app, async (c) => {
        expect((await c.query(`UPDATE app_user SET roles = '{CITY_ADMIN}'`)).rowCount).toBe(0);
        expect((await c.query(`UPDATE api_key SET scopes = '{write}'`)).rowCount).toBe(0);
        expect((await c.query(`UPDATE refresh_token SET expires_at = 'infinity'`)).rowCount).toBe(0);
        await expect(
          c.query(
            `INSERT INTO app_user (username, display_name, password_hash, roles, jurisdiction_code)
             VALUES ('intruder', 'intruder', 'x', '{CITY_ADMIN}', '230100')`,
          ),
        ).rejects.toThrow(/row-level security/);
      });
      await asApiLogin(app, async (c) => {
        await expect(
          c.query(`INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
          SELECT id, gen_random_uuid(), 'x', 'infinity' FROM app_user`),
        ).rejects.toThrow(/permission denied/);
      });
    });

    it('when it asks the sign-in function for an account, then it gets the columns sign-in needs and nothing else', async () => {
      await asApiLogin(app, async (c) => {
        const { rows, fields } = await c.query(`SELECT * FROM auth_login_account($1)`, [admin.username]);
        expect(rows).toHaveLength(1);
        expect(fields.map((f) => f.name)).toEqual([
          'id',
          'username',
          'display_name',
          'password_hash',
          'roles',
          'jurisdiction_code',
          'jurisdiction_name',
          'jurisdiction_path',
          'disabled',
          'locked',
          'token_version',
        ]);
      });
    });
  });

  describe('refusing a login that RLS would not bind', () => {
    function start(env: Record<string, string>) {
      const child = spawn(process.execPath, [MAIN], {
        env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', PORT: '0', ...TEST_SECRETS_ENV, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      return new Promise<{ code: number | null; output: string }>((resolve) =>
        child.on('exit', (code) => resolve({ code, output })),
      );
    }

    it.each([
      ['the owner', () => app.ownerDatabaseUrl, `${OWNER_ROLE} owns tables`],
      [
        'a superuser',
        () => urlFor(process.env.QIANGJI_TEST_SERVER_URL!, new URL(app.databaseUrl).pathname.slice(1)),
        'is a superuser',
      ],
    ])(
      'when DATABASE_URL signs in as %s, then the API stops with a sentence naming the roles to use',
      async (_, url, why) => {
        const { code, output } = await start({ DATABASE_URL: url() });
        expect(code).toBe(1);
        expect(output.trim().split('\n')).toEqual([expect.stringContaining(why)]);
        expect(output).toContain(`give the API the role ${API_ROLE}`);
      },
    );
  });
});

describe('case 34: two users on one pooled connection', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
  });
  afterAll(() => app.close());

  it('when the admins of two districts take turns on a pool of one, then each sees only its own accounts, households and audit events, and the connection keeps no scope', async () => {
    const districts = await Promise.all(
      ['甲区', '乙区'].map(async (name) => {
        const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 1, name });
        const admin = await app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: tree.districtCode });
        const home = await household(app, gridsOf(tree)[0], { as: admin });
        return { code: tree.districtCode, admin, home: home.id };
      }),
    );
    const QUERY = `{
      users(first: 100) { edges { node { id jurisdiction { code } } } }
      households(first: 100) { edges { node { id regionCode } } }
      auditEvents(first: 100) { edges { node { actorId } } }
    }`;
    type Answer = {
      users: { edges: { node: { id: string; jurisdiction: { code: string } } }[] };
      households: { edges: { node: { id: string; regionCode: string } }[] };
      auditEvents: { edges: { node: { actorId: string | null } }[] };
    };
    // Interleaved and at once: on one connection, every request follows another user's.
    const turns = Array.from({ length: 20 }, (_, i) => districts[i % 2]);
    const answers = await Promise.all(turns.map((d) => d.admin.gql<Answer>(QUERY)));
    answers.forEach((res, i) => {
      const own = turns[i];
      expect(res.errors).toBeUndefined();
      const users = res.data!.users.edges.map((e) => e.node);
      expect(users.map((u) => u.id)).toContain(own.admin.userId);
      expect(users.every((u) => u.jurisdiction.code.startsWith(own.code))).toBe(true);
      expect(res.data!.households.edges.map((e) => e.node.id)).toEqual([own.home]);
      // Its sign-in and its household, each recorded in its district; the other admin's are in the other.
      const actors = res.data!.auditEvents.edges.map((e) => e.node.actorId);
      expect(actors.length).toBeGreaterThanOrEqual(2);
      expect(new Set(actors)).toEqual(new Set([own.admin.userId]));
    });
    const [after] = await app.apiDb.query(
      `SELECT current_user AS role, coalesce(current_setting('qiangji.scope', true), '') AS scope`,
    );
    expect(after).toEqual({ role: API_ROLE, scope: '' });
    const [{ pools }] = await app.db.query(
      `SELECT count(*)::int AS pools FROM pg_stat_activity WHERE datname = current_database() AND usename = $1
         AND application_name = 'qiangji-api'`,
      [API_ROLE],
    );
    expect(pools).toBe(1);
  });
});
