import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { blindIndex, decryptField, encryptField, encryptionKeyIdOf, reencryptField } from './field-encryption';

const original = process.env.JOINDER_ENCRYPTION_KEYS;
afterEach(() => {
  process.env.JOINDER_ENCRYPTION_KEYS = original;
  resetEnvCache();
});

describe('field encryption', () => {
  it('round-trips Hangul and never stores the plaintext', () => {
    const stored = encryptField('서울특별시 종로구 세종대로 209');
    expect(stored).not.toContain('서울');
    expect(decryptField(stored)).toBe('서울특별시 종로구 세종대로 209');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptField('010-1234-5678')).not.toBe(encryptField('010-1234-5678'));
  });

  it('rejects a tampered ciphertext', () => {
    const stored = encryptField('1975-03-01');
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptField(parts.join('.'))).toThrow();
  });

  it('rotates keys: old values stay readable and re-encrypt under the new key', () => {
    const old = encryptField('010-9999-0000');
    process.env.JOINDER_ENCRYPTION_KEYS = `k9:${randomBytes(32).toString('base64')},${original}`;
    resetEnvCache();
    expect(decryptField(old)).toBe('010-9999-0000');
    const rotated = reencryptField(old)!;
    expect(encryptionKeyIdOf(rotated)).toBe('k9');
    expect(decryptField(rotated)).toBe('010-9999-0000');
  });

  it('gives equal blind indexes for equal values and different ones per purpose', () => {
    expect(blindIndex('phone', '01012345678')).toBe(blindIndex('phone', '01012345678'));
    expect(blindIndex('phone', '01012345678')).not.toBe(blindIndex('email', '01012345678'));
    expect(blindIndex('phone', '')).toBeNull();
  });
});
