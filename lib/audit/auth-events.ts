import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { normalizeEmail } from '@/lib/format/contact';
import { recordAudit } from './record';

/**
 * Sign-ins and resets on the platform chain. The address itself is never written: a failed
 * sign-in names the account (by id) when one exists, and only the reason otherwise.
 */
export async function auditSignIn(
  db: Database,
  outcome:
    | { ok: true; userId: string; sessionId: string; method: 'password' | 'totp' | 'recovery_code' }
    | { ok: false; email: string; reason: string },
  ip: string | null,
): Promise<void> {
  if (outcome.ok) {
    await recordAudit(db, {
      action: 'auth.signed_in',
      actorUserId: outcome.userId,
      subjectType: 'user',
      subjectId: outcome.userId,
      ip,
      details: { sessionId: outcome.sessionId, method: outcome.method },
    });
    return;
  }
  const email = normalizeEmail(outcome.email);
  const [account] = email ? await db.select({ id: users.id }).from(users).where(eq(users.email, email)) : [];
  await recordAudit(db, {
    action: 'auth.sign_in_failed',
    actorUserId: null,
    subjectType: account ? 'user' : null,
    subjectId: account?.id ?? null,
    ip,
    details: { reason: outcome.reason, knownAccount: Boolean(account) },
  });
}

/**
 * A reset asked for (`auth.password_reset_requested`, only when the address has an account: the
 * caller knows) or done (`auth.password_reset`); written in the caller's transaction.
 */
export async function auditPasswordReset(
  db: Database,
  event: { kind: 'requested' | 'completed'; userId: string; ip?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(db, {
    action: event.kind === 'requested' ? 'auth.password_reset_requested' : 'auth.password_reset',
    actorUserId: event.kind === 'completed' ? event.userId : null,
    subjectType: 'user',
    subjectId: event.userId,
    ip: event.ip ?? null,
    details: event.details ?? {},
  });
}
