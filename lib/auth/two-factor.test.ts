import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, totpRecoveryCodes, users } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { TEST_PASSWORD, createTestUser } from '@/tests/helpers/users';
import { MAX_REAUTH_FAILURES_PER_HOUR, reauthenticate } from './reauth';
import { authenticate } from './sign-in';
import {
  RECOVERY_CODE_COUNT,
  confirmTotpEnrollment,
  consumeRecoveryCode,
  disableTotp,
  getTwoFactorStatus,
  normalizeRecoveryCode,
  replaceRecoveryCodes,
  startTotpEnrollment,
} from './two-factor';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });
const signIn = (email: string, totp: string | undefined, now: Date) =>
  authenticate(handle.db, { email, password: TEST_PASSWORD, totp, ipHash: 'ip', userAgent: 'vitest' }, now);

async function pendingSecret(userId: string): Promise<string> {
  const status = await getTwoFactorStatus(handle.db, userId);
  if (status.state !== 'pending') throw new Error(`expected a pending enrolment, got ${status.state}`);
  return status.secret;
}

/** What the account's settings did, without the sign-in rows every sign-in writes (lib/audit/auth-events.ts). */
async function auditActions(userId: string): Promise<string[]> {
  const rows = await handle.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId)));
  return rows.map((row) => row.action).filter((action) => !['auth.signed_in', 'auth.sign_in_failed'].includes(action));
}

describe('two-step sign-in enrolment', () => {
  it('shows a secret to scan, stores it encrypted, and asks for codes at sign-in only once confirmed', async () => {
    const user = await createTestUser(handle.db);
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('off');
    await startTotpEnrollment(handle.db, { userId: user.id, password: TEST_PASSWORD, ip: null });
    const status = await getTwoFactorStatus(handle.db, user.id);
    expect(status.state).toBe('pending');
    const secret = await pendingSecret(user.id);
    expect(status.state === 'pending' && status.uri).toMatch(/^otpauth:\/\/totp\/Joinder:.*secret=/);
    const [row] = await handle.db.select({ stored: users.totpSecretEncrypted }).from(users).where(eq(users.id, user.id));
    expect(row.stored).not.toContain(secret);
    expect(row.stored?.split('.')).toHaveLength(4);
    // Pending is not enabled: the password alone still signs in.
    expect((await signIn(user.email, undefined, T0)).ok).toBe(true);

    await confirmTotpEnrollment(handle.db, { userId: user.id, code: await codeAt(secret, T0), ip: '203.0.113.7' }, T0);
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('enabled');
    expect(await auditActions(user.id)).toEqual(['auth.totp_enabled']);
    expect(await signIn(user.email, undefined, at(60))).toEqual({ ok: false, code: 'totp_required' });
    expect((await signIn(user.email, await codeAt(secret, at(60)), at(60))).ok).toBe(true);
  });

  it('starts only with the password given again: a wrong one is a field error, audited, and shows no secret', async () => {
    const user = await createTestUser(handle.db);
    const error = await startTotpEnrollment(handle.db, {
      userId: user.id,
      password: 'a borrowed session guesses',
      ip: '203.0.113.9',
    }).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.fieldErrors).toEqual({ password: 'security.reauth.wrongPassword' });
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('off');
    expect(await auditActions(user.id)).toEqual(['auth.reauth_failed']);
  });

  it('accepts each code once: replaying the code just used fails, the next one works', async () => {
    const user = await createTestUser(handle.db);
    await startTotpEnrollment(handle.db, { userId: user.id, password: TEST_PASSWORD, ip: null });
    const secret = await pendingSecret(user.id);
    await confirmTotpEnrollment(handle.db, { userId: user.id, code: await codeAt(secret, T0), ip: null }, T0);
    const code = await codeAt(secret, at(120));
    expect((await signIn(user.email, code, at(120))).ok).toBe(true);
    expect(await signIn(user.email, code, at(125))).toEqual({ ok: false, code: 'totp_invalid' });
    expect((await signIn(user.email, await codeAt(secret, at(150)), at(150))).ok).toBe(true);
  });

  it('refuses a wrong code with a field error and leaves two-step sign-in off', async () => {
    const user = await createTestUser(handle.db);
    await startTotpEnrollment(handle.db, { userId: user.id, password: TEST_PASSWORD, ip: null });
    const secret = await pendingSecret(user.id);
    const wrong = String((Number(await codeAt(secret, T0)) + 1) % 1_000_000).padStart(6, '0');
    const error = await confirmTotpEnrollment(handle.db, { userId: user.id, code: wrong, ip: null }, T0).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.fieldErrors).toEqual({ code: 'security.totp.wrongCode' });
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('pending');
    expect(await auditActions(user.id)).toEqual([]);
  });

  it('turns off only with a current code, writes an audit row, and then signs in with the password alone', async () => {
    const user = await createTestUser(handle.db);
    await startTotpEnrollment(handle.db, { userId: user.id, password: TEST_PASSWORD, ip: null });
    const secret = await pendingSecret(user.id);
    await confirmTotpEnrollment(handle.db, { userId: user.id, code: await codeAt(secret, T0), ip: null }, T0);
    await expect(startTotpEnrollment(handle.db, { userId: user.id, password: TEST_PASSWORD, ip: null })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(disableTotp(handle.db, { userId: user.id, code: '000000', ip: null }, at(60))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await disableTotp(handle.db, { userId: user.id, code: await codeAt(secret, at(60)), ip: null }, at(60));
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('off');
    // The wrong code is in the trail too (lib/auth/reauth, issue 17 item 7).
    expect(await auditActions(user.id)).toEqual(['auth.totp_enabled', 'auth.reauth_failed', 'auth.totp_disabled']);
    expect((await signIn(user.email, undefined, at(90))).ok).toBe(true);
  });
});

