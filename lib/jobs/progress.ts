import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jobProgress } from '@/db/schema';
import type { JobProgress } from './types';

export async function readJobProgress(db: Database, jobId: string): Promise<JobProgress> {
  const [row] = await db.select({ done: jobProgress.done, total: jobProgress.total }).from(jobProgress).where(eq(jobProgress.jobId, jobId));
  return row ?? { done: 0, total: 0 };
}

export async function saveJobProgress(db: Database, jobId: string, progress: JobProgress): Promise<void> {
  await db
    .insert(jobProgress)
    .values({ jobId, ...progress })
    .onConflictDoUpdate({ target: jobProgress.jobId, set: { ...progress, updatedAt: new Date() } });
}

export async function clearJobProgress(db: Database, jobId: string): Promise<void> {
  await db.delete(jobProgress).where(eq(jobProgress.jobId, jobId));
}
