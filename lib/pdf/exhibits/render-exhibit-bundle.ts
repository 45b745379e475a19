import { caseDocumentMeta } from '../document-meta';
import { throwIfAborted } from '../errors';
import { displayName, isoDateIn } from '../format';
import type { PageCanvas } from '../layout/canvas';
import { Flow } from '../layout/flow';
import { PdfBuilder } from '../layout/pdf-builder';
import { documentStyles } from '../layout/styles';
import { writeOutline, type OutlineItem } from '../packet/outline';
import { STRINGS } from '../strings';
import type { ExhibitBundleInput, ExhibitBundleResult, ExhibitEntry, RenderOptions } from '../types';
import { batesLabel } from './bates';
import { appendImagePage, appendNoticePage, appendPdf, ImageCache } from './exhibit-sources';
import { drawExhibitIndex, drawManifest, type ExhibitRow } from './exhibit-tables';
import { loadVerified, sniffKind } from './integrity';
import { numberExhibits } from './numbering';
import { drawSlipSheet } from './slip-sheet';
import { drawStamp, type StampText } from './stamp';

/** Pages the index will take, found by drawing it once into a scratch document. */
async function countIndexPages(input: ExhibitBundleInput, options: RenderOptions, rows: readonly ExhibitRow[]): Promise<number> {
  const scratch = await PdfBuilder.create(options.format, caseDocumentMeta('', input.case, options));
  drawExhibitIndex(new Flow(scratch), documentStyles(scratch), rows, options.language);
  return scratch.pageCount;
}

/**
 * The exhibit bundle: an index (갑 제N호증 / Exhibit N), then per exhibit a slip sheet and the
 * file itself (PDF pages copied, images placed on pages), then a manifest of hashes. Every file
 * is checked against its recorded SHA-256 before it goes in; every page is stamped with its
 * Bates number, and exhibit pages with their label.
 */
export async function renderExhibitBundle(input: ExhibitBundleInput, options: RenderOptions): Promise<ExhibitBundleResult> {
  const { format, language } = options;
  const strings = STRINGS[language].exhibits;
  const onDate = isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul');
  const start = input.bates.start ?? 1;
  const bates = (pageIndex: number) => batesLabel(input.bates, start + pageIndex);
  const exhibits = numberExhibits(input.files, (file) => file.claimant.id, language);
  const rows: ExhibitRow[] = exhibits.map(({ item, label }) => ({
    label,
    description: item.evidence.label,
    claimant: displayName(item.claimant, format, language, onDate),
    filename: item.evidence.originalFilename,
    sha256: item.evidence.sha256.toLowerCase(),
    pages: item.evidence.pageCount ?? 1,
    batesFirst: bates(0),
    batesLast: bates(0),
  }));

  const builder = await PdfBuilder.create(format, caseDocumentMeta(strings.indexTitle, input.case, options));
  const styles = documentStyles(builder);
  const indexCanvases = Array.from({ length: await countIndexPages(input, options, rows) }, () => builder.addPage());
  const stamps = new Map<PageCanvas, StampText['exhibit']>();
  const entries: ExhibitEntry[] = [];
  const warnings: string[] = [];
  const images = new ImageCache();

  for (const [position, exhibit] of exhibits.entries()) {
    throwIfAborted(options.signal);
    const { item: file, label } = exhibit;
    const bytes = await loadVerified(file, label);
    const kind = sniffKind(bytes, file.evidence.mime);
    const slip = builder.addPage();
    const slipPageIndex = builder.pageCount - 1;
    let pages: PageCanvas[];
    let imageEncoding: ExhibitEntry['imageEncoding'];
    if (kind === 'pdf') pages = await appendPdf(builder, bytes, label, file.evidence.id, options.now);
    else if (kind === 'unsupported') {
      pages = [appendNoticePage(builder, file.evidence.mime, file.evidence.originalFilename, format, language)];
      warnings.push(`${label}: ${file.evidence.mime} cannot be converted; a notice page stands in for ${file.evidence.originalFilename}`);
    } else {
      const image = await images.get(builder, file.evidence.sha256.toLowerCase(), bytes, kind);
      imageEncoding = image.encoding;
      pages = [appendImagePage(builder, image)];
    }
    const row = rows[position];
    Object.assign(row, { pages: pages.length, batesFirst: bates(slipPageIndex), batesLast: bates(slipPageIndex + pages.length) });
    drawSlipSheet(builder, slip, { ...row, reference: file.claimant.referenceNumber }, format, language);
    pages.forEach((canvas, index) => {
      const certification = index === 0 && language === 'ko' ? strings.copyCertification : undefined;
      stamps.set(canvas, { label, page: strings.pageOf(index + 1, pages.length), certification });
    });
    entries.push({
      label,
      number: exhibit.number,
      sub: exhibit.sub,
      evidenceId: file.evidence.id,
      claimantId: file.claimant.id,
      description: file.evidence.label,
      sha256: row.sha256,
      kind: kind === 'pdf' ? 'pdf' : kind === 'unsupported' ? 'unsupported' : 'image',
      imageEncoding,
      slipPageIndex,
      pageCount: pages.length,
      batesFirst: row.batesFirst,
      batesLast: row.batesLast,
    });
    options.onProgress?.(position + 1, exhibits.length);
  }

  const manifestStart = builder.pageCount;
  drawManifest(new Flow(builder), styles, rows, language);
  let reserved = 0;
  drawExhibitIndex(new Flow(builder, () => indexCanvases[reserved++] ?? builder.addPage()), styles, rows, language);
  if (reserved > indexCanvases.length) throw new Error(`exhibit index needed ${reserved} pages, ${indexCanvases.length} were reserved`);

  const fonts = { regular: builder.font('sans'), bold: builder.font('sansBold') };
  builder.canvases.forEach((canvas, pageIndex) => drawStamp(canvas, fonts, { bates: bates(pageIndex), exhibit: stamps.get(canvas) }));
  const outline: OutlineItem[] = [
    { title: strings.indexTitle.replace(/\s+/g, language === 'ko' ? '' : ' '), pageIndex: 0 },
    ...entries.map((entry) => ({ title: `${entry.label} ${entry.description}`, pageIndex: entry.slipPageIndex })),
    { title: strings.manifestTitle.replace(/\s+/g, language === 'ko' ? '' : ' '), pageIndex: manifestStart },
  ];
  writeOutline(builder.doc, outline);
  const bytes = await builder.save();
  return {
    bytes,
    pageCount: builder.pageCount,
    batesFirst: bates(0),
    batesLast: bates(builder.pageCount - 1),
    batesStart: start,
    entries,
    warnings,
  };
}
