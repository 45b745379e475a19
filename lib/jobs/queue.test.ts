import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { jobs } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { STALE_AFTER_MS, cancelJob, claimNextJob, completeJob, enqueueJob, failJob, heartbeatJob } from './queue';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});
beforeEach(async () => {
  await handle.db.delete(jobs).where(eq(jobs.kind, 'test.work'));
});

describe('job queue', () => {
  it('hands a job to one worker only and completes it', async () => {
    const job = await enqueueJob(handle.db, 'test.work', { n: 1 });
    const first = await claimNextJob(handle.db, 'worker-a', ['test.work']);
    const second = await claimNextJob(handle.db, 'worker-b', ['test.work']);
    expect(first?.id).toBe(job.id);
    expect(first?.attempts).toBe(1);
    expect(second).toBeNull();
    await heartbeatJob(handle.db, job.id, 'worker-a', { done: 3, total: 10 });
    await completeJob(handle.db, job.id, 'worker-a');
    const [row] = await handle.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'done', progressDone: 3, progressTotal: 10 });
  });

  it('gives a job whose worker stopped heartbeating (a killed process) to another worker', async () => {
    const job = await enqueueJob(handle.db, 'test.work', {});
    const start = new Date();
    await claimNextJob(handle.db, 'dead-worker', ['test.work'], start);
    expect(await claimNextJob(handle.db, 'live-worker', ['test.work'], new Date(start.getTime() + 1000))).toBeNull();
    const reclaimed = await claimNextJob(handle.db, 'live-worker', ['test.work'], new Date(start.getTime() + STALE_AFTER_MS + 5000));
    expect(reclaimed?.id).toBe(job.id);
    expect(reclaimed?.attempts).toBe(2);
    // The dead worker's late writes no longer count.
    await completeJob(handle.db, job.id, 'dead-worker');
    const [row] = await handle.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row.status).toBe('running');
  });

  it('retries a failing job until maxAttempts, then fails it for good', async () => {
    const job = await enqueueJob(handle.db, 'test.work', {}, { maxAttempts: 2 });
    const first = (await claimNextJob(handle.db, 'w', ['test.work']))!;
    expect(await failJob(handle.db, first, 'w', 'boom', true)).toBe('retry');
    const retried = (await claimNextJob(handle.db, 'w', ['test.work'], new Date(Date.now() + 60_000)))!;
    expect(retried.id).toBe(job.id);
    expect(await failJob(handle.db, retried, 'w', 'boom again', true)).toBe('failed');
    const [row] = await handle.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'failed', lastError: 'boom again' });
  });

  it('cancels queued and running jobs, not finished ones', async () => {
    const job = await enqueueJob(handle.db, 'test.work', {});
    expect(await cancelJob(handle.db, job.id)).toBe(true);
    expect(await claimNextJob(handle.db, 'w', ['test.work'])).toBeNull();
    expect(await cancelJob(handle.db, job.id)).toBe(false);
  });
});
