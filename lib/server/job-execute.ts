import type { JobWithMetadata } from 'pg-boss';
import type { Database } from '@/db/client';
import { clearJobProgress, readJobProgress, saveJobProgress } from '@/lib/jobs/progress';
import { type JobProgress, PermanentJobError, type QueuedJob } from '@/lib/jobs/types';
import { runRegisteredJob } from './job-registry';

/**
 * What pg-boss is told about a run: `failed` is retried with backoff until the kind's attempts
 * are used up, then moved to the dead letter queue; `deadletter` goes there at once.
 */
export type JobOutcome = { status: 'completed'; progress: JobProgress } | { status: 'failed' | 'deadletter'; error: string };

export function toQueuedJob(job: JobWithMetadata<unknown>): QueuedJob {
  return { id: job.id, kind: job.name, payload: job.data, attempt: job.retryCount + 1, maxAttempts: job.retryLimit + 1 };
}

/** One run of one job: its handler with saved progress and an abort signal, and the outcome to settle. */
export async function executeJob(db: Database, job: JobWithMetadata<unknown>, signal: AbortSignal): Promise<JobOutcome> {
  const queued = toQueuedJob(job);
  try {
    let progress = await readJobProgress(db, job.id);
    await runRegisteredJob(queued, {
      db,
      signal,
      savedProgress: progress,
      reportProgress: async (done, total) => {
        progress = { done, total };
        await saveJobProgress(db, job.id, progress);
      },
    });
    // The final progress moves to the completed job's output; the resume point is no longer needed.
    await clearJobProgress(db, job.id).catch(() => {});
    return { status: 'completed', progress };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentJobError) return { status: 'deadletter', error: message };
    return { status: 'failed', error: message };
  }
}
