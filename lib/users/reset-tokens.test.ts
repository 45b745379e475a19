import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { checkSession, startSession } from '@/lib/auth/sessions';
import { verifyPassword } from '@/lib/auth/password';
import { listOutbox } from '@/lib/mail/outbox';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestUser } from '@/tests/helpers/users';
import { PASSWORD_RESET_TTL_MS, registerUser, requestPasswordReset, resetPassword, verifyEmail } from './accounts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

/** The token only ever exists in the mailed link; the database keeps its hash. */
async function tokenMailedTo(email: string): Promise<string> {
  const [mail] = await listOutbox(handle.db, { to: email, limit: 1 });
  const token = mail?.textBody.match(/token=([A-Za-z0-9_-]+)/)?.[1];
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
});
