import { Client } from 'pg';
import { regionTree } from '../../test/factories';
import { cityAdmin } from '../../test/people';
import {
  startTestApp,
  TEST_PASSWORD,
  type GqlClient,
  type SignedIn,
  type TestApp,
} from '../../test/test-app';

const ME = `{ me { id username displayName roles jurisdiction { code } } }`;
type Me = {
  me: { id: string; username: string; displayName: string; roles: string[]; jurisdiction: { code: string } };
};
const REFRESH = `mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }`;

/** Polls until the check passes: "within seconds" for what another process hears through the database. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}

const refused = async (client: GqlClient) => (await client.gql(ME)).status === 401;

describe('revoking credentials with principals cached on two servers', () => {
  let app: TestApp;
  let replica: Awaited<ReturnType<TestApp['replica']>>;
  let admin: SignedIn;
  let district: string;
  let otherDistrict: string;

  beforeAll(async () => {
    app = await startTestApp();
    replica = await app.replica();
    district = (await regionTree(app.db, { streets: 1, communities: 1, grids: 1 })).districtCode;
    otherDistrict = (await regionTree(app.db, { streets: 1, communities: 1, grids: 1 })).districtCode;
    admin = await cityAdmin(app);
  });
  afterAll(async () => {
    await replica.close();
    await app.close();
  });

  /** A fresh user whose principal both servers have just cached. */
  async function cachedUser(roles: ('DISTRICT_OFFICER' | 'CITY_ADMIN')[] = ['DISTRICT_OFFICER']) {
    const user = await app.signIn({ roles, jurisdiction: district });
    const there = replica.withCredential(user.accessToken);
    for (const client of [user, there]) expect((await client.gql<Me>(ME)).data!.me.id).toBe(user.userId);
    return { user, there };
  }

  it('case 57: when a session logs out, then its access token is refused at once here and within seconds on the other server, while another session goes on', async () => {
    const { user, there } = await cachedUser();
    const second = await app.gql<{ login: { accessToken: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
      { u: user.username, p: TEST_PASSWORD },
    );
    const other = app.withCredential(second.data!.login.accessToken);
    expect(
      (await user.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: user.refreshToken })).data,
    ).toEqual({
      logout: true,
    });
    expect(await refused(user)).toBe(true);
    await eventually(() => refused(there));
    expect((await other.gql<Me>(ME)).data!.me.id).toBe(user.userId);
  });

  it('case 57: when a user changes the password, then the old token is refused at once here and within seconds there', async () => {
    const { user, there } = await cachedUser();
    const res = await user.gql(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      { c: TEST_PASSWORD, n: 'another-password-9' },
    );
    expect(res.data).toEqual({ changePassword: true });
    expect(await refused(user)).toBe(true);
    await eventually(() => refused(there));
  });

  it('case 57: when an admin disables a user on one server, then the token is refused at once there and within seconds on the other', async () => {
    const { user, there } = await cachedUser();
    const res = await admin.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: user.userId });
    expect(res.errors).toBeUndefined();
    expect(await refused(user)).toBe(true);
    await eventually(() => refused(there));
  });

  it.each([
    ['roles', `roles = '{AUDITOR}'`, (me: Me['me']) => expect(me.roles).toEqual(['AUDITOR'])],
    [
      'jurisdiction',
      `jurisdiction_code = $2`,
      (me: Me['me']) => expect(me.jurisdiction.code).toBe(otherDistrict),
    ],
  ])(
    'case 57: when the %s of a user change in the database, then the old token is refused within seconds on both servers, and a refresh brings the new ones',
    async (_, set, check) => {
      const { user, there } = await cachedUser();
      await app.db.query(
        `UPDATE app_user SET ${set} WHERE id = $1`,
        set.includes('$2') ? [user.userId, otherDistrict] : [user.userId],
      );
      await eventually(() => refused(user));
      await eventually(() => refused(there));
      const next = await app.gql<{ refresh: { accessToken: string } }>(REFRESH, { t: user.refreshToken });
      expect(next.errors).toBeUndefined();
      check((await replica.withCredential(next.data!.refresh.accessToken).gql<Me>(ME)).data!.me);
    },
  );

  describe('API keys', () => {
    async function cachedKey() {
      const res = await admin.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
        { input: { name: '道外区综治系统', regionCode: district, scopes: ['READ'] } },
      );
      const { secret, apiKey } = res.data!.createApiKey;
      const here = app.withCredential(secret, 'x-api-key');
      const there = replica.withCredential(secret, 'x-api-key');
      for (const client of [here, there]) expect((await client.gql<Me>(ME)).data!.me.id).toBe(apiKey.id);
      return { id: apiKey.id, here, there };
    }

    it('case 60: when a key is revoked on one server, then it is refused with 401 at once there and within seconds on the other', async () => {
      const key = await cachedKey();
      const res = await admin.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id });
      expect(res.errors).toBeUndefined();
      expect(await refused(key.here)).toBe(true);
      await eventually(() => refused(key.there));
    });

    it('case 60: when a key is revoked in the database directly, then both servers refuse it within seconds', async () => {
      const key = await cachedKey();
      await app.db.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [key.id]);
      await eventually(() => refused(key.here));
      await eventually(() => refused(key.there));
    });

    it("when a key asks who it is, then its display name is the key's name", async () => {
      const key = await cachedKey();
      const { me } = (await key.here.gql<Me>(ME)).data!;
      expect(me.displayName).toBe('道外区综治系统');
      expect(me.username).toMatch(/^道外区综治系统 \(qj_.{8}\)$/);
    });
  });

  it("when a user asks who it is, then its display name is the account's display name, not the login", async () => {
    const { user } = await cachedUser();
    await app.db.query(`UPDATE app_user SET display_name = '张晓梅' WHERE id = $1`, [user.userId]);
    await eventually(async () => (await user.gql<Me>(ME)).data!.me.displayName === '张晓梅');
    expect((await user.gql<Me>(ME)).data!.me.username).toBe(user.username);
  });
});

