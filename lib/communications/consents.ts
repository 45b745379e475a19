import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { commConsents } from '@/db/schema';

/** The consent text a supporter agreed to for updates, `key@version` (e.g. `petition.updates@1`). */
export type UpdatesConsentText = `${string}@${number}`;

/**
 * The petition form's "send me updates" text (`petition.form.updatesConsent` in ko and en):
 * raise the version whenever either language's wording changes, so each consent names what it saw.
 */
export const PETITION_UPDATES_CONSENT: UpdatesConsentText = 'petition.updates@1';

/**
 * Records that a supporter agreed to receive updates about the case, naming the text they saw;
 * called in the transaction that stores the signature (the petition form's updates checkbox).
 * Agreeing again after a withdrawal records the new text.
 */
export async function recordUpdatesConsent(
  db: Database,
  input: { caseId: string; supporterId: string; consentText: UpdatesConsentText },
): Promise<void> {
  await db
    .insert(commConsents)
    .values(input)
    .onConflictDoUpdate({
      target: [commConsents.caseId, commConsents.supporterId],
      set: { consentText: input.consentText, withdrawnAt: null, updatedAt: sql`now()` },
    });
}

/** Withdrawing the consent stops updates; transactional notices are unaffected (supporters get none). */
export async function withdrawUpdatesConsent(db: Database, caseId: string, supporterId: string): Promise<void> {
  await db
    .update(commConsents)
    .set({ withdrawnAt: new Date() })
    .where(and(eq(commConsents.caseId, caseId), eq(commConsents.supporterId, supporterId)));
}
