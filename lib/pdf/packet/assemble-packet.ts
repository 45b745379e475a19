import { PDFDocument } from 'pdf-lib';
import { throwIfAborted } from '../errors';
import { batesLabel } from '../exhibits/bates';
import { sanitizeCopiedPage } from '../exhibits/sanitize';
import { applyMetadata, OBJECTS_PER_TICK } from '../layout/pdf-builder';
import { STRINGS } from '../strings';
import type {
  BatesSpec,
  Bookmark,
  ExhibitBundleResult,
  PacketDocument,
  PacketInput,
  PacketOptions,
  PacketPart,
  PacketResult,
} from '../types';
import { writeOutline } from './outline';
import { planParts, type PacketPage } from './plan-parts';

/** Plan with some headroom; if a saved part still exceeds the limit, plan again with less. */
const BUDGET_FACTORS = [0.95, 0.85, 0.7, 0.5];

function bookmarksFor(document: PacketDocument, fromPage: number, toPage: number, title: string): Bookmark {
  const within = (bookmark: Bookmark): Bookmark | undefined =>
    bookmark.pageIndex >= fromPage && bookmark.pageIndex < toPage
      ? {
          ...bookmark,
          pageIndex: bookmark.pageIndex - fromPage,
          children: bookmark.children?.map(within).filter((child): child is Bookmark => Boolean(child)),
        }
      : undefined;
  const children = (document.bookmarks ?? []).map(within).filter((child): child is Bookmark => Boolean(child));
  return { title, pageIndex: 0, children };
}

async function buildPart(
  input: PacketInput,
  sources: readonly PDFDocument[],
  pages: readonly PacketPage[],
  range: [number, number],
  part: number,
  parts: number,
  options: PacketOptions,
  done: { pages: number },
): Promise<PacketPart> {
  const strings = STRINGS[input.metadata.language].packet;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const outline: Bookmark[] = [];
  const titles: string[] = [];
  const batesLabels: string[] = [];
  let index = range[0];
  while (index < range[1]) {
    throwIfAborted(options.signal);
    const documentIndex = pages[index].document;
    let end = index;
    while (end < range[1] && pages[end].document === documentIndex) end++;
    const document = input.documents[documentIndex];
    const indices = pages.slice(index, end).map((page) => page.pageIndex);
    const copied = await doc.copyPages(sources[documentIndex], indices);
    const offset = doc.getPageCount();
    for (const page of copied) {
      doc.addPage(page);
      sanitizeCopiedPage(page);
    }
    const isContinued = indices[0] > 0;
    const title = isContinued ? strings.continued(document.title) : document.title;
    titles.push(title);
    const bookmark = bookmarksFor(document, indices[0], indices[indices.length - 1] + 1, title);
    outline.push({ ...bookmark, pageIndex: offset, children: bookmark.children?.map((child) => shift(child, offset)) });
    if (document.bates)
      for (const pageIndex of indices) batesLabels.push(batesLabel(document.bates.spec, document.bates.first + pageIndex));
    done.pages += end - index;
    options.onProgress?.(done.pages, pages.length);
    index = end;
  }
  writeOutline(doc, outline);
  const title = parts > 1 ? strings.partTitle(input.metadata.title, part, parts) : input.metadata.title;
  applyMetadata(doc, { ...input.metadata, title });
  const bytes = await doc.save({
    useObjectStreams: true,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: OBJECTS_PER_TICK,
  });
  return {
    part,
    parts,
    bytes,
    byteLength: bytes.length,
    pageCount: range[1] - range[0],
    firstPage: range[0] + 1,
    lastPage: range[1],
    batesFirst: batesLabels[0] ?? null,
    batesLast: batesLabels[batesLabels.length - 1] ?? null,
    documents: titles,
  };
}

function shift(bookmark: Bookmark, offset: number): Bookmark {
  return { ...bookmark, pageIndex: bookmark.pageIndex + offset, children: bookmark.children?.map((child) => shift(child, offset)) };
}

/**
 * Puts the filing's documents together in order, with a bookmark per document (and per exhibit),
 * metadata, and no scripts or form fields, split into files under `maxPartBytes`. Pages keep
 * their Bates numbers, so numbering runs on across parts; each part reports its pages, size
 * and first/last Bates number.
 */
export async function assemblePacket(input: PacketInput, options: PacketOptions = {}): Promise<PacketResult> {
  const sources: PDFDocument[] = [];
  for (const document of input.documents) {
    throwIfAborted(options.signal);
    sources.push(await PDFDocument.load(document.bytes, { updateMetadata: false }));
  }
  const pages: PacketPage[] = sources.flatMap((source, document) => source.getPageIndices().map((pageIndex) => ({ document, pageIndex })));
  const bookmarkCount = (page: number) => {
    const { document, pageIndex } = pages[page];
    return (
      (pageIndex === 0 ? 1 : 0) + (input.documents[document].bookmarks ?? []).filter((bookmark) => bookmark.pageIndex === pageIndex).length
    );
  };
  for (const factor of BUDGET_FACTORS) {
    const starts = planParts(sources, pages, input.maxPartBytes * factor, bookmarkCount);
    const parts: PacketPart[] = [];
    const done = { pages: 0 };
    for (let part = 0; part < starts.length; part++) {
      const range: [number, number] = [starts[part], starts[part + 1] ?? pages.length];
      parts.push(await buildPart(input, sources, pages, range, part + 1, starts.length, options, done));
    }
    if (parts.every((part) => part.bytes.length <= input.maxPartBytes)) return { parts, pageCount: pages.length };
  }
  throw new Error(`could not split the packet under ${input.maxPartBytes} bytes per file`);
}

/** A rendered exhibit bundle as a packet document: bookmarks per exhibit, Bates numbers carried over. */
export function exhibitBundleDocument(
  title: string,
  bundle: Pick<ExhibitBundleResult, 'bytes' | 'batesStart' | 'entries'>,
  spec: BatesSpec,
): PacketDocument {
  return {
    title,
    bytes: bundle.bytes,
    bookmarks: bundle.entries.map((entry) => ({ title: `${entry.label} ${entry.description}`, pageIndex: entry.slipPageIndex })),
    bates: { spec, first: bundle.batesStart },
  };
}
