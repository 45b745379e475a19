import { isIPv6 } from 'node:net';
import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { hashIp } from '@/lib/http/request-info';

/**
 * Counted events in a sliding window, in Postgres so every app instance sees the same counts.
 * Sign-in failures, re-authentication failures, reset requests and notice mails all use it
 * (`login_attempts.scope` says which).
 */
export type RateScope = (typeof loginAttempts.$inferSelect)['scope'];

export type RateWindow = { count: number; lastAt: Date | null };

export async function countRecentEvents(
  db: Database,
  scope: RateScope,
  subject: string,
  windowMs: number,
  now = new Date(),
): Promise<RateWindow> {
  const since = new Date(now.getTime() - windowMs);
  const where = and(eq(loginAttempts.scope, scope), eq(loginAttempts.subject, subject), gt(loginAttempts.attemptedAt, since));
  const [[total], [last]] = await Promise.all([
    db.select({ n: count() }).from(loginAttempts).where(where),
    db.select({ at: loginAttempts.attemptedAt }).from(loginAttempts).where(where).orderBy(desc(loginAttempts.attemptedAt)).limit(1),
  ]);
  return { count: total?.n ?? 0, lastAt: last?.at ?? null };
}

export async function recordEvent(db: Database, scope: RateScope, subject: string, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ scope, subject, attemptedAt: now });
}

export async function clearEvents(db: Database, scope: RateScope, subject: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.subject, subject)));
}

/**
 * The part of an address that names one client. An IPv6 host usually owns a whole /64 and can
 * pick any address in it, so counting per full address would give an attacker 2^64 fresh buckets
 * (issue 17, item 13); IPv4 addresses are counted one by one.
 */
export function ipBucket(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) lies beyond the first 64 bits, so it can be dropped.
  const groups = ip.includes('::') ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts] : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => (group || '0').replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The throttling key of a client address: its bucket, as a keyed hash. */
export function ipSubject(ip: string): string {
  return hashIp(ipBucket(ip));
}

/** At most one notice mail per subject an hour: whoever keeps re-using an address cannot flood its owner's mailbox. */
export const NOTICE_WINDOW_MS = 60 * 60 * 1000;

/** True, and counted, when a notice about `subject` may go out now. */
export async function claimNoticeSlot(db: Database, subject: string, now = new Date()): Promise<boolean> {
  const recent = await countRecentEvents(db, 'notice', subject, NOTICE_WINDOW_MS, now);
  if (recent.count > 0) return false;
  await recordEvent(db, 'notice', subject, now);
  return true;
}
