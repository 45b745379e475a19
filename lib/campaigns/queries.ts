import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CampaignCode, campaignCodes } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { readDimensionTotals } from '@/lib/metrics/counters';

const SUPPORTERS = 'supporters.signed';
const CLAIMANTS = 'claimants.registered';

export type CampaignSignups = { supporters: number; claimants: number };
export type CampaignWithSignups = CampaignCode & CampaignSignups;

/**
 * The case's campaign codes with the sign-ups each brought (signatures and claimant accounts
 * whose `source` is the code, from the rollups), plus arrivals under any other source: codes
 * typed by hand, old links, or none at all ('').
 */
export async function listCampaignsWithSignups(
  db: Database,
  caseId: string,
): Promise<{ active: CampaignWithSignups[]; archived: CampaignWithSignups[]; otherSources: ({ source: string } & CampaignSignups)[] }> {
  const [codes, totals] = await Promise.all([
    db.select().from(campaignCodes).where(eq(campaignCodes.caseId, caseId)).orderBy(asc(campaignCodes.createdAt)),
    readDimensionTotals(db, caseId, [SUPPORTERS, CLAIMANTS], ['source']),
  ]);
  const supportersBySource = totals[SUPPORTERS]?.source ?? {};
  const claimantsBySource = totals[CLAIMANTS]?.source ?? {};
  const signupsOf = (source: string) => ({ supporters: supportersBySource[source] ?? 0, claimants: claimantsBySource[source] ?? 0 });
  const withSignups = codes.map((code) => ({ ...code, ...signupsOf(code.code) }));
  const known = new Set(codes.map((code) => code.code));
  const otherSources = [...new Set([...Object.keys(supportersBySource), ...Object.keys(claimantsBySource)])]
    .filter((source) => !known.has(source))
    .map((source) => ({ source, ...signupsOf(source) }))
    .filter((row) => row.supporters + row.claimants > 0)
    .sort((a, b) => b.supporters + b.claimants - (a.supporters + a.claimants));
  return { active: withSignups.filter((code) => !code.archivedAt), archived: withSignups.filter((code) => code.archivedAt), otherSources };
}

export async function findCampaignCode(db: Database, caseId: string, code: string): Promise<CampaignCode | null> {
  const [row] = await db
    .select()
    .from(campaignCodes)
    .where(and(eq(campaignCodes.caseId, caseId), eq(campaignCodes.code, code)));
  return row ?? null;
}

export async function createCampaignCode(
  db: Database,
  input: { caseId: string; code: string; label: string; createdBy: string },
): Promise<CampaignCode> {
  const [row] = await db.insert(campaignCodes).values(input).returning();
  return row;
}

/**
 * Archived codes stop being offered but keep counting: old flyers still work. False when the code
 * already was in that state; a code this case does not have is not found.
 */
export async function setCampaignCodeArchived(
  db: Database,
  caseId: string,
  code: string,
  isArchived: boolean,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(campaignCodes)
    .set({ archivedAt: isArchived ? now : null })
    .where(
      and(
        eq(campaignCodes.caseId, caseId),
        eq(campaignCodes.code, code),
        isArchived ? isNull(campaignCodes.archivedAt) : isNotNull(campaignCodes.archivedAt),
      ),
    )
    .returning({ id: campaignCodes.id });
  if (rows.length > 0) return true;
  if (!(await findCampaignCode(db, caseId, code))) throw new AppError('not_found');
  return false;
}
