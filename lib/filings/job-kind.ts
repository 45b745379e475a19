import { z } from 'zod';
import { defineJobKind } from '@/lib/jobs/define';

/** The job that renders a requested filing (lib/filings/generate-job.ts). */
export const FILING_GENERATE_JOB = 'filing.generate';

export const filingGenerateKind = defineJobKind({
  id: FILING_GENERATE_JOB,
  payload: z.object({ filingId: z.uuid() }),
  maxAttempts: 3,
});
