import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import { getDb } from '@/db/client';
import { onMailQueued } from '@/lib/mail/wake';
import { getJobQueue, stopJobQueue } from '@/lib/jobs/boss';
import type { JobDefinition } from '@/lib/jobs/define';
import { nudgeMailSweepOnQueue } from '@/lib/jobs/mail-job';
import { executeJob } from './job-execute';
import { CRON_DEFINITIONS, JOB_DEFINITIONS } from './job-registry';

const RUNNER_KEY = Symbol.for('joinder.jobRunner');
type GlobalWithRunner = typeof globalThis & { [RUNNER_KEY]?: { stop: () => Promise<void> } };
/** How often an idle worker asks for work; pg-boss's floor is 0.5 s. */
export const POLL_SECONDS = 1;

/**
 * Registers a pg-boss worker per kind: one job at a time each, heartbeating while it runs (pg-boss
 * refreshes it every HEARTBEAT_SECONDS / 2), settled with the handler's outcome. Returns the workers,
 * for offWork. Heavy work (PDF rendering) goes to worker threads inside the handlers, so the
 * web server stays responsive.
 */
export async function workQueues(
  boss: PgBoss,
  definitions: readonly JobDefinition[],
  options: { pollingIntervalSeconds?: number; heartbeatRefreshSeconds?: number; shutdown?: AbortSignal } = {},
): Promise<{ kind: string; workerId: string }[]> {
  const workers: { kind: string; workerId: string }[] = [];
  for (const definition of definitions) {
    const id = await boss.work(
      definition.id,
      {
        batchSize: 1,
        includeMetadata: true,
        perJobResults: true,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? POLL_SECONDS,
        heartbeatRefreshSeconds: options.heartbeatRefreshSeconds,
      },
      async (jobs: JobWithMetadata<unknown>[]) => {
        const db = await getDb();
        const results: JobResult[] = [];
        for (const job of jobs) {
          // pg-boss aborts job.signal when the job is cancelled or its worker stops.
          const signal = options.shutdown ? AbortSignal.any([job.signal, options.shutdown]) : job.signal;
          const outcome = await executeJob(db, job, signal);
          results.push(
            outcome.status === 'completed'
              ? { id: job.id, status: outcome.status, output: { progress: outcome.progress } }
              : { id: job.id, status: outcome.status, output: { message: outcome.error } },
          );
        }
        return results;
      },
    );
    workers.push({ kind: definition.id, workerId: id });
  }
  return workers;
}

/**
 * Starts this process's workers and schedules. Any number of app instances may run it: pg-boss
 * hands a job to one worker (SKIP LOCKED), sends one job per cron occurrence, and retries a job
 * whose worker died (its heartbeat lapsed) on whichever instance asks next.
 */
export function startJobRunner(): { stop: () => Promise<void> } {
  const g = globalThis as GlobalWithRunner;
  if (g[RUNNER_KEY]) return g[RUNNER_KEY];
  const shutdown = new AbortController();
  const started = (async () => {
    const boss = await getJobQueue();
    for (const cron of CRON_DEFINITIONS) await boss.schedule(cron.id, cron.cron, cron.scheduledPayload as object, { tz: cron.tz });
    await workQueues(boss, [...JOB_DEFINITIONS, ...CRON_DEFINITIONS], { shutdown: shutdown.signal });
    nudgeMailSweepOnQueue();
    const { adoptOrphanedFilings } = await import('@/lib/filings/adopt-filings');
    const adopted = await adoptOrphanedFilings(await getDb());
    if (adopted) console.log(`[joinder] queued ${adopted} filing(s) that had no job again.`);
    const { adoptOrphanedMessages } = await import('@/lib/communications/adopt-messages');
    const adoptedMessages = await adoptOrphanedMessages(await getDb());
    if (adoptedMessages) console.log(`[joinder] queued ${adoptedMessages} notice(s) that had no delivery job again.`);
  })();
  started.catch((error: unknown) => console.warn('[joinder] job runner did not start:', (error as Error).message));
  const runner = {
    stop: async () => {
      shutdown.abort(new Error('shutting down'));
      onMailQueued(undefined);
      await started.catch(() => {});
      await stopJobQueue();
      g[RUNNER_KEY] = undefined;
    },
  };
  g[RUNNER_KEY] = runner;
  return runner;
}
