import type { Database } from '@/db/client';
import { type ErasureOutcome, eraseOwnAccount } from '@/lib/claimants/erase';
import { discardDraftsHolding } from '@/lib/filings/discard-drafts';

/**
 * The right to erasure, across the domains that keep a person's data: the claims (lib/claimants,
 * which also takes the signatures, messages and the account) and the draft packets that print
 * them (lib/filings). It sits above both so that neither imports the other back.
 */
export function eraseAccount(db: Database, input: { userId: string; ip: string }): Promise<ErasureOutcome> {
  return eraseOwnAccount(db, input, discardDraftsHolding);
}
