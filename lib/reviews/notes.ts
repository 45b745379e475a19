import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, reviewNotes } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { recordStaffActivity } from '@/lib/claimants/record';
import { AppError } from '@/lib/errors';

export const MAX_NOTE_LENGTH = 4_000;

/**
 * An internal note on a claimant file. Notes belong to the legal team: nothing on the claimant's
 * side reads this table, and the audit row records that a note was written, not what it says.
 */
export async function addReviewNote(
  db: Database,
  input: { caseId: string; claimantId: string; body: string; actorId: string; ip: string | null },
): Promise<{ id: string }> {
  const body = input.body.trim();
  if (!body) throw new AppError('invalid_input', { fieldErrors: { body: 'validation.required' } });
  if (body.length > MAX_NOTE_LENGTH)
    throw new AppError('invalid_input', { fieldErrors: { body: `validation.tooLong|${JSON.stringify({ max: MAX_NOTE_LENGTH })}` } });
  return db.transaction(async (tx) => {
    const [claimant] = await tx
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(eq(claimants.id, input.claimantId), eq(claimants.caseId, input.caseId)));
    if (!claimant) throw new AppError('not_found');
    const [note] = await tx
      .insert(reviewNotes)
      .values({ claimantId: claimant.id, caseId: input.caseId, authorId: input.actorId, body })
      .returning({ id: reviewNotes.id });
    await recordStaffActivity(tx, input.caseId, claimant.id);
    await recordAudit(tx, {
      action: 'review.note_added',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'claimant',
      subjectId: claimant.id,
      ip: input.ip,
      details: { noteId: note.id, length: body.length },
    });
    return note;
  });
}
