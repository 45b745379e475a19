// Must stay the first import: it lowers this thread's priority before anything heavy loads.
import './yield-cpu';
import { createHash } from 'node:crypto';
import {
  ExhibitIntegrityError,
  ExhibitSourceError,
  PageTooLargeError,
  PdfInputError,
  assemblePacket,
  numberExhibits,
  preflightPdf,
  separateExhibits,
} from '@/lib/pdf';
import type { AuthorityAnnexInput } from '@/lib/pdf/authority-annex';
import type { ClaimantSnapshot, ExhibitEntry, PacketDocument, RenderOptions } from '@/lib/pdf/types';
import { MEGABYTE, chosenDocuments } from '../options';
import {
  type RenderFailure,
  type RenderedAttachmentMeta,
  type RenderedAttachmentPart,
  type RenderedPartMeta,
  packRenderResult,
} from '../render-result';
import { type ManifestRows, drawAuthorityAnnexFromManifest } from './annex-parts';
import { drawExhibitList, exhibitListEntries } from './attachment-pdfs';
import { EvidenceUnavailableError } from './evidence-client';
import { estimatePages, renderPacketDocuments, type RenderPacketInput, type RenderedDocument } from './packet-documents';
import { PACKET_TITLES } from './packet-titles';
import { PageProgress, type RenderProgress } from './page-progress';
import { partyListXlsxRows, renderPartyListXlsx } from './party-list-xlsx';

type Group = {
  group: RenderedPartMeta['group'];
  title: string;
  /** The documents, or how to cut them from the exhibit bundle when their turn comes. */
  documents: PacketDocument[] | (() => Promise<PacketDocument[]>);
  /** A US exhibit filed as an attachment of its own: one file, never split. */
  exhibit?: ExhibitEntry;
};

/** An assembly limit no file reaches: a separately filed exhibit is one file, measured afterwards. */
const ONE_FILE = Number.MAX_SAFE_INTEGER;

/**
 * CM/ECF takes each exhibit as its own attachment: one alone over the court's per-file limit
 * cannot be filed, and splitting it would make two exhibits of one.
 */
export class ExhibitTooLargeError extends Error {
  constructor(
    readonly exhibit: ExhibitEntry,
    readonly byteLength: number,
    readonly limitBytes: number,
  ) {
    super(`${exhibit.label} is ${byteLength} bytes as a file of its own, more than the ${limitBytes}-byte limit per file`);
    this.name = 'ExhibitTooLargeError';
  }
}

/**
 * Korean filings go in as one packet (split by size only). US CM/ECF wants exhibits as separate
 * attachments: the main documents, then the exhibit index with the hash manifest, then every
 * exhibit (slip sheet and pages) as a file of its own, in exhibit order.
 */
async function groupDocuments(rendered: readonly RenderedDocument[], input: RenderPacketInput): Promise<Group[]> {
  const titles = PACKET_TITLES[input.language];
  const bundle = rendered.find((entry) => entry.key === 'exhibits');
  const others = rendered.filter((entry) => entry.key !== 'exhibits').map((entry) => entry.document);
  if (input.format === 'kr' || !bundle?.exhibits?.length) {
    const title = others.length === 0 ? titles.exhibits : titles.packet;
    return [{ group: 'packet', title, documents: [...others, ...(bundle ? [bundle.document] : [])] }];
  }
  const separated = await separateExhibits(bundle.document, bundle.exhibits, input.language);
  return [
    ...(others.length ? [{ group: 'main' as const, title: titles.mainDocuments, documents: others }] : []),
    { group: 'exhibitIndex', title: titles.exhibitIndex, documents: separated.loadIndex },
    ...separated.exhibits.map(({ entry, load }) => ({
      group: 'exhibit' as const,
      title: `${entry.label} — ${entry.description}`,
      documents: async () => [await load()],
      exhibit: entry,
    })),
  ];
}

/** What a failure message needs of the claimants: whose files are which exhibits. */
type ExhibitOwners = { claimants: readonly Pick<ClaimantSnapshot, 'id' | 'referenceNumber' | 'evidence'>[] };
type FailureContext = ExhibitOwners & Pick<RenderPacketInput, 'language' | 'maxPartBytes'>;

function filenameOf(input: ExhibitOwners, evidenceId: string): string {
  for (const claimant of input.claimants)
    for (const file of claimant.evidence) if (file.id === evidenceId) return `${file.originalFilename} (${claimant.referenceNumber})`;
  return evidenceId;
}

/** The exhibit label and file name of the first exhibit with these bytes. */
function exhibitOf(input: ExhibitOwners & Pick<RenderPacketInput, 'language'>, sha256: string): { exhibit: string; file: string } {
  const items = input.claimants.flatMap((claimant) => claimant.evidence.map((evidence) => ({ claimant, evidence })));
  const found = numberExhibits(items, (item) => item.claimant.id, input.language).find(({ item }) => item.evidence.sha256 === sha256);
  return found
    ? { exhibit: found.label, file: `${found.item.evidence.originalFilename} (${found.item.claimant.referenceNumber})` }
    : { exhibit: '?', file: sha256 };
}

