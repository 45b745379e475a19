import type { Database } from '@/db/client';
import type { FilingAttachmentKind } from '@/db/schema';
import type { AuthorityAnnexInput } from '@/lib/pdf/authority-annex';
import type { RenderOptions } from '@/lib/pdf/types';
import { attachmentPartFileName, refuseUnfitAttachment } from './attachment-preflight';
import { AuthorityManifestWriter, authorityFileNames, manifestBytes } from './authority-manifest';
import { readAuthorityManifest } from './load-authority';
import type { FilingOptions } from './options';
import { type ManifestRows, drawAuthorityAnnexFromManifest } from './render/annex-parts';
import type { RenderedAttachmentPart } from './render-result';

export type BuiltAttachment = {
  kind: FilingAttachmentKind;
  /** 1, 2 …: a PDF attachment split to fit the per-file limit has one per file; anything else is part 1. */
  part: number;
  /** The file's bytes in order, in one piece or in several never joined (the manifest of a big round, inflated chunk by chunk). */
  bytes: () => Iterable<Uint8Array>;
  byteSize: number;
  sha256: string;
  mime: string;
  pageCount: number | null;
  fileName: string;
};

/**
 * How the annex is drawn from the manifest's bytes, in files under `maxBytes`, and pre-flighted:
 * in the job's render worker (generate-job.ts), or in this thread.
 */
export type RenderAnnex = (
  manifest: ManifestRows,
  info: Omit<AuthorityAnnexInput, 'rows'>,
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>,
  maxBytes: number,
  signal?: AbortSignal,
) => Promise<RenderedAttachmentPart[]>;

/** The stored rows of a PDF attachment's parts, in order; a part suffix on the name only when there are several. */
export function pdfAttachmentParts(
  kind: FilingAttachmentKind,
  parts: readonly RenderedAttachmentPart[],
  fileName: string,
): BuiltAttachment[] {
  return parts.map((rendered, index) => ({
    kind,
    part: index + 1,
    bytes: () => [rendered.bytes],
    byteSize: rendered.bytes.byteLength,
    sha256: rendered.sha256,
    mime: 'application/pdf',
    pageCount: rendered.pageCount,
    fileName: attachmentPartFileName(fileName, index + 1, parts.length),
  }));
}

/**
 * The proof of authority of a packet: the manifest first (its bytes are hashed), then the annex
 * that prints that hash. Both come from the same load, so they say the same thing. The annex goes
 * to the court like the parts: split into numbered parts when it is over the per-file limit,
 * each passing the same pre-flight, or the build stops (refuseUnfitAttachment). The manifest is
 * data, not filed as a PDF, and stays one file.
 */
export async function buildAuthorityAttachments(
  db: Database,
  filingId: string,
  options: Pick<FilingOptions, 'caseInfo' | 'format' | 'language' | 'maxPartBytes'>,
  now: Date,
  renderAnnex: RenderAnnex = drawAuthorityAnnexFromManifest,
  signal?: AbortSignal,
): Promise<BuiltAttachment[]> {
  let writer: AuthorityManifestWriter | undefined;
  const head = await readAuthorityManifest(db, filingId, now, {
    head: (head) => {
      writer = new AuthorityManifestWriter(head);
    },
    slice: (entries) => {
      signal?.throwIfAborted();
      writer!.add(entries);
    },
  });
  const manifest = writer!.finish();
  const names = authorityFileNames(head.filing.caseSlug, head.filing.version);
  const rendered = await renderAnnex(
    manifest,
    {
      case: options.caseInfo,
      filingVersion: head.filing.version,
      auditChain: head.auditChain,
      manifest: { fileName: names.manifest, sha256: manifest.sha256 },
    },
    { format: options.format, language: options.language, now },
    options.maxPartBytes,
    signal,
  );
  refuseUnfitAttachment('authority', rendered, options.maxPartBytes);
  return [
    ...pdfAttachmentParts('authority_annex', rendered, names.annex),
    {
      kind: 'authority_manifest',
      part: 1,
      bytes: () => manifestBytes(manifest.chunks),
      byteSize: manifest.byteSize,
      sha256: manifest.sha256,
      mime: 'application/json',
      pageCount: null,
      fileName: names.manifest,
    },
  ];
}
