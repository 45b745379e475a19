import { hostname } from 'node:os';
import { getDb } from '@/db/client';
import type { Job } from '@/db/schema';
import { JOB_HANDLERS } from './handlers';
import { claimNextJob, completeJob, failJob, getJobStatus, heartbeatJob } from './queue';
import { PermanentJobError } from './types';

const POLL_MS = 1_000;
const HEARTBEAT_MS = 10_000;
const RUNNER_KEY = Symbol.for('joinder.jobRunner');
type GlobalWithRunner = typeof globalThis & { [RUNNER_KEY]?: { stop: () => Promise<void> } };

/**
 * Polls the jobs table and runs one job at a time in this process. Heavy work (PDF rendering)
 * goes to worker threads inside the handlers so the web server stays responsive; a job whose
 * process died is picked up again after its heartbeat goes stale, so work survives a restart.
 */
export function startJobRunner(): { stop: () => Promise<void> } {
  const g = globalThis as GlobalWithRunner;
  if (g[RUNNER_KEY]) return g[RUNNER_KEY];
  const workerId = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
  let isStopping = false;
  let current: Promise<void> | undefined;
  const shutdown = new AbortController();

  const loop = async () => {
    while (!isStopping) {
      try {
        const db = await getDb();
        const job = await claimNextJob(db, workerId, Object.keys(JOB_HANDLERS));
        if (job) {
          current = runJob(job, workerId, shutdown.signal);
          await current;
          continue;
        }
      } catch (error) {
        console.warn('[joinder] job runner:', (error as Error).message);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  void loop();

  const runner = {
    stop: async () => {
      isStopping = true;
      shutdown.abort();
      await current?.catch(() => {});
      g[RUNNER_KEY] = undefined;
    },
  };
  g[RUNNER_KEY] = runner;
  return runner;
}

async function runJob(job: Job, workerId: string, shutdownSignal: AbortSignal): Promise<void> {
  const db = await getDb();
  const handler = JOB_HANDLERS[job.kind];
  const cancellation = new AbortController();
  const onShutdown = () => cancellation.abort(new Error('shutting down'));
  shutdownSignal.addEventListener('abort', onShutdown);
  let lastProgress = { done: job.progressDone, total: job.progressTotal };
  // Heartbeats double as the cancellation check: a cancelled job stops within one interval.
  const heartbeat = setInterval(() => {
    void (async () => {
      await heartbeatJob(db, job.id, workerId, lastProgress);
      if ((await getJobStatus(db, job.id)) === 'cancelled') cancellation.abort(new Error('cancelled'));
    })().catch(() => {});
  }, HEARTBEAT_MS);
  try {
    await handler(job, {
      db,
      signal: cancellation.signal,
      reportProgress: async (done, total) => {
        lastProgress = { done, total };
        await heartbeatJob(db, job.id, workerId, lastProgress);
      },
    });
    if (!cancellation.signal.aborted) await completeJob(db, job.id, workerId);
  } catch (error) {
    if (cancellation.signal.aborted) return; // cancelled or shutting down: the row says what happened
    const message = error instanceof Error ? error.message : String(error);
    await failJob(db, job, workerId, message, !(error instanceof PermanentJobError)).catch(() => {});
  } finally {
    clearInterval(heartbeat);
    shutdownSignal.removeEventListener('abort', onShutdown);
  }
}
