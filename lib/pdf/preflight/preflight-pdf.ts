import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFPage, PDFRawStream, PDFRef } from 'pdf-lib';
import { isExhibitSource } from '../exhibits/exhibit-sources';
import { contentBox, FORMAT_LAYOUTS, type DocumentFormat } from '../geometry';
import type { PreflightCheck, PreflightResult } from '../types';
import { scanText } from './content-scan';
import { collectFonts, findForms, findJavaScript } from './structure';

/** Default per-file cap: the largest limit courts commonly set (CM/ECF districts range 5–50 MB). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const SIZE_TOLERANCE = 1;
const MARGIN_TOLERANCE = 1;
const LISTED = 8;

function list(items: readonly (string | number)[]): string {
  return items.length > LISTED ? `${items.slice(0, LISTED).join(', ')} … (${items.length})` : items.join(', ');
}

function contentOf(page: PDFPage): Uint8Array[] {
  const context = page.doc.context;
  const contents = context.lookup(page.node.get(PDFName.of('Contents')));
  const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
  return refs
    .map((ref) => context.lookup(ref as PDFRef))
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => decodePDFRawStream(stream).decode());
}

function check(
  id: PreflightCheck['id'],
  ok: boolean,
  detail: string,
  severity: PreflightCheck['severity'] = 'error',
  params?: Record<string, string>,
): PreflightCheck {
  return { id, ok, severity, detail, ...(ok || !params ? {} : { params }) };
}

/**
 * Checks a PDF (one part of a packet) against what the court's e-filing system accepts, and
 * returns each check with a detail line so the UI can list them.
 */
export async function preflightPdf(
  bytes: Uint8Array,
  format: DocumentFormat,
  options: { maxBytes?: number } = {},
): Promise<PreflightResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const result = (checks: PreflightCheck[], pageCount: number): PreflightResult => ({
    ok: checks.every((item) => item.ok || item.severity === 'warning'),
    format,
    pageCount,
    byteLength: bytes.length,
    checks,
  });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return result([check('parse', false, `not a readable, unencrypted PDF: ${(error as Error).message}`, 'error', {})], 0);
  }
  const layout = FORMAT_LAYOUTS[format];
  const box = contentBox(format);
  const pages = doc.getPages();
  const wrongSize: number[] = [];
  const outsideMargins: number[] = [];
  const withoutText: number[] = [];
  let sourcePages = 0;
  pages.forEach((page, index) => {
    const { width, height } = page.getSize();
    const fits = (w: number, h: number) =>
      Math.abs(w - layout.size.width) <= SIZE_TOLERANCE && Math.abs(h - layout.size.height) <= SIZE_TOLERANCE;
    if (!fits(width, height) && !fits(height, width)) wrongSize.push(index + 1);
    const placements = contentOf(page).flatMap(scanText);
    if (placements.length === 0) withoutText.push(index + 1);
    if (isExhibitSource(page)) {
      sourcePages++;
      return;
    }
    const isOutside = placements.some(
      (text) =>
        !text.isArtifact &&
        (text.x < box.left - MARGIN_TOLERANCE ||
          text.x > box.right ||
          text.y < height - box.bottom - MARGIN_TOLERANCE ||
          text.y > height - box.top + MARGIN_TOLERANCE),
    );
    if (isOutside) outsideMargins.push(index + 1);
  });
  const fonts = collectFonts(doc);
  // The pages that use a font: where in the packet a lawyer finds the exhibit to replace.
  const pagesUsing = (names: string[]) =>
    pages.flatMap((page, index) => (collectFonts(doc, [page]).some((font) => names.includes(font.name)) ? [index + 1] : []));
  const notEmbedded = fonts.filter((font) => !font.isEmbedded).map((font) => font.name);
  const notSubset = fonts.filter((font) => font.isEmbedded && !font.isSubset).map((font) => font.name);
  const noUnicode = fonts.filter((font) => !font.hasToUnicode).map((font) => font.name);
  const scripts = findJavaScript(doc);
  const forms = findForms(doc);
  const mm = layout.marginsMm;
  const checks = [
    check('parse', true, 'readable, not encrypted'),
    check('page-count', pages.length > 0, `${pages.length} pages`),
    check('file-size', bytes.length <= maxBytes, `${bytes.length} bytes of at most ${maxBytes}`),
    check(
      'page-size',
      wrongSize.length === 0,
      wrongSize.length === 0
        ? `all pages ${layout.size.width}×${layout.size.height} pt`
        : `pages not ${layout.size.width}×${layout.size.height} pt: ${list(wrongSize)}`,
      'error',
      { pages: list(wrongSize) },
    ),
    check(
      'margins',
      outsideMargins.length === 0,
      `${layout.rule}; margins ${mm.top}/${mm.right}/${mm.bottom}/${mm.left} mm (top/right/bottom/left)` +
        (outsideMargins.length ? `; text starts outside them on pages ${list(outsideMargins)}` : '; all text inside') +
        (sourcePages ? `; ${sourcePages} copied exhibit pages keep their own layout` : ''),
      'error',
      { pages: list(outsideMargins) },
    ),
    check(
      'text-layer',
      withoutText.length === 0,
      withoutText.length === 0 ? 'every page has searchable text' : `pages without text: ${list(withoutText)}`,
      'error',
      { pages: list(withoutText) },
    ),
    check('no-javascript', scripts.length === 0, scripts.length === 0 ? 'no JavaScript or launch actions' : list(scripts), 'error', {
      where: list(scripts),
    }),
    check('no-forms', forms.length === 0, forms.length === 0 ? 'no form fields' : list(forms), 'error', { where: list(forms) }),
    check(
      'fonts-embedded',
      notEmbedded.length === 0,
      notEmbedded.length === 0 ? `${fonts.length} fonts, all embedded` : `not embedded: ${list(notEmbedded)}`,
      'error',
      { fonts: list(notEmbedded), pages: list(pagesUsing(notEmbedded)) },
    ),
    check(
      'fonts-subset',
      notSubset.length === 0,
      notSubset.length === 0 ? 'embedded fonts are subset' : `embedded whole: ${list(notSubset)}`,
      'warning',
      { fonts: list(notSubset) },
    ),
    check(
      'fonts-unicode',
      noUnicode.length === 0,
      noUnicode.length === 0 ? 'every font maps glyphs to Unicode' : `no ToUnicode map: ${list(noUnicode)}`,
      'warning',
      { fonts: list(noUnicode), pages: list(pagesUsing(noUnicode)) },
    ),
  ];
  return result(checks, pages.length);
}
