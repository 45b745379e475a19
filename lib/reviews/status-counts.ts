import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimantStatus, claimantStatusEnum, metricCounters } from '@/db/schema';

export type StatusCounts = Record<ClaimantStatus, number> & { all: number };

/**
 * Claimants per status from the rollups the database triggers keep (never a count over the
 * claimants table). With one region, category or dimension filter the counts follow that dimension.
 */
export async function readStatusCounts(db: Database, caseId: string, dimension?: Dimension): Promise<StatusCounts> {
  const metrics = claimantStatusEnum.enumValues.map((status) => `claimants.status.${status}`);
  const rows = await db
    .select({ metric: metricCounters.metric, total: sql<string>`sum(${metricCounters.delta})` })
    .from(metricCounters)
    .where(
      and(
        eq(metricCounters.caseId, caseId),
        inArray(metricCounters.metric, metrics),
        eq(metricCounters.dimension, dimension?.name ?? ''),
        eq(metricCounters.dimensionValue, dimension?.value ?? ''),
      ),
    )
    .groupBy(metricCounters.metric);
  const counts = Object.fromEntries(claimantStatusEnum.enumValues.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) counts[row.metric.slice('claimants.status.'.length) as ClaimantStatus] = Number(row.total);
  counts.all = claimantStatusEnum.enumValues.reduce((sum, status) => sum + counts[status], 0);
  return counts;
}

/** A rollup dimension: `region`, `category` or a question dimension of the definition by its id. */
type Dimension = { name: string; value: string };

const CACHE_TTL_MS = 5_000;
const cache = new Map<string, { expiresAt: number; value: Promise<StatusCounts> }>();

/**
 * The counts change only with a decision or a submission, and the queue is read far more often:
 * one summation per case and dimension every few seconds per instance. Decisions made in this
 * process forget the case's entry at once; other instances catch up within the TTL.
 */
export function readStatusCountsCached(db: Database, caseId: string, dimension?: Dimension, now = Date.now()): Promise<StatusCounts> {
  const key = `${caseId}|${dimension?.name ?? ''}|${dimension?.value ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = readStatusCounts(db, caseId, dimension);
  cache.set(key, { expiresAt: now + CACHE_TTL_MS, value });
  value.catch(() => cache.delete(key));
  return value;
}

export function forgetStatusCounts(caseId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${caseId}|`)) cache.delete(key);
}
