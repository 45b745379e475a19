import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { FontkitSubset } from 'fontkit';
import { CustomFontEmbedder, PDFContext, PDFHexString, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import type { LoadedFont } from './font-files';

const BFCHAR_BLOCK = 100; // the PDF spec allows at most 100 entries per beginbfchar block
const FLAG_SYMBOLIC = 4;
const FLAG_SERIF = 2;

function toHex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function unicodeHex(codePoint: number): string {
  if (codePoint <= 0xffff) return toHex4(codePoint);
  const offset = codePoint - 0x10000;
  return toHex4(0xd800 + (offset >> 10)) + toHex4(0xdc00 + (offset & 0x3ff));
}

/**
 * Embeds a TrueType font as a CID-keyed Type0 font whose program is subset by fontkit 2.
 *
 * Why not pdf-lib's own embedder: @pdf-lib/fontkit 1.x drops or corrupts Hangul glyphs when
 * subsetting, and its `layout()` shaping (unused by pdf-lib) dominates table rendering time.
 * Here characters map straight to glyphs through the font's cmap (cached per character), CIDs
 * are subset glyph ids (CIDToGIDMap Identity), and ToUnicode maps every CID back to its
 * character so the text layer stays searchable. It extends CustomFontEmbedder only so pdf-lib's
 * PDFFont accepts it and embeds it on save.
 */
export class SubsetFontEmbedder extends CustomFontEmbedder {
  private readonly loaded: LoadedFont;
  private readonly glyphSubset: FontkitSubset;
  private readonly hexByCodePoint = new Map<number, string>();
  /** Index = CID; the character each CID was first used for, and its width. */
  private readonly cidCodePoints: number[] = [0];
  private readonly cidWidths: number[] = [0];

  constructor(loaded: LoadedFont) {
    super(loaded.font as never, new Uint8Array(0), undefined, undefined);
    this.loaded = loaded;
    this.glyphSubset = loaded.font.createSubset();
  }

  /** Hex glyph codes (4 digits per character) for a content stream `<…> Tj`. */
  encodeHex(text: string): string {
    let hex = '';
    for (let index = 0; index < text.length; index++) {
      let codePoint = text.charCodeAt(index);
      if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
        codePoint = text.codePointAt(index) ?? codePoint;
        index++;
      }
      hex += this.hexByCodePoint.get(codePoint) ?? this.includeCodePoint(codePoint);
    }
    return hex;
  }

  /** Advance width of `text` in 1/1000 em; no kerning (CJK and legal text need none). */
  widthInThousandths(text: string): number {
    let width = 0;
    for (let index = 0; index < text.length; index++) {
      let codePoint = text.charCodeAt(index);
      if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
        codePoint = text.codePointAt(index) ?? codePoint;
        index++;
      }
      width += this.loaded.glyph(codePoint).width;
    }
    return width;
  }

  get glyphCount(): number {
    return this.cidCodePoints.length - 1;
  }

  override encodeText(text: string): PDFHexString {
    return PDFHexString.of(this.encodeHex(text));
  }

  override widthOfTextAtSize(text: string, size: number): number {
    return (this.widthInThousandths(text) * size) / 1000;
  }

  override isCFF(): boolean {
    return false;
  }

  override async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
    const program = this.glyphSubset.encode();
    this.baseFontName = `${this.subsetTag()}+${this.loaded.postscriptName}`;
    const fontFile = PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: program.length }), deflateSync(program));
    const font = this.loaded.font;
    const scale = 1000 / font.unitsPerEm;
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: this.baseFontName,
      Flags: FLAG_SYMBOLIC | (this.loaded.face.startsWith('serif') ? FLAG_SERIF : 0),
      FontBBox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * scale,
      Descent: font.descent * scale,
      CapHeight: (font.capHeight || font.ascent) * scale,
      XHeight: (font.xHeight || 0) * scale,
      StemV: this.loaded.face.endsWith('Bold') ? 140 : 80,
      FontFile2: context.register(fontFile),
    });
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: this.baseFontName,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: context.register(descriptor),
      DW: 1000,
      // CIDs are 1..n in the order characters were first drawn, so one run covers them all.
      W: this.glyphCount > 0 ? [1, this.cidWidths.slice(1).map((width) => Math.round(width))] : [],
      CIDToGIDMap: 'Identity',
    });
    const toUnicode = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(Buffer.from(this.toUnicodeCMap(), 'latin1')));
    const type0 = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: this.baseFontName,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(toUnicode),
    });
    if (ref) {
      context.assign(ref, type0);
      return ref;
    }
    return context.register(type0);
  }

  private includeCodePoint(codePoint: number): string {
    const metrics = this.loaded.glyph(codePoint);
    const cid = this.glyphSubset.includeGlyph(metrics.glyphId);
    if (cid === this.cidCodePoints.length) {
      this.cidCodePoints.push(codePoint);
      this.cidWidths.push(metrics.width);
    }
    const hex = toHex4(cid);
    this.hexByCodePoint.set(codePoint, hex);
    return hex;
  }

  /** Six capital letters derived from the glyph set, as PDF subset names require (deterministic). */
  private subsetTag(): string {
    const digest = createHash('sha256')
      .update(`${this.loaded.postscriptName}:${this.cidCodePoints.join(',')}`)
      .digest();
    let tag = '';
    for (let index = 0; index < 6; index++) tag += String.fromCharCode(65 + (digest[index] % 26));
    return tag;
  }

  private toUnicodeCMap(): string {
    const entries: string[] = [];
    for (let cid = 1; cid < this.cidCodePoints.length; cid++) {
      entries.push(`<${toHex4(cid)}> <${unicodeHex(this.cidCodePoints[cid])}>`);
    }
    const blocks: string[] = [];
    for (let start = 0; start < entries.length; start += BFCHAR_BLOCK) {
      const block = entries.slice(start, start + BFCHAR_BLOCK);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}
