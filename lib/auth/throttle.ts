import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loginAttempts } from '@/db/schema';

/** ASVS 2.2.1: no more than 100 failed attempts per account per hour. */
export const MAX_FAILURES_PER_ACCOUNT_PER_HOUR = 100;
/** An address may try several accounts (a PC-bang, an office NAT), so its ceiling is higher. */
export const MAX_FAILURES_PER_IP_PER_HOUR = 300;
const WINDOW_MS = 60 * 60 * 1000;

export type ThrottleSubject = { email: string; ipHash: string };

export async function isSignInThrottled(db: Database, subject: ThrottleSubject, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [[account], [ip]] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.scope, 'account'), eq(loginAttempts.subject, subject.email), gt(loginAttempts.attemptedAt, since))),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.scope, 'ip'), eq(loginAttempts.subject, subject.ipHash), gt(loginAttempts.attemptedAt, since))),
  ]);
  return account.n >= MAX_FAILURES_PER_ACCOUNT_PER_HOUR || ip.n >= MAX_FAILURES_PER_IP_PER_HOUR;
}

export async function recordSignInFailure(db: Database, subject: ThrottleSubject, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values([
    { scope: 'account', subject: subject.email, attemptedAt: now },
    { scope: 'ip', subject: subject.ipHash, attemptedAt: now },
  ]);
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.scope, 'account'), eq(loginAttempts.subject, email)));
}

/** Housekeeping: attempts older than the window no longer count. */
export async function pruneSignInAttempts(db: Database, now = new Date()): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(now.getTime() - WINDOW_MS)));
}
