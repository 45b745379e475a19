import { FILING_GENERATE_JOB } from '@/lib/filings/job-kind';
import { generateFiling } from '@/lib/filings/generate-job';
import { deliverMail } from '@/lib/mail/deliver';
import { MAIL_DELIVER_JOB } from '@/lib/mail/outbox';
import { SOAK_STEPS_JOB, runSoakStepsJob } from './soak-job';
import type { JobHandler } from './types';

/** Job kinds and the function that runs each. Domains register theirs here. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [MAIL_DELIVER_JOB]: deliverMail,
  [FILING_GENERATE_JOB]: generateFiling,
  // Only on servers started by `npm run soak` (the job-survives-a-kill scenario).
  ...(process.env.JOINDER_SOAK_JOBS === '1' ? { [SOAK_STEPS_JOB]: runSoakStepsJob } : {}),
};
