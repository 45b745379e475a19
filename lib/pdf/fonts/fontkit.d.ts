// Minimal typings for fontkit 2 (the package ships none); only what lib/pdf/fonts uses.
declare module 'fontkit' {
  export type FontkitGlyph = { id: number; advanceWidth: number; codePoints: number[] };
  export type FontkitSubset = {
    includeGlyph(glyph: number | FontkitGlyph): number;
    encode(): Uint8Array;
  };
  export type FontkitFont = {
    postscriptName: string;
    unitsPerEm: number;
    numGlyphs: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    getGlyph(glyphId: number): FontkitGlyph;
    createSubset(): FontkitSubset;
  };
  export function create(buffer: Buffer | Uint8Array): FontkitFont;
}
