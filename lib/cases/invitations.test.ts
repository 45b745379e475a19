import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, caseInvitations, caseMemberships, mailOutbox, userSessions, users } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { findCaseRole } from '@/lib/auth/guards';
import { checkSession, startSession } from '@/lib/auth/sessions';
import { authenticate } from '@/lib/auth/sign-in';
import { confirmTotpEnrollment, getTwoFactorStatus, startTotpEnrollment } from '@/lib/auth/two-factor';
import { registerUser } from '@/lib/users/accounts';
import { setupTestDatabase } from '@/tests/helpers/database';
import { deliverQueuedMail } from '@/tests/helpers/mail';
import { TEST_PASSWORD, createTestCase, createTestUser, grantCaseRole } from '@/tests/helpers/users';
import { grantMembership, revokeMembership } from './admin';
import { activateAcceptedInvitations } from '@/lib/auth/activate-invitations';
import { acceptInvitation, findInvitation, hasInvitationAwaitingTwoFactor } from './invitations';

/**
 * Issue 17, item 3 (account pre-hijacking through role grants) and item 10 (sessions end on
 * every membership change), against a real database.
 */
let handle: DatabaseHandle;
let adminId: string;
const APP = 'https://joinder.example';
const actor = () => ({ userId: adminId, ip: '198.51.100.7' });

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedDemoCase(handle.db);
  [{ id: adminId }] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@joinder.test'));
});

async function newCase() {
  const found = await createTestCase(handle.db);
  return { id: found.id, titleKo: '시험 사건', titleEn: 'Test case' };
}

