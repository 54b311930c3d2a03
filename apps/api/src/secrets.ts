import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config';

export interface Secrets {
  /** Encrypts and keys the hashes of personal data (ID numbers, phones). */
  dataKey: Buffer;
  /** Signs access tokens (HS256). */
  jwtSecret: Buffer;
}

/**
 * The configured keys, or for the embedded development database keys generated once and kept
 * beside its data folder (data encrypted with a lost key is lost).
 */
export async function loadSecrets(config: Config): Promise<Secrets> {
  const { dataKey, jwtSecret } = config.secrets;
  if (dataKey && jwtSecret)
    return { dataKey: Buffer.from(dataKey, 'base64'), jwtSecret: Buffer.from(jwtSecret) };
  const file = path.join(path.dirname(config.database.embedded.dir), 'dev-secrets.json');
  let stored: { dataKey: string; jwtSecret: string };
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    stored = {
      dataKey: randomBytes(32).toString('base64'),
      jwtSecret: randomBytes(48).toString('base64url'),
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(stored), { mode: 0o600 });
    await chmod(file, 0o600);
  }
  return {
    dataKey: Buffer.from(dataKey ?? stored.dataKey, 'base64'),
    jwtSecret: Buffer.from(jwtSecret ?? stored.jwtSecret),
  };
}
