import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, users } from '@/db/schema';
import { normalizeEmail } from '@/lib/users/normalize';
import { spendEquivalentHashTime, verifyPassword } from './password';
import { isStaffUser, startSession } from './sessions';
import { clearAccountFailures, isSignInThrottled, recordSignInFailure } from './throttle';
import { consumeRecoveryCode, consumeTotpCode, normalizeRecoveryCode } from './two-factor';

export type SignInErrorCode = 'invalid' | 'throttled' | 'totp_required' | 'totp_invalid';
export type SignInResult = { ok: true; user: User; sessionId: string } | { ok: false; code: SignInErrorCode };

/**
 * Email + password (+ TOTP for accounts that turned it on, or one of their recovery codes when the
 * phone is lost). Failures are counted per account and per address in Postgres; unknown emails
 * cost a full hash so timing reveals nothing.
 */
export async function authenticate(
  db: Database,
  input: { email: string; password: string; totp?: string; ip?: string; ipHash: string; userAgent: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const subject = { email, ipHash: input.ipHash };
  if (await isSignInThrottled(db, subject, now)) return { ok: false, code: 'throttled' };

  const [user] = email ? await db.select().from(users).where(eq(users.email, email)) : [];
  if (!user) {
    await spendEquivalentHashTime();
    await recordSignInFailure(db, subject, now);
    return { ok: false, code: 'invalid' };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordSignInFailure(db, subject, now);
    return { ok: false, code: 'invalid' };
  }
  if (user.totpEnabledAt && user.totpSecretEncrypted) {
    if (!input.totp) return { ok: false, code: 'totp_required' };
    const isAccepted = normalizeRecoveryCode(input.totp)
      ? await consumeRecoveryCode(db, { userId: user.id, code: input.totp, ip: input.ip ?? null }, now)
      : await consumeTotpCode(db, user, input.totp, now);
    if (!isAccepted) {
      await recordSignInFailure(db, subject, now);
      return { ok: false, code: 'totp_invalid' };
    }
  }
  await clearAccountFailures(db, email);
  const session = await startSession(
    db,
    { userId: user.id, isStaff: await isStaffUser(db, user.id), ipHash: input.ipHash, userAgent: input.userAgent },
    now,
  );
  await db.update(users).set({ lastSignedInAt: now }).where(eq(users.id, user.id));
  return { ok: true, user, sessionId: session.id };
}
