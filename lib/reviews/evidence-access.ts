import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { evidence } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { openBlob } from '@/lib/blobs/blobs';
import { toWebStream } from '@/lib/http/web-stream';

export type EvidenceDisposition = 'inline' | 'attachment';

/** Types a browser may show in place; everything else is only ever downloaded. */
const PREVIEWABLE_MIME_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/**
 * One evidence file for a lawyer of the case: found by evidence id AND claimant id AND case id (a
 * guessed id from another file or case finds nothing), opened from its store, and the view or
 * download recorded before a byte leaves. The stream is checked against the SHA-256 as it goes:
 * a damaged file is broken off before its end.
 */
export async function openEvidenceFile(
  db: Database,
  input: { caseId: string; claimantId: string; evidenceId: string; disposition: EvidenceDisposition; actorId: string; ip: string | null },
) {
  const [file] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, input.evidenceId), eq(evidence.claimantId, input.claimantId), eq(evidence.caseId, input.caseId)));
  if (!file) throw new AppError('not_found');
  const opened = await openBlob(db, file.sha256);
  if (!opened) throw new AppError('not_found');
  const disposition: EvidenceDisposition =
    input.disposition === 'inline' && PREVIEWABLE_MIME_TYPES.has(file.detectedMime) ? 'inline' : 'attachment';
  try {
    await recordAudit(db, {
      action: disposition === 'inline' ? 'evidence.viewed' : 'evidence.downloaded',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'evidence',
      subjectId: file.id,
      ip: input.ip,
      details: { claimantId: file.claimantId, sha256: file.sha256, byteSize: file.byteSize },
    });
  } catch (error) {
    opened.stream.destroy();
    throw error;
  }
  return { file, stream: toWebStream(opened.stream), byteSize: opened.byteSize, disposition };
}

/** RFC 6266 / 5987: an ASCII fallback and the real (often Korean) name, percent-encoded. */
export function contentDisposition(disposition: EvidenceDisposition, filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'evidence';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
