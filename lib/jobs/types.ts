import type { z } from 'zod';
import type { Database } from '@/db/client';

/** A job as its handler sees it: pg-boss's row, named for what we use. */
export type QueuedJob = {
  id: string;
  kind: string;
  payload: unknown;
  /** 1 on the first run, 2 on the first retry (after a failure or a process that died) … */
  attempt: number;
  maxAttempts: number;
};

export type JobProgress = { done: number; total: number };

export type JobContext = {
  db: Database;
  /** Saves progress, so a retry after a crash can resume (see savedProgress). */
  reportProgress: (done: number, total: number) => Promise<void>;
  /** What an earlier attempt of this job saved; zero on a first run. */
  savedProgress: JobProgress;
  /** Aborted when the job is cancelled or the process is shutting down. */
  signal: AbortSignal;
};

/** Thrown by a handler for failures that retrying cannot fix (bad input, a hash mismatch). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/**
 * A job kind: its id (the pg-boss queue) and the zod schema of its payload. Actions enqueue
 * through the kind alone, so a module that only queues work does not load the (heavy) code that
 * runs it.
 */
export type JobKind<S extends z.ZodType = z.ZodType> = {
  id: string;
  payload: S;
  /** Runs in all, the first included; retries back off exponentially from retryDelaySeconds. */
  maxAttempts?: number;
  retryDelaySeconds?: number;
  /** Longest a single run may take before pg-boss fails (and retries) it. */
  expireInSeconds?: number;
  /** pg-boss queue policy: `stately` keeps at most one job waiting and one running (a sweep needs no more). */
  policy?: 'standard' | 'stately';
};
