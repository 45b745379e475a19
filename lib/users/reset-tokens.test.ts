import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, authTokens, users } from '@/db/schema';
import { isSignInThrottled, recordSignInFailure } from '@/lib/auth/throttle';
import { checkSession, startSession } from '@/lib/auth/sessions';
import { verifyPassword } from '@/lib/auth/password';
import { listOutbox } from '@/lib/mail/outbox';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestUser } from '@/tests/helpers/users';
import { countJobs, runQueuedJobs } from '@/tests/helpers/jobs';
import { registerUser, verifyEmail } from './accounts';
import {
  PASSWORD_RESET_MAIL_JOB,
  PASSWORD_RESET_TTL_MS,
  RESET_REQUESTS_PER_ADDRESS_PER_HOUR,
  RESET_REQUESTS_PER_IP_PER_HOUR,
  requestPasswordReset as requestReset,
  resetPassword,
} from './password-reset';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

let requestIp = 0;
/** A reset request from a fresh client address each time (the per-address throttle is tested on its own), mailed by its job. */
async function requestPasswordReset(db: DatabaseHandle['db'], email: string, appUrl: string, ip = `198.51.100.${++requestIp}`) {
  await requestReset(db, { email, ip, appUrl });
  await runQueuedJobs(db, [PASSWORD_RESET_MAIL_JOB]);
}

