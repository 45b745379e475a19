import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, cases, claimants } from '@/db/schema';
import { AppError } from '@/lib/errors';

/**
 * Makes the user a claimant of the case (a draft they fill in through the intake). One claimant
 * record per person per case: joining twice returns the existing record.
 */
export async function enrollClaimant(
  db: Database,
  input: { userId: string; caseSlug: string; source?: string | null; ipHash?: string | null; locale: 'ko' | 'en' },
): Promise<Claimant> {
  const [found] = await db
    .select({ id: cases.id, status: cases.status, definitionVersion: cases.claimDefinitionVersion })
    .from(cases)
    .where(eq(cases.slug, input.caseSlug));
  if (!found || found.status !== 'open') throw new AppError('not_found', { messageKey: 'errors.caseClosed' });
  const [created] = await db
    .insert(claimants)
    .values({
      caseId: found.id,
      userId: input.userId,
      source: input.source ?? null,
      signupIpHash: input.ipHash ?? null,
      locale: input.locale,
      // A new draft starts on the case's current definition (lib/claims/store).
      definitionVersion: found.definitionVersion,
    })
    .onConflictDoNothing({ target: [claimants.caseId, claimants.userId] })
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(claimants)
    .where(and(eq(claimants.caseId, found.id), eq(claimants.userId, input.userId)));
  return existing;
}

/** The cases a user is a claimant in, for their home page. */
export async function listOwnClaims(db: Database, userId: string) {
  return db
    .select({ claimant: claimants, case: cases })
    .from(claimants)
    .innerJoin(cases, eq(cases.id, claimants.caseId))
    .where(eq(claimants.userId, userId));
}
