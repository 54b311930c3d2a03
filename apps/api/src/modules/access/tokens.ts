import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** The only algorithm accepted: a token signed otherwise (or `alg: none`) is refused, never "downgraded". */
const ALGORITHM = 'HS256';
const ISSUER = 'qiangji';

export interface AccessClaims {
  sub: string;
  /** The user's token version: disabling a user or changing a password bumps it, invalidating every token. */
  ver: number;
  /** The session (the refresh-token family): logging out ends it, and with it this token. */
  sid: string;
}

/**
 * Given a Buffer, jsonwebtoken tries createPublicKey before createSecretKey on every call (about 0.4 ms, a
 * sixth of a signed-in request's CPU); a KeyObject made once per secret skips both. A secret KeyObject
 * still only verifies HS* signatures, and `algorithms` below pins HS256.
 */
const keys = new WeakMap<Buffer, KeyObject>();
function keyOf(secret: Buffer): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(secret)));
  return key;
}

export function signAccessToken(secret: Buffer, claims: AccessClaims, ttlSeconds: number): string {
  return jwt.sign({ ver: claims.ver, sid: claims.sid }, keyOf(secret), {
    algorithm: ALGORITHM,
    subject: claims.sub,
    issuer: ISSUER,
    expiresIn: ttlSeconds,
  });
}

/** The claims of a valid token, or null for anything expired, tampered with or not ours. */
export function verifyAccessToken(secret: Buffer, token: string): (AccessClaims & { exp: number }) | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER });
    if (
      typeof payload !== 'object' ||
      typeof payload.sub !== 'string' ||
      typeof payload.ver !== 'number' ||
      typeof payload.sid !== 'string' ||
      typeof payload.exp !== 'number'
    )
      return null;
    // Ours carry no audience: a token that names one was issued for something else.
    if (payload.aud !== undefined) return null;
    return { sub: payload.sub, ver: payload.ver, sid: payload.sid, exp: payload.exp };
  } catch {
    return null;
  }
}

/** Opaque random secrets (refresh tokens, API keys) are stored as SHA-256: high entropy needs no slow hash. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
