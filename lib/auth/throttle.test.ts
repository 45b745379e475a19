import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { TEST_PASSWORD, createTestUser } from '@/tests/helpers/users';
import { authenticate } from './sign-in';
import {
  MAX_FAILURES_PER_ACCOUNT_PER_HOUR,
  MAX_FAILURES_PER_IP_PER_HOUR,
  isSignInThrottled,
  pruneSignInAttempts,
  recordSignInFailure,
} from './throttle';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

const T0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function failTimes(subject: { email: string; ipHash: string }, times: number, now: Date) {
  for (let i = 0; i < times; i++) await recordSignInFailure(handle.db, subject, now);
}

describe('sign-in throttling kept in Postgres (ASVS 2.2.1)', () => {
  it('allows at most 100 failures an hour per account, then refuses even the right password', async () => {
    expect(MAX_FAILURES_PER_ACCOUNT_PER_HOUR).toBeLessThanOrEqual(100);
    const user = await createTestUser(handle.db);
    // Each failure comes from a different address, as a distributed guesser's would.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_PER_HOUR - 1; i++)
      await recordSignInFailure(handle.db, { email: user.email, ipHash: `ip-${i}` }, minutes(0));
    expect(await isSignInThrottled(handle.db, { email: user.email, ipHash: 'fresh' }, minutes(1))).toBe(false);
    await recordSignInFailure(handle.db, { email: user.email, ipHash: 'ip-last' }, minutes(1));
    expect(await isSignInThrottled(handle.db, { email: user.email, ipHash: 'fresh' }, minutes(2))).toBe(true);
    const result = await authenticate(
      handle.db,
      { email: user.email, password: TEST_PASSWORD, ipHash: 'fresh', userAgent: 'vitest' },
      minutes(2),
    );
    expect(result).toEqual({ ok: false, code: 'throttled' });
    // The window slides: an hour after the failures the right password works again.
    const later = await authenticate(
      handle.db,
      { email: user.email, password: TEST_PASSWORD, ipHash: 'fresh', userAgent: 'vitest' },
      minutes(62),
    );
    expect(later.ok).toBe(true);
  });

  it('counts per address too, across different accounts, with a higher ceiling', async () => {
    await failTimes({ email: 'nobody-1@joinder.test', ipHash: 'shared-ip' }, MAX_FAILURES_PER_IP_PER_HOUR, minutes(0));
    expect(await isSignInThrottled(handle.db, { email: 'someone-else@joinder.test', ipHash: 'shared-ip' }, minutes(1))).toBe(true);
    expect(await isSignInThrottled(handle.db, { email: 'someone-else@joinder.test', ipHash: 'other-ip' }, minutes(1))).toBe(false);
  });

  it('records each wrong password against the account and the address, and clears the account on success', async () => {
    const user = await createTestUser(handle.db);
    const subject = { email: user.email, password: 'wrong password!', ipHash: 'ip-record', userAgent: 'vitest' };
    for (let i = 0; i < 3; i++) expect(await authenticate(handle.db, subject, minutes(0))).toEqual({ ok: false, code: 'invalid' });
    const countFor = async (scope: 'account' | 'ip', subjectValue: string) =>
      (
        await handle.db
          .select({ n: count() })
          .from(loginAttempts)
          .where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.subject, subjectValue)))
      )[0].n;
    expect(await countFor('account', user.email)).toBe(3);
    expect(await countFor('ip', 'ip-record')).toBe(3);
    expect((await authenticate(handle.db, { ...subject, password: TEST_PASSWORD }, minutes(1))).ok).toBe(true);
    expect(await countFor('account', user.email)).toBe(0);
    expect(await countFor('ip', 'ip-record')).toBe(3);
  });

  it('counts unknown emails too, so guessing which accounts exist is throttled as well', async () => {
    const subject = { email: 'ghost@joinder.test', password: 'whatever-it-is', ipHash: 'ip-ghost', userAgent: 'vitest' };
    expect(await authenticate(handle.db, subject, minutes(0))).toEqual({ ok: false, code: 'invalid' });
    const [{ n }] = await handle.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.subject, 'ghost@joinder.test'));
    expect(n).toBe(1);
  });

  it('prunes attempts older than the window', async () => {
    await failTimes({ email: 'old@joinder.test', ipHash: 'ip-old' }, 2, minutes(0));
    await pruneSignInAttempts(handle.db, minutes(61));
    const [{ n }] = await handle.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.subject, 'old@joinder.test'));
    expect(n).toBe(0);
  });
});
