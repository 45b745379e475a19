import { and, count, eq, sql, sum } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, defendants, filingClaimants, filings } from '@/db/schema';

/** What the worksheet is computed from: the claims added up, how many claimants, how many defendants. */
export type CostBasis = { claimValueKrw: number; claimantCount: number; defendantCount: number };

async function countDefendants(db: Database, caseId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(defendants).where(eq(defendants.caseId, caseId));
  return row?.total ?? 0;
}

/**
 * The claimants a new filing would take: verified and not already on a recorded court filing.
 * Their claims are read from the denormalised total each claim keeps with its damage items.
 */
export async function loadUnfiledCostBasis(db: Database, caseId: string): Promise<CostBasis> {
  const [[row], defendantCount] = await Promise.all([
    db
      .select({ total: sum(claimants.claimedTotalKrw).mapWith(Number), claimantCount: count() })
      .from(claimants)
      .where(and(eq(claimants.caseId, caseId), eq(claimants.status, 'verified'), eq(claimants.isOnFiling, false))),
    countDefendants(db, caseId),
  ]);
  return { claimValueKrw: row?.total ?? 0, claimantCount: row?.claimantCount ?? 0, defendantCount };
}

/** One built packet's claimants, from the snapshots it was built from (not today's records); null if no such version. */
export async function loadFilingCostBasis(db: Database, caseId: string, version: number): Promise<CostBasis | null> {
  const [filing] = await db
    .select({ id: filings.id })
    .from(filings)
    .where(and(eq(filings.caseId, caseId), eq(filings.version, version)));
  if (!filing) return null;
  const [[row], defendantCount] = await Promise.all([
    db
      .select({
        total: sql<string>`coalesce(sum((${filingClaimants.snapshot}->'damages'->>'totalKrw')::bigint), 0)`,
        claimantCount: count(),
      })
      .from(filingClaimants)
      .where(eq(filingClaimants.filingId, filing.id)),
    countDefendants(db, caseId),
  ]);
  return { claimValueKrw: Number(row?.total ?? 0), claimantCount: row?.claimantCount ?? 0, defendantCount };
}
