import { createHash, randomBytes } from 'node:crypto';
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

export function signAccessToken(secret: Buffer, claims: AccessClaims, ttlSeconds: number): string {
  return jwt.sign({ ver: claims.ver, sid: claims.sid }, secret, {
    algorithm: ALGORITHM,
    subject: claims.sub,
    issuer: ISSUER,
    expiresIn: ttlSeconds,
  });
}

/** The claims of a valid token, or null for anything expired, tampered with or not ours. */
export function verifyAccessToken(secret: Buffer, token: string): (AccessClaims & { exp: number }) | null {
  try {
    const payload = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER });
    if (
      typeof payload !== 'object' ||
      typeof payload.sub !== 'string' ||
      typeof payload.ver !== 'number' ||
      typeof payload.sid !== 'string' ||
      typeof payload.exp !== 'number'
    )
      return null;
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
