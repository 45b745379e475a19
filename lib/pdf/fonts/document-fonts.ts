import { PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import { loadFont, type FontFace } from './font-files';
import { SubsetFontEmbedder } from './subset-font-embedder';

/** A font embedded (lazily, subset on save) in one document. */
export type EmbeddedFont = {
  face: FontFace;
  ref: PDFRef;
  /** The pdf-lib font, for code that draws through pdf-lib's own API. */
  pdfFont: PDFFont;
  encodeHex(text: string): string;
  widthOf(text: string, size: number): number;
};

/**
 * The fonts of one document. A face is embedded only when first asked for, so a document that
 * never uses bold carries no bold font.
 */
export class DocumentFonts {
  private readonly fonts = new Map<FontFace, EmbeddedFont>();

  constructor(private readonly doc: PDFDocument) {}

  get(face: FontFace): EmbeddedFont {
    const existing = this.fonts.get(face);
    if (existing) return existing;
    const embedder = new SubsetFontEmbedder(loadFont(face));
    const ref = this.doc.context.nextRef();
    const pdfFont = PDFFont.of(ref, this.doc, embedder);
    // pdf-lib embeds every font in its (private) list when the document is saved.
    (this.doc as unknown as { fonts: PDFFont[] }).fonts.push(pdfFont);
    const font: EmbeddedFont = {
      face,
      ref,
      pdfFont,
      encodeHex: (text) => embedder.encodeHex(text),
      widthOf: (text, size) => (embedder.widthInThousandths(text) * size) / 1000,
    };
    this.fonts.set(face, font);
    return font;
  }
}
