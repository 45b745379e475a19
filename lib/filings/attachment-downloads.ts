import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type FilingAttachmentKind, filingAttachmentKindEnum, filingAttachments, filings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type DownloadActor, downloadHeaders, recordFilingDownload } from './downloads';

export type DownloadableAttachment = {
  filingId: string;
  version: number;
  kind: FilingAttachmentKind;
  part: number;
  sha256: string;
  byteSize: number;
  fileName: string;
};

const MIME: Record<FilingAttachmentKind, string> = {
  authority_annex: 'application/pdf',
  authority_manifest: 'application/json',
  party_list_xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  exhibit_list: 'application/pdf',
};

/** An attachment kind in a URL is one of the enum's values; anything else is simply not found. */
export function parseAttachmentKind(value: string): FilingAttachmentKind {
  const kind = filingAttachmentKindEnum.enumValues.find((known) => known === value);
  if (!kind) throw new AppError('not_found');
  return kind;
}

/**
 * One file (part) of an attachment of a finished filing of this case; another case's, a filing
 * not done or discarded, a part it does not have, is not found. Part 1 is the whole attachment
 * unless it was split to fit the per-file limit.
 */
export async function findDownloadableAttachment(
  db: Database,
  caseId: string,
  version: number,
  kind: FilingAttachmentKind,
  part = 1,
): Promise<DownloadableAttachment> {
  const [row] = await db
    .select({
      filingId: filings.id,
      version: filings.version,
      kind: filingAttachments.kind,
      part: filingAttachments.part,
      sha256: filingAttachments.sha256,
      byteSize: filingAttachments.byteSize,
      fileName: filingAttachments.fileName,
    })
    .from(filingAttachments)
    .innerJoin(filings, eq(filings.id, filingAttachments.filingId))
    .where(
      and(
        eq(filings.caseId, caseId),
        eq(filings.version, version),
        eq(filings.status, 'done'),
        eq(filingAttachments.kind, kind),
        eq(filingAttachments.part, part),
      ),
    );
  if (!row) throw new AppError('not_found');
  return row;
}

export function attachmentHeaders(attachment: DownloadableAttachment): Record<string, string> {
  return { ...downloadHeaders(attachment.fileName, attachment), 'Content-Type': MIME[attachment.kind] };
}

/** Writes the download's audit row (as for a part); the stream starts only after it is recorded. */
export function recordAttachmentDownload(
  db: Database,
  actor: DownloadActor,
  caseId: string,
  attachment: DownloadableAttachment,
): Promise<void> {
  return recordFilingDownload(db, actor, caseId, attachment.filingId, {
    version: attachment.version,
    attachment: attachment.kind,
    part: attachment.part,
    sha256: attachment.sha256,
    bytes: attachment.byteSize,
  });
}

/** Where a part of an attachment is downloaded; part 1 keeps the address it had before attachments were split. */
export function attachmentDownloadPath(slug: string, version: number, attachment: Pick<DownloadableAttachment, 'kind' | 'part'>): string {
  const base = `/api/cases/${slug}/filings/${version}/attachments/${attachment.kind}`;
  return attachment.part === 1 ? base : `${base}/${attachment.part}`;
}
