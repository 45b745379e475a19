import type { Database } from '@/db/client';
import { readMetricSeries } from './counters';
import { addDays, nextPeriod, periodStart, toKstDate } from './periods';

export const MILESTONE_PERCENTS = [25, 50, 75, 100] as const;
/** "The recent rate": net growth per day over the last week. */
export const RATE_WINDOW_DAYS = 7;
/** Further out than this a projection is noise; we say the growth has stalled instead. */
const MAX_PROJECTION_DAYS = 3 * 365;
/** Counting starts well before any case could exist; the rollups hold nothing older. */
const BEGINNING = new Date('2000-01-01T00:00:00Z');

export type GoalKind = 'supporters' | 'plaintiffs';
/** What each goal counts: signatures (as the public counter shows) and verified plaintiffs. */
export const GOAL_METRICS = { supporters: 'supporters.signed', plaintiffs: 'claimants.verified' } as const satisfies Record<
  GoalKind,
  string
>;

export type Milestone = { percent: number; target: number; isReached: boolean; reachedOn: string | null };

export type GoalProgress = {
  kind: GoalKind;
  goal: number;
  current: number;
  /** 0–100, rounded down so 99.6 % is not shown as reached. */
  percent: number;
  milestones: Milestone[];
  /** Net growth per day over the last RATE_WINDOW_DAYS days. */
  ratePerDay: number;
  /** Korean date the goal is expected at the recent rate; null when reached, stalled or unset. */
  projectedOn: string | null;
  status: 'no_goal' | 'reached' | 'on_track' | 'stalled';
};

export type DailyTotal = { date: string; total: number };

/** Cumulative total at the end of each Korean day from the first count to today. */
export async function loadDailyTotals(
  db: Database,
  caseId: string,
  metrics: readonly string[],
  now = new Date(),
): Promise<Record<string, DailyTotal[]>> {
  const to = nextPeriod(periodStart(now, 'day'), 'day');
  const rows = await readMetricSeries(db, caseId, metrics, { from: BEGINNING, to, interval: 'day' });
  const result: Record<string, DailyTotal[]> = {};
  for (const metric of metrics) {
    const days = rows.filter((row) => row.metric === metric).sort((a, b) => a.start.getTime() - b.start.getTime());
    let total = 0;
    result[metric] = days.map((row) => ({ date: toKstDate(row.start), total: (total += row.delta) }));
  }
  return result;
}

/** Progress, milestones and the projected date of one goal from its daily totals (no gaps needed). */
export function projectGoal(kind: GoalKind, goal: number, current: number, daily: DailyTotal[], now = new Date()): GoalProgress {
  const milestones = MILESTONE_PERCENTS.map((percent) => {
    const target = Math.ceil((goal * percent) / 100);
    return { percent, target, isReached: goal > 0 && current >= target, reachedOn: goal > 0 ? lastCrossing(daily, target) : null };
  });
  const windowStart = toKstDate(addDays(now, -RATE_WINDOW_DAYS));
  const before = [...daily].reverse().find((day) => day.date <= windowStart);
  const ratePerDay = (current - (before?.total ?? 0)) / RATE_WINDOW_DAYS;
  const base = { kind, goal, current, percent: goal > 0 ? Math.min(100, Math.floor((current / goal) * 100)) : 0, milestones, ratePerDay };
  if (goal <= 0) return { ...base, projectedOn: null, status: 'no_goal' };
  if (current >= goal) return { ...base, projectedOn: null, status: 'reached' };
  const days = Math.ceil((goal - current) / ratePerDay);
  if (ratePerDay <= 0 || days > MAX_PROJECTION_DAYS) return { ...base, projectedOn: null, status: 'stalled' };
  return { ...base, projectedOn: toKstDate(addDays(now, days)), status: 'on_track' };
}

/** The day the total last rose to the target (after any dip below it), or null if it is below now. */
function lastCrossing(daily: DailyTotal[], target: number): string | null {
  let reachedOn: string | null = null;
  for (const day of daily) {
    if (day.total >= target) reachedOn ??= day.date;
    else reachedOn = null;
  }
  return reachedOn;
}
