import { z } from 'zod';
import type { Database } from '@/db/client';
import { type SeriesInterval, readFirstBucket, readMetricSeries, readMetricTotals } from './counters';
import { DEFAULT_GROWTH, GROWTH_INTERVALS, GROWTH_RANGES, type GrowthRange } from './growth-options';
import { nextPeriod, periodStart } from './periods';

export const growthQuerySchema = z.object({
  range: z.enum(GROWTH_RANGES).default(DEFAULT_GROWTH.range),
  interval: z.enum(GROWTH_INTERVALS).default(DEFAULT_GROWTH.interval),
});
export type GrowthQuery = z.infer<typeof growthQuerySchema>;

const RANGE_MS: Record<Exclude<GrowthRange, 'all'>, number> = {
  '24h': 86400_000,
  '7d': 7 * 86400_000,
  '30d': 30 * 86400_000,
  '90d': 90 * 86400_000,
};
/** More bars than this say nothing on a phone: a longer range moves up to days or weeks. */
const MAX_POINTS = 400;
const SUPPORTERS = 'supporters.signed';
const CLAIMANTS = 'claimants.registered';

export type GrowthPoint = {
  /** Start of the period (ISO instant; the period is Korean time). */
  start: string;
  /** Net change in the period (new minus withdrawn), and the running total at its end. */
  supporters: number;
  supportersTotal: number;
  claimants: number;
  claimantsTotal: number;
};

export type GrowthSeries = {
  range: GrowthRange;
  /** The interval used: the one asked for, or coarser when it would give too many points. */
  interval: SeriesInterval;
  from: string;
  to: string;
  points: GrowthPoint[];
  change: { supporters: number; claimants: number };
};

/** New and cumulative supporters (signatures) and claimant accounts per period over a range. */
export async function loadGrowthSeries(db: Database, caseId: string, query: GrowthQuery, now = new Date()): Promise<GrowthSeries> {
  const rangeStart =
    query.range === 'all'
      ? ((await readFirstBucket(db, caseId, [SUPPORTERS, CLAIMANTS])) ?? now)
      : new Date(now.getTime() - RANGE_MS[query.range]);
  const interval = coarsenInterval(rangeStart, now, query.interval);
  const from = periodStart(rangeStart, interval);
  const to = nextPeriod(periodStart(now, interval), interval);
  const points = await loadGrowthPoints(db, caseId, { from, to, interval });
  const first = points[0];
  const last = points.at(-1);
  const change = (key: 'supporters' | 'claimants') => (first && last ? last[`${key}Total`] - first[`${key}Total`] + first[key] : 0);
  return {
    range: query.range,
    interval,
    from: from.toISOString(),
    to: to.toISOString(),
    points,
    change: { supporters: change('supporters'), claimants: change('claimants') },
  };
}

/** Every period from `from` (a period start) up to `to`, gaps filled with zero change. */
export async function loadGrowthPoints(
  db: Database,
  caseId: string,
  range: { from: Date; to: Date; interval: SeriesInterval },
): Promise<GrowthPoint[]> {
  const [base, deltas] = await Promise.all([
    readMetricTotals(db, caseId, [SUPPORTERS, CLAIMANTS], { before: range.from }),
    readMetricSeries(db, caseId, [SUPPORTERS, CLAIMANTS], range),
  ]);
  const byPeriod = new Map<number, { supporters: number; claimants: number }>();
  for (const row of deltas) {
    const entry = byPeriod.get(row.start.getTime()) ?? { supporters: 0, claimants: 0 };
    if (row.metric === SUPPORTERS) entry.supporters += row.delta;
    else entry.claimants += row.delta;
    byPeriod.set(row.start.getTime(), entry);
  }
  const points: GrowthPoint[] = [];
  let supportersTotal = base[SUPPORTERS];
  let claimantsTotal = base[CLAIMANTS];
  for (let start = range.from; start < range.to; start = nextPeriod(start, range.interval)) {
    const change = byPeriod.get(start.getTime()) ?? { supporters: 0, claimants: 0 };
    supportersTotal += change.supporters;
    claimantsTotal += change.claimants;
    points.push({
      start: start.toISOString(),
      supporters: change.supporters,
      supportersTotal,
      claimants: change.claimants,
      claimantsTotal,
    });
  }
  return points;
}

function coarsenInterval(from: Date, to: Date, wanted: SeriesInterval): SeriesInterval {
  const order: SeriesInterval[] = ['hour', 'day', 'week'];
  const span = to.getTime() - from.getTime();
  const lengths: Record<SeriesInterval, number> = { hour: 3600_000, day: 86400_000, week: 7 * 86400_000 };
  for (const interval of order.slice(order.indexOf(wanted))) {
    if (span / lengths[interval] <= MAX_POINTS) return interval;
  }
  return 'week';
}
