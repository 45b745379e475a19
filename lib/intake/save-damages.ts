import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type DamageItem, damageItems } from '@/db/schema';
import type { DamageItemInput } from './damages';
import { type OwnClaimant, updateDraft } from './save';

/**
 * Replaces the claimant's damage items and keeps `claimed_total_krw` equal to their sum, in one
 * transaction: the review queue and the filings read the total, never a stale one. The claimant
 * row is updated first, which both checks the claim is still editable and locks it.
 */
export async function saveDamagesStep(db: Database, claimant: OwnClaimant, items: DamageItemInput[]): Promise<{ totalKrw: number }> {
  const totalKrw = items.reduce((sum, item) => sum + item.amountKrw, 0);
  await db.transaction(async (tx) => {
    await updateDraft(tx, claimant, 'damages', { claimedTotalKrw: totalKrw });
    await tx.delete(damageItems).where(eq(damageItems.claimantId, claimant.id));
    if (items.length === 0) return;
    await tx.insert(damageItems).values(
      items.map((item, position) => ({
        claimantId: claimant.id,
        caseId: claimant.caseId,
        position,
        category: item.category,
        description: item.description,
        amountKrw: item.amountKrw,
        calculation: item.calculation,
      })),
    );
  });
  return { totalKrw };
}

export async function listDamageItems(db: Database, claimant: Pick<OwnClaimant, 'id' | 'caseId'>): Promise<DamageItem[]> {
  return db
    .select()
    .from(damageItems)
    .where(and(eq(damageItems.claimantId, claimant.id), eq(damageItems.caseId, claimant.caseId)))
    .orderBy(asc(damageItems.position));
}
