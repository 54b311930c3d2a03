import jwt from 'jsonwebtoken';
import { regionTree } from '../../test/factories';
import { cityAdmin, codeOf, gridsOf, household, resident } from '../../test/people';
import { startTestApp, TEST_PASSWORD, type SignedIn, type TestApp } from '../../test/test-app';

const LOGIN = `mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    accessToken refreshToken expiresIn user { id username kind roles actions jurisdiction { code } }
  }
}`;
const REFRESH = `mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id username kind } }`;

type Tokens = { accessToken: string; refreshToken: string };

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('signing in and sessions', () => {
  let app: TestApp;
  let admin: SignedIn;
  let district: string;
  let grid: string;

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 2 });
    district = tree.districtCode;
    grid = gridsOf(tree)[0];
    admin = await cityAdmin(app);
  });
  afterAll(() => app.close());

  const login = (username: string, password: string) =>
    app.gql<{ login: Tokens & { expiresIn: number; user: Record<string, unknown> } }>(LOGIN, {
      u: username,
      p: password,
    });
  const refresh = (token: string) => app.gql<{ refresh: Tokens }>(REFRESH, { t: token });
  const lockState = async (userId: string) => {
    const [row] = await app.db.query(
      `SELECT failed_logins AS failed, extract(epoch FROM locked_until - now()) AS "lockedFor"
       FROM app_user WHERE id = $1`,
      [userId],
    );
    return { failed: row.failed as number, lockedFor: row.lockedFor === null ? null : Number(row.lockedFor) };
  };
  const auditCount = async (action: string, entityId: string) => {
    const [{ n }] = await app.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND entity_id = $2`,
      [action, entityId],
    );
    return n as number;
  };

  function expect401(res: { status: number; errors?: { extensions: { code: string } }[]; data?: unknown }) {
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  }

  describe('login', () => {
    it('when the password is right, then tokens come back with the user, its roles and its jurisdiction', async () => {
      const user = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: district });
      const res = await login(user.username, TEST_PASSWORD);
      expect(res.errors).toBeUndefined();
      const { accessToken, refreshToken, expiresIn, user: who } = res.data!.login;
      expect(accessToken.split('.')).toHaveLength(3);
      expect(refreshToken.length).toBeGreaterThanOrEqual(32);
      expect(expiresIn).toBe(900);
      expect(who).toEqual({
        id: user.userId,
        username: user.username,
        kind: 'USER',
        roles: ['COMMUNITY_STAFF'],
        actions: expect.arrayContaining(['RESIDENT_READ', 'RESIDENT_REVEAL']),
        jurisdiction: { code: district },
      });
      const me = await app.withCredential(accessToken).gql<{ me: { id: string } }>(ME);
      expect(me.data!.me.id).toBe(user.userId);
      expect(await auditCount('auth.login', user.userId)).toBeGreaterThanOrEqual(2);
    });

    it('when the user is unknown or the password wrong, then both answers are the same UNAUTHENTICATED error', async () => {
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      const unknown = await login('nobody-here', TEST_PASSWORD);
      const wrong = await login(user.username, 'wrong-password-1');
      expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
      expect(wrong.errors).toEqual(unknown.errors);
      expect(wrong.status).toBe(unknown.status);
      expect(wrong.data).toEqual(unknown.data);
    });

    it('when five passwords in a row are wrong, then the account locks and even the right password fails, audited', async () => {
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      const wrong = await login(user.username, 'wrong-password-0');
      for (let i = 1; i < 5; i++) await login(user.username, `wrong-password-${i}`);
      const state = await lockState(user.userId);
      expect(state.failed).toBe(5);
      expect(state.lockedFor).toBeGreaterThan(50);
      expect(state.lockedFor).toBeLessThanOrEqual(60);

      const right = await login(user.username, TEST_PASSWORD);
      expect(right.errors).toEqual(wrong.errors);
      expect(right.data).toBeNull();
      expect(await auditCount('auth.login_failed', user.userId)).toBe(6);
      // Each further attempt doubles the lock: 1, 2, 4 … minutes.
      const later = await lockState(user.userId);
      expect(later.lockedFor).toBeGreaterThan(110);
      expect(later.lockedFor).toBeLessThanOrEqual(120);
    });

    it('when the lock has run out, then the right password signs in and the count starts again', async () => {
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      for (let i = 0; i < 5; i++) await login(user.username, `wrong-password-${i}`);
      await app.db.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [
        user.userId,
      ]);
      const res = await login(user.username, TEST_PASSWORD);
      expect(res.errors).toBeUndefined();
      expect(await lockState(user.userId)).toEqual({ failed: 0, lockedFor: null });
    });

    it('when login fields are aliased in one request, then they run one by one and the request stops at the first failure', async () => {
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      // Five wrong passwords, then the right one: were all six tried, the sixth would sign in.
      const passwords = [1, 2, 3, 4, 5].map((i) => `wrong-password-${i}`).concat(TEST_PASSWORD);
      const fields = passwords
        .map((p, i) => `a${i}: login(username: $u, password: "${p}") { accessToken }`)
        .join('\n');
      const res = await app.gql(`mutation($u: String!) { ${fields} }`, { u: user.username });
      expect(res.data).toBeNull();
      expect(JSON.stringify(res)).not.toMatch(/accessToken"\s*:\s*"/);
      expect(res.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      // Every password that was tried counts: here exactly one.
      expect((await lockState(user.userId)).failed).toBe(1);
      expect(await auditCount('auth.login_failed', user.userId)).toBe(1);
    });

    it('when five wrong passwords arrive in parallel requests, then all five count and the right password then fails', async () => {
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => login(user.username, `wrong-password-${i}`)),
      );
      expect(results.every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
      expect((await lockState(user.userId)).failed).toBe(5);
      expect(await auditCount('auth.login_failed', user.userId)).toBe(5);
      const right = await login(user.username, TEST_PASSWORD);
      expect(codeOf(right)).toBe('UNAUTHENTICATED');
      expect(right.data).toBeNull();
    });
  });

  describe('access tokens', () => {
    let user: SignedIn;
    const sign = (
      payload: object,
      options: jwt.SignOptions,
      secret: Buffer | string = app.secrets.jwtSecret,
    ) => jwt.sign(payload, secret, { subject: user.userId, issuer: 'qiangji', ...options });
    /** The claims the server signs besides sub, iss, iat and exp: the token version and the session. */
    const own = () => ({ ver: 1, sid: (jwt.decode(user.accessToken) as { sid: string }).sid });

    beforeAll(async () => {
      user = await app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: district });
    });

    it('when a token is signed like the server signs it, then it is accepted (the forgeries below differ in one thing only)', async () => {
      const token = sign(own(), { algorithm: 'HS256', expiresIn: 60 });
      const res = await app.withCredential(token).gql<{ me: { id: string } }>(ME);
      expect(res.data!.me.id).toBe(user.userId);
    });

    it('when the access token has expired, then the request is refused with 401', async () => {
      const token = sign(own(), { algorithm: 'HS256', expiresIn: -10 });
      expect401(await app.withCredential(token).gql(ME));
    });

    it('when a character of the signature is changed, then the request is refused with 401', async () => {
      const [header, payload, signature] = user.accessToken.split('.');
      const i = 10;
      const flipped = signature[i] === 'A' ? 'B' : 'A';
      const tampered = `${header}.${payload}.${signature.slice(0, i)}${flipped}${signature.slice(i + 1)}`;
      expect401(await app.withCredential(tampered).gql(ME));
      // And the untouched token still works: the refusal is the signature's doing.
      expect((await user.gql(ME)).errors).toBeUndefined();
    });

    it('when the payload is changed and the signature kept, then the request is refused with 401', async () => {
      const [header, , signature] = user.accessToken.split('.');
      const now = Math.floor(Date.now() / 1000);
      const payload = base64url({ ...own(), sub: admin.userId, iss: 'qiangji', iat: now, exp: now + 600 });
      expect401(await app.withCredential(`${header}.${payload}.${signature}`).gql(ME));
    });

    it('when a token says alg none, then the request is refused with 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { ...own(), sub: user.userId, iss: 'qiangji', iat: now, exp: now + 600 };
      for (const alg of ['none', 'None', 'NONE']) {
        const token = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}.`;
        expect401(await app.withCredential(token).gql(ME));
      }
    });

    it('when a token is signed with HS512 and the right secret, then the request is refused with 401', async () => {
      const token = sign(own(), { algorithm: 'HS512', expiresIn: 60 });
      expect401(await app.withCredential(token).gql(ME));
    });

    it('when a token is signed with another secret or issuer, then the request is refused with 401', async () => {
      expect401(
        await app
          .withCredential(
            sign(own(), { algorithm: 'HS256', expiresIn: 60 }, 'another-secret-of-32-characters!!'),
          )
          .gql(ME),
      );
      expect401(
        await app
          .withCredential(sign(own(), { algorithm: 'HS256', expiresIn: 60, issuer: 'elsewhere' }))
          .gql(ME),
      );
    });

    it('when a bad token comes with an anonymous query, then it is still refused with 401, never treated as anonymous', async () => {
      expect401(await app.withCredential('not-a-token').gql(`{ __typename }`));
      expect401(
        await app
          .withCredential('not-a-token')
          .gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, {
            u: user.username,
            p: TEST_PASSWORD,
          }),
      );
    });
  });

  describe('refresh tokens', () => {
    it('when a refresh token is used, then new tokens come back and the used one no longer works', async () => {
      const user = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: district });
      const first = await refresh(user.refreshToken);
      expect(first.errors).toBeUndefined();
      const next = first.data!.refresh;
      expect(next.refreshToken).not.toBe(user.refreshToken);
      expect((await app.withCredential(next.accessToken).gql(ME)).errors).toBeUndefined();

      const again = await refresh(user.refreshToken);
      expect(codeOf(again)).toBe('UNAUTHENTICATED');
      expect(again.data).toBeNull();
    });

    it('when a used refresh token is presented again, then its whole family is revoked, the newest token too', async () => {
      const user = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: district });
      const other = await login(user.username, TEST_PASSWORD); // a second session, another family
      const second = (await refresh(user.refreshToken)).data!.refresh;
      const third = (await refresh(second.refreshToken)).data!.refresh;

      expect(codeOf(await refresh(user.refreshToken))).toBe('UNAUTHENTICATED');
      expect(codeOf(await refresh(third.refreshToken))).toBe('UNAUTHENTICATED');
      expect(await auditCount('auth.refresh_reused', user.userId)).toBe(1);
      // The other session is another family and keeps working.
      expect((await refresh(other.data!.login.refreshToken)).errors).toBeUndefined();
    });

    it('when a session logs out, then its refresh token no longer works', async () => {
      const user = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: district });
      const res = await user.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, {
        t: user.refreshToken,
      });
      expect(res.data).toEqual({ logout: true });
      expect(codeOf(await refresh(user.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('when an unknown refresh token is presented, then UNAUTHENTICATED', async () => {
      expect(codeOf(await refresh('made-up-refresh-token'))).toBe('UNAUTHENTICATED');
    });
  });

  describe('ending every session of a user', () => {
    it('when an admin disables a user, then the access token fails at once and so do login and refresh', async () => {
      const user = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
      expect((await user.gql(ME)).errors).toBeUndefined();
      const res = await admin.gql<{ disableUser: { disabled: boolean } }>(
        `mutation($id: ID!) { disableUser(id: $id) { id disabled } }`,
        { id: user.userId },
      );
      expect(res.data!.disableUser.disabled).toBe(true);

      expect401(await user.gql(ME));
      const again = await login(user.username, TEST_PASSWORD);
      expect(again.errors).toEqual((await login('nobody-here', TEST_PASSWORD)).errors);
      expect(codeOf(await refresh(user.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('when an admin enables the user again, then the user can sign in', async () => {
      const user = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
      await admin.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: user.userId });
      await admin.gql(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: user.userId });
      expect((await login(user.username, TEST_PASSWORD)).errors).toBeUndefined();
    });

    it('when a user who may not manage users tries to disable one, then FORBIDDEN', async () => {
      const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
      const res = await officer.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, {
        id: admin.userId,
      });
      expect(codeOf(res)).toBe('FORBIDDEN');
    });

    it('when a user changes the password, then the old tokens and the old password stop working', async () => {
      const user = await app.signIn({ roles: ['STATIONED_CADRE'], jurisdiction: district });
      const res = await user.gql(
        `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
        {
          c: TEST_PASSWORD,
          n: 'a-new-password-2',
        },
      );
      expect(res.data).toEqual({ changePassword: true });
      expect401(await user.gql(ME));
      expect(codeOf(await refresh(user.refreshToken))).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(user.username, TEST_PASSWORD))).toBe('UNAUTHENTICATED');
      expect((await login(user.username, 'a-new-password-2')).errors).toBeUndefined();
    });

    it('when the current password given is wrong, then the password stays and the session too', async () => {
      const user = await app.signIn({ roles: ['STATIONED_CADRE'], jurisdiction: district });
      const res = await user.gql(
        `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
        {
          c: 'not-the-password',
          n: 'a-new-password-2',
        },
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('currentPassword');
      expect((await user.gql(ME)).errors).toBeUndefined();
      expect((await login(user.username, TEST_PASSWORD)).errors).toBeUndefined();
    });
  });

  describe('anonymous callers', () => {
    it('when anonymous, then { __typename } and login work', async () => {
      const res = await app.gql(`{ __typename }`);
      expect(res).toEqual({ status: 200, data: { __typename: 'Query' } });
      const user = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grid });
      expect((await login(user.username, TEST_PASSWORD)).errors).toBeUndefined();
    });

    it.each([
      ['{ me { id } }'],
      ['{ regions { totalCount } }'],
      ['{ __typename me { id } }'],
      ['{ ...Q } fragment Q on Query { me { id } }'],
      ['{ ... on Query { regions { totalCount } } }'],
      ['{ __schema { queryType { name } } }'],
      ['mutation { logout(refreshToken: "x") }'],
    ])('when anonymous asks %s, then UNAUTHENTICATED and no data', async (query) => {
      const res = await app.gql(query);
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });
  });

  describe('API keys', () => {
    let other: string;
    let keyOfA: { id: string; secret: string };
    let residentOfA: string;
    let residentOfB: string;
    const CREATE = `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { secret apiKey { id name prefix scopes lastUsedAt revokedAt region { code } } }
    }`;
    const RESIDENTS = `query($f: ResidentFilter) { residents(filter: $f) { totalCount edges { node { id regionCode } } } }`;
    type Created = {
      createApiKey: {
        secret: string;
        apiKey: { id: string; prefix: string; lastUsedAt: string | null; scopes: string[] };
      };
    };

    beforeAll(async () => {
      const b = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
      other = b.districtCode;
      residentOfA = (await resident(app, (await household(app, grid)).id)).id;
      residentOfB = (await resident(app, (await household(app, gridsOf(b)[0])).id)).id;
      const res = await admin.gql<Created>(CREATE, {
        input: { name: '测试区系统', regionCode: district, scopes: ['READ'] },
      });
      expect(res.errors).toBeUndefined();
      keyOfA = { id: res.data!.createApiKey.apiKey.id, secret: res.data!.createApiKey.secret };
    });

    const byHeader = (secret: string) => app.withCredential(secret, 'x-api-key');
    const byBearer = (secret: string) => app.withCredential(secret, 'authorization');

    it('when an admin creates a key, then the secret starts with qj_<prefix>_ and is stored only as a hash', async () => {
      const res = await admin.gql<Created>(CREATE, {
        input: { name: '另一系统', regionCode: district, scopes: ['WRITE'] },
      });
      const { secret, apiKey } = res.data!.createApiKey;
      expect(secret.startsWith(`qj_${apiKey.prefix}_`)).toBe(true);
      expect(secret.length).toBeGreaterThan(40);
      expect(apiKey.lastUsedAt).toBeNull();
      const [{ text }] = await app.db.query(`SELECT string_agg(k::text, ' ') AS text FROM api_key k`);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(12));
    });

    it('when the keys are listed later, then the secret is not there to ask for', async () => {
      const res = await admin.gql(`{ apiKeys { edges { node { id secret } } } }`);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      const list = await admin.gql<{ apiKeys: { edges: { node: { id: string; prefix: string } }[] } }>(
        `{ apiKeys { edges { node { id prefix } } } }`,
      );
      expect(list.data!.apiKeys.edges.map((e) => e.node.id)).toContain(keyOfA.id);
    });

    it.each([
      ['the X-API-Key header', byHeader],
      ['Authorization: Bearer', byBearer],
    ])('when a READ key is sent in %s, then it reads the residents of its district', async (_how, send) => {
      const res = await send(keyOfA.secret).gql<{
        residents: { totalCount: number; edges: { node: { id: string } }[] };
      }>(RESIDENTS);
      expect(res.errors).toBeUndefined();
      expect(res.data!.residents.edges.map((e) => e.node.id)).toEqual([residentOfA]);
      const me = await send(keyOfA.secret).gql<{ me: { kind: string } }>(`{ me { kind } }`);
      expect(me.data!.me.kind).toBe('API_KEY');
    });

    it('when a READ key registers a household, then FORBIDDEN', async () => {
      const res = await byHeader(keyOfA.secret).gql(
        `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`,
        { input: { regionCode: grid, address: '不该写入' } },
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM household WHERE address = '不该写入'`,
      );
      expect(n).toBe(0);
    });

    it('when a key manages keys or users, then FORBIDDEN', async () => {
      const key = byHeader(keyOfA.secret);
      expect(
        codeOf(await key.gql(CREATE, { input: { name: 'x', regionCode: district, scopes: ['WRITE'] } })),
      ).toBe('FORBIDDEN');
      expect(codeOf(await key.gql(`{ users { totalCount } }`))).toBe('FORBIDDEN');
      expect(codeOf(await key.gql(`{ auditEvents { totalCount } }`))).toBe('FORBIDDEN');
    });

    it('when a key for one district reads another, then FORBIDDEN for the list and NOT_FOUND for the resident', async () => {
      const key = byHeader(keyOfA.secret);
      expect(codeOf(await key.gql(RESIDENTS, { f: { regionCode: other } }))).toBe('FORBIDDEN');
      const one = await key.gql(`query($id: ID!) { resident(id: $id) { id } }`, { id: residentOfB });
      expect(codeOf(one)).toBe('NOT_FOUND');
    });

    it('when a key has been used, then lastUsedAt is set', async () => {
      await byHeader(keyOfA.secret).gql(`{ me { id } }`);
      const res = await admin.gql<{
        apiKeys: { edges: { node: { id: string; lastUsedAt: string | null } }[] };
      }>(`{ apiKeys(first: 50) { edges { node { id lastUsedAt } } } }`);
      const node = res.data!.apiKeys.edges.find((e) => e.node.id === keyOfA.id)!.node;
      expect(node.lastUsedAt).not.toBeNull();
      expect(Date.now() - Date.parse(node.lastUsedAt!)).toBeLessThan(60_000);
    });

    it('when a key is revoked, then it is refused with 401 in either header', async () => {
      const res = await admin.gql<Created>(CREATE, {
        input: { name: '将撤销', regionCode: district, scopes: ['READ'] },
      });
      const { secret, apiKey } = res.data!.createApiKey;
      expect((await byHeader(secret).gql(`{ me { id } }`)).errors).toBeUndefined();
      const revoked = await admin.gql<{ revokeApiKey: { revokedAt: string | null } }>(
        `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`,
        { id: apiKey.id },
      );
      expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
      expect401(await byHeader(secret).gql(`{ me { id } }`));
      expect401(await byBearer(secret).gql(`{ me { id } }`));
    });

    it('when a key is made up, then it is refused with 401', async () => {
      expect401(await byHeader(`qj_abcdefgh_${'x'.repeat(43)}`).gql(`{ me { id } }`));
      expect401(await byHeader(`${keyOfA.secret}x`).gql(`{ me { id } }`));
    });

    it('when a key tries to change a password, then it is refused', async () => {
      const res = await byHeader(keyOfA.secret).gql(
        `mutation { changePassword(currentPassword: "whatever-1", newPassword: "whatever-2") }`,
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
    });
  });
});