/** The token only ever exists in the mailed link; the database keeps its hash. */
async function tokenMailedTo(email: string): Promise<string> {
  await deliverQueuedMail(handle.db);
  const [mail] = await listOutbox(handle.db, { to: email, limit: 1 });
  const token = mail?.textBody?.match(/token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no link mailed to ${email}`);
  return token;
}

describe('password reset tokens', () => {
  it('are stored as hashes, work once, revoke every session and set the new password', async () => {
    const user = await createTestUser(handle.db);
    const session = await startSession(handle.db, { userId: user.id, isStaff: false, ipHash: 'ip', userAgent: 'vitest' });
    await requestPasswordReset(handle.db, user.email, 'https://joinder.example');
    const token = await tokenMailedTo(user.email);
    const stored = await handle.db.select({ hash: authTokens.tokenHash }).from(authTokens).where(eq(authTokens.userId, user.id));
    expect(stored.map((row) => row.hash)).not.toContain(token);

    await resetPassword(handle.db, token, 'a brand new passphrase');
    const [after] = await handle.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.hash, 'a brand new passphrase')).toBe(true);
    expect((await checkSession(handle.db, session.id, user.id)).ok).toBe(false);

    await expect(resetPassword(handle.db, token, 'yet another passphrase')).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'auth.tokenInvalid',
    });
  });

  it('expire after an hour', async () => {
    const user = await createTestUser(handle.db);
    await requestPasswordReset(handle.db, user.email, 'https://joinder.example');
    const token = await tokenMailedTo(user.email);
    const tooLate = new Date(Date.now() + PASSWORD_RESET_TTL_MS + 60_000);
    await expect(resetPassword(handle.db, token, 'a brand new passphrase', tooLate)).rejects.toMatchObject({
      messageKey: 'auth.tokenInvalid',
    });
    expect(PASSWORD_RESET_TTL_MS).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it('still apply the password rules, and an email verification token cannot reset a password', async () => {
    const user = await registerUser(
      handle.db,
      { name: '홍길동', email: `reset-${Date.now()}@joinder.test`, password: 'a long enough passphrase', locale: 'ko' },
      { appUrl: 'https://joinder.example' },
    );
    const verificationToken = await tokenMailedTo(user.email);
    await expect(resetPassword(handle.db, verificationToken, 'a brand new passphrase')).rejects.toMatchObject({
      messageKey: 'auth.tokenInvalid',
    });
    expect(await verifyEmail(handle.db, verificationToken)).toBe(true);
    expect(await verifyEmail(handle.db, verificationToken)).toBe(false);

    await requestPasswordReset(handle.db, user.email, 'https://joinder.example');
    const token = await tokenMailedTo(user.email);
    await expect(resetPassword(handle.db, token, 'qwertyuiop')).rejects.toMatchObject({
      fieldErrors: { password: 'validation.password.common' },
    });
    await expect(resetPassword(handle.db, token, 'short')).rejects.toMatchObject({
      fieldErrors: { password: 'validation.password.tooShort' },
    });
    // The refused attempts did not use the token up.
    await resetPassword(handle.db, token, 'a brand new passphrase');
  });

  it('look the same from outside for an unknown email (no account enumeration)', async () => {
    await expect(requestPasswordReset(handle.db, 'nobody-here@joinder.test', 'https://joinder.example')).resolves.toBeUndefined();
    expect(await listOutbox(handle.db, { to: 'nobody-here@joinder.test' })).toEqual([]);
  });

  it('a successful reset kills every older reset link of the account (issue 17, item 11)', async () => {
    const user = await createTestUser(handle.db);
    await requestPasswordReset(handle.db, user.email, 'https://joinder.example');
    const older = await tokenMailedTo(user.email);
    await requestPasswordReset(handle.db, user.email, 'https://joinder.example');
    const newer = await tokenMailedTo(user.email);
    expect(newer).not.toBe(older);
    await resetPassword(handle.db, newer, 'a brand new passphrase');
    await expect(resetPassword(handle.db, older, 'the attacker passphrase')).rejects.toMatchObject({ messageKey: 'auth.tokenInvalid' });
    const [after] = await handle.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.hash, 'a brand new passphrase')).toBe(true);
  });

  it('are throttled per address and per client address, known or unknown alike (issue 17, item 11)', async () => {
    const user = await createTestUser(handle.db);
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS_PER_HOUR; i++)
      await requestReset(handle.db, { email: user.email, ip: `192.0.2.${i + 1}`, appUrl: 'https://joinder.example' });
    await expect(requestReset(handle.db, { email: user.email, ip: '192.0.2.99', appUrl: 'https://joinder.example' })).rejects.toMatchObject(
      {
        code: 'rate_limited',
        messageKey: 'auth.resetThrottled',
      },
    );
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS_PER_HOUR; i++)
      await requestReset(handle.db, { email: 'unknown-flood@joinder.test', ip: `192.0.2.${i + 1}`, appUrl: 'https://joinder.example' });
    await expect(
      requestReset(handle.db, { email: 'unknown-flood@joinder.test', ip: '192.0.2.99', appUrl: 'https://joinder.example' }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    // One client address (an IPv6 /64) asking for many addresses is stopped as well.
    for (let i = 0; i < RESET_REQUESTS_PER_IP_PER_HOUR; i++)
      await requestReset(handle.db, { email: `spray-${i}@joinder.test`, ip: `2001:db8:5:5::${i + 1}`, appUrl: 'https://joinder.example' });
    await expect(
      requestReset(handle.db, { email: 'spray-last@joinder.test', ip: '2001:db8:5:5:ffff::1', appUrl: 'https://joinder.example' }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    // Three links at most went out to the address, where today's main sent one per request.
    await runQueuedJobs(handle.db, [PASSWORD_RESET_MAIL_JOB]);
    expect(await listOutbox(handle.db, { to: user.email })).toHaveLength(RESET_REQUESTS_PER_ADDRESS_PER_HOUR);
  });

  it('do the same work for a known and an unknown address: one queued job each, no token or mail written at request time', async () => {
    const user = await createTestUser(handle.db);
    const jobsBefore = await countJobs(handle.db, PASSWORD_RESET_MAIL_JOB);
    const tokensBefore = await handle.db.$count(authTokens);
    await requestReset(handle.db, { email: user.email, ip: '203.0.113.50', appUrl: 'https://joinder.example' });
    await requestReset(handle.db, { email: 'no-account-here@joinder.test', ip: '203.0.113.50', appUrl: 'https://joinder.example' });
    expect(await countJobs(handle.db, PASSWORD_RESET_MAIL_JOB)).toBe(jobsBefore + 2);
    expect(await handle.db.$count(authTokens)).toBe(tokensBefore);
    await runQueuedJobs(handle.db, [PASSWORD_RESET_MAIL_JOB]);
    expect(await handle.db.$count(authTokens)).toBe(tokensBefore + 1);
    expect(await listOutbox(handle.db, { to: 'no-account-here@joinder.test' })).toEqual([]);
  });

  it('are audited when mailed and when used, and a reset clears the sign-in throttle of the account (items 11, 13)', async () => {
    const user = await createTestUser(handle.db);
    for (let i = 0; i < 40; i++) await recordSignInFailure(handle.db, { email: user.email, ipHash: `attacker-${i}` });
    expect(await isSignInThrottled(handle.db, { email: user.email, ipHash: 'owner' })).toBe(true);
    await requestPasswordReset(handle.db, user.email, 'https://joinder.example');
    await resetPassword(handle.db, await tokenMailedTo(user.email), 'a brand new passphrase', new Date(), '198.51.100.9');
    expect(await isSignInThrottled(handle.db, { email: user.email, ipHash: 'owner' })).toBe(false);
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, user.id));
    expect(trail.map((row) => row.action).sort()).toEqual(['auth.password_reset', 'auth.password_reset_requested']);
    expect(trail.find((row) => row.action === 'auth.password_reset')).toMatchObject({ actorUserId: user.id, ip: '198.51.100.9' });
  });
});
