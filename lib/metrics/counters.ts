import { and, eq, gte, inArray, lt, sql, sum } from 'drizzle-orm';
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
/**
 * '' for a total; `region`, `source` and `category` (the claimant's category); otherwise the id of
 * a dashboard dimension of the case's claim definition (db/migrations: rollups by definition
 * dimensions). A definition dimension named like a fixed one is not counted.
 */
export type MetricDimension = string;
export const FIXED_METRIC_DIMENSIONS: readonly string[] = ['', 'region', 'source', 'category', 'type'];

/** Periods of the growth series, in Korean time (no daylight saving since 1988: always UTC+9). */
export type SeriesInterval = 'hour' | 'day' | 'week';

/** Current totals of the given metrics (all buckets and shards summed), 0 when never counted. */
export async function readMetricTotals<M extends string>(
  db: Database,
  caseId: string,
  metrics: readonly M[],
  options: { before?: Date } = {},
): Promise<Record<M, number>> {
  const rows = await db
    .select({ metric: metricCounters.metric, total: sum(metricCounters.delta).mapWith(Number) })
    .from(metricCounters)
    .where(
      and(
        eq(metricCounters.caseId, caseId),
        inArray(metricCounters.metric, [...metrics]),
        eq(metricCounters.dimension, ''),
        eq(metricCounters.dimensionValue, ''),
        options.before ? lt(metricCounters.bucket, options.before) : undefined,
      ),
    )
    .groupBy(metricCounters.metric);
  const totals = Object.fromEntries(metrics.map((metric) => [metric, 0])) as Record<M, number>;
  for (const row of rows) totals[row.metric as M] = row.total ?? 0;
  return totals;
}

export type DimensionTotals = Record<string, Record<string, Record<string, number>>>;

/**
 * Totals per dimension value (region → seoul → 123), for the breakdowns: `result[metric][dimension][value]`.
 * Values never counted are absent; an unset dimension is counted under ''.
 */
export async function readDimensionTotals(
  db: Database,
  caseId: string,
  metrics: readonly string[],
  dimensions: readonly MetricDimension[],
  options: { before?: Date } = {},
): Promise<DimensionTotals> {
  const rows = await db
    .select({
      metric: metricCounters.metric,
      dimension: metricCounters.dimension,
      value: metricCounters.dimensionValue,
      total: sum(metricCounters.delta).mapWith(Number),
    })
    .from(metricCounters)
    .where(
      and(
        eq(metricCounters.caseId, caseId),
        inArray(metricCounters.metric, [...metrics]),
        inArray(metricCounters.dimension, [...dimensions]),
        options.before ? lt(metricCounters.bucket, options.before) : undefined,
      ),
    )
    .groupBy(metricCounters.metric, metricCounters.dimension, metricCounters.dimensionValue);
  const result: DimensionTotals = {};
  for (const row of rows) {
    const byDimension = (result[row.metric] ??= {});
    const byValue = (byDimension[row.dimension] ??= {});
    byValue[row.value] = row.total ?? 0;
  }
  return result;
}

/**
 * Net change of each metric per period (hour, Korean day or Korean week starting Monday) from
 * `from` (inclusive) to `to` (exclusive). Periods without a change are absent; callers fill gaps.
 */
export async function readMetricSeries(
  db: Database,
  caseId: string,
  metrics: readonly string[],
  range: { from: Date; to: Date; interval: SeriesInterval },
): Promise<{ metric: string; start: Date; delta: number }[]> {
  // The interval is one of three literals (typed, and checked again here), never user text.
  if (!['hour', 'day', 'week'].includes(range.interval)) throw new Error(`Unknown interval ${range.interval}`);
  const period = sql<Date>`date_trunc('${sql.raw(range.interval)}', ${metricCounters.bucket} at time zone 'Asia/Seoul') at time zone 'Asia/Seoul'`;
  const rows = await db
    .select({
      metric: metricCounters.metric,
      start: period.mapWith((value: string | Date) => new Date(value)),
      delta: sum(metricCounters.delta).mapWith(Number),
    })
    .from(metricCounters)
    .where(
      and(
        eq(metricCounters.caseId, caseId),
        inArray(metricCounters.metric, [...metrics]),
        eq(metricCounters.dimension, ''),
        eq(metricCounters.dimensionValue, ''),
        gte(metricCounters.bucket, range.from),
        lt(metricCounters.bucket, range.to),
      ),
    )
    .groupBy(metricCounters.metric, sql`2`);
  return rows.map((row) => ({ metric: row.metric, start: row.start, delta: row.delta ?? 0 }));
}

/** The first hour anything was counted for the case (the start of "all time"), or null. */
export async function readFirstBucket(db: Database, caseId: string, metrics: readonly string[]): Promise<Date | null> {
  const [row] = await db
    .select({ first: sql<string | Date | null>`min(${metricCounters.bucket})` })
    .from(metricCounters)
    .where(
      and(
        eq(metricCounters.caseId, caseId),
        inArray(metricCounters.metric, [...metrics]),
        eq(metricCounters.dimension, ''),
        eq(metricCounters.dimensionValue, ''),
      ),
    );
  return row?.first ? new Date(row.first) : null;
}

/** Recounts the case's rollups from the source rows (after bulk loads; in tests as the oracle). */
export async function rebuildMetricCounters(db: Database, caseId: string): Promise<void> {
  await db.execute(sql`select rebuild_metric_counters(${caseId}::uuid)`);
}
