import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { verifyPassword } from './password';
import { clearEvents, countRecentEvents, recordEvent } from './rate-limit';
import { THROTTLE_WINDOW_MS } from './throttle';
import { consumeTotpCode } from './totp-codes';

/**
 * The one way an account action asks the signed-in person to prove themselves again (issue 17,
 * item 7): switching two-step sign-in on or off, new recovery codes, erasure. A session someone else
 * picked up (an unlocked phone, a shared PC) must not get there by guessing: wrong answers are
 * counted per account across every action and instance, five an hour at most, and each one is
 * audited. A right answer clears the count.
 */
export const MAX_REAUTH_FAILURES_PER_HOUR = 5;

export type ReauthPurpose = 'totp_enable' | 'totp_disable' | 'recovery_codes' | 'erasure';
export type ReauthProof = { kind: 'password'; password: string } | { kind: 'totp'; code: string };

const FIELD_OF = { password: 'password', totp: 'code' } as const;
const WRONG_KEY = { password: 'security.reauth.wrongPassword', totp: 'security.totp.wrongCode' } as const;

export async function reauthenticate(
  db: Database,
  input: { userId: string; proof: ReauthProof; purpose: ReauthPurpose; ip: string | null },
  now = new Date(),
): Promise<void> {
  const audit = (action: 'auth.reauth_failed' | 'auth.reauth_throttled') =>
    recordAudit(db, {
      action,
      actorUserId: input.userId,
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.ip,
      details: { purpose: input.purpose, proof: input.proof.kind },
    });
  const recent = await countRecentEvents(db, 'reauth', input.userId, THROTTLE_WINDOW_MS, now);
  if (recent.count >= MAX_REAUTH_FAILURES_PER_HOUR) {
    await audit('auth.reauth_throttled');
    const retryAfterMs = (recent.lastAt?.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS - now.getTime();
    throw new AppError('rate_limited', {
      messageKey: 'security.reauth.throttled',
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError('not_found');
  const isRight =
    input.proof.kind === 'password'
      ? await verifyPassword(user.passwordHash, input.proof.password)
      : Boolean(user.totpEnabledAt) && (await consumeTotpCode(db, user, input.proof.code, now));
  if (isRight) {
    if (recent.count > 0) await clearEvents(db, 'reauth', input.userId);
    return;
  }
  await recordEvent(db, 'reauth', input.userId, now);
  await audit('auth.reauth_failed');
  throw new AppError('invalid_input', { fieldErrors: { [FIELD_OF[input.proof.kind]]: WRONG_KEY[input.proof.kind] } });
}
