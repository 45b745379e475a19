import { z } from 'zod';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimantStatus, claimants, deficiencyNotices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { defineCron, defineJobKind } from '@/lib/jobs/define';

/**
 * The claimant answered counsel's request (inside their answer's transaction): an open notice
 * still within its deadline is cured. One already past its deadline is expired instead — a late
 * answer is read by counsel, but it does not undo the deadline.
 */
export async function cureOpenNotices(tx: Database, input: { caseId: string; claimantId: string; actorId: string; ip: string | null }) {
  const now = new Date();
  const cured = await tx
    .update(deficiencyNotices)
    .set({ status: 'cured', curedAt: now })
    .where(
      and(
        eq(deficiencyNotices.claimantId, input.claimantId),
        eq(deficiencyNotices.caseId, input.caseId),
        eq(deficiencyNotices.status, 'open'),
        gte(deficiencyNotices.deadlineAt, now),
      ),
    )
    .returning({ id: deficiencyNotices.id });
  for (const notice of cured)
    await recordAudit(tx, {
      action: 'deficiency.cured',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'claimant',
      subjectId: input.claimantId,
      ip: input.ip,
      details: { noticeId: notice.id },
    });
  await expireOverdueNotices(tx, { now, claimantId: input.claimantId });
}

/**
 * The sweep. An open notice past its deadline whose claimant still owes the answer, or answered
 * only after it (`needs_info`, `submitted`), expires: the claimant is deficient and out of the next
 * round until counsel verifies them again. An open notice whose claimant counsel has decided
 * otherwise (verified, rejected) or who withdrew is closed. The rows are updated in one statement
 * each, in the caller's transaction with their audit rows, so two sweeps at once expire a notice once.
 */
export async function expireOverdueNotices(
  db: Database,
  scope: { now: Date; caseId?: string; claimantId?: string },
): Promise<{ expired: number; closed: number }> {
  const inScope = and(
    eq(deficiencyNotices.status, 'open'),
    scope.caseId ? eq(deficiencyNotices.caseId, scope.caseId) : undefined,
    scope.claimantId ? eq(deficiencyNotices.claimantId, scope.claimantId) : undefined,
  );
  const withStatus = (statuses: ClaimantStatus[]) =>
    db.select({ id: claimants.id }).from(claimants).where(inArray(claimants.status, statuses));
  const expired = await db
    .update(deficiencyNotices)
    .set({ status: 'expired', expiredAt: scope.now })
    .where(and(inScope, lt(deficiencyNotices.deadlineAt, scope.now), inArray(deficiencyNotices.claimantId, withStatus(OWING))))
    .returning({ id: deficiencyNotices.id, caseId: deficiencyNotices.caseId, claimantId: deficiencyNotices.claimantId });
  for (const notice of expired)
    await recordAudit(db, {
      action: 'deficiency.expired',
      actorUserId: null,
      caseId: notice.caseId,
      subjectType: 'claimant',
      subjectId: notice.claimantId,
      details: { noticeId: notice.id },
    });
  const closed = await db
    .update(deficiencyNotices)
    .set({ status: 'closed', closedAt: scope.now })
    .where(and(inScope, inArray(deficiencyNotices.claimantId, withStatus(DECIDED))))
    .returning({ id: deficiencyNotices.id });
  return { expired: expired.length, closed: closed.length };
}

const OWING: ClaimantStatus[] = ['needs_info', 'submitted'];
const DECIDED: ClaimantStatus[] = ['verified', 'rejected', 'withdrawn'];

/** Sweeps every case: what the scheduled job runs. */
export async function sweepDeficiencies(db: Database, now = new Date()) {
  return db.transaction((transaction) => expireOverdueNotices(transaction, { now }));
}

export const DEFICIENCY_SWEEP_JOB = 'deficiencies.sweep';

const deficiencySweepKind = defineJobKind({ id: DEFICIENCY_SWEEP_JOB, payload: z.object({}), maxAttempts: 3, policy: 'stately' });

/** Every five minutes on the job queue: expiries do not wait for someone to open a page. */
export const deficiencySweepCron = defineCron(deficiencySweepKind, { cron: '*/5 * * * *', payload: {} }, async (_payload, _job, { db }) => {
  await sweepDeficiencies(db);
});
