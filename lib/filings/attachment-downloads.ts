import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type FilingAttachmentKind, filingAttachmentKindEnum, filingAttachments, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { downloadHeaders } from './downloads';

export type DownloadableAttachment = {
  filingId: string;
  version: number;
  kind: FilingAttachmentKind;
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

/** An attachment of a finished filing of this case; another case's, a filing not done or discarded, is not found. */
export async function findDownloadableAttachment(
  db: Database,
  caseId: string,
  version: number,
  kind: FilingAttachmentKind,
): Promise<DownloadableAttachment> {
  const [row] = await db
    .select({
      filingId: filings.id,
      version: filings.version,
      kind: filingAttachments.kind,
      sha256: filingAttachments.sha256,
      byteSize: filingAttachments.byteSize,
      fileName: filingAttachments.fileName,
    })
    .from(filingAttachments)
    .innerJoin(filings, eq(filings.id, filingAttachments.filingId))
    .where(and(eq(filings.caseId, caseId), eq(filings.version, version), eq(filings.status, 'done'), eq(filingAttachments.kind, kind)));
  if (!row) throw new AppError('not_found');
  return row;
}

export function attachmentHeaders(attachment: DownloadableAttachment): Record<string, string> {
  return { ...downloadHeaders(attachment.fileName, attachment), 'Content-Type': MIME[attachment.kind] };
}

/** Writes the download's audit row (as for a part); the stream starts only after it is recorded. */
export async function recordAttachmentDownload(
  db: Database,
  actor: { userId: string; ip: string | null },
  caseId: string,
  attachment: DownloadableAttachment,
): Promise<void> {
  await recordAudit(db, {
    action: 'filing.downloaded',
    actorUserId: actor.userId,
    caseId,
    subjectType: 'filing',
    subjectId: attachment.filingId,
    ip: actor.ip,
    details: { version: attachment.version, attachment: attachment.kind, sha256: attachment.sha256, bytes: attachment.byteSize },
  });
}
