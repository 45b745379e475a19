import { z } from 'zod';
import { deliverMessageJob } from '@/lib/communications/delivery';
import { reminderTickCron } from '@/lib/communications/reminders';
import { deficiencySweepCron } from '@/lib/deficiencies/cure-and-expire';
import { filingGenerateJob } from '@/lib/filings/generate-job';
import { passwordResetMailJob } from '@/lib/users/password-reset';
import { blobMigrationJob } from '@/lib/jobs/blob-migration-job';
import type { CronDefinition, JobDefinition, JobKind } from '@/lib/jobs/define';
import { mailSweepCron } from '@/lib/jobs/mail-job';
import { soakStepsJob } from '@/lib/jobs/soak-job';
import { type JobContext, PermanentJobError, type QueuedJob } from '@/lib/jobs/types';

/**
 * Every job kind this app runs, one place. Domains define theirs beside their code (defineJob);
 * this lives in lib/server, above them all, so lib/jobs never imports a domain back.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  filingGenerateJob,
  passwordResetMailJob,
  deliverMessageJob,
  blobMigrationJob,
  // Only on servers started by `npm run soak` (the job-survives-a-kill scenario).
  ...(process.env.JOINDER_SOAK_JOBS === '1' ? [soakStepsJob] : []),
];

/** Jobs pg-boss sends on a schedule (defineCron); the runner (re)schedules each at start. */
export const CRON_DEFINITIONS: readonly CronDefinition[] = [mailSweepCron, reminderTickCron, deficiencySweepCron];

/** Every kind a queue exists for; the soak kind always, so a soak server and a normal one share a database. */
export const JOB_KINDS: readonly JobKind[] = [
  ...new Map([...JOB_DEFINITIONS, ...CRON_DEFINITIONS, soakStepsJob].map((kind) => [kind.id, kind])).values(),
];

const BY_ID = new Map<string, JobDefinition>([...JOB_DEFINITIONS, ...CRON_DEFINITIONS].map((definition) => [definition.id, definition]));

export function findJobDefinition(kindId: string): JobDefinition | undefined {
  return BY_ID.get(kindId);
}

/**
 * Runs a job through its definition. A payload that does not match the kind's schema is a
 * permanent failure: retrying the same bytes cannot fix it, so it goes straight to the dead letters.
 */
export async function runRegisteredJob(job: QueuedJob, context: JobContext): Promise<void> {
  const definition = BY_ID.get(job.kind);
  if (!definition) throw new PermanentJobError(`no job kind ${job.kind}`);
  const parsed = definition.payload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`bad payload for ${job.kind}: ${z.prettifyError(parsed.error)}`);
  await definition.handler(parsed.data, job, context);
}
