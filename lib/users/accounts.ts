import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, authTokens, users } from '@/db/schema';
import { findPasswordProblem, hashPassword } from '@/lib/auth/password';
import { claimNoticeSlot, countRecentEvents, recordEvent } from '@/lib/auth/rate-limit';
import { THROTTLE_WINDOW_MS } from '@/lib/auth/throttle';
import { createToken, sha256Hex } from '@/lib/crypto/hash';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { type QueuedMail, queueMail } from '@/lib/mail/outbox';
import { normalizeEmail } from '@/lib/format/contact';

export const EMAIL_VERIFICATION_TTL_MS = 3 * 24 * 60 * 60 * 1000;

export function passwordFieldError(password: string, email: string): Record<string, string> | null {
  const problem = findPasswordProblem(password, email);
  return problem ? { password: `validation.password.${problem}` } : null;
}

/**
 * Creates the account and queues the verification mail, in one transaction — together with
 * `alsoInTransaction` (joining a case at sign-up), so a failure anywhere leaves no half-made account.
 */
export async function registerUser(
  db: Database,
  input: { name: string; email: string; password: string; locale: Locale },
  links: { appUrl: string },
  alsoInTransaction?: (tx: Database, user: User) => Promise<void>,
): Promise<User> {
  const account = await prepareAccount(input);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(account).returning();
      await sendVerificationMail(tx, user, links.appUrl);
      await alsoInTransaction?.(tx, user);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTakenError();
    throw error;
  }
}

/**
 * The token row a mailed link will match. Its hash starts as that of a random value nobody keeps:
 * the mail sweeper mints the live token when it sends the mail (lib/mail/tokens.ts), so no usable
 * token is ever stored. Returns the row id the mail refers to.
 */
export async function issueToken(
  db: Database,
  userId: string,
  kind: 'email_verification' | 'password_reset',
  ttlMs: number,
): Promise<string> {
  const [row] = await db
    .insert(authTokens)
    .values({ userId, kind, tokenHash: createToken().tokenHash, expiresAt: new Date(Date.now() + ttlMs) })
    .returning({ id: authTokens.id });
  return row.id;
}

export async function sendVerificationMail(
  db: Database,
  user: Pick<User, 'id' | 'email' | 'name' | 'locale'>,
  appUrl: string,
): Promise<void> {
  const tokenId = await issueToken(db, user.id, 'email_verification', EMAIL_VERIFICATION_TTL_MS);
  await queueMail(db, verificationMail(user, appUrl, tokenId));
}

export const VERIFICATION_MAILS_PER_HOUR = 3;

/**
 * Another verification link for a signed-in account whose address is not proved yet, a few an
 * hour at most (the address may be someone else's, and they should not be flooded).
 */
export async function resendVerificationMail(db: Database, userId: string, appUrl: string, now = new Date()): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  if (user.emailVerifiedAt) return;
  const recent = await countRecentEvents(db, 'verification', user.id, THROTTLE_WINDOW_MS, now);
  if (recent.count >= VERIFICATION_MAILS_PER_HOUR)
    throw new AppError('rate_limited', { messageKey: 'auth.verifyFirst.throttled', retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 });
  await db.transaction(async (tx) => {
    await recordEvent(tx, 'verification', user.id, now);
    await sendVerificationMail(tx, user, appUrl);
  });
}

/** The verification mail for a token row: where it goes, in which language, and the link. */
export function verificationMail(user: Pick<User, 'email' | 'name' | 'locale'>, appUrl: string, tokenId: string): QueuedMail {
  return {
    to: user.email,
    locale: user.locale,
    template: 'verifyEmail',
    params: { name: user.name },
    token: { kind: 'auth_token', id: tokenId, links: { link: `${appUrl}/verify-email` } },
  };
}

/** Checks the password and hashes it for a new account: the email normalised, the hash argon2id. */
export async function prepareAccount(input: { name: string; email: string; password: string; locale: Locale }) {
  const email = normalizeEmail(input.email);
  const passwordError = passwordFieldError(input.password, email);
  if (passwordError) throw new AppError('invalid_input', { fieldErrors: passwordError });
  return { email, name: input.name.trim(), locale: input.locale, passwordHash: await hashPassword(input.password) };
}

/**
 * Sign-up as the outside world sees it (issue 17, item 12): a taken address answers exactly like a
 * new one ("we sent you a link"), so the form does not tell anyone whether a person has an
 * account; the owner of the address is told by mail instead (once an hour at most).
 */
export async function signUpAlike(
  db: Database,
  email: string,
  appUrl: string,
  register: () => Promise<unknown>,
): Promise<{ email: string }> {
  const normalized = normalizeEmail(email);
  try {
    await register();
  } catch (error) {
    if (!isEmailTakenError(error)) throw error;
    await notifyAddressTaken(db, normalized, appUrl);
  }
  return { email: normalized };
}

async function notifyAddressTaken(db: Database, email: string, appUrl: string): Promise<void> {
  const [owner] = await db.select().from(users).where(eq(users.email, email));
  if (!owner) return;
  await db.transaction(async (tx) => {
    if (!(await claimNoticeSlot(tx, `sign-up:${owner.id}`))) return;
    await queueMail(tx, {
      to: owner.email,
      locale: owner.locale,
      template: 'signUpExisting',
      params: { name: owner.name, signInLink: `${appUrl}/sign-in`, resetLink: `${appUrl}/forgot-password` },
    });
  });
}

function isEmailTakenError(error: unknown): boolean {
  return error instanceof AppError && error.messageKey === 'auth.emailTaken';
}

export const emailTakenError = () => new AppError('conflict', { messageKey: 'auth.emailTaken', fieldErrors: { email: 'auth.emailTaken' } });

/** Consumes a single-use token; expired, used or unknown tokens all fail the same way. */
async function consumeToken(db: Database, token: string, kind: 'email_verification' | 'password_reset', now: Date) {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(eq(authTokens.tokenHash, sha256Hex(token)), eq(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)),
    )
    .returning({ userId: authTokens.userId });
  return row ?? null;
}

export async function verifyEmail(db: Database, token: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'email_verification', now);
    if (!row) return false;
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, row.userId), isNull(users.emailVerifiedAt)));
    return true;
  });
}