/** Maps what can go wrong to a message the lawyer can act on; internal detail stays in `detail`. */
export function describeRenderFailure(error: unknown, input: FailureContext): RenderFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof EvidenceUnavailableError) {
    const messageKey = error.problem === 'mismatch' ? 'filings.errors.hashMismatch' : 'filings.errors.evidenceMissing';
    return {
      code: error.problem === 'mismatch' ? 'exhibit_hash_mismatch' : 'exhibit_missing',
      messageKey,
      params: exhibitOf(input, error.sha256),
      detail,
    };
  }
  if (error instanceof ExhibitIntegrityError) {
    return {
      code: error.code,
      messageKey: 'filings.errors.hashMismatch',
      params: { exhibit: error.exhibitLabel, file: filenameOf(input, error.evidenceId) },
      detail,
    };
  }
  if (error instanceof ExhibitSourceError) {
    return {
      code: error.code,
      messageKey: 'filings.errors.exhibitUnreadable',
      params: { exhibit: error.exhibitLabel, file: filenameOf(input, error.evidenceId) },
      detail,
    };
  }
  if (error instanceof PageTooLargeError) {
    return {
      code: error.code,
      messageKey: 'filings.errors.pageTooLarge',
      params: { page: error.pageNumber, limit: Math.round(error.limitBytes / MEGABYTE) },
      detail,
    };
  }
  if (error instanceof ExhibitTooLargeError) {
    return {
      code: 'exhibit_too_large',
      messageKey: 'filings.errors.exhibitTooLarge',
      params: {
        exhibit: error.exhibit.label,
        file: filenameOf(input, error.exhibit.evidenceId),
        size: Math.ceil((error.byteLength / MEGABYTE) * 10) / 10,
        limit: Math.round(error.limitBytes / MEGABYTE),
      },
      detail,
    };
  }
  if (error instanceof PdfInputError)
    return { code: error.code, messageKey: 'filings.errors.invalidInput', params: { field: error.field }, detail };
  if (/could not split the packet/.test(detail))
    return {
      code: 'cannot_split',
      messageKey: 'filings.errors.cannotSplit',
      params: { limit: Math.round(input.maxPartBytes / MEGABYTE) },
      detail,
    };
  return { code: 'render_failed', messageKey: 'filings.errors.renderFailed', params: {}, detail };
}

/**
 * The files filed beside the packet that come from the same snapshots: the party list as a
 * spreadsheet (100,000 rows are seconds of XML and deflate) and the exhibit list (split like the
 * packet when it is over the limit). Written here, where the snapshots already are, so the job's
 * thread — which serves the web server in production — never parses them.
 */
async function renderAttachments(input: RenderPacketInput): Promise<(RenderedAttachmentMeta & { bytes: Uint8Array })[]> {
  const options = { format: input.format, language: input.language, now: new Date(input.documentDate) };
  const attachments: (RenderedAttachmentMeta & { bytes: Uint8Array })[] = [];
  if (input.documents.partyList) {
    const bytes = await renderPartyListXlsx({ caseInfo: input.caseInfo, rows: partyListXlsxRows(input.claimants) }, options);
    attachments.push({
      kind: 'party_list_xlsx',
      byteLength: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    });
  }
  const exhibits = input.documents.exhibits ? exhibitListEntries(input.claimants) : [];
  if (exhibits.length)
    for (const part of await drawExhibitList(
      { case: input.caseInfo, filingVersion: input.filingVersion, exhibits },
      options,
      input.maxPartBytes,
    ))
      attachments.push({ kind: 'exhibit_list', byteLength: part.bytes.byteLength, ...part });
  return attachments;
}

/**
 * The worker-thread task (lib/jobs/worker-thread.ts): draws the chosen documents, assembles
 * them into files under the size limit with bookmarks and metadata, hashes and pre-flights each
 * file, writes the attachments that come from the same snapshots, and answers with one
 * transferable buffer (render-result.ts). No database here — the job
 * loads everything first and stores the result in one transaction.
 */