async function enabledUser(): Promise<{ id: string; email: string; secret: string }> {
  const user = await createTestUser(handle.db);
  await startTotpEnrollment(handle.db, { userId: user.id, password: TEST_PASSWORD, ip: null });
  const secret = await pendingSecret(user.id);
  await confirmTotpEnrollment(handle.db, { userId: user.id, code: await codeAt(secret, T0), ip: null }, T0);
  return { id: user.id, email: user.email, secret };
}

async function recoveryCodesLeft(userId: string): Promise<number> {
  const status = await getTwoFactorStatus(handle.db, userId);
  if (status.state !== 'enabled') throw new Error(`expected two-step sign-in on, got ${status.state}`);
  return status.recoveryCodesLeft;
}

describe('recovery codes', () => {
  it('are made only with a current code, shown once, stored as hashes, and replace the earlier set', async () => {
    const user = await enabledUser();
    expect(await recoveryCodesLeft(user.id)).toBe(0);
    await expect(replaceRecoveryCodes(handle.db, { userId: user.id, code: '000000', ip: null }, at(60))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await recoveryCodesLeft(user.id)).toBe(0);

    const codes = await replaceRecoveryCodes(
      handle.db,
      { userId: user.id, code: await codeAt(user.secret, at(60)), ip: '203.0.113.7' },
      at(60),
    );
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(await recoveryCodesLeft(user.id)).toBe(RECOVERY_CODE_COUNT);
    const stored = await handle.db
      .select({ hash: totpRecoveryCodes.codeHash })
      .from(totpRecoveryCodes)
      .where(eq(totpRecoveryCodes.userId, user.id));
    expect(stored.map((row) => row.hash).join(' ')).not.toContain(codes[0].replace('-', ''));
    // Salted one by one: the same code never hashes alike twice.
    expect(stored.every((row) => /^[0-9a-f]{32}:[0-9a-f]{64}$/.test(row.hash))).toBe(true);
    expect(new Set(stored.map((row) => row.hash.split(':')[0])).size).toBe(RECOVERY_CODE_COUNT);

    const renewed = await replaceRecoveryCodes(handle.db, { userId: user.id, code: await codeAt(user.secret, at(90)), ip: null }, at(90));
    expect(await signIn(user.email, codes[0], at(120))).toEqual({ ok: false, code: 'totp_invalid' });
    expect((await signIn(user.email, renewed[0], at(120))).ok).toBe(true);
    expect(await auditActions(user.id)).toEqual([
      'auth.totp_enabled',
      'auth.reauth_failed',
      'auth.recovery_codes_created',
      'auth.recovery_codes_created',
      'auth.recovery_code_used',
    ]);
  });

  it('sign in in place of an app code, each once, however the code is typed', async () => {
    const user = await enabledUser();
    const codes = await replaceRecoveryCodes(handle.db, { userId: user.id, code: await codeAt(user.secret, at(60)), ip: null }, at(60));
    const typedSloppily = ` ${codes[1].toUpperCase().replace('-', ' ')} `;
    expect((await signIn(user.email, typedSloppily, at(120))).ok).toBe(true);
    expect(await signIn(user.email, codes[1], at(130))).toEqual({ ok: false, code: 'totp_invalid' });
    expect(await signIn(user.email, 'zzzzz-zzzzz', at(140))).toEqual({ ok: false, code: 'totp_invalid' });
    expect(await recoveryCodesLeft(user.id)).toBe(RECOVERY_CODE_COUNT - 1);
    // The app's codes keep working beside them.
    expect((await signIn(user.email, await codeAt(user.secret, at(150)), at(150))).ok).toBe(true);
  });

  it('cannot be used twice by two sign-ins racing with the same code', async () => {
    const user = await enabledUser();
    const [code] = await replaceRecoveryCodes(handle.db, { userId: user.id, code: await codeAt(user.secret, at(60)), ip: null }, at(60));
    const results = await Promise.all([1, 2, 3].map(() => consumeRecoveryCode(handle.db, { userId: user.id, code, ip: null }, at(120))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("are another account's codes for nobody else, and are gone when two-step sign-in is turned off", async () => {
    const owner = await enabledUser();
    const other = await enabledUser();
    const [code] = await replaceRecoveryCodes(handle.db, { userId: owner.id, code: await codeAt(owner.secret, at(60)), ip: null }, at(60));
    expect(await signIn(other.email, code, at(120))).toEqual({ ok: false, code: 'totp_invalid' });
    await disableTotp(handle.db, { userId: owner.id, code: await codeAt(owner.secret, at(150)), ip: null }, at(150));
    expect(await handle.db.$count(totpRecoveryCodes, eq(totpRecoveryCodes.userId, owner.id))).toBe(0);
  });

  it('read o, i and l as the digits they look like, and refuse what cannot be a code', () => {
    expect(normalizeRecoveryCode('AbCdE-fGhJk')).toBe('abcdefghjk');
    expect(normalizeRecoveryCode('0o1il-23456')).toBe('00111' + '23456');
    expect(normalizeRecoveryCode('123456')).toBeNull();
    expect(normalizeRecoveryCode('abcde-fghju')).toBeNull();
    expect(normalizeRecoveryCode('abcde-fghjkm')).toBeNull();
  });
});

describe('re-authentication inside a session (issue 17, item 7)', () => {
  it('stops a borrowed session after five wrong codes, for every account action alike, even when the sixth is right', async () => {
    const user = await enabledUser();
    // Today's main took 300 wrong codes in 8 s and then accepted a right one.
    for (let i = 0; i < MAX_REAUTH_FAILURES_PER_HOUR; i++) {
      const attempt = i % 2 === 0 ? disableTotp : replaceRecoveryCodes;
      await expect(attempt(handle.db, { userId: user.id, code: String(100000 + i), ip: '203.0.113.66' }, at(60))).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    const rightCode = await codeAt(user.secret, at(61));
    await expect(replaceRecoveryCodes(handle.db, { userId: user.id, code: rightCode, ip: null }, at(61))).rejects.toMatchObject({
      code: 'rate_limited',
      messageKey: 'security.reauth.throttled',
    });
    await expect(disableTotp(handle.db, { userId: user.id, code: rightCode, ip: null }, at(61))).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('enabled');
    expect(await recoveryCodesLeft(user.id)).toBe(0);
    const trail = await auditActions(user.id);
    expect(trail.filter((action) => action === 'auth.reauth_failed')).toHaveLength(MAX_REAUTH_FAILURES_PER_HOUR);
    expect(trail).toContain('auth.reauth_throttled');
    // An hour later the right code works again.
    const later = at(60 + 3601);
    await disableTotp(handle.db, { userId: user.id, code: await codeAt(user.secret, later), ip: null }, later);
    expect((await getTwoFactorStatus(handle.db, user.id)).state).toBe('off');
  });

  it('counts wrong passwords before erasure with the same limit', async () => {
    const user = await createTestUser(handle.db);
    for (let i = 0; i < MAX_REAUTH_FAILURES_PER_HOUR; i++)
      await expect(
        reauthenticate(
          handle.db,
          { userId: user.id, proof: { kind: 'password', password: `guess ${i}` }, purpose: 'erasure', ip: null },
          at(0),
        ),
      ).rejects.toMatchObject({ fieldErrors: { password: 'security.reauth.wrongPassword' } });
    await expect(
      reauthenticate(
        handle.db,
        { userId: user.id, proof: { kind: 'password', password: TEST_PASSWORD }, purpose: 'erasure', ip: null },
        at(1),
      ),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    await reauthenticate(
      handle.db,
      { userId: user.id, proof: { kind: 'password', password: TEST_PASSWORD }, purpose: 'erasure', ip: null },
      at(3602),
    );
  });
});
