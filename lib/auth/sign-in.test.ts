import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { hashPassword } from './password';
import { STAFF_ABSOLUTE_MS, STAFF_IDLE_MS, checkSession } from './sessions';
import { authenticate } from './sign-in';
import { MAX_STEP_UP_DELAY_MS, recordSignInFailure } from './throttle';
import { createTotpSecret } from './totp';

let handle: DatabaseHandle;
const PASSWORD = 'correct horse battery';

async function createUser(email: string, options: { totpSecretEncrypted?: string } = {}) {
  const [user] = await handle.db
    .insert(users)
    .values({
      email,
      name: '테스트',
      passwordHash: await hashPassword(PASSWORD),
      totpSecretEncrypted: options.totpSecretEncrypted,
      totpEnabledAt: options.totpSecretEncrypted ? new Date() : null,
    })
    .returning();
  return user;
}

const request = (ipHash = 'ip-a') => ({ ipHash, userAgent: 'vitest' });

beforeAll(async () => {
  handle = await setupTestDatabase();
});

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively on the email, and opens a session', async () => {
    await createUser('someone@example.kr');
    const result = await authenticate(handle.db, { email: '  Someone@Example.KR ', password: PASSWORD, ...request() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [session] = await handle.db.select().from(userSessions).where(eq(userSessions.id, result.sessionId));
    expect(session.userId).toBe(result.user.id);
    expect(session.isStaff).toBe(false);
  });

  it('answers the same "invalid" for a wrong password and an unknown email', async () => {
    await createUser('known@example.kr');
    expect(await authenticate(handle.db, { email: 'known@example.kr', password: 'wrong password!', ...request() })).toEqual({
      ok: false,
      code: 'invalid',
    });
    expect(await authenticate(handle.db, { email: 'nobody@example.kr', password: 'wrong password!', ...request() })).toEqual({
      ok: false,
      code: 'invalid',
    });
  });

  it('answers "invalid" for an address with a NUL or another control character, never a database error', async () => {
    for (const email of ['null\u0000byte@example.kr', 'bell\u0007@example.kr']) {
      expect(await authenticate(handle.db, { email, password: 'wrong password!', ...request() })).toEqual({ ok: false, code: 'invalid' });
    }
  });

  it('steps up after many failures instead of locking: the right password works once the short wait is over', async () => {
    await createUser('target@example.kr');
    const now = new Date();
    // 100 failures from 100 addresses, as a distributed guesser's: today's main locked the owner out for the hour.
    for (let attempt = 0; attempt < 100; attempt++)
      await recordSignInFailure(handle.db, { email: 'target@example.kr', ipHash: `ip-${attempt}` }, now);
    expect(await authenticate(handle.db, { email: 'target@example.kr', password: PASSWORD, ...request('fresh-ip') }, now)).toEqual({
      ok: false,
      code: 'throttled',
    });
    const afterTheWait = new Date(now.getTime() + MAX_STEP_UP_DELAY_MS + 1000);
    expect(
      (await authenticate(handle.db, { email: 'target@example.kr', password: PASSWORD, ...request('fresh-ip') }, afterTheWait)).ok,
    ).toBe(true);
  });

  it('requires a valid TOTP code when two-factor sign-in is on', async () => {
    const { secret, secretEncrypted } = createTotpSecret();
    await createUser('staff-2fa@example.kr', { totpSecretEncrypted: secretEncrypted });
    expect(await authenticate(handle.db, { email: 'staff-2fa@example.kr', password: PASSWORD, ...request() })).toEqual({
      ok: false,
      code: 'totp_required',
    });
    expect(await authenticate(handle.db, { email: 'staff-2fa@example.kr', password: PASSWORD, totp: '000000', ...request() })).toEqual({
      ok: false,
      code: 'totp_invalid',
    });
    const code = await generate({ secret });
    expect((await authenticate(handle.db, { email: 'staff-2fa@example.kr', password: PASSWORD, totp: code, ...request() })).ok).toBe(true);
  });
});

describe('sessions', () => {
  it('end for staff after 30 minutes idle and after 12 hours in any case', async () => {
    const user = await createUser('idle@example.kr');
    const start = new Date('2026-01-01T00:00:00Z');
    const [session] = await handle.db
      .insert(userSessions)
      .values({ userId: user.id, isStaff: true, lastSeenAt: start, expiresAt: new Date(start.getTime() + STAFF_ABSOLUTE_MS) })
      .returning();
    expect((await checkSession(handle.db, session.id, user.id, new Date(start.getTime() + STAFF_IDLE_MS - 1000))).ok).toBe(true);
    // Active every 20 minutes: the idle window slides, the absolute limit does not.
    let now = start;
    for (let step = 0; step < 35; step++) {
      now = new Date(now.getTime() + 20 * 60 * 1000);
      const check = await checkSession(handle.db, session.id, user.id, now);
      if (now.getTime() - start.getTime() >= STAFF_ABSOLUTE_MS) {
        expect(check).toEqual({ ok: false, reason: 'expired' });
        break;
      }
      expect(check.ok).toBe(true);
    }
    const [idle] = await handle.db
      .insert(userSessions)
      .values({ userId: user.id, isStaff: true, lastSeenAt: start, expiresAt: new Date(start.getTime() + STAFF_ABSOLUTE_MS) })
      .returning();
    expect(await checkSession(handle.db, idle.id, user.id, new Date(start.getTime() + STAFF_IDLE_MS + 1000))).toEqual({
      ok: false,
      reason: 'idle',
    });
    expect(await checkSession(handle.db, idle.id, user.id, new Date(start.getTime() + 1000))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('never accepts a session id with another user id', async () => {
    const owner = await createUser('owner@example.kr');
    const other = await createUser('other@example.kr');
    const [session] = await handle.db
      .insert(userSessions)
      .values({ userId: owner.id, expiresAt: new Date(Date.now() + 3600_000) })
      .returning();
    expect(await checkSession(handle.db, session.id, other.id)).toEqual({ ok: false, reason: 'missing' });
  });
});
