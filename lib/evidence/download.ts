import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, type Evidence, evidence } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { readVerifiedBlob } from './blob-store';
import type { Actor } from './store';

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

/** Reads one of the claimant's own files, proves its bytes against the hash, and records the download. */
export async function readOwnEvidenceFile(
  db: Database,
  input: { claimant: Pick<Claimant, 'id' | 'caseId'>; evidenceId: string; actor: Actor },
): Promise<{ evidence: Evidence; bytes: Uint8Array }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(evidence)
      .where(
        and(eq(evidence.id, input.evidenceId), eq(evidence.claimantId, input.claimant.id), eq(evidence.caseId, input.claimant.caseId)),
      );
    if (!row) throw new AppError('not_found');
    const bytes = await readVerifiedBlob(tx, row.sha256);
    if (!bytes) throw new AppError('not_found');
    await recordAudit(tx, {
      action: 'evidence.downloaded',
      actorUserId: input.actor.userId,
      caseId: row.caseId,
      subjectType: 'evidence',
      subjectId: row.id,
      ip: input.actor.ip,
      details: { claimantId: input.claimant.id, sha256: row.sha256, byOwner: true },
    });
    return { evidence: row, bytes };
  });
}
