import type { Database } from '@/db/client';
import type { Job } from '@/db/schema';

export type JobContext = {
  db: Database;
  /** Persists progress (and proves the worker is alive). */
  reportProgress: (done: number, total: number) => Promise<void>;
  /** Aborted when the job is cancelled or the process is shutting down. */
  signal: AbortSignal;
};

export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

/** Thrown by a handler for failures that retrying cannot fix (bad input, a hash mismatch). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