describe('the principal cache itself', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PRINCIPAL_CACHE_TTL_SECONDS: '1' });
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
  });
  afterAll(() => app.close());

  const displayName = async (user: SignedIn) => (await user.gql<Me>(ME)).data!.me.displayName;
  /** The server's listening connections, as a superuser sees them (others do not see what a backend runs). */
  const listeners = async (): Promise<{ pid: number }[]> => {
    const superuser = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
    await superuser.connect();
    try {
      const { rows } = await superuser.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'qiangji-api-principals'
           AND state = 'idle' AND query = 'LISTEN qiangji_principals'`,
        [new URL(app.databaseUrl).pathname.slice(1)],
      );
      return rows;
    } finally {
      await superuser.end();
    }
  };
  /** The listener starts with the first credential checked; the cache fills once it listens. */
  const listening = () => eventually(async () => (await listeners()).length === 1);

  it('when a change reaches no listener, then the cached principal serves until its time to live runs out, and no longer', async () => {
    const user = await app.signIn({ roles: ['AUDITOR'] });
    await displayName(user);
    await listening();
    expect(await displayName(user)).toBe(user.username);
    // A change the triggers do not announce: only the cache can answer with the old name.
    await app.db.transaction(async (m) => {
      await m.query(`ALTER TABLE app_user DISABLE TRIGGER app_user_notify_principal`);
      await m.query(`UPDATE app_user SET display_name = '未通知的新名字' WHERE id = $1`, [user.userId]);
      await m.query(`ALTER TABLE app_user ENABLE TRIGGER app_user_notify_principal`);
    });
    expect(await displayName(user)).toBe(user.username);
    const waited = await eventually(async () => (await displayName(user)) === '未通知的新名字', 2500);
    expect(waited).toBeLessThan(1500);
  });

  it('when the listening connection is killed, then it comes back, and a revocation made meanwhile takes effect within seconds', async () => {
    const user = await app.signIn({ roles: ['AUDITOR'] });
    expect((await user.gql(ME)).status).toBe(200);
    await listening();
    expect((await user.gql(ME)).status).toBe(200);
    const [before] = await listeners();
    const superuser = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
    await superuser.connect();
    await superuser.query(`SELECT pg_terminate_backend($1)`, [before.pid]).finally(() => superuser.end());
    await app.db.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.userId]);
    await eventually(() => refused(user));
    await eventually(async () => {
      const rows = await listeners();
      return rows.length === 1 && rows[0].pid !== before.pid;
    });
  });
});
