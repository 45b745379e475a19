import { and, asc, count, eq, inArray, sum } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, type Evidence, claimants, evidence } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { sha256Hex } from '@/lib/crypto/hash';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { OwnClaimant } from '@/lib/claimants/draft';
import { recordEvidenceRemoved, recordStepDone } from '@/lib/claimants/record';
import { EDITABLE_STATUSES } from '@/lib/claimants/intake-steps';
import { deleteBlobIfUnused, purgeDeletedBlobs, putBlob } from '@/lib/blobs/blobs';
import { megabytes } from './receive';
import type { InspectedUpload } from './inspect';

export type EvidenceLimits = { maxFileBytes: number; maxFiles: number; maxTotalBytes: number };

export function evidenceLimits(): EvidenceLimits {
  const env = getEnv();
  return { maxFileBytes: env.EVIDENCE_MAX_FILE_BYTES, maxFiles: env.EVIDENCE_MAX_FILES, maxTotalBytes: env.EVIDENCE_MAX_TOTAL_BYTES };
}

export type EvidenceMeta = {
  kind: string;
  label: string;
  note: string;
  filename: string;
  documentAuthor?: string;
  documentDate?: string | null;
};
export type Actor = { userId: string; ip: string };

async function lockEditableClaimant(db: Database, claimant: OwnClaimant): Promise<Claimant> {
  const [locked] = await db
    .select()
    .from(claimants)
    .where(and(eq(claimants.id, claimant.id), eq(claimants.userId, claimant.userId), inArray(claimants.status, [...EDITABLE_STATUSES])))
    .for('update');
  if (!locked) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
  return locked;
}

async function usageOf(db: Database, claimantId: string): Promise<{ files: number; bytes: number }> {
  const [usage] = await db
    .select({ files: count(), bytes: sum(evidence.byteSize).mapWith(Number) })
    .from(evidence)
    .where(eq(evidence.claimantId, claimantId));
  return { files: usage?.files ?? 0, bytes: usage?.bytes ?? 0 };
}

function tooManyFiles(limits: EvidenceLimits): AppError {
  return new AppError('payload_too_large', {
    messageKey: `intake.evidence.errors.tooManyFiles|${JSON.stringify({ max: limits.maxFiles })}`,
  });
}

/** Before reading a body: a claimant already at the file limit learns so without uploading. */
export async function assertRoomForAnotherFile(db: Database, claimant: OwnClaimant, limits: EvidenceLimits): Promise<void> {
  if ((await usageOf(db, claimant.id)).files >= limits.maxFiles) throw tooManyFiles(limits);
}

/**
 * Stores an inspected upload. The claimant row is locked first, so two uploads racing past the
 * quota cannot both win; the same file twice (same bytes after cleaning) is not stored again
 * but answered with the earlier record, flagged as a duplicate.
 */
export async function storeEvidence(
  db: Database,
  input: { claimant: OwnClaimant; file: InspectedUpload; meta: EvidenceMeta; limits: EvidenceLimits; actor: Actor },
): Promise<{ evidence: Evidence; isDuplicate: boolean }> {
  const sha256 = sha256Hex(input.file.bytes);
  const byteSize = input.file.bytes.byteLength;
  return db.transaction(async (tx) => {
    const claimant = await lockEditableClaimant(tx, input.claimant);
    const [existing] = await tx
      .select()
      .from(evidence)
      .where(and(eq(evidence.claimantId, claimant.id), eq(evidence.sha256, sha256)));
    if (existing) return { evidence: existing, isDuplicate: true };
    const usage = await usageOf(tx, claimant.id);
    if (usage.files + 1 > input.limits.maxFiles) throw tooManyFiles(input.limits);
    if (usage.bytes + byteSize > input.limits.maxTotalBytes) {
      throw new AppError('payload_too_large', {
        messageKey: `intake.evidence.errors.quotaExceeded|${JSON.stringify({ max: megabytes(input.limits.maxTotalBytes) })}`,
      });
    }
    await putBlob(tx, input.file.bytes, input.file.mime, sha256);
    const [stored] = await tx
      .insert(evidence)
      .values({
        claimantId: claimant.id,
        caseId: claimant.caseId,
        kind: input.meta.kind,
        label: input.meta.label,
        note: input.meta.note,
        documentAuthor: input.meta.documentAuthor ?? '',
        documentDate: input.meta.documentDate ?? null,
        originalFilename: input.meta.filename,
        detectedMime: input.file.mime,
        byteSize,
        sha256,
        pageCount: input.file.pageCount,
        uploadedBy: input.actor.userId,
      })
      .returning();
    await recordStepDone(tx, claimant.id, 'evidence', { evidenceCount: usage.files + 1 });
    await recordAudit(tx, {
      action: 'evidence.uploaded',
      actorUserId: input.actor.userId,
      caseId: claimant.caseId,
      subjectType: 'evidence',
      subjectId: stored.id,
      ip: input.actor.ip,
      details: {
        claimantId: claimant.id,
        sha256,
        byteSize,
        mime: input.file.mime,
        kind: input.meta.kind,
        pageCount: input.file.pageCount,
        // A PDF rebuilt without attachments or actions: the record says what was taken out.
        ...(input.file.removed ? { removedFromPdf: input.file.removed } : {}),
      },
    });
    return { evidence: stored, isDuplicate: false };
  });
}

/**
 * Removes a file before it is submitted. While counsel asks for more (needs_info), only files
 * added since that request can go: what was submitted stays on the record.
 */
export async function removeEvidence(db: Database, input: { claimant: OwnClaimant; evidenceId: string; actor: Actor }): Promise<void> {
  const deleted = await db.transaction(async (tx) => {
    const claimant = await lockEditableClaimant(tx, input.claimant);
    const [row] = await tx
      .select()
      .from(evidence)
      .where(and(eq(evidence.id, input.evidenceId), eq(evidence.claimantId, claimant.id), eq(evidence.caseId, claimant.caseId)));
    if (!row) throw new AppError('not_found');
    if (claimant.status !== 'draft' && (!claimant.needsInfoAt || row.uploadedAt < claimant.needsInfoAt)) {
      throw new AppError('conflict', { messageKey: 'intake.evidence.errors.alreadySubmitted' });
    }
    await tx.delete(evidence).where(and(eq(evidence.id, row.id), eq(evidence.claimantId, claimant.id)));
    const unused = await deleteBlobIfUnused(tx, row.sha256);
    await recordEvidenceRemoved(tx, claimant.id);
    await recordAudit(tx, {
      action: 'evidence.removed',
      actorUserId: input.actor.userId,
      caseId: claimant.caseId,
      subjectType: 'evidence',
      subjectId: row.id,
      ip: input.actor.ip,
      details: { claimantId: claimant.id, sha256: row.sha256 },
    });
    return unused;
  });
  // Object stores are not part of the transaction: their bytes go once the row's deletion is final.
  await purgeDeletedBlobs(db, [deleted]);
}

export async function listOwnEvidence(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>): Promise<Evidence[]> {
  return db
    .select()
    .from(evidence)
    .where(and(eq(evidence.claimantId, claimant.id), eq(evidence.caseId, claimant.caseId)))
    .orderBy(asc(evidence.uploadedAt));
}
