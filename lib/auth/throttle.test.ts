import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { TEST_PASSWORD, createTestUser } from '@/tests/helpers/users';
import { ipBucket, ipSubject } from './rate-limit';
import { authenticate } from './sign-in';
import {
  FREE_ACCOUNT_FAILURES_PER_HOUR,
  MAX_FAILURES_PER_IP_PER_HOUR,
  MAX_STEP_UP_DELAY_MS,
  checkSignInThrottle,
  isSignInThrottled,
  pruneSignInAttempts,
  recordSignInFailure,
  stepUpDelayMs,
} from './throttle';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

const T0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);

async function failTimes(subject: { email: string; ipHash: string }, times: number, now: Date) {
  for (let i = 0; i < times; i++) await recordSignInFailure(handle.db, subject, now);
}

describe('sign-in throttling kept in Postgres (ASVS 2.2.1, issue 17 item 13)', () => {
  it('lets the first failures through, then makes each next attempt wait longer, up to five minutes', async () => {
    expect(stepUpDelayMs(FREE_ACCOUNT_FAILURES_PER_HOUR - 1)).toBe(0);
    expect(stepUpDelayMs(FREE_ACCOUNT_FAILURES_PER_HOUR)).toBe(1000);
    expect(stepUpDelayMs(FREE_ACCOUNT_FAILURES_PER_HOUR + 3)).toBe(8000);
    expect(stepUpDelayMs(1000)).toBe(MAX_STEP_UP_DELAY_MS);
    const email = 'stepped@joinder.test';
    await failTimes({ email, ipHash: 'ip-step' }, FREE_ACCOUNT_FAILURES_PER_HOUR - 1, seconds(0));
    expect(await isSignInThrottled(handle.db, { email, ipHash: 'fresh' }, seconds(0))).toBe(false);
    await failTimes({ email, ipHash: 'ip-step' }, 4, seconds(0));
    // 13 failures: the next attempt waits 8 s after the last one, and is told how long.
    expect(await checkSignInThrottle(handle.db, { email, ipHash: 'fresh' }, seconds(3))).toEqual({
      isThrottled: true,
      scope: 'account',
      retryAfterSeconds: 5,
    });
    expect(await isSignInThrottled(handle.db, { email, ipHash: 'fresh' }, seconds(9))).toBe(false);
  });

  it('never locks the owner out for the hour: 100 failures from everywhere, and the right password works five minutes later', async () => {
    const user = await createTestUser(handle.db);
    for (let i = 0; i < 100; i++) await recordSignInFailure(handle.db, { email: user.email, ipHash: `ip-${i}` }, minutes(0));
    const signIn = (at: Date) =>
      authenticate(handle.db, { email: user.email, password: TEST_PASSWORD, ip: '198.51.100.20', ipHash: 'x', userAgent: 'vitest' }, at);
    expect(await signIn(minutes(1))).toEqual({ ok: false, code: 'throttled' });
    expect((await signIn(minutes(6))).ok).toBe(true);
  });

  it('counts per address too, across different accounts, with a higher ceiling', async () => {
    await failTimes({ email: 'nobody-1@joinder.test', ipHash: 'shared-ip' }, MAX_FAILURES_PER_IP_PER_HOUR, minutes(0));
    expect(await checkSignInThrottle(handle.db, { email: 'someone-else@joinder.test', ipHash: 'shared-ip' }, minutes(1))).toMatchObject({
      isThrottled: true,
      scope: 'ip',
    });
    expect(await isSignInThrottled(handle.db, { email: 'someone-else@joinder.test', ipHash: 'other-ip' }, minutes(1))).toBe(false);
  });

  it('puts every address of one IPv6 /64 in one bucket, and different /64s and IPv4 addresses in their own', () => {
    expect(ipBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipSubject('2001:db8:1:2::5')).toBe(ipSubject('2001:db8:1:2:9:8:7:6'));
    expect(ipSubject('2001:db8:1:3::5')).not.toBe(ipSubject('2001:db8:1:2::5'));
    expect(ipSubject('203.0.113.7')).not.toBe(ipSubject('203.0.113.8'));
  });

  it('counts failures from a rotating IPv6 address against its /64, so rotating does not escape the ceiling', async () => {
    const attempt = (ip: string, at: Date) =>
      authenticate(handle.db, { email: 'v6-victim@joinder.test', password: 'x', ip, ipHash: 'unused', userAgent: 'vitest' }, at);
    for (let i = 1; i <= 5; i++) await attempt(`2001:db8:77:1:${i.toString(16)}::1`, minutes(0));
    const [{ n }] = await handle.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.scope, 'ip'), eq(loginAttempts.subject, ipSubject('2001:db8:77:1::'))));
    expect(n).toBe(5);
    await failTimes({ email: 'filler@joinder.test', ipHash: ipSubject('2001:db8:77:1::') }, MAX_FAILURES_PER_IP_PER_HOUR, minutes(0));
    expect(await attempt('2001:db8:77:1:dead:beef:0:1', minutes(1))).toEqual({ ok: false, code: 'throttled' });
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
