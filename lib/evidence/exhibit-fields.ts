import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { evidence } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { parseCalendarDate, toKstDateInput } from '@/lib/forms/validators';

export const MAX_LABEL_LENGTH = 120;
export const MAX_AUTHOR_LENGTH = 100;
export const MAX_PROVES_WHAT_LENGTH = 1_000;

/** 작성자, as typed; empty when not known. */
export const documentAuthorSchema = z.string().trim().max(MAX_AUTHOR_LENGTH).default('');

/**
 * 작성일: a calendar date, not after today in Korea (a document cannot be made tomorrow); empty
 * means not known and is stored as null.
 */
export const documentDateSchema = z
  .string()
  .trim()
  .default('')
  .refine((value) => value === '' || parseCalendarDate(value) !== null, 'validation.date')
  .refine((value) => value === '' || value <= toKstDateInput(new Date()), 'validation.dateInFuture')
  .transform((value) => value || null);

/** What counsel sets per file at review for the exhibit list (민사소송규칙 제105조). */
export const exhibitFieldsSchema = z.object({
  label: z.string().trim().min(1).max(MAX_LABEL_LENGTH),
  documentAuthor: documentAuthorSchema,
  documentDate: documentDateSchema,
  provesWhat: z.string().trim().max(MAX_PROVES_WHAT_LENGTH).default(''),
});

export type ExhibitFields = z.infer<typeof exhibitFieldsSchema>;

/**
 * Sets a file's title, 작성자, 작성일 and 입증취지. The file is found by its id, its claimant AND
 * its case together, so an id from another claimant or case is simply not found. The audit row
 * names the fields that changed, not their text: 입증취지 is counsel's work product.
 */
export async function updateExhibitFields(
  db: Database,
  input: { caseId: string; claimantId: string; evidenceId: string; fields: ExhibitFields; actorId: string; ip: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(evidence)
      .where(and(eq(evidence.id, input.evidenceId), eq(evidence.claimantId, input.claimantId), eq(evidence.caseId, input.caseId)))
      .for('update');
    if (!current) throw new AppError('not_found');
    const { fields } = input;
    const changed = (
      [
        ['label', current.label !== fields.label],
        ['documentAuthor', current.documentAuthor !== fields.documentAuthor],
        ['documentDate', current.documentDate !== fields.documentDate],
        ['provesWhat', current.provesWhat !== fields.provesWhat],
      ] as const
    )
      .filter(([, isChanged]) => isChanged)
      .map(([name]) => name);
    if (changed.length === 0) return;
    await tx.update(evidence).set(fields).where(eq(evidence.id, current.id));
    await recordAudit(tx, {
      action: 'evidence.exhibit_fields_set',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'evidence',
      subjectId: current.id,
      ip: input.ip,
      details: { claimantId: input.claimantId, changed },
    });
  });
}
