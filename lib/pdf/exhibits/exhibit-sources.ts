import { PDFDict, PDFDocument, PDFName, PDFPage, PDFString } from 'pdf-lib';
import { ExhibitSourceError } from '../errors';
import { contentBox, FONT_SIZE, type DocumentFormat } from '../geometry';
import type { PageCanvas } from '../layout/canvas';
import { breakLines } from '../layout/line-break';
import type { PdfBuilder } from '../layout/pdf-builder';
import { STRINGS } from '../strings';
import type { Language } from '../types';
import { fitPageToFormat } from './fit-page';
import { embedImage, type PlacedImage } from './images';
import type { SourceKind } from './integrity';
import { sanitizeCopiedPage } from './sanitize';
import { embedStandardFonts } from './standard-fonts';
import { visualFrameOf } from './stamp';

/** Images print at no less than this resolution: small images are not blown up past it. */
const MIN_IMAGE_DPI = 96;

const PIECE_INFO = PDFName.of('PieceInfo');

/**
 * Marks a page as copied from an exhibit (its own layout, not ours) in the page's PieceInfo,
 * the standard place for application data (PDF 32000-1, 14.5), so preflight can tell them apart.
 */
export function markExhibitSource(page: PDFPage, modifiedAt: Date): void {
  const context = page.doc.context;
  page.node.set(PIECE_INFO, context.obj({ Joinder: { LastModified: PDFString.fromDate(modifiedAt), Private: { Role: 'ExhibitSource' } } }));
}

export function isExhibitSource(page: PDFPage): boolean {
  const context = page.doc.context;
  const info = context.lookup(page.node.get(PIECE_INFO));
  if (!(info instanceof PDFDict)) return false;
  const joinder = context.lookup(info.get(PDFName.of('Joinder')));
  const data = joinder instanceof PDFDict ? context.lookup(joinder.get(PDFName.of('Private'))) : undefined;
  return data instanceof PDFDict && data.get(PDFName.of('Role'))?.toString() === '/ExhibitSource';
}

/** Copies every page of a source PDF (one copyPages call), brings each to the filing's paper, and returns the canvases to stamp them. */
export async function appendPdf(
  builder: PdfBuilder,
  bytes: Uint8Array,
  label: string,
  evidenceId: string,
  modifiedAt: Date,
): Promise<PageCanvas[]> {
  let source: PDFDocument;
  let indices: number[];
  try {
    // Loaded with ignoreEncryption so encryption is reported as such, not as a parse failure.
    source = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    indices = source.isEncrypted ? [] : source.getPageIndices();
  } catch (error) {
    throw new ExhibitSourceError(label, evidenceId, 'unparseable', (error as Error).message);
  }
  if (source.isEncrypted) throw new ExhibitSourceError(label, evidenceId, 'encrypted', 'the PDF is encrypted; ask for an unprotected copy');
  if (indices.length === 0) throw new ExhibitSourceError(label, evidenceId, 'no_pages', 'the PDF has no pages');
  let pages;
  try {
    pages = await builder.doc.copyPages(source, indices);
  } catch (error) {
    throw new ExhibitSourceError(label, evidenceId, 'unparseable', (error as Error).message);
  }
  // Standard fonts the exhibit only names are embedded now (court systems refuse unembedded fonts).
  embedStandardFonts(pages);
  return pages.map((page) => {
    builder.doc.addPage(page);
    sanitizeCopiedPage(page);
    fitPageToFormat(page, builder.format);
    markExhibitSource(page, modifiedAt);
    return builder.adoptPage(page, visualFrameOf(page));
  });
}

/** Places an image on a page of the filing's format, scaled to fit inside the margins. */
export function appendImagePage(builder: PdfBuilder, image: PlacedImage): PageCanvas {
  const canvas = builder.addPage();
  const box = contentBox(builder.format);
  const maxScale = 72 / MIN_IMAGE_DPI;
  const scale = Math.min(box.width / image.width, box.height / image.height, maxScale);
  const width = image.width * scale;
  const height = image.height * scale;
  canvas.image(image.ref, box.left + (box.width - width) / 2, box.top + (box.height - height) / 2, width, height);
  return canvas;
}

/** A notice page for a file that cannot be shown as PDF; the original is filed separately. */
export function appendNoticePage(
  builder: PdfBuilder,
  mime: string,
  filename: string,
  format: DocumentFormat,
  language: Language,
): PageCanvas {
  const canvas = builder.addPage();
  const box = contentBox(format);
  const font = builder.font('serif');
  let y = box.top + box.height / 3;
  for (const line of [
    ...breakLines(
      STRINGS[language].exhibits.unsupported(mime),
      () => box.width * 0.8,
      (text) => font.widthOf(text, FONT_SIZE.body),
    ),
    filename,
  ]) {
    canvas.text(line, canvas.width / 2, y, { font, size: FONT_SIZE.body }, { align: 'center' });
    y += 20;
  }
  return canvas;
}

/** Embeds each distinct image once per document (keyed by its SHA-256), however often it is used. */
export class ImageCache {
  private readonly images = new Map<string, Promise<PlacedImage>>();

  get(builder: PdfBuilder, sha256: string, bytes: Uint8Array, kind: SourceKind): Promise<PlacedImage> {
    let image = this.images.get(sha256);
    if (!image) {
      image = embedImage(builder.doc.context, bytes, kind);
      this.images.set(sha256, image);
    }
    return image;
  }

  get size(): number {
    return this.images.size;
  }
}
