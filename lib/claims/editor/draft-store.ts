import { and, eq, isNull, max } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, claimDefinitions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type ClaimDefinition, claimDefinitionSchema } from '../definition-schema';
import { type LoadedDefinition, loadPublishedDefinition, publishDefinition } from '../store/definitions';

/**
 * The editor's draft: one row of claim_definitions per case with `published_at` null, numbered as
 * the version it will become. It may change until it is published (the immutability trigger
 * spares unpublished rows); publishing turns it into the next published version in one
 * transaction, so a draft is never half published and never lost on a refused publication.
 */
export type EditorDraft = { version: number; definition: ClaimDefinition; updatedAt: Date };

export async function loadDraft(db: Database, caseId: string): Promise<EditorDraft | null> {
  const [row] = await db
    .select({ version: claimDefinitions.version, definition: claimDefinitions.definition, updatedAt: claimDefinitions.updatedAt })
    .from(claimDefinitions)
    .where(and(eq(claimDefinitions.caseId, caseId), isNull(claimDefinitions.publishedAt)));
  if (!row) return null;
  // A draft is only ever saved after it parses, so this holds; a row written some other way is set aside.
  const parsed = claimDefinitionSchema.safeParse(row.definition);
  return parsed.success ? { version: row.version, definition: parsed.data, updatedAt: row.updatedAt } : null;
}

/** What the editor opens: the draft, else the case's current published version to start a draft from. */
export async function loadEditableDefinition(
  db: Database,
  caseRow: { id: string; claimDefinitionVersion: number | null },
): Promise<{ draft: EditorDraft | null; current: LoadedDefinition | null }> {
  const [draft, current] = await Promise.all([
    loadDraft(db, caseRow.id),
    caseRow.claimDefinitionVersion ? loadPublishedDefinition(db, caseRow.id, caseRow.claimDefinitionVersion) : Promise.resolve(null),
  ]);
  return { draft, current };
}

/**
 * Writes the case's draft (creating it as the next version if there is none). The case row is
 * locked so a publish and a save, or two saves, do not interleave.
 */
export async function saveDraft(db: Database, caseId: string, definition: ClaimDefinition): Promise<EditorDraft> {
  return db.transaction(async (tx) => {
    const [caseRow] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!caseRow) throw new AppError('not_found');
    const [existing] = await tx
      .select({ version: claimDefinitions.version })
      .from(claimDefinitions)
      .where(and(eq(claimDefinitions.caseId, caseId), isNull(claimDefinitions.publishedAt)));
    if (existing) {
      const stored = { ...definition, version: existing.version };
      const [row] = await tx
        .update(claimDefinitions)
        .set({ definition: stored as unknown as Record<string, unknown>, updatedAt: new Date() })
        .where(
          and(eq(claimDefinitions.caseId, caseId), eq(claimDefinitions.version, existing.version), isNull(claimDefinitions.publishedAt)),
        )
        .returning({ updatedAt: claimDefinitions.updatedAt });
      return { version: existing.version, definition: stored, updatedAt: row.updatedAt };
    }
    const [{ last }] = await tx
      .select({ last: max(claimDefinitions.version) })
      .from(claimDefinitions)
      .where(eq(claimDefinitions.caseId, caseId));
    const version = (last ?? 0) + 1;
    const stored = { ...definition, version };
    const [row] = await tx
      .insert(claimDefinitions)
      .values({ caseId, version, definition: stored as unknown as Record<string, unknown> })
      .returning({ updatedAt: claimDefinitions.updatedAt });
    return { version, definition: stored, updatedAt: row.updatedAt };
  });
}

/** Throws the draft away; the published versions stay as they are. */
export async function discardDraft(db: Database, caseId: string): Promise<void> {
  await db.delete(claimDefinitions).where(and(eq(claimDefinitions.caseId, caseId), isNull(claimDefinitions.publishedAt)));
}

/**
 * Publishes the draft as the next version: the draft row goes and the published row comes in
 * one transaction, through lib/claims/store's publish (validated, audited). A definition that
 * does not validate is refused with every issue (DefinitionRefusedError) and the draft stays.
 */
export async function publishDraft(
  db: Database,
  input: { caseId: string; actorUserId: string; ip: string | null },
): Promise<LoadedDefinition> {
  return db.transaction(async (tx) => {
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).for('update');
    const draft = await loadDraft(tx, input.caseId);
    if (!draft) throw new AppError('not_found', { messageKey: 'admin.claimEditor.errors.noDraft' });
    await discardDraft(tx, input.caseId);
    return publishDefinition(tx, { caseId: input.caseId, definition: draft.definition, actorUserId: input.actorUserId, ip: input.ip });
  });
}
