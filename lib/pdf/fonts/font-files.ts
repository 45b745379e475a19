import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { FontkitFont } from 'fontkit';

/** The faces our documents use: Noto Serif KR (명조, court body text) and Noto Sans KR (고딕, tables, stamps). */
export type FontFace = 'serif' | 'serifBold' | 'sans' | 'sansBold';

const FONT_FILES: Record<FontFace, string> = {
  serif: '@expo-google-fonts/noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-kr/700Bold/NotoSerifKR_700Bold.ttf',
  sans: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
};

/** Characters the font lacks are drawn as this glyph (the text layer keeps the real character). */
const REPLACEMENT_CODE_POINT = 0x25a1; // □

export type GlyphMetrics = { glyphId: number; width: number };

/** A parsed font plus a per-character cache of glyph id and advance width (1/1000 em). */
export type LoadedFont = {
  face: FontFace;
  font: FontkitFont;
  postscriptName: string;
  glyph(codePoint: number): GlyphMetrics;
};

const loaded = new Map<FontFace, LoadedFont>();

function resolveFontFile(specifier: string): string {
  // Resolved at run time from the project root so bundlers do not try to inline 14 MB fonts.
  try {
    return createRequire(path.join(process.cwd(), 'package.json')).resolve(specifier);
  } catch {
    return path.join(process.cwd(), 'node_modules', specifier);
  }
}

function createLoadedFont(face: FontFace): LoadedFont {
  const bytes = fs.readFileSync(resolveFontFile(FONT_FILES[face]));
  const font = fontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  const cache = new Map<number, GlyphMetrics>();
  const lookup = (codePoint: number): GlyphMetrics => {
    let metrics = cache.get(codePoint);
    if (metrics) return metrics;
    let glyph = font.glyphForCodePoint(codePoint);
    if (glyph.id === 0 && codePoint !== REPLACEMENT_CODE_POINT) glyph = font.glyphForCodePoint(REPLACEMENT_CODE_POINT);
    metrics = { glyphId: glyph.id, width: glyph.advanceWidth * scale };
    cache.set(codePoint, metrics);
    return metrics;
  };
  return { face, font, postscriptName: font.postscriptName, glyph: lookup };
}

/** Reads and parses a face once per process; later calls share the parsed font and its glyph cache. */
export function loadFont(face: FontFace): LoadedFont {
  let font = loaded.get(face);
  if (!font) {
    font = createLoadedFont(face);
    loaded.set(face, font);
  }
  return font;
}
