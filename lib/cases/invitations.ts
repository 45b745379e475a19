import { and, eq, gt, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, type CaseRole, authTokens, caseInvitations, cases, totpRecoveryCodes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { activateAcceptedInvitations } from '@/lib/auth/activate-invitations';
import { restartSessionsAfterRoleChange, revokeAllSessions } from '@/lib/auth/sessions';
import { createToken, sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { queueMail } from '@/lib/mail/outbox';
import { passwordFieldError } from '@/lib/users/accounts';
import { normalizeEmail } from '@/lib/format/contact';

/**
 * The invitation flow (issue 17, item 3). A role never reaches an account through its address
 * alone, since anyone can register an address first: the address is mailed a link, its holder
 * opens it and proves the account is theirs (signing in to a proved account, or choosing the
 * password of a new or never-proved one, which ends every session an earlier registrant held),
 * and the membership is created only once that account has two-step sign-in.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Actor = { userId: string; ip: string };
type CaseTitles = Pick<Case, 'id' | 'titleKo' | 'titleEn'>;

/** A new invitation for the address, replacing any earlier one to the same case not yet accepted. */
export async function createInvitation(
  tx: Database,
  actor: Actor,
  caseRow: CaseTitles,
  input: { email: string; role: CaseRole; locale: Locale },
  appUrl: string,
  now = new Date(),
): Promise<void> {
  const email = normalizeEmail(input.email);
  await tx
    .delete(caseInvitations)
    .where(and(eq(caseInvitations.caseId, caseRow.id), eq(caseInvitations.email, email), isNull(caseInvitations.acceptedAt)));
  // The live token is minted when the mail is sent (lib/mail/tokens.ts); the row starts with the
  // hash of a value nobody keeps.
  const [created] = await tx
    .insert(caseInvitations)
    .values({
      caseId: caseRow.id,
      email,
      role: input.role,
      tokenHash: createToken().tokenHash,
      invitedByUserId: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    })
    .returning({ id: caseInvitations.id });
  await queueMail(tx, {
    to: email,
    locale: input.locale,
    template: 'membershipInvite',
    params: { caseTitle: input.locale === 'ko' ? caseRow.titleKo : caseRow.titleEn },
    token: { kind: 'invitation', id: created.id, links: { link: `${appUrl}/invitations/accept` } },
  });
  await recordAudit(tx, {
    action: 'membership.invited',
    actorUserId: actor.userId,
    caseId: caseRow.id,
    subjectType: 'invitation',
    subjectId: created.id,
    ip: actor.ip,
    details: { role: input.role },
  });
}

export type InvitationView = {
  caseTitleKo: string;
  caseTitleEn: string;
  role: CaseRole;
  email: string;
  /** `proved`: sign in to that account to accept; otherwise the holder chooses a password here. */
  account: 'none' | 'unproved' | 'proved';
  accountUserId: string | null;
};

/** What the invitation page shows for a token: nothing for an unknown, used or expired one. */
export async function findInvitation(db: Database, token: string, now = new Date()): Promise<InvitationView | null> {
  const [row] = await db
    .select({ invitation: caseInvitations, titleKo: cases.titleKo, titleEn: cases.titleEn })
    .from(caseInvitations)
    .innerJoin(cases, eq(cases.id, caseInvitations.caseId))
    .where(and(eq(caseInvitations.tokenHash, sha256Hex(token)), isNull(caseInvitations.acceptedAt), gt(caseInvitations.expiresAt, now)));
  if (!row) return null;
  const [user] = await db
    .select({ id: users.id, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.email, row.invitation.email));
  return {
    caseTitleKo: row.titleKo,
    caseTitleEn: row.titleEn,
    role: row.invitation.role,
    email: row.invitation.email,
    account: !user ? 'none' : user.verifiedAt ? 'proved' : 'unproved',
    accountUserId: user?.id ?? null,
  };
}

export type AcceptInput = {
  token: string;
  /** The signed-in session, if any: needed to accept into an account whose address is proved. */
  session: { userId: string; sessionId: string } | null;
  /** For a new account, or one whose address nobody proved: the password (and name) its holder chooses now. */
  name?: string;
  password?: string;
  locale: Locale;
  ip: string;
};

export type AcceptOutcome = { status: 'active' | 'needs_two_factor'; mustSignIn: boolean };

const invalidInvitation = () => new AppError('invalid_input', { messageKey: 'invitations.invalid' });

export async function acceptInvitation(db: Database, input: AcceptInput, now = new Date()): Promise<AcceptOutcome> {
  const preview = await findInvitation(db, input.token, now);
  if (!preview) throw invalidInvitation();
  const choosesPassword = preview.account !== 'proved';
  if (choosesPassword) {
    const fieldErrors = {
      ...(!input.password ? { password: 'validation.required' } : passwordFieldError(input.password, preview.email)),
      ...(preview.account === 'none' && !input.name?.trim() ? { name: 'validation.required' } : {}),
    };
    if (Object.keys(fieldErrors).length) throw new AppError('invalid_input', { fieldErrors });
  } else if (input.session?.userId !== preview.accountUserId) {
    throw new AppError('unauthenticated', { messageKey: 'invitations.signInAs' });
  }
  const passwordHash = choosesPassword ? await hashPassword(input.password!) : null;

  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(caseInvitations)
      .where(
        and(eq(caseInvitations.tokenHash, sha256Hex(input.token)), isNull(caseInvitations.acceptedAt), gt(caseInvitations.expiresAt, now)),
      )
      .for('update');
    if (!invitation) throw invalidInvitation();
    let [user] = await tx.select().from(users).where(eq(users.email, invitation.email)).for('update');
    if (user?.emailVerifiedAt) {
      // Decided from the locked rows, not the preview: the account may have changed in between.
      if (input.session?.userId !== user.id) throw new AppError('unauthenticated', { messageKey: 'invitations.signInAs' });
    } else {
      if (!passwordHash) throw invalidInvitation();
      if (user) {
        // Whoever registered this address before cannot have read the mail: their password,
        // second factor, sessions and pending links all end, and the holder's take their place.
        [user] = await tx
          .update(users)
          .set({
            passwordHash,
            name: input.name?.trim() || user.name,
            emailVerifiedAt: now,
            totpEnabledAt: null,
            totpSecretEncrypted: null,
            totpLastTimeStep: null,
          })
          .where(eq(users.id, user.id))
          .returning();
        await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, user.id));
        await tx
          .update(authTokens)
          .set({ usedAt: now })
          .where(and(eq(authTokens.userId, user.id), isNull(authTokens.usedAt)));
        await revokeAllSessions(tx, user.id, now);
      } else {
        [user] = await tx
          .insert(users)
          .values({
            email: invitation.email,
            name: input.name!.trim(),
            passwordHash,
            locale: input.locale,
            emailVerifiedAt: now,
          })
          .returning();
      }
    }
    await tx.update(caseInvitations).set({ acceptedAt: now, acceptedUserId: user.id }).where(eq(caseInvitations.id, invitation.id));
    await recordAudit(tx, {
      action: 'membership.accepted',
      actorUserId: user.id,
      caseId: invitation.caseId,
      subjectType: 'invitation',
      subjectId: invitation.id,
      ip: input.ip,
      details: { role: invitation.role, account: choosesPassword ? 'password_chosen' : 'signed_in' },
    });
    const keepSessionId = choosesPassword ? null : (input.session?.sessionId ?? null);
    const activated = user.totpEnabledAt ? await activateAcceptedInvitations(tx, { userId: user.id, keepSessionId, ip: input.ip }, now) : 0;
    // Other sessions end on acceptance too, even while the role waits for two-step sign-in.
    if (!activated) await restartSessionsAfterRoleChange(tx, user.id, now, keepSessionId);
    return { status: activated ? 'active' : 'needs_two_factor', mustSignIn: keepSessionId === null };
  });
}

/** Whether the user accepted an invitation that waits for two-step sign-in (the security page opens to them). */
export async function hasInvitationAwaitingTwoFactor(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: caseInvitations.id })
    .from(caseInvitations)
    .where(and(eq(caseInvitations.acceptedUserId, userId), isNull(caseInvitations.activatedAt)))
    .limit(1);
  return Boolean(row);
}

/** Open invitations of a case, for its settings page: address, role, sent, accepted. */
export async function listOpenInvitations(db: Database, caseId: string, now = new Date()) {
  return db
    .select({
      id: caseInvitations.id,
      email: caseInvitations.email,
      role: caseInvitations.role,
      createdAt: caseInvitations.createdAt,
      acceptedAt: caseInvitations.acceptedAt,
    })
    .from(caseInvitations)
    .where(
      and(
        eq(caseInvitations.caseId, caseId),
        isNull(caseInvitations.activatedAt),
        or(isNotNull(caseInvitations.acceptedAt), gt(caseInvitations.expiresAt, now)),
      ),
    )
    .orderBy(caseInvitations.createdAt);
}
