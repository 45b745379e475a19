import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, createTestUser, grantCaseRole } from '@/tests/helpers/users';
import {
  CLAIMANT_ABSOLUTE_MS,
  STAFF_ABSOLUTE_MS,
  STAFF_IDLE_MS,
  checkSession,
  isStaffUser,
  revokeAllSessions,
  startSession,
} from './sessions';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

const T0 = new Date('2026-03-02T09:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function newSession(isStaff: boolean) {
  const user = await createTestUser(handle.db);
  const session = await startSession(handle.db, { userId: user.id, isStaff, ipHash: 'ip', userAgent: 'vitest' }, T0);
  return { user, session, check: (now: Date) => checkSession(handle.db, session.id, user.id, now) };
}

describe('staff sessions (ASVS 3.3)', () => {
  it('uses 30 minutes idle and 12 hours absolute', () => {
    expect(STAFF_IDLE_MS).toBe(30 * MINUTE);
    expect(STAFF_ABSOLUTE_MS).toBe(12 * HOUR);
  });

  it('slides while in use and ends after 30 minutes without a request', async () => {
    const { check } = await newSession(true);
    expect((await check(after(29 * MINUTE))).ok).toBe(true);
    // Activity at 29 minutes moved the idle window: 58 minutes after the start is 29 after the last request.
    expect((await check(after(58 * MINUTE))).ok).toBe(true);
    expect(await check(after(58 * MINUTE + STAFF_IDLE_MS + 1))).toEqual({ ok: false, reason: 'idle' });
    // Ending for idleness revokes it: coming back "active" does not revive it.
    expect(await check(after(60 * MINUTE))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('ends after 12 hours however active the person was', async () => {
    const { check } = await newSession(true);
    for (let at = 20 * MINUTE; at < STAFF_ABSOLUTE_MS; at += 20 * MINUTE) expect((await check(after(at))).ok).toBe(true);
    expect(await check(after(STAFF_ABSOLUTE_MS))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('claimant sessions', () => {
  it('survive days of inactivity (a claim is finished over weeks) and end after 30 days', async () => {
    const { check } = await newSession(false);
    expect((await check(after(3 * 24 * HOUR))).ok).toBe(true);
    expect(await check(after(CLAIMANT_ABSOLUTE_MS))).toEqual({ ok: false, reason: 'expired' });
  });

  it('never validate for another user id than their own', async () => {
    const { session } = await newSession(false);
    const other = await createTestUser(handle.db);
    expect(await checkSession(handle.db, session.id, other.id, after(MINUTE))).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('revocation and staff detection', () => {
  it('ends every session of a user at once (after a password reset)', async () => {
    const { user, check } = await newSession(true);
    const second = await startSession(handle.db, { userId: user.id, isStaff: true, ipHash: 'ip', userAgent: 'vitest' }, T0);
    await revokeAllSessions(handle.db, user.id, after(MINUTE));
    expect(await check(after(2 * MINUTE))).toEqual({ ok: false, reason: 'revoked' });
    expect(await checkSession(handle.db, second.id, user.id, after(2 * MINUTE))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('treats case members and platform admins as staff, claimants not', async () => {
    const found = await createTestCase(handle.db);
    const lawyer = await createTestUser(handle.db);
    await grantCaseRole(handle.db, found.id, lawyer.id, 'organizer');
    const admin = await createTestUser(handle.db, { isPlatformAdmin: true });
    const claimant = await createTestUser(handle.db);
    expect(await isStaffUser(handle.db, lawyer.id)).toBe(true);
    expect(await isStaffUser(handle.db, admin.id)).toBe(true);
    expect(await isStaffUser(handle.db, claimant.id)).toBe(false);
  });
});
