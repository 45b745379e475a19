import { lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { clearEvents, countRecentEvents } from './rate-limit';

/**
 * Sign-in throttling (ASVS 2.2.1) that never locks the real user out (issue 17, item 13). An
 * account's first failures in an hour are free; after that each attempt must wait twice as long
 * as the one before, up to five minutes, so a guesser gets a few dozen tries an hour while the
 * owner waits minutes at most — or resets the password, which proves the mailbox and clears the
 * count at once. An address (an IPv6 /64) that fails across many accounts is stopped for the hour.
 */
export const FREE_ACCOUNT_FAILURES_PER_HOUR = 10;
export const MAX_STEP_UP_DELAY_MS = 5 * 60 * 1000;
/** An address may try several accounts (a PC-bang, an office NAT), so its ceiling is higher. */
export const MAX_FAILURES_PER_IP_PER_HOUR = 300;
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;

/** `ipHash`: the keyed hash of the client's address bucket (lib/auth/rate-limit ipSubject). */
export type ThrottleSubject = { email: string; ipHash: string };

export type ThrottleVerdict = { isThrottled: false } | { isThrottled: true; scope: 'account' | 'ip'; retryAfterSeconds: number };

/** How long after the last failure the next attempt is heard, given the failures in the window. */
export function stepUpDelayMs(failures: number): number {
  if (failures < FREE_ACCOUNT_FAILURES_PER_HOUR) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ACCOUNT_FAILURES_PER_HOUR), MAX_STEP_UP_DELAY_MS);
}

export async function checkSignInThrottle(db: Database, subject: ThrottleSubject, now = new Date()): Promise<ThrottleVerdict> {
  const [account, ip] = await Promise.all([
    countRecentEvents(db, 'account', subject.email, THROTTLE_WINDOW_MS, now),
    countRecentEvents(db, 'ip', subject.ipHash, THROTTLE_WINDOW_MS, now),
  ]);
  if (ip.count >= MAX_FAILURES_PER_IP_PER_HOUR) return { isThrottled: true, scope: 'ip', retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 };
  const wait = account.lastAt ? account.lastAt.getTime() + stepUpDelayMs(account.count) - now.getTime() : 0;
  if (wait > 0) return { isThrottled: true, scope: 'account', retryAfterSeconds: Math.ceil(wait / 1000) };
  return { isThrottled: false };
}

export async function isSignInThrottled(db: Database, subject: ThrottleSubject, now = new Date()): Promise<boolean> {
  return (await checkSignInThrottle(db, subject, now)).isThrottled;
}

export async function recordSignInFailure(db: Database, subject: ThrottleSubject, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values([
    { scope: 'account', subject: subject.email, attemptedAt: now },
    { scope: 'ip', subject: subject.ipHash, attemptedAt: now },
  ]);
}

/** A successful sign-in or password reset clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await clearEvents(db, 'account', email);
}

/** Housekeeping: every throttle window is an hour, so older events no longer count. */
export async function pruneSignInAttempts(db: Database, now = new Date()): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}
