import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { JOB_SCHEMA, getJobQueue } from '@/lib/jobs/boss';
import { findJobDefinition } from '@/lib/server/job-registry';
import { workQueues } from '@/lib/server/job-runner';

/** Jobs of these kinds that a worker could take now, or is running. */
async function countRunnable(db: Database, kinds: readonly string[]): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from ${sql.identifier(JOB_SCHEMA)}.job
    where name in (${sql.join(
      kinds.map((kind) => sql`${kind}`),
      sql`, `,
    )})
      and (state = 'active' or (state in ('created', 'retry') and start_after <= now()))`);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

/**
 * Runs the queued jobs of the given kinds to the end through the real runner (lib/server/job-runner.ts
 * workers on pg-boss; tests switch the background runner off with JOINDER_JOBS=off). A job that
 * fails and is due for a retry later (backoff) is left waiting.
 */
export async function runQueuedJobs(
  db: Database,
  kinds: readonly string[],
  options: { timeoutMs?: number; heartbeatRefreshSeconds?: number } = {},
): Promise<void> {
  const boss = await getJobQueue();
  const definitions = kinds.map((kind) => {
    const definition = findJobDefinition(kind);
    if (!definition) throw new Error(`no job definition for ${kind} (is it in lib/server/job-registry.ts?)`);
    return definition;
  });
  const workers = await workQueues(boss, definitions, {
    pollingIntervalSeconds: 0.5,
    heartbeatRefreshSeconds: options.heartbeatRefreshSeconds,
  });
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    while ((await countRunnable(db, kinds)) > 0) {
      if (Date.now() > deadline) throw new Error(`jobs of ${kinds.join(', ')} still queued after ${options.timeoutMs ?? 60_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    for (const { kind, workerId } of workers) await boss.offWork(kind, { id: workerId, wait: true });
  }
}

export type StoredJob = { id: string; state: string; data: Record<string, unknown>; retryCount: number; output: unknown };

/** The jobs pg-boss holds for a kind (any state), oldest first: what tests assert about the queue. */
export async function listJobs(db: Database, kind: string): Promise<StoredJob[]> {
  const result = await db.execute(sql`
    select id, state, data, retry_count as "retryCount", output from ${sql.identifier(JOB_SCHEMA)}.job
    where name = ${kind} order by created_on, id`);
  return (result as unknown as { rows: StoredJob[] }).rows;
}

export async function countJobs(db: Database, kind: string): Promise<number> {
  return (await listJobs(db, kind)).length;
}

let resetRequestIp = 0;
/**
 * A password reset asked for and its job run at once (the request only queues the job, the same
 * work for every address; lib/users/password-reset.ts). Each call comes from a fresh client
 * address so the per-address throttle stays out of tests about other things.
 */
export async function requestPasswordResetNow(db: Database, email: string, appUrl: string): Promise<void> {
  const { PASSWORD_RESET_MAIL_JOB, requestPasswordReset } = await import('@/lib/users/password-reset');
  await requestPasswordReset(db, { email, ip: `198.18.${Math.floor(++resetRequestIp / 250)}.${resetRequestIp % 250}`, appUrl });
  await runQueuedJobs(db, [PASSWORD_RESET_MAIL_JOB]);
}
