import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { getSecrets } from '@/lib/env';

/**
 * Per-field encryption at rest (AES-256-GCM) for phone numbers, detailed addresses, dates of birth
 * and account numbers. Stored form: `keyId.iv.tag.ciphertext` (base64url). The first configured
 * key encrypts; every configured key decrypts, so keys rotate by prepending a new one and
 * re-encrypting at leisure (`reencryptField`).
 */
type Keyring = { currentId: string; keys: Map<string, Buffer> };

let cachedKeyring: { source: string; keyring: Keyring } | undefined;

function getKeyring(): Keyring {
  const source = getSecrets().encryptionKeys;
  if (cachedKeyring?.source === source) return cachedKeyring.keyring;
  const keys = new Map<string, Buffer>();
  for (const entry of source
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const keyId = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (separator < 1 || !/^[A-Za-z0-9_-]+$/.test(keyId) || key.length !== 32) {
      throw new Error('JOINDER_ENCRYPTION_KEYS must be a comma-separated list of keyId:base64(32 bytes)');
    }
    keys.set(keyId, key);
  }
  const currentId = keys.keys().next().value;
  if (!currentId) throw new Error('JOINDER_ENCRYPTION_KEYS has no key');
  const keyring = { currentId, keys };
  cachedKeyring = { source, keyring };
  return keyring;
}

export function encryptField(plaintext: string): string;
export function encryptField(plaintext: string | null | undefined): string | null;
export function encryptField(plaintext: string | null | undefined): string | null {
  if (plaintext === null || plaintext === undefined || plaintext === '') return null;
  const { currentId, keys } = getKeyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(currentId)!, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptField(stored: string): string;
export function decryptField(stored: string | null | undefined): string | null;
export function decryptField(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const [keyId, iv, tag, ciphertext] = stored.split('.');
  const key = getKeyring().keys.get(keyId);
  if (!key || !iv || !tag || ciphertext === undefined) throw new Error(`Cannot decrypt field: unknown key "${keyId}" or malformed value`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** The id of the key new values are encrypted with (the first configured). */
export function currentEncryptionKeyId(): string {
  return getKeyring().currentId;
}

/** The key id a stored value was encrypted with, to find values still on an old key. */
export function encryptionKeyIdOf(stored: string): string {
  return stored.split('.')[0];
}

/** Re-encrypts under the current key; returns the value unchanged when it already uses it. */
export function reencryptField(stored: string | null): string | null {
  if (!stored || encryptionKeyIdOf(stored) === getKeyring().currentId) return stored;
  return encryptField(decryptField(stored));
}

/**
 * Keyed blind index (HMAC-SHA256) over a normalised value: equal inputs give equal hashes, so
 * duplicates and lookups work on encrypted fields without revealing the value.
 */
export function blindIndex(purpose: string, normalizedValue: string | null | undefined): string | null {
  if (!normalizedValue) return null;
  return createHmac('sha256', Buffer.from(getSecrets().blindIndexKey, 'base64')).update(`${purpose}\u001f${normalizedValue}`).digest('hex');
}
