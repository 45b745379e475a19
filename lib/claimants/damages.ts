import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type DamageItem, damageItems } from '@/db/schema';
import { type ComputedDamageItem, computeDamages, type DamageItemInput } from '@/lib/claims';
import { AppError } from '@/lib/errors';
import { localizedMessageKey } from '@/lib/forms/zod-errors';
import type { ClaimContext } from './claim-context';
import { type OwnClaimant, updateDraft } from './draft';

/** The form sends the item list as one JSON field; a broken one is an empty list, not a crash. */
export function readDamageItems(raw: string | undefined): DamageItemInput[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((item): item is DamageItemInput => typeof item === 'object' && item !== null) : [];
  } catch {
    return [];
  }
}

/** What a stored item keeps beside its amount: how it was arrived at, to re-derive and explain it. */
function calculationOf(item: ComputedDamageItem): Record<string, unknown> | null {
  if (item.source === 'helper') return { helper: item.helper, formula: item.formula, inputs: item.inputs };
  if (item.source === 'fixed') return { source: 'fixed' };
  return null;
}

/**
 * Replaces the claimant's damages: the fixed amounts counsel set that apply to them, and their
 * own items, each recomputed by the engine (a helper's amount from its inputs, never the
 * browser's arithmetic). `claimed_total_krw` stays equal to their sum in the same transaction.
 */
export async function saveDamagesStep(db: Database, context: ClaimContext, items: DamageItemInput[]): Promise<{ total: number }> {
  const computed = computeDamages(context.definition, context.state, items);
  if (!computed.ok) {
    throw new AppError('invalid_input', {
      fieldErrors: Object.fromEntries(computed.issues.map((issue) => [issue.path, localizedMessageKey(issue.message)])),
    });
  }
  const claimant = context.claimant;
  await db.transaction(async (tx) => {
    // The claimant row first: it checks the claim is still editable and locks it.
    await updateDraft(tx, claimant, 'damages', { claimedTotalKrw: computed.total });
    await tx.delete(damageItems).where(eq(damageItems.claimantId, claimant.id));
    if (computed.items.length === 0) return;
    await tx.insert(damageItems).values(
      computed.items.map((item, position) => ({
        claimantId: claimant.id,
        caseId: claimant.caseId,
        position,
        category: item.category,
        description: item.description,
        amountKrw: item.amount,
        calculation: calculationOf(item),
      })),
    );
  });
  return { total: computed.total };
}

export async function listDamageItems(db: Database, claimant: Pick<OwnClaimant, 'id' | 'caseId'>): Promise<DamageItem[]> {
  return db
    .select()
    .from(damageItems)
    .where(and(eq(damageItems.claimantId, claimant.id), eq(damageItems.caseId, claimant.caseId)))
    .orderBy(asc(damageItems.position));
}

/** Stored items back as the engine's input (fixed ones are the definition's, recomputed, not typed). */
export function toDamageInputs(items: readonly DamageItem[]): DamageItemInput[] {
  return items
    .filter((item) => (item.calculation as { source?: string } | null)?.source !== 'fixed')
    .map((item) => {
      const calculation = item.calculation as { helper?: string; inputs?: Record<string, number> } | null;
      return {
        category: item.category,
        description: item.description,
        amount: item.amountKrw,
        calculation: calculation?.helper ? { helper: calculation.helper, inputs: calculation.inputs ?? {} } : null,
      };
    });
}
