import { PassThrough } from 'node:stream';
import * as archiverModule from 'archiver';
import type { Archiver, ArchiverOptions, EntryData } from 'archiver';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type FilingAttachmentKind, cases, filingAttachments, filingParts, filings } from '@/db/schema';
import { openBlob } from '@/lib/blobs/blobs';
import { AppError } from '@/lib/errors';
import { toWebStream } from '@/lib/http/web-stream';
import { type DownloadActor, contentDisposition, partFilename, recordFilingDownload } from './downloads';
import type { PartPreflight } from './queries';

// As in lib/claimants/export.ts: archiver 7 exports a factory, @types/archiver describes a class.
const createArchive = ((archiverModule as unknown as { default?: unknown }).default ?? archiverModule) as (
  format: 'zip',
  options?: ArchiverOptions,
) => Archiver;

/**
 * Upload order after the PDF parts: the spreadsheet party list and the exhibit list go with the
 * documents they restate, the proof of authority (annex, then the manifest it prints the hash of)
 * last. An attachment split to fit the per-file limit goes part after part.
 */
const ATTACHMENT_ORDER: Record<FilingAttachmentKind, number> = {
  party_list_xlsx: 1,
  exhibit_list: 2,
  authority_annex: 3,
  authority_manifest: 4,
};

export const SUBMISSION_MANIFEST = 'SUBMISSION.json';

export type SubmissionFile = {
  name: string;
  /** `exhibit`: a US exhibit filed as an attachment of its own (a part of group `exhibit`). */
  kind: 'part' | 'exhibit' | FilingAttachmentKind;
  /** The exhibit's label (Exhibit 2-1), for kind `exhibit` only. */
  exhibit?: string;
  byteSize: number;
  /** Null for a file that is not a PDF. */
  pageCount: number | null;
  sha256: string;
};

export type Submission = { filingId: string; caseSlug: string; version: number; files: SubmissionFile[] };

/**
 * Everything of a finished filing of this case that goes to the court, in upload order, numbered
 * so a file browser lists them in that order too. Another case's filing, or one not done, is not found.
 */
export async function findSubmission(db: Database, caseId: string, version: number): Promise<Submission> {
  const [filing] = await db
    .select({ id: filings.id, version: filings.version, caseSlug: cases.slug })
    .from(filings)
    .innerJoin(cases, eq(cases.id, filings.caseId))
    .where(and(eq(filings.caseId, caseId), eq(filings.version, version), eq(filings.status, 'done')));
  if (!filing) throw new AppError('not_found');
  const parts = await db
    .select({
      partNumber: filingParts.partNumber,
      sha256: filingParts.sha256,
      byteSize: filingParts.byteSize,
      pageCount: filingParts.pageCount,
      preflight: filingParts.preflight,
    })
    .from(filingParts)
    .where(eq(filingParts.filingId, filing.id))
    .orderBy(asc(filingParts.partNumber));
  const attachments = await db
    .select({
      kind: filingAttachments.kind,
      part: filingAttachments.part,
      sha256: filingAttachments.sha256,
      byteSize: filingAttachments.byteSize,
      pageCount: filingAttachments.pageCount,
      fileName: filingAttachments.fileName,
    })
    .from(filingAttachments)
    .where(eq(filingAttachments.filingId, filing.id));
  attachments.sort((a, b) => ATTACHMENT_ORDER[a.kind] - ATTACHMENT_ORDER[b.kind] || a.part - b.part);
  const width = Math.max(2, String(parts.length + attachments.length).length);
  const numbered = (index: number, name: string) => `${String(index + 1).padStart(width, '0')}-${name}`;
  const files: SubmissionFile[] = [
    ...parts.map((part, index): SubmissionFile => {
      const figures = { byteSize: part.byteSize, pageCount: part.pageCount, sha256: part.sha256 };
      const exhibit = (part.preflight as PartPreflight | null)?.exhibit;
      if (exhibit)
        return {
          name: numbered(index, exhibitFilename(filing.caseSlug, filing.version, exhibit)),
          kind: 'exhibit',
          exhibit: exhibit.label,
          ...figures,
        };
      const name = partFilename(filing.caseSlug, { version: filing.version, partNumber: part.partNumber, parts: parts.length });
      return { name: numbered(index, name), kind: 'part', ...figures };
    }),
    ...attachments.map((attachment, index) => ({
      name: numbered(parts.length + index, attachment.fileName),
      kind: attachment.kind,
      byteSize: attachment.byteSize,
      pageCount: attachment.pageCount,
      sha256: attachment.sha256,
    })),
  ];
  return { filingId: filing.id, caseSlug: filing.caseSlug, version: filing.version, files };
}

/** A separately filed exhibit is named for its number, so the court clerk and the lawyer see which it is. */
function exhibitFilename(caseSlug: string, version: number, exhibit: NonNullable<PartPreflight['exhibit']>): string {
  return `${caseSlug}-v${version}-exhibit-${exhibit.number}${exhibit.sub === undefined ? '' : `-${exhibit.sub}`}.pdf`;
}

export function submissionFilename(submission: Pick<Submission, 'caseSlug' | 'version'>): string {
  return `${submission.caseSlug}-filing-v${submission.version}-submission.zip`;
}

/** The manifest beside the files: every figure comes from the stored rows, so it needs no second read. */
export function submissionManifest(submission: Submission): string {
  return `${JSON.stringify(
    {
      case: submission.caseSlug,
      filingVersion: submission.version,
      files: submission.files.map((file, index) => ({ order: index + 1, ...file })),
    },
    null,
    2,
  )}\n`;
}

export function submissionHeaders(submission: Submission): Record<string, string> {
  return {
    'Content-Type': 'application/zip',
    'Content-Disposition': contentDisposition(submissionFilename(submission)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
}

/** One audit row for the whole zip, naming every file in it; the stream starts only after it is recorded. */
export function recordSubmissionDownload(db: Database, actor: DownloadActor, caseId: string, submission: Submission): Promise<void> {
  return recordFilingDownload(db, actor, caseId, submission.filingId, {
    version: submission.version,
    submission: submission.files.map((file) => ({ name: file.name, sha256: file.sha256, bytes: file.byteSize })),
  });
}

/**
 * The zip, streamed as it is built: each stored file is opened only when the archive is ready
 * for it and checked against its hash on the way (a damaged file breaks the download off rather
 * than arriving altered), so memory holds a slice of one file at a time. PDFs and XLSX are
 * compressed already: they are stored, not deflated again on the web server's thread.
 */
export function streamSubmission(db: Database, submission: Submission): ReadableStream<Uint8Array> {
  const archive = createArchive('zip', { zlib: { level: 6 } });
  const output = new PassThrough();
  archive.on('error', (error) => output.destroy(error));
  archive.pipe(output);
  void (async () => {
    try {
      for (const file of submission.files) {
        const opened = await openBlob(db, file.sha256);
        if (!opened) throw new Error(`blob ${file.sha256} of ${file.name} not found`);
        const written = new Promise<void>((resolve) => {
          const onEntry = (entry: EntryData) => {
            if (entry.name !== file.name) return;
            archive.off('entry', onEntry);
            resolve();
          };
          archive.on('entry', onEntry);
        });
        opened.stream.on('error', (error) => archive.emit('error', error));
        archive.append(opened.stream, { name: file.name, store: true });
        await written;
      }
      archive.append(submissionManifest(submission), { name: SUBMISSION_MANIFEST });
      await archive.finalize();
    } catch (error) {
      archive.abort();
      output.destroy(error as Error);
    }
  })();
  return toWebStream(output);
}
