import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, users } from '@/db/schema';
import { auditSignIn } from '@/lib/audit/auth-events';
import { normalizeEmail } from '@/lib/format/contact';
import { spendEquivalentHashTime, verifyPassword } from './password';
import { isStaffUser, startSession } from './sessions';
import { ipSubject } from './rate-limit';
import { checkSignInThrottle, clearAccountFailures, recordSignInFailure } from './throttle';
import { consumeRecoveryCode, consumeTotpCode, normalizeRecoveryCode } from './two-factor';

export type SignInErrorCode = 'invalid' | 'throttled' | 'totp_required' | 'totp_invalid';
export type SignInResult = { ok: true; user: User; sessionId: string } | { ok: false; code: SignInErrorCode };

/**
 * Signs in (below) and writes the outcome to the audit trail, success or failure: every attempt
 * leaves a row on the platform chain, with the account's id when there is one, never the address.
 */
export async function authenticate(
  db: Database,
  input: { email: string; password: string; totp?: string; ip?: string; ipHash: string; userAgent: string },
  now = new Date(),
): Promise<SignInResult> {
  // No address holds a control character, and PostgreSQL refuses a NUL in text: such input is simply no account.
  if (/[\u0000-\u001f\u007f]/.test(input.email)) input = { ...input, email: '' };
  const result = await checkSignIn(db, input, now);
  const method = !result.ok || !input.totp ? 'password' : normalizeRecoveryCode(input.totp) ? 'recovery_code' : 'totp';
  await auditSignIn(
    db,
    result.ok
      ? { ok: true, userId: result.user.id, sessionId: result.sessionId, method }
      : { ok: false, email: input.email, reason: result.code },
    input.ip ?? null,
  );
  return result;
}

/**
 * Email + password (+ TOTP for accounts that turned it on, or one of their recovery codes when the
 * phone is lost). Failures are counted per account and per address in Postgres (./throttle: a
 * growing delay, never a lock); unknown emails cost a full hash so timing reveals nothing.
 */
async function checkSignIn(
  db: Database,
  input: { email: string; password: string; totp?: string; ip?: string; ipHash: string; userAgent: string },
  now: Date,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  // Throttled per address bucket (an IPv6 /64), not per full address; sessions keep the plain hash.
  const subject = { email, ipHash: input.ip ? ipSubject(input.ip) : input.ipHash };
  if ((await checkSignInThrottle(db, subject, now)).isThrottled) return { ok: false, code: 'throttled' };

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
