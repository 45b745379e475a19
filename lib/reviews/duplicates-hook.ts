import type { Database } from '@/db/client';
import { detectDuplicatesForClaimant } from './duplicates';

/**
 * Called inside the submit transaction of every claim (lib/intake/submit.ts), so duplicate and
 * fraud signals exist from the moment a claim is submitted.
 */
export async function onClaimantSubmitted(tx: Database, claimantId: string): Promise<void> {
  await detectDuplicatesForClaimant(tx, claimantId);
}
