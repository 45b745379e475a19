import type { Case } from '@/db/schema';
import type { ClaimContext } from '@/lib/claimants/claim-context';
import { identityStepSchema } from '@/lib/claimants/schemas';

/**
 * The identity step's schema for this claim: business fields per category, guardian fields for a
 * minor, regions of the definition's jurisdiction, and the Latin-letter name when the case files
 * in English (a U.S. court).
 */
export function identityContextFor(context: ClaimContext, caseRow: Pick<Case, 'jurisdiction'>) {
  return identityStepSchema(identityOptionsFor(context, caseRow));
}

export function identityOptionsFor(context: ClaimContext, caseRow: Pick<Case, 'jurisdiction'>) {
  const category = context.definition.categories.find((item) => item.id === context.claimant.category) ?? null;
  return {
    category,
    isMinor: context.claimant.isMinor,
    jurisdiction: context.definition.jurisdiction,
    asksLatinName: caseRow.jurisdiction === 'US' || context.definition.jurisdiction === 'US',
  };
}