export async function renderFilingPacket(
  input: RenderPacketInput,
  report: (progress: RenderProgress) => void,
  { releaseSnapshots = false }: { releaseSnapshots?: boolean } = {},
): Promise<Uint8Array> {
  let context: FailureContext = input;
  try {
    const keys = chosenDocuments(input.documents);
    const progress = new PageProgress(
      keys.map((key) => estimatePages(key, input)),
      report,
    );
    const rendered = await renderPacketDocuments(input, keys, progress);
    const pageCount = rendered.reduce((sum, entry) => sum + entry.pageCount, 0);
    const warnings = rendered.flatMap((entry) => entry.warnings);
    const attachments = await renderAttachments(input);
    if (releaseSnapshots) {
      // Drawn: the snapshots (hundreds of megabytes at 100,000 claimants) go before the parts are
      // assembled, the render's largest moment; a failure from here on still names its exhibit.
      const owners = input.claimants
        .filter((claimant) => claimant.evidence.length)
        .map(({ id, referenceNumber, evidence }) => ({ id, referenceNumber, evidence }));
      context = { claimants: owners, language: input.language, maxPartBytes: input.maxPartBytes };
      input.claimants.splice(0);
    }
    const groups = await groupDocuments(rendered, input);
    // From here on each group's documents are referenced only while it is assembled, so the
    // rendered bytes can be collected before the next group and before the parts are packed.
    rendered.length = 0;
    const parts: RenderedPartMeta[] = [];
    const bytes: Uint8Array[] = [];
    let assembled = 0;
    for (const group of groups) {
      const metadata = {
        title: `${group.title} — ${input.caseInfo.title[input.language]}`,
        author: input.caseInfo.counsel.name[input.language],
        subject: input.caseInfo.caseName[input.language],
        keywords: [input.caseInfo.id],
        language: input.language,
        createdAt: new Date(input.documentDate),
      };
      const documents = typeof group.documents === 'function' ? await group.documents() : group.documents.splice(0);
      const result = await assemblePacket(
        { documents, metadata, maxPartBytes: group.exhibit ? ONE_FILE : input.maxPartBytes },
        { onProgress: (done) => progress.assemble(assembled + done, pageCount) },
      );
      if (group.exhibit && result.parts[0].byteLength > input.maxPartBytes)
        throw new ExhibitTooLargeError(group.exhibit, result.parts[0].byteLength, input.maxPartBytes);
      assembled += result.pageCount;
      for (const part of result.parts) {
        const preflight = await preflightPdf(part.bytes, input.format, { maxBytes: input.maxPartBytes });
        parts.push({
          partNumber: parts.length + 1,
          group: group.group,
          sha256: createHash('sha256').update(part.bytes).digest('hex'),
          byteLength: part.byteLength,
          pageCount: part.pageCount,
          batesFirst: part.batesFirst,
          batesLast: part.batesLast,
          documents: part.documents,
          ...(group.exhibit ? { exhibit: { label: group.exhibit.label, number: group.exhibit.number, sub: group.exhibit.sub } } : {}),
          preflight,
        });
        bytes.push(part.bytes);
      }
    }
    return packRenderResult({ ok: true, pageCount, parts, attachments: attachments.map(({ bytes: _bytes, ...meta }) => meta), warnings }, [
      ...bytes,
      ...attachments.map((attachment) => attachment.bytes),
    ]);
  } catch (error) {
    return packRenderResult({ ok: false, failure: describeRenderFailure(error, context) });
  }
}

/**
 * The signed statement's text is printed only in the declarations: without them it is let go as
 * soon as it is parsed (at 100,000 claimants, a good share of the snapshots' memory).
 */
function withoutUnusedText(claimants: ClaimantSnapshot[], documents: RenderPacketInput['documents']): ClaimantSnapshot[] {
  if (!documents.declarations) for (const claimant of claimants) if (claimant.statement) claimant.statement.text = '';
  return claimants;
}

/** The packet task's input as the job sends it: the snapshots as JSON, comma-separated, in transferred slices. */
export type RenderPacketTaskInput = Omit<RenderPacketInput, 'claimants'> & { claimantsJson: Uint8Array[] };

/** The worker-thread task the job runs: parses the snapshots here, off the job's thread, then draws the packet. */
export async function renderFilingPacketTask(
  { claimantsJson, ...input }: RenderPacketTaskInput,
  report: (progress: RenderProgress) => void,
): Promise<Uint8Array> {
  const decoder = new TextDecoder();
  const claimants: RenderPacketInput['claimants'] = [];
  // Each slice's bytes are let go once parsed: at 100,000 claimants they are hundreds of megabytes.
  for (let slice = claimantsJson.shift(); slice; slice = claimantsJson.shift())
    claimants.push(...(JSON.parse(`[${decoder.decode(slice)}]`) as RenderPacketInput['claimants']));
  return renderFilingPacket({ ...input, claimants: withoutUnusedText(claimants, input.documents) }, report, { releaseSnapshots: true });
}

/**
 * The proof of authority annex (lib/filings/authority-attachments.ts), a second task of this
 * module: one table row per claimant is minutes of drawing for 100,000, which must not hold up
 * the job's thread (it serves the web server in production). The rows are read here from the
 * manifest's bytes, which the job shares with this worker rather than copies, one file's worth at
 * a time (annex-parts.ts).
 */
export async function renderAuthorityAnnexTask(input: {
  manifest: ManifestRows;
  info: Omit<AuthorityAnnexInput, 'rows'>;
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>;
  maxBytes: number;
}): Promise<RenderedAttachmentPart[]> {
  return drawAuthorityAnnexFromManifest(input.manifest, input.info, input.options, input.maxBytes);
}
