import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { regionTree } from '../../test/factories';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { verifyAccessToken } from './tokens';

const ME = `{ me { id } }`;

describe('access tokens checked with a key made once (case 56)', () => {
  let app: TestApp;
  let user: SignedIn;
  beforeAll(async () => {
    app = await startTestApp();
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    user = await app.signIn({ roles: ['SUPERVISOR'] });
  });
  afterAll(() => app.close());

  const sign = (
    options: jwt.SignOptions,
    // The session of the signed-in user: a token of an ended or unknown session is refused anyway.
    payload: object = { ver: 1, sid: (jwt.decode(user.accessToken) as { sid: string }).sid },
    key: jwt.Secret = app.secrets.jwtSecret,
  ) => jwt.sign(payload, key, { subject: user.userId, issuer: 'qiangji', expiresIn: 60, ...options });

  async function status(token: string) {
    const res = await app.withCredential(token).gql(ME);
    return res.status;
  }

  it('when the same token is checked many times, then it is accepted every time', async () => {
    for (let i = 0; i < 20; i++) expect(await status(user.accessToken)).toBe(200);
    expect(verifyAccessToken(app.secrets.jwtSecret, user.accessToken)).toMatchObject({
      sub: user.userId,
      ver: 1,
    });
  });

  it('when a token names an audience, then it is refused with 401: ours name none', async () => {
    expect(await status(sign({ algorithm: 'HS256', audience: 'another-system' }))).toBe(401);
    expect(await status(sign({ algorithm: 'HS256' }))).toBe(200);
  });

  it('when a token is RS256, or HS256 signed with an RSA public key, then it is refused with 401', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await status(sign({ algorithm: 'RS256' }, { ver: 1 }, privateKey))).toBe(401);
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    expect(await status(sign({ algorithm: 'HS256' }, { ver: 1 }, pem))).toBe(401);
  });

  it('when a token is not yet valid, has a wrong issuer or a kid path, then it is refused with 401', async () => {
    expect(await status(sign({ algorithm: 'HS256', notBefore: 3600 }))).toBe(401);
    expect(await status(sign({ algorithm: 'HS256', issuer: 'qiangji2' }))).toBe(401);
    expect(await status(sign({ algorithm: 'HS256', keyid: '../../x' }, { ver: 1 }, 'x'.repeat(40)))).toBe(
      401,
    );
  });
});
