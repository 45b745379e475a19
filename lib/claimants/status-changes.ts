import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimantStatus, claimantMessages, claimants, reviews } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { cureOpenNotices } from '@/lib/deficiencies/cure-and-expire';
import { AppError } from '@/lib/errors';
import type { OwnClaimant } from './draft';

export type ClaimantActor = { userId: string; ip: string };

/**
 * Answers counsel's request for information: the message joins the thread and the claim goes
 * back to `submitted` for review, in one transaction with its status-change and audit rows.
 * Files and an amended statement are added through the wizard while the request is open.
 */
export async function answerInfoRequest(
  db: Database,
  input: { claimant: OwnClaimant; message: string; actor: ClaimantActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(claimants)
      .set({ status: 'submitted', lastActivityAt: sql`now()`, version: sql`${claimants.version} + 1` })
      .where(and(eq(claimants.id, input.claimant.id), eq(claimants.userId, input.claimant.userId), eq(claimants.status, 'needs_info')))
      .returning({ id: claimants.id, caseId: claimants.caseId });
    if (!updated) throw new AppError('conflict', { messageKey: 'claimant.answer.notRequested' });
    const [message] = await tx
      .insert(claimantMessages)
      .values({
        claimantId: updated.id,
        caseId: updated.caseId,
        direction: 'from_claimant',
        authorId: input.actor.userId,
        body: input.message,
      })
      .returning({ id: claimantMessages.id });
    await tx.insert(reviews).values({
      claimantId: updated.id,
      caseId: updated.caseId,
      reviewerId: input.actor.userId,
      fromStatus: 'needs_info',
      toStatus: 'submitted',
      reason: '',
    });
    // An answer in time cures an open deficiency notice (lib/deficiencies).
    await cureOpenNotices(tx, { caseId: updated.caseId, claimantId: updated.id, actorId: input.actor.userId, ip: input.actor.ip });
    await recordAudit(tx, {
      action: 'claim.answered',
      actorUserId: input.actor.userId,
      caseId: updated.caseId,
      subjectType: 'claimant',
      subjectId: updated.id,
      ip: input.actor.ip,
      details: { messageId: message.id, length: input.message.length },
    });
  });
}

const WITHDRAWABLE: ClaimantStatus[] = ['draft', 'submitted', 'needs_info', 'verified', 'rejected'];

/**
 * Withdraws the claim: the counts drop at once (the rollup triggers follow the status) and
 * nothing is deleted — a claim already on a filing stays there, marked withdrawn, for counsel.
 */
export async function withdrawClaim(db: Database, input: { claimant: OwnClaimant; reason: string; actor: ClaimantActor }): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: claimants.id, status: claimants.status, caseId: claimants.caseId, isOnFiling: claimants.isOnFiling })
      .from(claimants)
      .where(and(eq(claimants.id, input.claimant.id), eq(claimants.userId, input.claimant.userId), inArray(claimants.status, WITHDRAWABLE)))
      .for('update');
    if (!current) throw new AppError('conflict', { messageKey: 'claimant.withdraw.notPossible' });
    const now = new Date();
    await tx
      .update(claimants)
      .set({
        status: 'withdrawn',
        withdrawnAt: now,
        withdrawalReason: input.reason,
        lastActivityAt: now,
        version: sql`${claimants.version} + 1`,
      })
      .where(eq(claimants.id, current.id));
    await tx.insert(reviews).values({
      claimantId: current.id,
      caseId: current.caseId,
      reviewerId: input.actor.userId,
      fromStatus: current.status,
      toStatus: 'withdrawn',
      reason: input.reason,
    });
    await recordAudit(tx, {
      action: 'claim.withdrawn',
      actorUserId: input.actor.userId,
      caseId: current.caseId,
      subjectType: 'claimant',
      subjectId: current.id,
      ip: input.actor.ip,
      details: { fromStatus: current.status, isOnFiling: current.isOnFiling },
    });
  });
}
