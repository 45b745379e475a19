import type { z } from 'zod';
import type { Database } from '@/db/client';
import { getJobQueue, isRegisteredKind, jobDb } from './boss';
import type { JobContext, JobKind, QueuedJob } from './types';

export type { JobKind } from './types';

/**
 * A kind with the function that runs it (documenso's job definitions). The payload is checked when
 * the job is enqueued and again before it runs, so a row written by an older release or by hand
 * cannot reach a handler malformed; it ends in the dead letters instead.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = JobKind<S> & {
  // Method syntax on purpose: a definition of one payload type then fits a list of all of them.
  handler(payload: z.infer<S>, job: QueuedJob, context: JobContext): Promise<void>;
};

/** A job pg-boss sends on a schedule (cron syntax, evaluated in `tz`), e.g. the reminders' daily run. */
export type CronDefinition<S extends z.ZodType = z.ZodType> = JobDefinition<S> & {
  cron: string;
  tz: string;
  scheduledPayload: z.input<S>;
};

export function defineJobKind<S extends z.ZodType>(kind: JobKind<S>): JobKind<S> {
  return kind;
}

export function defineJob<S extends z.ZodType>(kind: JobKind<S>, handler: JobDefinition<S>['handler']): JobDefinition<S> {
  return { ...kind, handler };
}

/**
 * A scheduled job. Register it in lib/server/job-registry.ts (CRON_DEFINITIONS): the runner then
 * schedules it, and pg-boss sends one job per occurrence however many instances run. A run that
 * fails retries and dead-letters like any job.
 */
export function defineCron<S extends z.ZodType>(
  kind: JobKind<S>,
  schedule: { cron: string; tz?: string; payload: z.input<S> },
  handler: JobDefinition<S>['handler'],
): CronDefinition<S> {
  kind.payload.parse(schedule.payload);
  return { ...kind, handler, cron: schedule.cron, tz: schedule.tz ?? 'Asia/Seoul', scheduledPayload: schedule.payload };
}

/**
 * Enqueues a typed job and returns its id (`id` picks it, so a row can name its job in the same insert). Pass the action's transaction as `db` so the job exists
 * exactly when the change that caused it commits (and never for a change that rolled back).
 */
export async function enqueue<S extends z.ZodType>(
  db: Database,
  kind: JobKind<S>,
  payload: z.input<S>,
  options: { runAt?: Date; id?: string } = {},
): Promise<{ id: string }> {
  const parsed = kind.payload.parse(payload) as object;
  if (!(await isRegisteredKind(kind.id))) throw new Error(`job kind ${kind.id} has no queue: add it to lib/server/job-registry.ts`);
  const boss = await getJobQueue();
  const id = await boss.send(kind.id, parsed, { db: jobDb(db), startAfter: options.runAt, id: options.id });
  if (!id) throw new Error(`job ${kind.id} was not queued`);
  return { id };
}
