import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type UserSession, caseMemberships, userSessions, users } from '@/db/schema';

/** Staff (lawyers, organizers, admins): 30 minutes idle, 12 hours absolute (ASVS 3.3). */
export const STAFF_IDLE_MS = 30 * 60 * 1000;
export const STAFF_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Claimants come back over weeks to finish their file; their sessions last 30 days. */
export const CLAIMANT_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export async function isStaffUser(db: Database, userId: string): Promise<boolean> {
  const [user] = await db.select({ isPlatformAdmin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId));
  if (user?.isPlatformAdmin) return true;
  const [membership] = await db.select({ id: caseMemberships.id }).from(caseMemberships).where(eq(caseMemberships.userId, userId)).limit(1);
  return Boolean(membership);
}

export async function startSession(
  db: Database,
  input: { userId: string; isStaff: boolean; ipHash: string; userAgent: string },
  now = new Date(),
): Promise<UserSession> {
  const lifetime = input.isStaff ? STAFF_ABSOLUTE_MS : CLAIMANT_ABSOLUTE_MS;
  const [session] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      isStaff: input.isStaff,
      ipHash: input.ipHash,
      userAgent: input.userAgent.slice(0, 512),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
    })
    .returning();
  return session;
}

export type SessionCheck = { ok: true; session: UserSession } | { ok: false; reason: 'missing' | 'revoked' | 'expired' | 'idle' };

/** Validates a session id from the JWT and slides its idle window. */
export async function checkSession(db: Database, sessionId: string, userId: string, now = new Date()): Promise<SessionCheck> {
  const [session] = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)));
  if (!session) return { ok: false, reason: 'missing' };
  if (session.revokedAt) return { ok: false, reason: 'revoked' };
  if (session.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (session.isStaff && now.getTime() - session.lastSeenAt.getTime() > STAFF_IDLE_MS) {
    await revokeSession(db, session.id, now);
    return { ok: false, reason: 'idle' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, session.id));
  }
  return { ok: true, session };
}

export async function revokeSession(db: Database, sessionId: string, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** After a password reset or role change every session of the user ends. */
export async function revokeAllSessions(db: Database, userId: string, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/**
 * After a change of roles (issue 17, item 10): a session's kind (staff: idle and absolute limits;
 * claimant: 30 days) was fixed at sign-in, so every session of the user ends — except, when
 * given, the one making the change on the user's own behalf (accepting an invitation, turning on
 * two-step sign-in), which is re-derived in place: staff kind, lifetime cut to the staff limit.
 */
export async function restartSessionsAfterRoleChange(
  db: Database,
  userId: string,
  now = new Date(),
  keepSessionId: string | null = null,
): Promise<void> {
  if (!keepSessionId) return revokeAllSessions(db, userId, now);
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), ne(userSessions.id, keepSessionId)));
  const isStaff = await isStaffUser(db, userId);
  const staffEnd = new Date(now.getTime() + STAFF_ABSOLUTE_MS).toISOString();
  await db
    .update(userSessions)
    .set({
      isStaff,
      lastSeenAt: now,
      ...(isStaff ? { expiresAt: sql`least(${userSessions.expiresAt}, ${staffEnd}::timestamptz)` } : {}),
    })
    .where(and(eq(userSessions.id, keepSessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}
