import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { mailOutbox, userSessions, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { registerUser, verifyEmail } from './accounts';
import { PASSWORD_RESET_MAIL_JOB, requestPasswordReset as requestReset, resetPassword } from './password-reset';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let handle: DatabaseHandle;
const APP = { appUrl: 'https://joinder.example' };

beforeAll(async () => {
  handle = await setupTestDatabase();
});

function tokenFromLastMail(to: string, path: string) {
  return async () => {
    await deliverQueuedMail(handle.db);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
    const last = mails.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const match = last?.textBody?.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
    return match?.[1] ?? '';
  };
}

describe('accounts', () => {
  it('registers with a normalised email, a hashed password and a verification mail in the reader’s language', async () => {
    const user = await registerUser(
      handle.db,
      { name: '김민준', email: 'MinJun@Example.KR', password: 'slammer worm 1434', locale: 'en' },
      APP,
    );
    expect(user.email).toBe('minjun@example.kr');
    expect(user.passwordHash).not.toContain('slammer');
    expect(await verifyPassword(user.passwordHash, 'slammer worm 1434')).toBe(true);
    await deliverQueuedMail(handle.db);
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'minjun@example.kr'));
    expect(mail.subject).toContain('confirm your email');
    expect(mail.status).toBe('stored');
  });

  it('refuses short and common passwords with field errors, and a second account on the same email', async () => {
    const attempt = (password: string, email = 'weak@example.kr') =>
      registerUser(handle.db, { name: 'x', email, password, locale: 'ko' }, APP);
    await expect(attempt('short')).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { password: 'validation.password.tooShort' },
    });
    await expect(attempt('1234567890')).rejects.toMatchObject({ fieldErrors: { password: 'validation.password.common' } });
    await attempt('a perfectly fine phrase', 'twice@example.kr');
    const error = await attempt('another fine phrase', 'TWICE@example.kr').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', fieldErrors: { email: 'auth.emailTaken' } });
    expect(await handle.db.select().from(users).where(eq(users.email, 'weak@example.kr'))).toHaveLength(0);
  });

  it('verifies an email once; the link cannot be reused', async () => {
    await registerUser(handle.db, { name: '이서연', email: 'verify@example.kr', password: 'patch ms02-039 now', locale: 'ko' }, APP);
    const token = await tokenFromLastMail('verify@example.kr', 'verify-email')();
    expect(token.length).toBeGreaterThan(20);
    expect(await verifyEmail(handle.db, token)).toBe(true);
    expect(await verifyEmail(handle.db, token)).toBe(false);
    const [user] = await handle.db.select().from(users).where(eq(users.email, 'verify@example.kr'));
    expect(user.emailVerifiedAt).not.toBeNull();
  });

  it('resets a password with a single-use, expiring token and ends every session', async () => {
    const user = await registerUser(
      handle.db,
      { name: '박지훈', email: 'reset@example.kr', password: 'old password here', locale: 'ko' },
      APP,
    );
    await handle.db.insert(userSessions).values({ userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
    await requestPasswordReset('Reset@Example.kr', APP.appUrl);
    const token = await tokenFromLastMail('reset@example.kr', 'reset-password')();
    await expect(resetPassword(handle.db, token, 'password')).rejects.toMatchObject({
      fieldErrors: { password: 'validation.password.tooShort' },
    });
    await resetPassword(handle.db, token, 'a brand new passphrase');
    const [updated] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(updated.passwordHash, 'a brand new passphrase')).toBe(true);
    const sessions = await handle.db.select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
    await expect(resetPassword(handle.db, token, 'yet another passphrase')).rejects.toMatchObject({ messageKey: 'auth.tokenInvalid' });
    await requestPasswordReset('reset@example.kr', APP.appUrl);
    const late = await tokenFromLastMail('reset@example.kr', 'reset-password')();
    await expect(resetPassword(handle.db, late, 'too late passphrase', new Date(Date.now() + 2 * 3600_000))).rejects.toMatchObject({
      messageKey: 'auth.tokenInvalid',
    });
  });

  it('says nothing about unknown emails when asked for a reset', async () => {
    const before = await handle.db.select().from(mailOutbox);
    await requestPasswordReset('ghost@example.kr', APP.appUrl);
    expect(await handle.db.select().from(mailOutbox)).toHaveLength(before.length);
  });
});

async function requestPasswordReset(email: string, appUrl: string) {
  await requestReset(handle.db, { email, ip: '198.51.100.77', appUrl });
  await runQueuedJobs(handle.db, [PASSWORD_RESET_MAIL_JOB]);
}
