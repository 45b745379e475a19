import type { Database } from '@/db/client';
import { type Case, claimantStatusEnum } from '@/db/schema';
import { type Breakdowns, loadBreakdowns } from './breakdowns';
import { CLAIMANT_METRICS, SUPPORTER_METRICS, readMetricTotals } from './counters';
import { type FunnelStage, buildFunnel } from './funnel';
import { GOAL_METRICS, type GoalProgress, loadDailyTotals, projectGoal } from './goals';

const STATUS_METRICS = claimantStatusEnum.enumValues.map((status) => `claimants.status.${status}` as const);

export type DashboardSummary = {
  case: string;
  funnel: FunnelStage[];
  supporters: { signed: number; confirmed: number; unconfirmed: number; withdrawn: number };
  claimants: { withdrawn: number; byStatus: Record<string, number> };
  goals: GoalProgress[];
  breakdowns: Breakdowns;
  updatedAt: string;
};

/**
 * Everything the dashboard shows except the growth series, in three reads of the rollups (totals,
 * breakdowns, daily totals for the goals) — never a count over the supporters or claimants rows.
 */
export async function loadDashboardSummary(db: Database, found: Case, now = new Date()): Promise<DashboardSummary> {
  const goalMetrics = Object.values(GOAL_METRICS);
  const [totals, breakdowns, daily] = await Promise.all([
    readMetricTotals(db, found.id, [...SUPPORTER_METRICS, ...CLAIMANT_METRICS, ...STATUS_METRICS]),
    loadBreakdowns(db, found.id),
    loadDailyTotals(db, found.id, goalMetrics, now),
  ]);
  const byStatus = Object.fromEntries(claimantStatusEnum.enumValues.map((status) => [status, totals[`claimants.status.${status}`]]));
  return {
    case: found.slug,
    funnel: buildFunnel(totals),
    supporters: {
      signed: totals['supporters.signed'],
      confirmed: totals['supporters.confirmed'],
      unconfirmed: Math.max(0, totals['supporters.signed'] - totals['supporters.confirmed']),
      withdrawn: totals['supporters.withdrawn'],
    },
    claimants: { withdrawn: totals['claimants.withdrawn'], byStatus },
    goals: [
      projectGoal('supporters', found.supporterGoal, totals[GOAL_METRICS.supporters], daily[GOAL_METRICS.supporters], now),
      projectGoal('plaintiffs', found.plaintiffGoal, totals[GOAL_METRICS.plaintiffs], daily[GOAL_METRICS.plaintiffs], now),
    ],
    breakdowns,
    updatedAt: now.toISOString(),
  };
}
