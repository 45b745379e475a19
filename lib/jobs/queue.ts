import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Job, jobs } from '@/db/schema';

/** A running job that has not sent a heartbeat for this long belongs to a dead process. */
export const STALE_AFTER_MS = 60_000;

export async function enqueueJob(
  db: Database,
  kind: string,
  payload: Record<string, unknown>,
  options: { maxAttempts?: number; runAt?: Date } = {},
): Promise<Job> {
  const [job] = await db
    .insert(jobs)
    .values({ kind, payload, maxAttempts: options.maxAttempts ?? 3, runAt: options.runAt ?? new Date() })
    .returning();
  return job;
}

/**
 * Claims the next due job (or one whose worker stopped heartbeating: a killed process) with
 * FOR UPDATE SKIP LOCKED, so any number of app instances can share the queue.
 */
export async function claimNextJob(db: Database, workerId: string, kinds: readonly string[], now = new Date()): Promise<Job | null> {
  if (kinds.length === 0) return null;
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.kind, [...kinds]),
          or(
            and(eq(jobs.status, 'queued'), lt(jobs.runAt, sql`${now.toISOString()}::timestamptz + interval '1 millisecond'`)),
            and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, staleBefore)),
          ),
        ),
      )
      .orderBy(jobs.runAt)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!candidate) return null;
    const [claimed] = await tx
      .update(jobs)
      .set({ status: 'running', lockedBy: workerId, lockedAt: now, heartbeatAt: now, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, candidate.id))
      .returning();
    return claimed;
  });
}

export async function heartbeatJob(
  db: Database,
  jobId: string,
  workerId: string,
  progress?: { done: number; total: number },
): Promise<void> {
  await db
    .update(jobs)
    .set({ heartbeatAt: new Date(), ...(progress ? { progressDone: progress.done, progressTotal: progress.total } : {}) })
    .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId)));
}

export async function completeJob(db: Database, jobId: string, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: new Date(), lockedBy: null })
    .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId)));
}

/** Retries with backoff until maxAttempts, then fails for good. */
export async function failJob(db: Database, job: Job, workerId: string, error: string, isRetryable: boolean): Promise<'retry' | 'failed'> {
  const willRetry = isRetryable && job.attempts < job.maxAttempts;
  await db
    .update(jobs)
    .set(
      willRetry
        ? { status: 'queued', lastError: error, lockedBy: null, runAt: new Date(Date.now() + 5_000 * job.attempts) }
        : { status: 'failed', lastError: error, lockedBy: null, finishedAt: new Date() },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
  return willRetry ? 'retry' : 'failed';
}

export async function cancelJob(db: Database, jobId: string): Promise<boolean> {
  const updated = await db
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: new Date(), lockedBy: null })
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, ['queued', 'running'])))
    .returning({ id: jobs.id });
  return updated.length > 0;
}

export async function getJobStatus(db: Database, jobId: string): Promise<Job['status'] | null> {
  const [row] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
  return row?.status ?? null;
}
