import { z } from 'zod';
import { getBlobStores } from '@/lib/blobs/config';
import { migrateBlobs } from '@/lib/blobs/migrate';
import { defineJob, defineJobKind } from './define';
import { PermanentJobError } from './types';

/**
 * Moves every file to one of the stores this server is configured with (BLOB_STORE, and
 * BLOB_STORE_PREVIOUS for the old one): what `npm run blobs:migrate` does, but inside the running
 * app, so a deployment moves its files without downtime. Queue it with
 * `npm run jobs:enqueue -- blobs.migrate '{"target":"s3"}'`. Resumable: a failed file fails the run,
 * and the retry skips what already moved.
 */
export const BLOB_MIGRATION_JOB = 'blobs.migrate';

export const blobMigrationKind = defineJobKind({
  id: BLOB_MIGRATION_JOB,
  payload: z.object({ target: z.enum(['postgres', 'fs', 's3']), keepSource: z.boolean().default(false) }),
  maxAttempts: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 24 * 3600,
});

export const blobMigrationJob = defineJob(blobMigrationKind, async ({ target, keepSource }, job, { db, reportProgress }) => {
  // A store this server does not know will not appear by retrying.
  if (target !== 'postgres' && !getBlobStores().objects[target])
    throw new PermanentJobError(`no ${target} store configured (set BLOB_STORE or BLOB_STORE_PREVIOUS)`);
  const report = await migrateBlobs(db, {
    target,
    keepSource,
    onProgress: (progress) => void reportProgress(progress.moved + progress.alreadyThere, 0).catch(() => {}),
  });
  for (const sha256 of report.damaged) console.error(`[joinder] ${job.kind}: file ${sha256} does not match its hash; left where it is.`);
  if (report.failed.length) throw new Error(`${report.failed.length} files did not move (first: ${report.failed[0].error}); retrying`);
});
