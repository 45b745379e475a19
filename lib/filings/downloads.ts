import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filingParts, filings } from '@/db/schema';
import { openBlob } from '@/lib/blobs/blobs';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { toWebStream } from '@/lib/http/web-stream';

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

export function partFilename(caseSlug: string, part: Pick<DownloadablePart, 'version' | 'partNumber' | 'parts'>): string {
  return `${caseSlug}-filing-v${part.version}-part-${part.partNumber}-of-${part.parts}.pdf`;
}

/** ASCII file name for old clients, the same in UTF-8 for the rest (RFC 6266). */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function downloadHeaders(filename: string, part: Pick<DownloadablePart, 'byteSize' | 'sha256'>): Record<string, string> {
  return {
    'Content-Type': 'application/pdf',
    'Content-Length': String(part.byteSize),
    'Content-Disposition': contentDisposition(filename),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    ETag: `"${part.sha256}"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
}

export type DownloadActor = { userId: string; ip: string | null };

/**
 * The audit row of a download from a filing (a part, an attachment, the submission zip): who,
 * which filing, and what was in it. The stream starts only after it is recorded.
 */
export async function recordFilingDownload(
  db: Database,
  actor: DownloadActor,
  caseId: string,
  filingId: string,
  details: { version: number } & Record<string, unknown>,
): Promise<void> {
  await recordAudit(db, {
    action: 'filing.downloaded',
    actorUserId: actor.userId,
    caseId,
    subjectType: 'filing',
    subjectId: filingId,
    ip: actor.ip,
    details,
  });
}

export function recordPartDownload(db: Database, actor: DownloadActor, caseId: string, part: DownloadablePart): Promise<void> {
  return recordFilingDownload(db, actor, caseId, part.filingId, {
    version: part.version,
    part: part.partNumber,
    sha256: part.sha256,
    bytes: part.byteSize,
  });
}

/**
 * Streams a stored part from its store and hashes what it sends: if the bytes no longer match the
 * recorded SHA-256 the stream is broken off before its end, so a corrupted file never arrives
 * complete. Opened after the download's audit row is written.
 */
export async function streamPart(db: Database, part: Pick<DownloadablePart, 'sha256' | 'byteSize'>): Promise<ReadableStream<Uint8Array>> {
  const opened = await openBlob(db, part.sha256);
  if (!opened) throw new AppError('not_found');
  return toWebStream(opened.stream);
}
