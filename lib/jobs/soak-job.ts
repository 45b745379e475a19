import type { JobHandler } from './types';

/**
 * A job that only exists for `npm run soak` (registered when JOINDER_SOAK_JOBS=1): it counts steps
 * with a pause between them, saving progress after each, and resumes from the saved progress —
 * what a real long job (a filing) does — so killing the app mid-job shows the work finishing after
 * the restart.
 */
export const SOAK_STEPS_JOB = 'soak.steps';

export const runSoakStepsJob: JobHandler = async (job, { reportProgress, signal }) => {
  const { steps, stepMs } = { steps: 5, stepMs: 1_000, ...(job.payload as { steps?: number; stepMs?: number }) };
  for (let done = job.progressDone; done < steps; done++) {
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    await reportProgress(done + 1, steps);
  }
};
