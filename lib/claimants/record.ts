import { type SQLWrapper, and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimantStatus, claimants, duplicateFlags } from '@/db/schema';
import { markStepDone } from './draft';
import type { IntakeStep } from './intake-steps';

/**
 * The claimant record's writes for the domains above lib/claimants (issue 18, item 8): a step of
 * the claim, a submission, a review decision, an assignment, the duplicate-flag count. Each bumps
 * what it must (`version` for an edit others may be looking at, `last_activity_at` for the queue's
 * "last moved" order) in the caller's transaction, so a domain says what happened and this file
 * decides how the row changes.
 */

/** What a finished intake step proves, written with the step in one statement. */
type StepFacts = Partial<{ hasSignedConsent: boolean; hasSignedStatement: boolean; evidenceCount: number }>;

export async function recordStepDone(tx: Database, claimantId: string, step: IntakeStep, facts: StepFacts): Promise<void> {
  await tx
    .update(claimants)
    .set({ ...facts, completedSteps: markStepDone(step), lastActivityAt: sql`now()`, version: sql`${claimants.version} + 1` })
    .where(eq(claimants.id, claimantId));
}

export async function recordEvidenceRemoved(tx: Database, claimantId: string): Promise<void> {
  await tx
    .update(claimants)
    .set({
      evidenceCount: sql`greatest(${claimants.evidenceCount} - 1, 0)`,
      lastActivityAt: sql`now()`,
      version: sql`${claimants.version} + 1`,
    })
    .where(eq(claimants.id, claimantId));
}

export async function recordSubmitted(tx: Database, claimantId: string, referenceNumber: string, at: Date): Promise<void> {
  await tx
    .update(claimants)
    .set({ status: 'submitted', referenceNumber, submittedAt: at, lastActivityAt: at, version: sql`${claimants.version} + 1` })
    .where(eq(claimants.id, claimantId));
}

/** Staff touched the claim without changing it (a review note): it moves up the "last moved" order. */
export async function recordStaffActivity(tx: Database, caseId: string, claimantId: string): Promise<void> {
  await tx
    .update(claimants)
    .set({ lastActivityAt: new Date() })
    .where(and(eq(claimants.id, claimantId), eq(claimants.caseId, caseId)));
}

export type StatusChange = {
  caseId: string;
  claimantId: string;
  /** The version the reviewer saw: another change since makes this one stale. */
  expectedVersion: number;
  status: Extract<ClaimantStatus, 'verified' | 'rejected' | 'needs_info'>;
  at: Date;
  rejectionReason?: string;
};

/** A lawyer's decision on the claim; null when the claim changed since the reviewer loaded it. */
export async function recordStatusChange(tx: Database, change: StatusChange): Promise<{ version: number } | null> {
  const stamps =
    change.status === 'verified'
      ? { verifiedAt: change.at, rejectedAt: null, rejectionReason: null }
      : change.status === 'rejected'
        ? { rejectedAt: change.at, rejectionReason: change.rejectionReason ?? '' }
        : { needsInfoAt: change.at };
  const [updated] = await tx
    .update(claimants)
    .set({ status: change.status, version: sql`${claimants.version} + 1`, lastActivityAt: change.at, ...stamps })
    .where(and(eq(claimants.id, change.claimantId), eq(claimants.caseId, change.caseId), eq(claimants.version, change.expectedVersion)))
    .returning({ version: claimants.version });
  return updated ?? null;
}

/** Hands claims of one case to a lawyer (or back to nobody); returns the ids it changed. */
export async function recordAssignment(tx: Database, caseId: string, claimantIds: string[], lawyerId: string | null): Promise<string[]> {
  const updated = await tx
    .update(claimants)
    .set({ assignedLawyerId: lawyerId })
    .where(and(eq(claimants.caseId, caseId), inArray(claimants.id, claimantIds)))
    .returning({ id: claimants.id });
  return updated.map((row) => row.id);
}

/** Brings each claim's open duplicate-flag count (the queue's filter) in line with its flags. */
export async function syncOpenFlagCounts(db: Database, caseId: string, claimantIds: string[]): Promise<void> {
  const openFlags = sql`(select count(*) from ${duplicateFlags} f where f.claimant_id = ${claimants.id} and f.status = 'open')`;
  for (let start = 0; start < claimantIds.length; start += 1000) {
    const ids = claimantIds.slice(start, start + 1000);
    await db
      .update(claimants)
      .set({ openFlagCount: openFlags })
      .where(and(eq(claimants.caseId, caseId), inArray(claimants.id, ids), sql`${claimants.openFlagCount} <> ${openFlags}`));
  }
}

/**
 * A recorded court filing holds its claimants (legal hold: erasure restricts instead), and charts
 * them as filed on the court's day. Only claimants of `caseId` are marked; `claimantIds` may be a
 * subquery of the filing's own list.
 */
export async function recordOnCourtFiling(
  tx: Database,
  caseId: string,
  claimantIds: string[] | SQLWrapper,
  filedAt: Date,
): Promise<{ id: string }[]> {
  if (Array.isArray(claimantIds) && claimantIds.length === 0) return [];
  return tx
    .update(claimants)
    .set({ isOnFiling: true, filedAt })
    .where(and(eq(claimants.caseId, caseId), inArray(claimants.id, claimantIds)))
    .returning({ id: claimants.id });
}
