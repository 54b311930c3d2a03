import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Personal data at rest: AES-256-GCM for the value, HMAC-SHA-256 for exact-match search, two keys
 * derived from the one configured data key so neither can be turned into the other.
 */
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly hmacKey: Buffer;

  constructor(dataKey: Buffer) {
    this.encryptionKey = Buffer.from(hkdfSync('sha256', dataKey, 'qiangji', 'personal-data/aes-256-gcm', 32));
    this.hmacKey = Buffer.from(hkdfSync('sha256', dataKey, 'qiangji', 'personal-data/hmac-sha256', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('Unknown personal-data encryption version.');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic, so equal values can be found; keyed, so the table alone cannot be brute-forced. */
  hmac(value: string): string {
    return createHmac('sha256', this.hmacKey).update(value).digest('base64url');
  }
}
