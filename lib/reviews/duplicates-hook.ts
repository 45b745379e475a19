import type { Database } from '@/db/client';

/**
 * Called inside the submit transaction of every claim (lib/intake/submit.ts), so duplicate and
 * fraud signals exist from the moment a claim is submitted. Empty on the claimants branch: the
 * lead wires the review engineer's `detectDuplicatesForClaimant(tx, claimantId)` into it at merge.
 */
export async function onClaimantSubmitted(_tx: Database, _claimantId: string): Promise<void> {}
