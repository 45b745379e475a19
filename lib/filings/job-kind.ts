/** The job that renders a requested filing (lib/filings/generate-job.ts). */
export const FILING_GENERATE_JOB = 'filing.generate';
