import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { courtFilings, filingAttachments, filingClaimants, filingParts, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { deleteBlobIfUnused, type StoredBlob } from '@/lib/blobs/blobs';
import { cancelFilingJob } from './cancel-filing';

/** What a discarded draft says on its page, instead of its parts. */
export const DISCARDED_FOR_ERASURE = 'filings.errors.discardedForErasure';

/**
 * Before erasing claimants, inside the erasure's transaction: every draft packet that holds them
 * (built or still building, but never recorded as filed) is discarded. Its PDFs carry their
 * names and addresses, and a draft is no legal reason to keep them, so its parts, its attachments
 * and their blobs go, a running build is cancelled with its job, and their rows leave the draft's claimant list.
 * The other claimants' snapshots stay, so the version still says what it was. A packet recorded
 * as filed is never touched: the caller restricts instead of erasing then (legal hold). The
 * blobs whose rows went are added to `deletedBlobs`, for the caller to purge from an object store
 * once its transaction has committed.
 */
export async function discardDraftsHolding(
  tx: Database,
  claimantIds: string[],
  actorUserId: string,
  ip: string | null,
  deletedBlobs: (StoredBlob | null)[] = [],
): Promise<number> {
  if (claimantIds.length === 0) return 0;
  const drafts = await tx
    .select({ id: filings.id, caseId: filings.caseId, version: filings.version, status: filings.status, jobId: filings.jobId })
    .from(filings)
    .where(
      and(
        inArray(
          filings.id,
          tx.select({ id: filingClaimants.filingId }).from(filingClaimants).where(inArray(filingClaimants.claimantId, claimantIds)),
        ),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(courtFilings)
            .where(eq(courtFilings.filingId, filings.id)),
        ),
      ),
    )
    .for('update');
  for (const draft of drafts) {
    const parts = await tx.delete(filingParts).where(eq(filingParts.filingId, draft.id)).returning({ sha256: filingParts.sha256 });
    // The proof of authority annex (every part of it) and manifest print the same names and birth dates as the parts.
    const attachments = await tx
      .delete(filingAttachments)
      .where(eq(filingAttachments.filingId, draft.id))
      .returning({ sha256: filingAttachments.sha256 });
    for (const sha256 of new Set([...parts, ...attachments].map((file) => file.sha256)))
      deletedBlobs.push(await deleteBlobIfUnused(tx, sha256));
    await tx
      .update(filings)
      .set({ status: 'cancelled', error: DISCARDED_FOR_ERASURE, cancelledAt: sql`coalesce(${filings.cancelledAt}, now())` })
      .where(eq(filings.id, draft.id));
    await cancelFilingJob(tx, draft.jobId);
    const removed = await tx
      .delete(filingClaimants)
      .where(and(eq(filingClaimants.filingId, draft.id), inArray(filingClaimants.claimantId, claimantIds)))
      .returning({ claimantId: filingClaimants.claimantId });
    await recordAudit(tx, {
      action: 'filing.discarded',
      actorUserId,
      caseId: draft.caseId,
      subjectType: 'filing',
      subjectId: draft.id,
      ip,
      details: {
        version: draft.version,
        fromStatus: draft.status,
        reason: 'claimant_erased',
        parts: parts.length,
        attachments: attachments.length,
        claimants: removed.length,
      },
    });
  }
  return drafts.length;
}
