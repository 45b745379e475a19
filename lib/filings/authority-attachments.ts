import type { Database } from '@/db/client';
import type { FilingAttachmentKind } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import type { AuthorityAnnexInput, AuthorityAnnexRow } from '@/lib/pdf/authority-annex';
import type { RenderOptions } from '@/lib/pdf/types';
import { attachmentPartFileName, refuseUnfitAttachment } from './attachment-preflight';
import type { AuthorityManifest } from './authority-manifest';
import { authorityFileNames, serializeAuthorityManifest } from './authority-manifest';
import { loadAuthorityManifest } from './load-authority';
import type { FilingOptions } from './options';
import { drawAuthorityAnnex } from './render/attachment-pdfs';
import type { RenderedAttachmentPart } from './render-result';

export type BuiltAttachment = {
  kind: FilingAttachmentKind;
  /** 1, 2 …: a PDF attachment split to fit the per-file limit has one per file; anything else is part 1. */
  part: number;
  bytes: Uint8Array;
  sha256: string;
  mime: string;
  pageCount: number | null;
  fileName: string;
};

/**
 * How the annex is drawn, split into parts under `maxBytes` when it does not fit, and
 * pre-flighted: in the job's render worker (generate-job.ts), or in this thread.
 */
export type RenderAnnex = (
  annex: AuthorityAnnexInput,
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>,
  maxBytes: number,
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
    bytes: rendered.bytes,
    sha256: sha256Hex(rendered.bytes),
    mime: 'application/pdf',
    pageCount: rendered.pageCount,
    fileName: attachmentPartFileName(fileName, index + 1, parts.length),
  }));
}

function annexRows(manifest: AuthorityManifest): AuthorityAnnexRow[] {
  return manifest.claimants.map((entry) => ({
    referenceNumber: entry.referenceNumber,
    legalName: entry.legalName,
    legalNameLatin: entry.legalNameLatin ?? undefined,
    dateOfBirth: entry.dateOfBirth,
    isMinor: entry.isMinor,
    guardian: entry.guardian,
    email: entry.email.address,
    emailVerifiedAt: entry.email.verifiedAt,
    phone: entry.phone.number,
    documents: entry.documents.map((document) => ({
      kind: document.kind,
      version: `v${document.version} (${document.locale})`,
      textSha256: document.textSha256,
      signedAt: document.signedAt,
      ip: document.ip,
      userAgent: document.userAgent,
    })),
    auditEntries: entry.auditEntries,
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
  renderAnnex: RenderAnnex = drawAuthorityAnnex,
): Promise<BuiltAttachment[]> {
  const manifest = await loadAuthorityManifest(db, filingId, now);
  const names = authorityFileNames(manifest.filing.caseSlug, manifest.filing.version);
  const manifestBytes = serializeAuthorityManifest(manifest);
  const manifestSha256 = sha256Hex(manifestBytes);
  const rendered = await renderAnnex(
    {
      case: options.caseInfo,
      filingVersion: manifest.filing.version,
      auditChain: manifest.auditChain,
      rows: annexRows(manifest),
      manifest: { fileName: names.manifest, sha256: manifestSha256 },
    },
    { format: options.format, language: options.language, now },
    options.maxPartBytes,
  );
  refuseUnfitAttachment('authority', rendered, options.maxPartBytes);
  return [
    ...pdfAttachmentParts('authority_annex', rendered, names.annex),
    {
      kind: 'authority_manifest',
      part: 1,
      bytes: manifestBytes,
      sha256: manifestSha256,
      mime: 'application/json',
      pageCount: null,
      fileName: names.manifest,
    },
  ];
}
