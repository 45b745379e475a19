import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { auditPasswordReset } from '@/lib/audit/auth-events';
import { hashPassword } from '@/lib/auth/password';
import { countRecentEvents, ipSubject, recordEvent } from '@/lib/auth/rate-limit';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { THROTTLE_WINDOW_MS, clearAccountFailures } from '@/lib/auth/throttle';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import { defineJob, defineJobKind, enqueue } from '@/lib/jobs/define';
import { queueMail } from '@/lib/mail/outbox';
import { normalizeEmail } from '@/lib/format/contact';
import { issueToken, passwordFieldError } from './accounts';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** A person rarely needs more than one or two links an hour; a script asking for more is flooding someone's mailbox. */
export const RESET_REQUESTS_PER_ADDRESS_PER_HOUR = 3;
export const RESET_REQUESTS_PER_IP_PER_HOUR = 20;
export const PASSWORD_RESET_MAIL_JOB = 'auth.password_reset_mail';
export const passwordResetMailKind = defineJobKind({
  id: PASSWORD_RESET_MAIL_JOB,
  payload: z.object({ email: z.string().min(1), appUrl: z.url() }),
  maxAttempts: 3,
});

/**
 * A reset request (issue 17, item 11). The request itself does the same work for every address —
 * two counts, two counted events and one queued job — so neither its answer nor its timing says
 * whether the address has an account; the job looks the account up and mails the link. Requests
 * are throttled per address and per client address (IPv6 by /64), known or not.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; ip: string; appUrl: string },
  now = new Date(),
): Promise<void> {
  const email = normalizeEmail(input.email);
  const ip = ipSubject(input.ip);
  const [byAddress, byIp] = await Promise.all([
    countRecentEvents(db, 'reset_address', email, THROTTLE_WINDOW_MS, now),
    countRecentEvents(db, 'reset_ip', ip, THROTTLE_WINDOW_MS, now),
  ]);
  if (byAddress.count >= RESET_REQUESTS_PER_ADDRESS_PER_HOUR || byIp.count >= RESET_REQUESTS_PER_IP_PER_HOUR)
    throw new AppError('rate_limited', { messageKey: 'auth.resetThrottled', retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 });
  await db.transaction(async (tx) => {
    await recordEvent(tx, 'reset_address', email, now);
    await recordEvent(tx, 'reset_ip', ip, now);
    await enqueue(tx, passwordResetMailKind, { email, appUrl: input.appUrl });
  });
}

/** The job: a link for an existing account, with its audit row; nothing at all for an unknown address. */
export async function mailPasswordReset(db: Database, input: { email: string; appUrl: string }): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  if (!user) return;
  await db.transaction(async (tx) => {
    // The live token is minted when the mail is sent (lib/mail/tokens.ts): no usable token is stored.
    const tokenId = await issueToken(tx, user.id, 'password_reset', PASSWORD_RESET_TTL_MS);
    await queueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: 'passwordReset',
      params: { name: user.name },
      token: { kind: 'auth_token', id: tokenId, links: { link: `${input.appUrl}/reset-password` } },
    });
    await auditPasswordReset(tx, { kind: 'requested', userId: user.id });
  });
}

export const passwordResetMailJob = defineJob(passwordResetMailKind, (payload, _job, context) => mailPasswordReset(context.db, payload));

/** Consumes a single-use token; expired, used or unknown tokens all fail the same way. */
async function consumeResetToken(db: Database, token: string, now: Date) {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, sha256Hex(token)),
        eq(authTokens.kind, 'password_reset'),
        isNull(authTokens.usedAt),
        sql`${authTokens.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: authTokens.id, userId: authTokens.userId });
  return row ?? null;
}

/**
 * Sets the new password. A reset proves control of the mailbox, so in the same transaction: the
 * address counts as verified, every session ends, every other reset link of the account stops
 * working (a link mailed earlier, perhaps read by someone else, is dead now), the sign-in
 * throttle's count for the account is cleared, and the reset is audited.
 */
export async function resetPassword(
  db: Database,
  token: string,
  password: string,
  now = new Date(),
  ip: string | null = null,
): Promise<void> {
  const [candidate] = await db
    .select({ email: users.email })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(eq(authTokens.tokenHash, sha256Hex(token)));
  const passwordError = passwordFieldError(password, candidate?.email ?? '');
  if (passwordError) throw new AppError('invalid_input', { fieldErrors: passwordError });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await consumeResetToken(tx, token, now);
    if (!row) throw new AppError('invalid_input', { messageKey: 'auth.tokenInvalid' });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(users.id, row.userId))
      .returning({ email: users.email });
    await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(
        and(eq(authTokens.userId, row.userId), eq(authTokens.kind, 'password_reset'), isNull(authTokens.usedAt), ne(authTokens.id, row.id)),
      );
    await revokeAllSessions(tx, row.userId, now);
    await clearAccountFailures(tx, user.email);
    await auditPasswordReset(tx, { kind: 'completed', userId: row.userId, ip });
  });
}
