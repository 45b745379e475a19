import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs, filingParts, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';

/** Parts are read from the database a slice at a time, so a 50 MB file never sits in memory whole. */
export const DOWNLOAD_CHUNK_BYTES = 1024 * 1024;

export type DownloadablePart = { filingId: string; version: number; partNumber: number; parts: number; sha256: string; byteSize: number };

/** A part of a finished filing of this case; anything else (another case, not done, no such part) is not found. */
export async function findDownloadablePart(db: Database, caseId: string, version: number, partNumber: number): Promise<DownloadablePart> {
  const [row] = await db
    .select({
      filingId: filings.id,
      version: filings.version,
      partNumber: filingParts.partNumber,
      sha256: filingParts.sha256,
      byteSize: filingParts.byteSize,
      parts: sql<number>`(select count(*)::int from ${filingParts} p where p.filing_id = ${filings.id})`,
    })
    .from(filingParts)
    .innerJoin(filings, eq(filings.id, filingParts.filingId))
    .where(
      and(eq(filings.caseId, caseId), eq(filings.version, version), eq(filings.status, 'done'), eq(filingParts.partNumber, partNumber)),
    );
  if (!row) throw new AppError('not_found');
  return row;
}

/** ASCII file name for old clients, the same in UTF-8 for the rest (RFC 6266). */
export function partFilename(caseSlug: string, part: Pick<DownloadablePart, 'version' | 'partNumber' | 'parts'>): string {
  return `${caseSlug}-filing-v${part.version}-part-${part.partNumber}-of-${part.parts}.pdf`;
}

export function downloadHeaders(filename: string, part: Pick<DownloadablePart, 'byteSize' | 'sha256'>): Record<string, string> {
  return {
    'Content-Type': 'application/pdf',
    'Content-Length': String(part.byteSize),
    'Content-Disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    ETag: `"${part.sha256}"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
}

/** Writes the download's audit row; the stream starts only after it is recorded. */
export async function recordPartDownload(
  db: Database,
  actor: { userId: string; ip: string | null },
  caseId: string,
  part: DownloadablePart,
): Promise<void> {
  await recordAudit(db, {
    action: 'filing.downloaded',
    actorUserId: actor.userId,
    caseId,
    subjectType: 'filing',
    subjectId: part.filingId,
    ip: actor.ip,
    details: { version: part.version, part: part.partNumber, sha256: part.sha256, bytes: part.byteSize },
  });
}

/**
 * Streams a stored part slice by slice and hashes what it sends: if the bytes no longer match the
 * recorded SHA-256 the stream is broken off, so a corrupted file never arrives complete.
 */
export function streamPart(db: Database, part: Pick<DownloadablePart, 'sha256' | 'byteSize'>): ReadableStream<Uint8Array> {
  let offset = 0;
  const hash = createHash('sha256');
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= part.byteSize) {
        if (hash.digest('hex') !== part.sha256) controller.error(new Error(`stored part ${part.sha256} no longer matches its hash`));
        else controller.close();
        return;
      }
      const length = Math.min(DOWNLOAD_CHUNK_BYTES, part.byteSize - offset);
      const [row] = await db
        .select({ chunk: sql<Uint8Array>`substring(${blobs.bytes} from ${offset + 1} for ${length})` })
        .from(blobs)
        .where(eq(blobs.sha256, part.sha256));
      const chunk = row ? new Uint8Array(row.chunk) : new Uint8Array();
      if (chunk.length === 0) {
        controller.error(new Error(`stored part ${part.sha256} ended early`));
        return;
      }
      offset += chunk.length;
      hash.update(chunk);
      controller.enqueue(chunk);
    },
  });
}
