import { type AuthorityAnnexInput, type AuthorityAnnexRow, renderAuthorityAnnex } from '@/lib/pdf/authority-annex';
import { caseDocumentMeta } from '@/lib/pdf/document-meta';
import { STRINGS } from '@/lib/pdf';
import type { RenderOptions } from '@/lib/pdf/types';
import { fitAttachment, preflightAttachment } from '../attachment-preflight';
import { type AuthorityManifestEntry, type ManifestSlice, readManifestSlice } from '../authority-manifest';
import type { RenderedAttachmentPart } from '../render-result';

type AttachmentRenderOptions = Pick<RenderOptions, 'format' | 'language' | 'now'>;

/** The annex's rows, read a part at a time: from an array, or parsed from the manifest's bytes in a render worker. */
export type AnnexRowSource = {
  total: number;
  rows: (from: number, to: number) => AuthorityAnnexRow[];
};

/**
 * The most rows drawn into one file. A document is in memory while it is drawn (its pages as
 * compressed streams, ~18 KB a row with the rest of pdf-lib's objects), so this bounds the render
 * worker whatever the round's size: 5,000 rows (~1,700 pages, 3–5 MB) are ~100–150 MB.
 */
export const MAX_ANNEX_ROWS_PER_FILE = 5_000;
/** Rows drawn to learn what a row costs in bytes before the parts are planned. */
const PROBE_ROWS = 200;
/** Planned parts fill at most this share of the limit, so a part of longer rows still fits. */
const PLAN_FILL = 0.75;

async function drawPart(
  info: Omit<AuthorityAnnexInput, 'rows'>,
  source: AnnexRowSource,
  options: AttachmentRenderOptions,
  range: { from: number; to: number; part: number; parts: number },
): Promise<Uint8Array> {
  return renderAuthorityAnnex({ ...info, rows: source.rows(range.from, range.to) }, options, {
    part: range.part,
    parts: range.parts,
    firstRowNumber: range.from + 1,
    totalRows: source.total,
  });
}

/**
 * How many rows go into each file: as many as fit in the limit, by what a probe of the first rows
 * weighs against an annex of none (the fonts and the verification text), never more than
 * MAX_ANNEX_ROWS_PER_FILE. A claimant's rows are never cut between files.
 */
async function rowsPerFile(
  info: Omit<AuthorityAnnexInput, 'rows'>,
  source: AnnexRowSource,
  options: AttachmentRenderOptions,
  maxBytes: number,
): Promise<number> {
  const probeRows = Math.min(PROBE_ROWS, source.total);
  const empty = await drawPart(info, source, options, { from: 0, to: 0, part: 1, parts: 1 });
  const probe = await drawPart(info, source, options, { from: 0, to: probeRows, part: 1, parts: 1 });
  const perRow = Math.max(1, (probe.byteLength - empty.byteLength) / probeRows);
  const fits = Math.floor((maxBytes * PLAN_FILL - empty.byteLength) / perRow);
  return Math.max(1, Math.min(MAX_ANNEX_ROWS_PER_FILE, source.total, fits));
}

/**
 * 선정 및 소송위임 확인서 in as many files as the court's per-file limit needs, each drawn on its
 * own (so memory is one file's, not the round's), numbered "part n of N", its rows numbered on
 * from the last file's, each pre-flighted. The first file says how to verify them all; every file
 * prints the manifest's hash. A file that still comes out over the limit is split by pages
 * (fitAttachment); one that cannot be is returned as it is, and its size check refuses the build.
 */
export async function drawAuthorityAnnexParts(
  info: Omit<AuthorityAnnexInput, 'rows'>,
  source: AnnexRowSource,
  options: AttachmentRenderOptions,
  maxBytes: number,
): Promise<RenderedAttachmentPart[]> {
  // A small annex is drawn once, and is one file whenever it fits.
  if (source.total <= PROBE_ROWS) {
    const whole = await drawPart(info, source, options, { from: 0, to: source.total, part: 1, parts: 1 });
    // One that fits, or one whose rows cannot be spread over files: its size check refuses the build.
    if (whole.byteLength <= maxBytes || source.total <= 1) return [await preflightAttachment(whole, options.format, maxBytes)];
  }
  const perFile = await rowsPerFile(info, source, options, maxBytes);
  const parts = Math.max(1, Math.ceil(source.total / perFile));
  const title = STRINGS[options.language].authority.title;
  const rendered: RenderedAttachmentPart[] = [];
  for (let part = 1; part <= parts; part++) {
    const from = (part - 1) * perFile;
    const bytes = await drawPart(info, source, options, { from, to: Math.min(source.total, from + perFile), part, parts });
    rendered.push(
      ...(await fitAttachment({ bytes, title, metadata: caseDocumentMeta(title, info.case, options) }, options.format, maxBytes)),
    );
  }
  return rendered;
}

/** The annex of rows already in memory (tests, and builds on the caller's thread). */
export function drawAuthorityAnnex(
  annex: AuthorityAnnexInput,
  options: AttachmentRenderOptions,
  maxBytes: number,
): Promise<RenderedAttachmentPart[]> {
  const { rows, ...info } = annex;
  return drawAuthorityAnnexParts(info, { total: rows.length, rows: (from, to) => rows.slice(from, to) }, options, maxBytes);
}

/** A manifest entry as the annex prints it. */
export function annexRow(entry: AuthorityManifestEntry): AuthorityAnnexRow {
  return {
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
  };
}

/** The manifest's chunks and which of them hold the slices of entries (lib/filings/authority-manifest.ts). */
export type ManifestRows = { chunks: readonly Uint8Array[]; rows: number; slices: readonly ManifestSlice[] };

/** Rows parsed from the manifest's bytes as a part needs them: one part's slices in memory at a time. */
export function manifestRowSource(manifest: ManifestRows): AnnexRowSource {
  let cached: { index: number; rows: AuthorityAnnexRow[] } | null = null;
  const sliceRows = (index: number) => {
    if (cached?.index !== index) cached = { index, rows: readManifestSlice(manifest.chunks, manifest.slices[index]).map(annexRow) };
    return cached.rows;
  };
  return {
    total: manifest.rows,
    rows: (from, to) => {
      const rows: AuthorityAnnexRow[] = [];
      manifest.slices.forEach((slice, index) => {
        const end = slice.firstRow + slice.rows;
        if (end <= from || slice.firstRow >= to) return;
        rows.push(...sliceRows(index).slice(Math.max(0, from - slice.firstRow), Math.min(slice.rows, to - slice.firstRow)));
      });
      return rows;
    },
  };
}

/** The annex of a written manifest: what the filing job's render worker draws (render-packet.ts). */
export function drawAuthorityAnnexFromManifest(
  manifest: ManifestRows,
  info: Omit<AuthorityAnnexInput, 'rows'>,
  options: AttachmentRenderOptions,
  maxBytes: number,
): Promise<RenderedAttachmentPart[]> {
  return drawAuthorityAnnexParts(info, manifestRowSource(manifest), options, maxBytes);
}
