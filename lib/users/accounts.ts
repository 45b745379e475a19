import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, authTokens, users } from '@/db/schema';
import { findPasswordProblem, hashPassword } from '@/lib/auth/password';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { createToken, sha256Hex } from '@/lib/crypto/hash';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { queueMail } from '@/lib/mail/outbox';
import { normalizeEmail } from './normalize';

export const EMAIL_VERIFICATION_TTL_MS = 3 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

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

async function issueToken(db: Database, userId: string, kind: 'email_verification' | 'password_reset', ttlMs: number): Promise<string> {
  const { token, tokenHash } = createToken();
  await db.insert(authTokens).values({ userId, kind, tokenHash, expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

export async function sendVerificationMail(
  db: Database,
  user: Pick<User, 'id' | 'email' | 'name' | 'locale'>,
  appUrl: string,
): Promise<void> {
  const token = await issueToken(db, user.id, 'email_verification', EMAIL_VERIFICATION_TTL_MS);
  await queueMail(db, verificationMail(user, appUrl, token));
}

/** The verification mail for a token: where it goes, in which language, and the link. */
export function verificationMail(user: Pick<User, 'email' | 'name' | 'locale'>, appUrl: string, token: string) {
  return {
    to: user.email,
    locale: user.locale,
    template: 'verifyEmail' as const,
    params: { name: user.name, link: `${appUrl}/verify-email?token=${token}` },
  };
}

/** Checks the password and hashes it for a new account: the email normalised, the hash argon2id. */
export async function prepareAccount(input: { name: string; email: string; password: string; locale: Locale }) {
  const email = normalizeEmail(input.email);
  const passwordError = passwordFieldError(input.password, email);
  if (passwordError) throw new AppError('invalid_input', { fieldErrors: passwordError });
  return { email, name: input.name.trim(), locale: input.locale, passwordHash: await hashPassword(input.password) };
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

/** Always looks the same from outside, whether or not the email has an account (no enumeration). */
export async function requestPasswordReset(db: Database, email: string, appUrl: string): Promise<void> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  if (!user) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'password_reset', PASSWORD_RESET_TTL_MS);
    await queueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: 'passwordReset',
      params: { name: user.name, link: `${appUrl}/reset-password?token=${token}` },
    });
  });
}

export async function resetPassword(db: Database, token: string, password: string, now = new Date()): Promise<void> {
  const [candidate] = await db
    .select({ email: users.email })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(eq(authTokens.tokenHash, sha256Hex(token)));
  const passwordError = passwordFieldError(password, candidate?.email ?? '');
  if (passwordError) throw new AppError('invalid_input', { fieldErrors: passwordError });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'password_reset', now);
    if (!row) throw new AppError('invalid_input', { messageKey: 'auth.tokenInvalid' });
    // A reset proves control of the mailbox, so the address counts as verified from here.
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(users.id, row.userId));
    await revokeAllSessions(tx, row.userId, now);
  });
}
