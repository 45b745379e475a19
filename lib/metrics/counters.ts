import { and, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { metricCounters } from '@/db/schema';

/**
 * Counter names maintained by the rollup triggers (db/migrations/0004_*). A funnel stage is a
 * subset of the one before: registered ⊇ submitted ⊇ complete ⊇ verified; filed counts claimants
 * on a filing; withdrawals are counted apart and subtracted from every stage.
 */
export const SUPPORTER_METRICS = ['supporters.signed', 'supporters.confirmed', 'supporters.withdrawn'] as const;
export const CLAIMANT_METRICS = [
  'claimants.registered',
  'claimants.submitted',
  'claimants.complete',
  'claimants.verified',
  'claimants.filed',
  'claimants.withdrawn',
] as const;
export type MetricName = (typeof SUPPORTER_METRICS)[number] | (typeof CLAIMANT_METRICS)[number] | `claimants.status.${string}`;
export type MetricDimension = '' | 'region' | 'isp' | 'type' | 'source';

/** Current totals of the given metrics (all buckets and shards summed), 0 when never counted. */
export async function readMetricTotals<M extends string>(db: Database, caseId: string, metrics: readonly M[]): Promise<Record<M, number>> {
  const rows = await db
    .select({ metric: metricCounters.metric, total: sum(metricCounters.delta).mapWith(Number) })
    .from(metricCounters)
    .where(and(eq(metricCounters.caseId, caseId), eq(metricCounters.dimension, ''), inArray(metricCounters.metric, [...metrics])))
    .groupBy(metricCounters.metric);
  const totals = Object.fromEntries(metrics.map((metric) => [metric, 0])) as Record<M, number>;
  for (const row of rows) totals[row.metric as M] = row.total ?? 0;
  return totals;
}

/** Recounts the case's rollups from the source rows (after bulk loads; in tests as the oracle). */
export async function rebuildMetricCounters(db: Database, caseId: string): Promise<void> {
  await db.execute(sql`select rebuild_metric_counters(${caseId}::uuid)`);
}
