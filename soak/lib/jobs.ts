import { SOAK_STEP_LOG } from '@/lib/jobs/soak-job';
import { sendJobOver } from '@/tests/helpers/pg-boss-send';
import type { SoakStack } from './stack';

export type SoakJobState = { status: string; progress_done: number; attempts: number };
/** What sendSoakJob and readSoakJob need: a way to query the stack's database (one server or several). */
type SoakDatabase = Pick<SoakStack, 'query'>;

/** Queues a soak.steps job through pg-boss itself, over the stack's database, as the app would. */
export async function sendSoakJob(stack: SoakDatabase, payload: { steps: number; stepMs: number }): Promise<string> {
  return sendJobOver((text, values) => stack.query(text, values), 'soak.steps', payload);
}

/** The job as pg-boss holds it (state, retries) with the progress it saved (job_progress). */
export async function readSoakJob(stack: SoakDatabase, id: string): Promise<SoakJobState> {
  const [row] = await stack.query<SoakJobState>(
    `select j.state as status, coalesce(p.done, (j.output -> 'progress' ->> 'done')::int, 0) as progress_done, j.retry_count + 1 as attempts
     from pgboss.job j left join job_progress p on p.job_id = j.id where j.name = 'soak.steps' and j.id = $1`,
    [id],
  );
  return row;
}

/**
 * The steps of one soak.steps job that a server ran, read from the lines it printed (lib/jobs/soak-job.ts):
 * pg-boss records no worker on a job, so an app server's own output is what says who ran a step.
 */
export function soakStepsRun(output: string, jobId: string): { done: number; pid: number }[] {
  const line = new RegExp(`^${SOAK_STEP_LOG.replace(/[.[\]]/g, '\\$&')} ${jobId} (\\d+)/\\d+ pid (\\d+)$`, 'gm');
  return [...output.matchAll(line)].map((match) => ({ done: Number(match[1]), pid: Number(match[2]) }));
}
