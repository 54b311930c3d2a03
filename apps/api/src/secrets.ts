import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Config } from './config';
import type { RolePasswords } from './database/roles';

export interface Secrets {
  /** Encrypts and keys the hashes of personal data (ID numbers, phones). */
  dataKey: Buffer;
  /** Signs access tokens (HS256). */
  jwtSecret: Buffer;
}

interface DevSecrets {
  dataKey: string;
  jwtSecret: string;
  databasePasswords: RolePasswords;
}

/**
 * The configured keys, or for the embedded development database keys generated once and kept
 * beside its data folder (data encrypted with a lost key is lost).
 */
export async function loadSecrets(config: Config): Promise<Secrets> {
  const { dataKey, jwtSecret } = config.secrets;
  const stored = dataKey && jwtSecret ? null : await devSecrets(config);
  return {
    dataKey: Buffer.from(dataKey ?? stored!.dataKey, 'base64'),
    jwtSecret: Buffer.from(jwtSecret ?? stored!.jwtSecret),
  };
}

/**
 * `.data/dev-secrets.json`, beside the embedded database: its keys and the passwords of its roles, generated
 * on first use. A value that is missing (a file from an older version) is added; one that exists never changes.
 */
export async function devSecrets(config: Config): Promise<DevSecrets> {
  const file = path.join(path.dirname(config.database.embedded.dir), 'dev-secrets.json');
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '{}';
    throw err;
  });
  let stored: Partial<DevSecrets>;
  try {
    stored = JSON.parse(text);
  } catch {
    // Never overwrite it: the data key in it decrypts the database beside it.
    throw new ConfigError(
      `${file} is not valid JSON: repair it, or delete it together with ${config.database.embedded.dir}.`,
    );
  }
  const complete: DevSecrets = {
    dataKey: stored.dataKey ?? randomBytes(32).toString('base64'),
    jwtSecret: stored.jwtSecret ?? randomBytes(48).toString('base64url'),
    databasePasswords: {
      owner: stored.databasePasswords?.owner ?? randomBytes(24).toString('base64url'),
      api: stored.databasePasswords?.api ?? randomBytes(24).toString('base64url'),
    },
  };
  if (JSON.stringify(complete) !== JSON.stringify(stored)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(complete), { mode: 0o600 });
    await chmod(file, 0o600);
  }
  return complete;
}
