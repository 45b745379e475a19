import { createHash } from 'node:crypto';
import type { Database } from '@/db/client';
import type { Claimant, EvidenceUpload } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { OwnClaimant } from '@/lib/claimants/draft';
import { inspectUpload } from '../inspect';
import { withInspectionSlot } from '../inspection-slots';
import { type Actor, type EvidenceLimits, storeEvidence } from '../store';
import { readPieces } from './pieces';
import { discardUpload } from './upload-store';

/**
 * A resumable upload that has all its bytes becomes evidence exactly as a one-shot upload does:
 * the pieces are put together and hashed, and must hash to the SHA-256 the upload was started
 * with (pieces of two different files under one upload id are refused here); then the bytes are
 * judged (type by magic numbers, the PDF sandbox, the image re-encode) and stored under the
 * claimant's lock with the quota checks, in one transaction. Whatever the outcome, the upload and
 * its pieces go: a refused file leaves nothing behind, and the client starts afresh.
 */
export async function finishUpload(
  db: Database,
  input: { row: EvidenceUpload; claimant: OwnClaimant & Pick<Claimant, 'caseId'>; limits: EvidenceLimits; actor: Actor },
) {
  const { row } = input;
  try {
    if (row.receivedBytes !== row.byteSize) throw new AppError('conflict', { messageKey: 'intake.evidence.errors.uploadGone' });
    // The checks need the whole file (a PDF is parsed as a whole); it is at most EVIDENCE_MAX_FILE_BYTES,
    // and only a few are in memory at once.
    return await withInspectionSlot(async () => {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      for await (const chunk of readPieces(db, row.store, row.id, row.pieceCount)) {
        hash.update(chunk as Buffer);
        chunks.push(chunk as Buffer);
      }
      const bytes = new Uint8Array(Buffer.concat(chunks));
      const uploadedSha256 = hash.digest('hex');
      if (uploadedSha256 !== row.fingerprint || bytes.byteLength !== row.byteSize) {
        throw new AppError('conflict', { messageKey: 'intake.evidence.errors.uploadMismatch' });
      }
      const file = await inspectUpload(bytes);
      const result = await storeEvidence(db, {
        claimant: input.claimant,
        file,
        meta: {
          kind: row.meta.kind,
          label: row.meta.label,
          note: row.meta.note,
          filename: row.meta.filename,
          documentAuthor: row.meta.documentAuthor,
          documentDate: row.meta.documentDate,
        },
        limits: input.limits,
        actor: input.actor,
      });
      return { ...result, uploadedSha256 };
    });
  } finally {
    await discardUpload(db, row).catch((error: unknown) => console.warn('[joinder] could not discard a finished upload:', error));
  }
}
