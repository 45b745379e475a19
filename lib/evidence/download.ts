import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, type Evidence, evidence } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { openBlob } from '@/lib/blobs/blobs';
import type { Actor } from './store';
import { toWebStream } from '@/lib/http/web-stream';

/**
 * Download headers for any stored file: always an attachment, never sniffed, never framed or
 * scripted even if a browser were to render it. The name is sent both as ASCII and as UTF-8
 * (RFC 6266 / 5987) so Korean file names survive.
 */
export function attachmentHeaders(filename: string, mime: string, byteSize: number): Record<string, string> {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return {
    'Content-Type': mime,
    'Content-Length': String(byteSize),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  };
}

/**
 * Opens one of the claimant's own files and records the download. The bytes stream from the store
 * after the audit row commits, checked against the hash on the way: a damaged file is broken off
 * before its end, never delivered whole.
 */
export async function openOwnEvidenceFile(
  db: Database,
  input: { claimant: Pick<Claimant, 'id' | 'caseId'>; evidenceId: string; actor: Actor },
): Promise<{ evidence: Evidence; stream: ReadableStream<Uint8Array>; byteSize: number }> {
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, input.evidenceId), eq(evidence.claimantId, input.claimant.id), eq(evidence.caseId, input.claimant.caseId)));
  if (!row) throw new AppError('not_found');
  const opened = await openBlob(db, row.sha256);
  if (!opened) throw new AppError('not_found');
  try {
    await recordAudit(db, {
      action: 'evidence.downloaded',
      actorUserId: input.actor.userId,
      caseId: row.caseId,
      subjectType: 'evidence',
      subjectId: row.id,
      ip: input.actor.ip,
      details: { claimantId: input.claimant.id, sha256: row.sha256, byOwner: true },
    });
  } catch (error) {
    opened.stream.destroy();
    throw error;
  }
  return { evidence: row, stream: toWebStream(opened.stream), byteSize: opened.byteSize };
}
