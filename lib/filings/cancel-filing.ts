import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { cancelQueuedJob } from '@/lib/jobs/boss';
import { AppError } from '@/lib/errors';
import type { FilingActor } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';

/** Cancels the filing's pg-boss job (filings.job_id) in the caller's transaction; a filing from before pg-boss has none. */
export async function cancelFilingJob(db: Database, jobId: string | null): Promise<void> {
  if (jobId) await cancelQueuedJob(db, FILING_GENERATE_JOB, jobId);
}

/**
 * Cancels a queued or running filing. The job is cancelled in the same transaction; the worker
 * sees either (its own status check or pg-boss's heartbeat) and stops, and its late result is
 * discarded because the commit only accepts a filing that is still running.
 */
export async function cancelFiling(db: Database, actor: FilingActor, caseId: string, version: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(filings)
      .set({ status: 'cancelled', cancelledAt: now, finishedAt: now })
      .where(and(eq(filings.caseId, caseId), eq(filings.version, version), inArray(filings.status, ['queued', 'running'])))
      .returning({ id: filings.id, jobId: filings.jobId, progressDone: filings.progressDone, progressTotal: filings.progressTotal });
    if (!cancelled) {
      const [exists] = await tx
        .select({ id: filings.id })
        .from(filings)
        .where(and(eq(filings.caseId, caseId), eq(filings.version, version)));
      throw exists ? new AppError('conflict', { messageKey: 'filings.errors.notCancellable' }) : new AppError('not_found');
    }
    await cancelFilingJob(tx, cancelled.jobId);
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
