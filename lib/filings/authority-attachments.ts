import type { Database } from '@/db/client';
import type { FilingAttachmentKind } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { type AuthorityAnnexInput, type AuthorityAnnexRow, renderAuthorityAnnex } from '@/lib/pdf/authority-annex';
import type { RenderOptions } from '@/lib/pdf/types';
import { preflightAttachment, refuseUnfitAttachment } from './attachment-preflight';
import type { AuthorityManifest } from './authority-manifest';
import { authorityFileNames, serializeAuthorityManifest } from './authority-manifest';
import { loadAuthorityManifest } from './load-authority';
import type { FilingOptions } from './options';
import type { RenderedAnnex } from './render-result';

export type BuiltAttachment = {
  kind: FilingAttachmentKind;
  bytes: Uint8Array;
  sha256: string;
  mime: string;
  pageCount: number | null;
  fileName: string;
};

/** How the annex is drawn and pre-flighted against `maxBytes`: in the job's render worker (generate-job.ts), or in this thread. */
export type RenderAnnex = (
  annex: AuthorityAnnexInput,
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>,
  maxBytes: number,
) => Promise<RenderedAnnex>;

const renderAnnexHere: RenderAnnex = async (annex, options, maxBytes) =>
  preflightAttachment(await renderAuthorityAnnex(annex, options), options.format, maxBytes);

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
 * to the court like the parts, so it passes the same pre-flight and per-file limit, or the build
 * stops (refuseUnfitAttachment).
 */
export async function buildAuthorityAttachments(
  db: Database,
  filingId: string,
  options: Pick<FilingOptions, 'caseInfo' | 'format' | 'language' | 'maxPartBytes'>,
  now: Date,
  renderAnnex: RenderAnnex = renderAnnexHere,
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
  const { bytes: annex, pageCount } = rendered;
  return [
    { kind: 'authority_annex', bytes: annex, sha256: sha256Hex(annex), mime: 'application/pdf', pageCount, fileName: names.annex },
    {
      kind: 'authority_manifest',
      bytes: manifestBytes,
      sha256: manifestSha256,
      mime: 'application/json',
      pageCount: null,
      fileName: names.manifest,
    },
  ];
}
