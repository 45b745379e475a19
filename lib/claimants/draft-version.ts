import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, type DefinitionChangeNotice, claimants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { moveDraftToVersion } from '@/lib/claims';
import { loadCurrentDefinition, loadPublishedDefinition, openAnswers, sealAnswers } from '@/lib/claims/store';

type CaseVersion = { id: string; claimDefinitionVersion: number | null };

/**
 * Moves a draft onto the case's current definition when a newer one was published since it was
 * last saved: the answers that still fit are kept, the rest dropped, and what changed is kept on
 * the claim to show the claimant (until their next save) — with its audit row, in one transaction.
 * Only drafts move: a submitted claim (even one counsel asked more of) keeps the version it was
 * made under, and so does everything signed. Returns the claimant as it now stands.
 */
export async function bringDraftForward(db: Database, claimant: Claimant, caseRow: CaseVersion): Promise<Claimant> {
  const target = caseRow.claimDefinitionVersion;
  if (claimant.status !== 'draft' || !target || claimant.definitionVersion === target) return claimant;
  const next = await loadCurrentDefinition(db, caseRow);
  const before = claimant.definitionVersion ? await loadPublishedDefinition(db, caseRow.id, claimant.definitionVersion) : null;
  return db.transaction(async (tx) => {
    // Re-read under lock: a save in another tab may have moved it already.
    const [locked] = await tx
      .select()
      .from(claimants)
      .where(and(eq(claimants.id, claimant.id), eq(claimants.status, 'draft')))
      .for('update');
    if (!locked || locked.definitionVersion === target) return locked ?? claimant;
    if (!before) {
      // A draft from before the case had any definition has no answers to carry.
      const [fresh] = await tx
        .update(claimants)
        .set({ definitionVersion: target, definitionChanges: null })
        .where(eq(claimants.id, locked.id))
        .returning();
      return fresh;
    }
    const moved = moveDraftToVersion(
      { category: locked.category, answers: openAnswers(locked.answers) },
      before.definition,
      next.definition,
    );
    const notice: DefinitionChangeNotice = {
      fromVersion: before.version,
      toVersion: next.version,
      changes: moved.changes.map((change) => ({ path: change.path, change: change.change, message: change.message })),
    };
    const [updated] = await tx
      .update(claimants)
      .set({
        category: moved.category,
        answers: sealAnswers(next.definition, moved.answers),
        definitionVersion: next.version,
        definitionChanges: notice.changes.length > 0 ? notice : null,
        version: sql`${claimants.version} + 1`,
      })
      .where(eq(claimants.id, locked.id))
      .returning();
    await recordAudit(tx, {
      action: 'claim.definition_moved',
      actorUserId: locked.userId,
      caseId: locked.caseId,
      subjectType: 'claimant',
      subjectId: locked.id,
      details: {
        fromVersion: before.version,
        toVersion: next.version,
        dropped: moved.dropped,
        changes: notice.changes.map((c) => c.change),
      },
    });
    return updated;
  });
}
