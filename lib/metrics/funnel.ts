/**
 * The case's funnel, from people who back it to plaintiffs on a filing. Each stage counts people
 * currently in it (withdrawn people are already subtracted by the rollups and shown apart).
 * Supporters and claimants are different people, so the first conversion can exceed 100 %.
 */
export const FUNNEL_STAGES = [
  { id: 'supporters', metric: 'supporters.confirmed', isSubsetOfPrevious: false },
  // Claimant accounts are not a subset of supporters: no drop-off between the two.
  { id: 'registered', metric: 'claimants.registered', isSubsetOfPrevious: false },
  { id: 'submitted', metric: 'claimants.submitted', isSubsetOfPrevious: true },
  { id: 'complete', metric: 'claimants.complete', isSubsetOfPrevious: true },
  { id: 'verified', metric: 'claimants.verified', isSubsetOfPrevious: true },
  { id: 'filed', metric: 'claimants.filed', isSubsetOfPrevious: true },
] as const;

export type FunnelStageId = (typeof FUNNEL_STAGES)[number]['id'];

export type FunnelStage = {
  id: FunnelStageId;
  count: number;
  /** This stage as a share of the one before (null for the first, or when the one before is 0). */
  conversion: number | null;
  /** People of the stage before who did not (yet) reach this one; null where it is not a subset. */
  dropOff: number | null;
};

export function buildFunnel(totals: Record<string, number>): FunnelStage[] {
  return FUNNEL_STAGES.map((stage, index) => {
    const count = totals[stage.metric] ?? 0;
    if (index === 0) return { id: stage.id, count, conversion: null, dropOff: null };
    const previous = totals[FUNNEL_STAGES[index - 1].metric] ?? 0;
    return {
      id: stage.id,
      count,
      conversion: previous > 0 ? count / previous : null,
      dropOff: stage.isSubsetOfPrevious ? Math.max(0, previous - count) : null,
    };
  });
}
