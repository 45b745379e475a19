import { Readable } from 'node:stream';
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filingAttachments, filingClaimants, filingParts, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { putBlob, putBlobStream } from '@/lib/blobs/blobs';
import type { BuiltAttachment } from './authority-attachments';
import type { PartPreflight } from './queries';
import type { RenderOutcome } from './render-result';

type Rendered = Extract<RenderOutcome, { ok: true }>;
export type RunnableFiling = { id: string; caseId: string; version: number; createdBy: string | null };

/**
 * Stores a finished render in ONE transaction: every part as a content-addressed blob with its
 * filing_parts row (hash, pages, size, Bates range, pre-flight), the attachments (the proof of
 * authority annex — each of its parts — and manifest, the exhibit list …) with their filing_attachments rows, the filing marked done and the
 * audit row. A filing that is no longer running — cancelled while the worker finished —
 * gets nothing, so there are never half-written or orphaned parts.
 */
export async function storeRenderedParts(
  db: Database,
  filing: RunnableFiling,
  result: Rendered,
  attachments: readonly BuiltAttachment[] = [],
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: filings.status }).from(filings).where(eq(filings.id, filing.id)).for('update');
    if (current?.status !== 'running') return false;
    for (const part of result.parts) {
      // A view into the worker's buffer, as a Buffer so both drivers send it as bytea without a copy.
      const bytes = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
      await putBlob(tx, bytes, 'application/pdf', part.sha256);
      const preflight: PartPreflight = {
        ...part.preflight,
        documents: part.documents,
        group: part.group,
        ...(part.exhibit ? { exhibit: part.exhibit } : {}),
      };
      await tx.insert(filingParts).values({
        filingId: filing.id,
        partNumber: part.partNumber,
        sha256: part.sha256,
        pageCount: part.pageCount,
        byteSize: part.byteLength,
        batesFirst: part.batesFirst,
        batesLast: part.batesLast,
        preflight,
      });
    }
    for (const attachment of attachments) {
      await putBlobStream(tx, {
        sha256: attachment.sha256,
        byteSize: attachment.byteSize,
        mime: attachment.mime,
        source: Readable.from(asBuffers(attachment.bytes())),
      });
      await tx.insert(filingAttachments).values({
        filingId: filing.id,
        kind: attachment.kind,
        part: attachment.part,
        sha256: attachment.sha256,
        byteSize: attachment.byteSize,
        pageCount: attachment.pageCount,
        fileName: attachment.fileName,
      });
    }
    await tx
      .update(filings)
      // clock_timestamp(): when the parts are written, not when this transaction began.
      .set({
        status: 'done',
        finishedAt: sql`clock_timestamp()`,
        progressDone: result.pageCount,
        progressTotal: result.pageCount,
        error: null,
      })
      .where(eq(filings.id, filing.id));
    // A built packet is a draft: its claimants are filed only once a lawyer records the court
    // filing (record-court-filing.ts), not here.
    const [{ claimantCount }] = await tx
      .select({ claimantCount: count() })
      .from(filingClaimants)
      .where(eq(filingClaimants.filingId, filing.id));
    await recordAudit(tx, {
      action: 'filing.generated',
      actorUserId: filing.createdBy,
      caseId: filing.caseId,
      subjectType: 'filing',
      subjectId: filing.id,
      details: {
        version: filing.version,
        pages: result.pageCount,
        claimants: claimantCount,
        parts: result.parts.map((part) => ({
          part: part.partNumber,
          sha256: part.sha256,
          pages: part.pageCount,
          bytes: part.byteLength,
          preflightOk: part.preflight.ok,
        })),
        attachments: attachments.map((attachment) => ({
          kind: attachment.kind,
          part: attachment.part,
          sha256: attachment.sha256,
          bytes: attachment.byteSize,
        })),
      },
    });
    return true;
  });
}

/** Views, not copies: a chunk of shared memory (a rendered file) or an inflated one goes to the store as it is. */
function* asBuffers(chunks: Iterable<Uint8Array>): Generator<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
