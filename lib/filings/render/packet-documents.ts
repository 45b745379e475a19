import type { MessagePort } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';
import {
  renderAppointment,
  renderComplaint,
  renderDeclaration,
  renderExhibitBundle,
  renderPartyList,
  renderPowerOfAttorney,
  exhibitBundleDocument,
} from '@/lib/pdf';
import { captionName } from '@/lib/pdf/format';
import type {
  CaseInfo,
  ClaimantSnapshot,
  DocumentFormat,
  ExhibitEntry,
  ExhibitFile,
  Language,
  PacketDocument,
  PlaintiffsCaption,
  RenderOptions,
} from '@/lib/pdf/types';
import type { DocumentKey, FilingDocuments } from '../options';
import { appointersOf } from '../requirements';
import { complaintAttachments } from './complaint-attachments';
import { EvidenceClient } from './evidence-client';
import { PACKET_TITLES } from './packet-titles';
import type { PageProgress } from './page-progress';

export type RenderPacketInput = {
  caseInfo: CaseInfo;
  claimants: ClaimantSnapshot[];
  documents: FilingDocuments;
  format: DocumentFormat;
  language: Language;
  bates: { prefix: string; start: number };
  maxPartBytes: number;
  documentDate: string;
  representativeClaimantIds: string[];
  /** The filing's version, which the exhibit list prints. */
  filingVersion: number;
  /** Where the exhibit files come from, one at a time (lib/filings/evidence-channel.ts); needed for exhibits. */
  evidencePort?: MessagePort;
};

export type RenderedDocument = {
  key: DocumentKey;
  document: PacketDocument;
  pageCount: number;
  warnings: string[];
  /** The exhibit bundle's entries (where each exhibit's pages are), for filing them one by one (US). */
  exhibits?: ExhibitEntry[];
};

/** Rough pages per document before it is drawn (declarations take about two pages each). */
export function estimatePages(key: DocumentKey, input: RenderPacketInput): number {
  const count = input.claimants.length;
  const files = input.claimants.reduce((sum, claimant) => sum + claimant.evidence.length, 0);
  switch (key) {
    case 'complaint':
      return 4 + Math.ceil(input.claimants.filter((claimant) => claimant.evidence.length).length / 30);
    case 'partyList':
      return 1 + Math.ceil(count / 16);
    case 'appointment':
      return 1 + Math.ceil(count / 14);
    case 'powerOfAttorney':
      return input.documents.powerOfAttorney === 'per_claimant' ? count : 1 + Math.ceil(count / 14);
    case 'declarations':
      return 2 * count;
    case 'exhibits':
      return (
        Math.ceil(files / 18) +
        Math.ceil(files / 25) +
        input.claimants.reduce((sum, claimant) => sum + claimant.evidence.reduce((pages, file) => pages + 1 + (file.pageCount ?? 1), 0), 0)
      );
  }
}

async function pageCountOf(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

/** Each declaration is its own small PDF; they are bound into one document with a bookmark per claimant. */
async function renderDeclarations(
  input: RenderPacketInput,
  options: RenderOptions,
  plaintiffs: PlaintiffsCaption,
  progress: PageProgress,
): Promise<PacketDocument> {
  const bound = await PDFDocument.create({ updateMetadata: false });
  const bookmarks: { title: string; pageIndex: number }[] = [];
  for (const [index, claimant] of input.claimants.entries()) {
    const bytes = await renderDeclaration({ case: input.caseInfo, claimant, plaintiffs }, options);
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    bookmarks.push({ title: `${claimant.legalName} (${claimant.referenceNumber})`, pageIndex: bound.getPageCount() });
    for (const page of await bound.copyPages(source, source.getPageIndices())) bound.addPage(page);
    progress.advance(index + 1, input.claimants.length);
  }
  const bytes = await bound.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: 5000 });
  return { title: PACKET_TITLES[input.language].declarations, bytes, bookmarks };
}

/**
 * Draws the chosen documents in filing order — 소장, 당사자목록, 선정서, 소송위임장, 진술서,
 * 증거자료 — reporting pages as it goes.
 */
export async function renderPacketDocuments(
  input: RenderPacketInput,
  keys: readonly DocumentKey[],
  progress: PageProgress,
): Promise<RenderedDocument[]> {
  const titles = PACKET_TITLES[input.language];
  const { caseInfo, claimants, format, language } = input;
  const base: RenderOptions = { format, language, now: new Date(input.documentDate) };
  // With a 선정당사자 the papers caption the appointed ones as 원고(선정당사자).
  const representatives = input.documents.appointment
    ? claimants.filter((claimant) => input.representativeClaimantIds.includes(claimant.id))
    : [];
  const plaintiffs: PlaintiffsCaption = {
    leadName: captionName(claimants[0], language),
    count: claimants.length,
    ...(representatives.length ? { representatives: representatives.map((claimant) => captionName(claimant, language)) } : {}),
  };
  const rendered: RenderedDocument[] = [];
  for (const [index, key] of keys.entries()) {
    progress.begin(index);
    const options: RenderOptions = { ...base, onProgress: (done, total) => progress.advance(done, total) };
    let document: PacketDocument;
    let pageCount: number | undefined;
    let exhibits: ExhibitEntry[] | undefined;
    const warnings: string[] = [];
    if (key === 'complaint') {
      const hasEvidence = claimants.some((claimant) => claimant.evidence.length > 0);
      const attachments = complaintAttachments(input.documents, caseInfo, claimants.length, hasEvidence);
      const bytes = await renderComplaint(
        { case: caseInfo, claimants, hasRepresentativeParty: input.documents.appointment, representatives, attachments },
        options,
      );
      document = { title: format === 'us' ? titles.complaintUs : titles.complaint, bytes };
    } else if (key === 'partyList') {
      document = { title: titles.partyList, bytes: await renderPartyList({ case: caseInfo, claimants }, options) };
    } else if (key === 'appointment') {
      const appointers = appointersOf(claimants, input.representativeClaimantIds);
      document = {
        title: titles.appointment,
        bytes: await renderAppointment({ case: caseInfo, representatives, appointers, plaintiffs }, options),
      };
    } else if (key === 'powerOfAttorney') {
      const mode = input.documents.powerOfAttorney === 'combined' ? 'combined' : 'per_claimant';
      document = {
        title: titles.powerOfAttorney,
        bytes: await renderPowerOfAttorney({ case: caseInfo, claimants, mode, plaintiffs }, options),
      };
    } else if (key === 'declarations') {
      document = await renderDeclarations(input, options, plaintiffs, progress);
    } else {
      if (!input.evidencePort) throw new Error('exhibits need the evidence channel');
      const order = claimants.flatMap((claimant) => claimant.evidence.map((evidence) => evidence.sha256));
      const client = new EvidenceClient(input.evidencePort, order);
      const files: ExhibitFile[] = claimants.flatMap((claimant) =>
        claimant.evidence.map((evidence) => ({ evidence, claimant, data: () => client.load(evidence.sha256) })),
      );
      const bundle = await renderExhibitBundle({ case: caseInfo, files, bates: input.bates }, options).finally(() => client.close());
      document = exhibitBundleDocument(titles.exhibits, bundle, input.bates);
      pageCount = bundle.pageCount;
      exhibits = bundle.entries;
      warnings.push(...bundle.warnings);
    }
    pageCount ??= await pageCountOf(document.bytes);
    progress.finish(index, pageCount);
    rendered.push({ key, document, pageCount, warnings, ...(exhibits ? { exhibits } : {}) });
  }
  return rendered;
}