async function invitationTokenMailedTo(email: string): Promise<string> {
  await deliverQueuedMail(handle.db);
  const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
  const token = mails
    .filter((mail) => mail.template === 'membershipInvite')
    .at(-1)
    ?.textBody?.match(/\/invitations\/accept\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}

const session = (userId: string) => startSession(handle.db, { userId, isStaff: false, ipHash: 'ip', userAgent: 'vitest' });
const isOpen = async (sessionId: string, userId: string) => (await checkSession(handle.db, sessionId, userId)).ok;

/** Turns two-step sign-in on as the security page does, activating waiting invitations in the same transaction. */
async function turnOnTwoFactor(userId: string, keepSessionId: string | null, password = TEST_PASSWORD) {
  await startTotpEnrollment(handle.db, { userId, password, ip: null });
  const status = await getTwoFactorStatus(handle.db, userId);
  if (status.state !== 'pending') throw new Error('enrolment did not start');
  await confirmTotpEnrollment(handle.db, { userId, code: await generate({ secret: status.secret }), ip: null }, new Date(), (tx) =>
    activateAcceptedInvitations(tx, { userId, keepSessionId, ip: null }),
  );
}

describe('role grants go through the invitation flow', () => {
  it('gives an address registered first by someone else no role, and lets the mailbox holder take the account over', async () => {
    const caseRow = await newCase();
    // The attacker registers the invitee's address before the admin invites it (never verified).
    const attacker = await registerUser(
      handle.db,
      { name: 'Mallory', email: 'invitee-1@example.kr', password: 'attacker passphrase 1', locale: 'ko' },
      { appUrl: APP },
    );
    const attackerSession = await session(attacker.id);
    expect(await grantMembership(handle.db, actor(), caseRow, { email: 'Invitee-1@Example.kr', name: '', role: 'lawyer' }, APP)).toBe(
      'invited',
    );
    // Today's main made the attacker's account a lawyer here, with no mail and no proof.
    expect(await findCaseRole(handle.db, { id: attacker.id, isPlatformAdmin: false }, caseRow.id)).toBeNull();

    const token = await invitationTokenMailedTo('invitee-1@example.kr');
    expect(await findInvitation(handle.db, token)).toMatchObject({ account: 'unproved', role: 'lawyer' });
    const outcome = await acceptInvitation(handle.db, {
      token,
      session: null,
      name: '정변호',
      password: 'the real holder passphrase',
      locale: 'ko',
      ip: '203.0.113.9',
    });
    expect(outcome).toEqual({ status: 'needs_two_factor', mustSignIn: true });
    // The earlier registrant is out: password replaced, session ended, address now proved.
    expect(await isOpen(attackerSession.id, attacker.id)).toBe(false);
    expect(
      await authenticate(handle.db, { email: 'invitee-1@example.kr', password: 'attacker passphrase 1', ipHash: 'x', userAgent: 'v' }),
    ).toEqual({ ok: false, code: 'invalid' });
    const [holder] = await handle.db.select().from(users).where(eq(users.id, attacker.id));
    expect(holder.emailVerifiedAt).not.toBeNull();
    // Still no role until two-step sign-in is on; the security page is open to them meanwhile.
    expect(await findCaseRole(handle.db, { id: holder.id, isPlatformAdmin: false }, caseRow.id)).toBeNull();
    expect(await hasInvitationAwaitingTwoFactor(handle.db, holder.id)).toBe(true);

    const signedIn = await authenticate(handle.db, {
      email: 'invitee-1@example.kr',
      password: 'the real holder passphrase',
      ipHash: 'x',
      userAgent: 'v',
    });
    if (!signedIn.ok) throw new Error('the holder could not sign in');
    const elsewhere = await session(holder.id);
    await turnOnTwoFactor(holder.id, signedIn.sessionId, 'the real holder passphrase');
    expect(await findCaseRole(handle.db, { id: holder.id, isPlatformAdmin: false }, caseRow.id)).toBe('lawyer');
    // Item 10: the other session ended; this one is now a staff session.
    expect(await isOpen(elsewhere.id, holder.id)).toBe(false);
    const [kept] = await handle.db.select().from(userSessions).where(eq(userSessions.id, signedIn.sessionId));
    expect(kept).toMatchObject({ isStaff: true, revokedAt: null });
    expect(kept.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 12 * 60 * 60 * 1000 + 1000);
    expect(await hasInvitationAwaitingTwoFactor(handle.db, holder.id)).toBe(false);

    const trail = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.caseId, caseRow.id));
    expect(trail.map((row) => row.action)).toEqual(['membership.invited', 'membership.accepted', 'membership.granted']);
    // The link works once.
    await expect(
      acceptInvitation(handle.db, { token, session: null, name: 'x', password: 'another passphrase 22', locale: 'ko', ip: 'x' }),
    ).rejects.toMatchObject({ messageKey: 'invitations.invalid' });
  });

  it('creates no account for an unknown address until its holder opens the link', async () => {
    const caseRow = await newCase();
    expect(
      await grantMembership(handle.db, actor(), caseRow, { email: 'fresh-invitee@example.kr', name: '', role: 'organizer' }, APP),
    ).toBe('invited');
    expect(await handle.db.select().from(users).where(eq(users.email, 'fresh-invitee@example.kr'))).toEqual([]);
    const token = await invitationTokenMailedTo('fresh-invitee@example.kr');
    await expect(
      acceptInvitation(handle.db, { token, session: null, name: '', password: 'short', locale: 'en', ip: 'x' }),
    ).rejects.toMatchObject({ fieldErrors: { name: 'validation.required', password: 'validation.password.tooShort' } });
    await acceptInvitation(handle.db, {
      token,
      session: null,
      name: '새 활동가',
      password: 'organizer passphrase 3',
      locale: 'en',
      ip: 'x',
    });
    const [created] = await handle.db.select().from(users).where(eq(users.email, 'fresh-invitee@example.kr'));
    expect(created).toMatchObject({ name: '새 활동가', locale: 'en' });
    expect(created.emailVerifiedAt).not.toBeNull();
  });

  it('asks a proved account to be signed in as itself, and activates at once when two-step sign-in is already on', async () => {
    const caseRow = await newCase();
    const owner = await createTestUser(handle.db, { emailVerifiedAt: new Date() });
    const stranger = await createTestUser(handle.db, { emailVerifiedAt: new Date() });
    await turnOnTwoFactor(owner.id, null);
    await grantMembership(handle.db, actor(), caseRow, { email: owner.email, name: '', role: 'lawyer' }, APP);
    const token = await invitationTokenMailedTo(owner.email);
    const strangerSession = await session(stranger.id);
    await expect(
      acceptInvitation(handle.db, {
        token,
        session: { userId: stranger.id, sessionId: strangerSession.id },
        password: 'stranger chooses this',
        locale: 'ko',
        ip: 'x',
      }),
    ).rejects.toMatchObject({ code: 'unauthenticated', messageKey: 'invitations.signInAs' });
    const ownSession = await session(owner.id);
    const otherDevice = await session(owner.id);
    expect(
      await acceptInvitation(handle.db, { token, session: { userId: owner.id, sessionId: ownSession.id }, locale: 'ko', ip: 'x' }),
    ).toEqual({ status: 'active', mustSignIn: false });
    expect(await findCaseRole(handle.db, { id: owner.id, isPlatformAdmin: false }, caseRow.id)).toBe('lawyer');
    expect(await isOpen(otherDevice.id, owner.id)).toBe(false);
    expect(await isOpen(ownSession.id, owner.id)).toBe(true);
    // The password was not touched: it is still accepted (and the code asked for next).
    expect(await authenticate(handle.db, { email: owner.email, password: TEST_PASSWORD, ipHash: 'x', userAgent: 'v' })).toEqual({
      ok: false,
      code: 'totp_required',
    });
  });

  it('changes the role of a proved member with two-step sign-in at once, tells them, and ends their sessions', async () => {
    const caseRow = await newCase();
    const member = await createTestUser(handle.db, { emailVerifiedAt: new Date() });
    await turnOnTwoFactor(member.id, null);
    await grantCaseRole(handle.db, caseRow.id, member.id, 'organizer');
    const open = await session(member.id);
    expect(await grantMembership(handle.db, actor(), caseRow, { email: member.email, name: '', role: 'lawyer' }, APP)).toBe('changed');
    expect(await findCaseRole(handle.db, { id: member.id, isPlatformAdmin: false }, caseRow.id)).toBe('lawyer');
    expect(await isOpen(open.id, member.id)).toBe(false);
    const [notice] = await handle.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, member.email), eq(mailOutbox.template, 'membershipChanged')));
    expect(notice).toBeTruthy();
  });

  it('sends a member without two-step sign-in through the invitation again for a new role, keeping the old one meanwhile', async () => {
    const caseRow = await newCase();
    const member = await createTestUser(handle.db, { emailVerifiedAt: new Date() });
    await grantCaseRole(handle.db, caseRow.id, member.id, 'organizer');
    expect(await grantMembership(handle.db, actor(), caseRow, { email: member.email, name: '', role: 'admin' }, APP)).toBe('invited');
    expect(await findCaseRole(handle.db, { id: member.id, isPlatformAdmin: false }, caseRow.id)).toBe('organizer');
    expect(await handle.db.$count(caseInvitations, eq(caseInvitations.email, member.email))).toBe(1);
  });

  it('ends every session of a removed member (item 10)', async () => {
    const caseRow = await newCase();
    const member = await createTestUser(handle.db, { emailVerifiedAt: new Date() });
    await grantCaseRole(handle.db, caseRow.id, member.id, 'lawyer');
    const open = await startSession(handle.db, { userId: member.id, isStaff: true, ipHash: 'ip', userAgent: 'vitest' });
    const [membership] = await handle.db
      .select()
      .from(caseMemberships)
      .where(and(eq(caseMemberships.caseId, caseRow.id), eq(caseMemberships.userId, member.id)));
    await revokeMembership(handle.db, actor(), caseRow.id, membership.id);
    expect(await isOpen(open.id, member.id)).toBe(false);
  });

  it('refuses an expired invitation', async () => {
    const caseRow = await newCase();
    await grantMembership(handle.db, actor(), caseRow, { email: 'late@example.kr', name: '', role: 'lawyer' }, APP);
    const token = await invitationTokenMailedTo('late@example.kr');
    const eightDaysLater = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await findInvitation(handle.db, token, eightDaysLater)).toBeNull();
    await expect(
      acceptInvitation(
        handle.db,
        { token, session: null, name: 'x', password: 'late passphrase 12', locale: 'ko', ip: 'x' },
        eightDaysLater,
      ),
    ).rejects.toMatchObject({ messageKey: 'invitations.invalid' });
  });
});
