import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** Hours older than this are finished: no surge writes to them any more, so their shards can merge. */
const SETTLED_AFTER_MS = 60 * 60 * 1000;
/** How often one process compacts one case at most. */
const COMPACT_EVERY_MS = 10 * 60 * 1000;

/**
 * Merges the shards of finished hours and folds breakdown rows into days (db/migrations/0006), so
 * the dashboard and the counter read hundreds of rows, not hundreds of thousands, after months of
 * sign-ups. Returns the rows merged, or -1 when another instance was compacting the case.
 */
export async function compactMetricCounters(db: Database, caseId: string, now = new Date()): Promise<number> {
  const before = new Date(Math.floor((now.getTime() - SETTLED_AFTER_MS) / SETTLED_AFTER_MS) * SETTLED_AFTER_MS);
  const result = await db.execute<{ moved: number }>(
    sql`select compact_metric_counters(${caseId}::uuid, ${before.toISOString()}::timestamptz) as moved`,
  );
  return Number((result as unknown as { rows: { moved: number }[] }).rows[0]?.moved ?? 0);
}

const lastRun = new Map<string, number>();

/**
 * Called on reads (dashboard, public counter): compacts the case in the background at most every
 * ten minutes per process, without delaying the read. Nothing to schedule or forget to deploy.
 */
export function scheduleCompaction(db: Database, caseId: string, now = Date.now()): void {
  const previous = lastRun.get(caseId);
  if (previous !== undefined && now - previous < COMPACT_EVERY_MS) return;
  lastRun.set(caseId, now);
  compactMetricCounters(db, caseId).catch((error: unknown) => {
    lastRun.delete(caseId);
    console.warn('[joinder] metric compaction failed:', (error as Error).message);
  });
}
