import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filings, jobs } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { FilingActor } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';

/** The filing's job row, found by its payload (the jobs table knows no domains). */
export function jobOfFiling(filingId: string) {
  return and(eq(jobs.kind, FILING_GENERATE_JOB), sql`${jobs.payload}->>'filingId' = ${filingId}`);
}

/**
 * Cancels a queued or running filing. The job is cancelled in the same transaction; the worker
 * sees either (its own status check or the runner's heartbeat) and stops, and its late result is
 * discarded because the commit only accepts a filing that is still running.
 */
export async function cancelFiling(db: Database, actor: FilingActor, caseId: string, version: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(filings)
      .set({ status: 'cancelled', cancelledAt: now, finishedAt: now })
      .where(and(eq(filings.caseId, caseId), eq(filings.version, version), inArray(filings.status, ['queued', 'running'])))
      .returning({ id: filings.id, progressDone: filings.progressDone, progressTotal: filings.progressTotal });
    if (!cancelled) {
      const [exists] = await tx
        .select({ id: filings.id })
        .from(filings)
        .where(and(eq(filings.caseId, caseId), eq(filings.version, version)));
      throw exists ? new AppError('conflict', { messageKey: 'filings.errors.notCancellable' }) : new AppError('not_found');
    }
    await tx
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: now, lockedBy: null })
      .where(and(jobOfFiling(cancelled.id), inArray(jobs.status, ['queued', 'running'])));
    await recordAudit(tx, {
      action: 'filing.cancelled',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'filing',
      subjectId: cancelled.id,
      ip: actor.ip,
      details: { version, progressDone: cancelled.progressDone, progressTotal: cancelled.progressTotal },
    });
  });
}
