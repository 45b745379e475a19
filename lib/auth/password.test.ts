import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, PASSWORD_MIN_LENGTH, findPasswordProblem, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hash = await hashPassword('a perfectly fine passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a perfectly fine passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'a perfectly fine passphrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });
});

describe('password rules (ASVS 2.1)', () => {
  it('requires at least 10 characters, counted as people see them', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(findPasswordProblem('k7#pQ2!zm')).toBe('tooShort');
    expect(findPasswordProblem('k7#pQ2!zmx')).toBeNull();
    // Hangul and emoji count one character each, not per UTF-16 unit.
    expect(findPasswordProblem('슬래머웜이인터넷을멈춤')).toBeNull();
    expect(findPasswordProblem('슬래머웜이인터넷을')).toBe('tooShort');
    expect(findPasswordProblem('🦀🦀🦀🦀🦀🦀🦀🦀🦀')).toBe('tooShort');
  });

  it('refuses passwords from the bundled list of common ones, whatever their case', () => {
    for (const common of ['qwertyuiop', '1234567890', 'password123', 'Basketball', '1q2w3e4r5t'])
      expect(findPasswordProblem(common)).toBe('common');
  });

  it('refuses a password containing the email name, and absurdly long ones', () => {
    expect(findPasswordProblem('hong.gildong-2003', 'hong.gildong@example.kr')).toBe('containsEmail');
    expect(findPasswordProblem('x'.repeat(257))).toBe('tooLong');
  });
});
