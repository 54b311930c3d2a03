import { Algorithm, hash, verify } from '@node-rs/argon2';
import { AppError } from '../../common/app-error';

/** OWASP's argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string, field = 'password'): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw AppError.badInput(`A password must have ${MIN_PASSWORD_LENGTH} to 200 characters.`, field);
  }
  return hash(password, OPTIONS);
}

/** A hash of nothing in particular, verified for unknown usernames so their answer takes as long. */
const DECOY = hash('qiangji-decoy-password', OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const ok = await verify(stored ?? (await DECOY), password).catch(() => false);
  return stored !== null && ok;
}
