import { z } from 'zod';
import { defineJob, defineJobKind } from './define';

/**
 * A job that only runs on servers started by `npm run soak` (registered when JOINDER_SOAK_JOBS=1):
 * it counts steps with a pause between them, saving progress after each, and resumes from the
 * saved progress — what a real long job (a filing) does — so killing the app mid-job shows the
 * work finishing after the restart. Each step also prints a line naming the job and this process's
 * pid, so a soak with several app servers can tell which one ran which step (pg-boss records no
 * worker) without a table that production would never use.
 */
export const SOAK_STEPS_JOB = 'soak.steps';

/** The start of the line each step prints: `[soak.steps] <job id> <done>/<steps> pid <pid>`. */
export const SOAK_STEP_LOG = '[soak.steps]';

export const soakStepsKind = defineJobKind({
  id: SOAK_STEPS_JOB,
  payload: z.object({ steps: z.int().positive().default(5), stepMs: z.int().nonnegative().default(1_000) }),
});

export const soakStepsJob = defineJob(soakStepsKind, async ({ steps, stepMs }, job, { reportProgress, savedProgress, signal }) => {
  for (let done = savedProgress.done; done < steps; done++) {
    if (signal.aborted) throw new Error('stopped before the last step');
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    await reportProgress(done + 1, steps);
    console.log(`${SOAK_STEP_LOG} ${job.id} ${done + 1}/${steps} pid ${process.pid}`);
  }
});
