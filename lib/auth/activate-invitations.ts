import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseInvitations, caseMemberships } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { restartSessionsAfterRoleChange } from './sessions';

/**
 * Turns the user's accepted invitations into memberships, once the account has two-step sign-in
 * (called in the same transaction that turns it on). Every other session of the user ends; the
 * one given is re-derived as a staff session.
 */
export async function activateAcceptedInvitations(
  tx: Database,
  input: { userId: string; keepSessionId: string | null; ip: string | null },
  now = new Date(),
): Promise<number> {
  const accepted = await tx
    .select()
    .from(caseInvitations)
    .where(
      and(eq(caseInvitations.acceptedUserId, input.userId), isNotNull(caseInvitations.acceptedAt), isNull(caseInvitations.activatedAt)),
    )
    .for('update');
  for (const invitation of accepted) {
    const [existing] = await tx
      .select()
      .from(caseMemberships)
      .where(and(eq(caseMemberships.caseId, invitation.caseId), eq(caseMemberships.userId, input.userId)));
    await tx
      .insert(caseMemberships)
      .values({ caseId: invitation.caseId, userId: input.userId, role: invitation.role })
      .onConflictDoUpdate({ target: [caseMemberships.caseId, caseMemberships.userId], set: { role: invitation.role } });
    await tx.update(caseInvitations).set({ activatedAt: now }).where(eq(caseInvitations.id, invitation.id));
    await recordAudit(tx, {
      action: existing ? 'membership.changed' : 'membership.granted',
      actorUserId: invitation.invitedByUserId,
      caseId: invitation.caseId,
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.ip,
      details: { role: invitation.role, previousRole: existing?.role ?? null, invitationId: invitation.id },
    });
  }
  if (accepted.length) await restartSessionsAfterRoleChange(tx, input.userId, now, input.keepSessionId);
  return accepted.length;
}
