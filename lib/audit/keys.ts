import { createHmac } from 'node:crypto';
import { getSecrets } from '@/lib/env';

export type AuditKey = { id: string; key: Buffer };

let cached: { source: string; keys: AuditKey[] } | undefined;

/**
 * The audit HMAC keys, `id:base64` comma-separated (JOINDER_AUDIT_KEYS, or generated once and kept
 * beside the other secrets, never in the database): the first signs new rows, every one listed
 * verifies, so a key can be rotated without re-chaining history. Whoever can write the database or
 * a backup but lacks the key cannot re-chain an edited trail.
 */
export function getAuditKeys(): AuditKey[] {
  const source = getSecrets().auditKeys;
  if (cached?.source === source) return cached.keys;
  const keys = source
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(':');
      const key = Buffer.from(encoded ?? '', 'base64');
      if (!id || key.length < 32) throw new Error('JOINDER_AUDIT_KEYS must be id:base64 with at least 32 bytes per key');
      return { id, key };
    });
  if (keys.length === 0) throw new Error('JOINDER_AUDIT_KEYS holds no key');
  cached = { source, keys };
  return keys;
}

export function signingAuditKey(): AuditKey {
  return getAuditKeys()[0];
}

export function findAuditKey(id: string): AuditKey | undefined {
  return getAuditKeys().find((key) => key.id === id);
}

export function hmacHex(key: AuditKey, text: string): string {
  return createHmac('sha256', key.key).update(text, 'utf8').digest('hex');
}
