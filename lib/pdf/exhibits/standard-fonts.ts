import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Encodings, Font as AfmFont, type IFontNames } from '@pdf-lib/standard-fonts';
import * as fontkit from 'fontkit';
import type { FontkitFont } from 'fontkit';
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFObject, type PDFPage, PDFRawStream, PDFRef, PDFStream, PDFString } from 'pdf-lib';

/**
 * Evidence PDFs often use the 14 standard fonts without embedding them (every PDF library does
 * by default). Court systems and archives want every font embedded, so when a packet is built
 * each such font is replaced by an embedded, subset, metric-compatible one — Arimo for
 * Helvetica/Arial, Tinos for Times, Cousine for Courier (Apache 2.0, made to match those metrics)
 * — with the original glyph widths kept, so every line stays exactly where it was, and a
 * ToUnicode map, so the text stays searchable. Symbol and ZapfDingbats have no such twin and
 * are left alone (pre-flight then names them).
 *
 * The replacement is a Type0 font whose embedded CMap maps each one-byte code to the same CID
 * (codespace <00>–<FF>), with a CIDToGIDMap into the subset: content streams are not touched.
 */
type Family = 'sans' | 'serif' | 'mono';
type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<Family, Record<Style, string>> = {
  sans: {
    regular: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
    bold: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
    italic: '@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf',
    boldItalic: '@expo-google-fonts/arimo/700Bold_Italic/Arimo_700Bold_Italic.ttf',
  },
  serif: {
    regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
    bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
    italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
    boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
  },
  mono: {
    regular: '@expo-google-fonts/cousine/400Regular/Cousine_400Regular.ttf',
    bold: '@expo-google-fonts/cousine/700Bold/Cousine_700Bold.ttf',
    italic: '@expo-google-fonts/cousine/400Regular_Italic/Cousine_400Regular_Italic.ttf',
    boldItalic: '@expo-google-fonts/cousine/700Bold_Italic/Cousine_700Bold_Italic.ttf',
  },
};

/** The AFM of the standard font a family stands for (its widths are the ones PDFs were laid out with). */
const AFM: Record<Family, Record<Style, IFontNames>> = {
  sans: { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', boldItalic: 'Helvetica-BoldOblique' },
  serif: { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic', boldItalic: 'Times-BoldItalic' },
  mono: { regular: 'Courier', bold: 'Courier-Bold', italic: 'Courier-Oblique', boldItalic: 'Courier-BoldOblique' },
};

/** Which twin a (non-embedded) BaseFont name asks for: Helvetica-Bold, Arial,BoldItalic, TimesNewRomanPSMT … */
export function standardTwinOf(baseFont: string): { family: Family; style: Style } | null {
  const name = baseFont.replace(/^[A-Z]{6}\+/, '').replace(/[\s_]/g, '');
  const family: Family | null = /^(Helvetica|Arial)/i.test(name)
    ? 'sans'
    : /^(Times|TimesNewRoman)/i.test(name)
      ? 'serif'
      : /^(Courier)/i.test(name)
        ? 'mono'
        : null;
  if (!family) return null;
  const isBold = /bold|black|heavy/i.test(name);
  const isItalic = /italic|oblique/i.test(name);
  return { family, style: isBold && isItalic ? 'boldItalic' : isBold ? 'bold' : isItalic ? 'italic' : 'regular' };
}

const programs = new Map<string, FontkitFont>();
function programFor(family: Family, style: Style): FontkitFont {
  const specifier = FILES[family][style];
  let font = programs.get(specifier);
  if (!font) {
    let file: string;
    try {
      file = createRequire(path.join(process.cwd(), 'package.json')).resolve(specifier);
    } catch {
      file = path.join(process.cwd(), 'node_modules', specifier);
    }
    font = fontkit.create(fs.readFileSync(file)) as FontkitFont;
    programs.set(specifier, font);
  }
  return font;
}

/** Glyph names → Unicode for the names Latin encodings use, from WinAnsi's own table. */
const UNICODE_OF_NAME = new Map<string, number>();
const WIN_ANSI = new Map<number, string>();
for (const codePoint of Encodings.WinAnsi.supportedCodePoints) {
  const { code, name } = Encodings.WinAnsi.encodeUnicodeCodePoint(codePoint);
  // Two code points may share a name (hyphen: U+002D and the soft hyphen): the first, plain one wins.
  if (!UNICODE_OF_NAME.has(name)) UNICODE_OF_NAME.set(name, codePoint);
  if (!WIN_ANSI.has(code)) WIN_ANSI.set(code, name);
}

function unicodeOf(name: string): number | undefined {
  const known = UNICODE_OF_NAME.get(name);
  if (known !== undefined) return known;
  const uni = /^uni([0-9A-F]{4})$/i.exec(name) ?? /^u([0-9A-F]{4,6})$/i.exec(name);
  return uni ? parseInt(uni[1], 16) : undefined;
}

/** The code → glyph name table of a simple font: its base encoding with the /Differences applied. */
function glyphNames(dict: PDFDict, lookup: (value: PDFObject | undefined) => PDFObject | undefined): Map<number, string> {
  const encoding = lookup(dict.get(PDFName.of('Encoding')));
  const baseName =
    encoding instanceof PDFName ? encoding : encoding instanceof PDFDict ? lookup(encoding.get(PDFName.of('BaseEncoding'))) : undefined;
  const names = new Map<number, string>();
  if (baseName instanceof PDFName && baseName.asString() === '/WinAnsiEncoding') for (const [code, name] of WIN_ANSI) names.set(code, name);
  else {
    // StandardEncoding (the default of a Type 1 font) and MacRoman share printable ASCII with
    // WinAnsi, except that StandardEncoding has curly quotes at 0x27 and 0x60.
    for (const [code, name] of WIN_ANSI) if (code >= 0x20 && code < 0x7f) names.set(code, name);
    if (!(baseName instanceof PDFName && baseName.asString() === '/MacRomanEncoding')) {
      names.set(0x27, 'quoteright');
      names.set(0x60, 'quoteleft');
    }
  }
  const differences = encoding instanceof PDFDict ? lookup(encoding.get(PDFName.of('Differences'))) : undefined;
  if (differences instanceof PDFArray) {
    let code = 0;
    for (const entry of differences.asArray()) {
      const value = lookup(entry);
      if (value instanceof PDFNumber) code = value.asNumber();
      else if (value instanceof PDFName) names.set(code++, value.asString().slice(1));
    }
  }
  return names;
}

function toHex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

const ONE_BYTE_CMAP = [
  '%!PS-Adobe-3.0 Resource-CMap',
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def',
  '/CMapName /Joinder-OneByte-Identity def',
  '/CMapType 1 def',
  '1 begincodespacerange',
  '<00> <FF>',
  'endcodespacerange',
  '1 begincidrange',
  '<00> <FF> 0',
  'endcidrange',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n');

function toUnicodeCMap(map: Map<number, number>): string {
  const entries = [...map.entries()].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let index = 0; index < entries.length; index += 100) {
    const block = entries.slice(index, index + 100);
    blocks.push(`${block.length} beginbfchar`, ...block.map(([code, cp]) => `<${toHex(code, 2)}> <${toHex(cp, 4)}>`), 'endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<00> <FF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Replaces one non-embedded standard font dictionary, in place, by an embedded twin. Returns whether it did. */
function embedTwin(dict: PDFDict, lookup: (value: PDFObject | undefined) => PDFObject | undefined): boolean {
  const subtype = lookup(dict.get(PDFName.of('Subtype')));
  if (!(subtype instanceof PDFName) || !['/Type1', '/TrueType', '/MMType1'].includes(subtype.asString())) return false;
  const descriptor = lookup(dict.get(PDFName.of('FontDescriptor')));
  if (descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)))) return false;
  const baseFont = lookup(dict.get(PDFName.of('BaseFont')));
  const twin = baseFont instanceof PDFName ? standardTwinOf(baseFont.asString().slice(1)) : null;
  if (!twin) return false;
  const program = programFor(twin.family, twin.style);
  const afm = AfmFont.load(AFM[twin.family][twin.style]);
  const names = glyphNames(dict, lookup);

  // The widths the page was laid out with: the font's own /Widths, else the standard metrics.
  const firstChar = lookup(dict.get(PDFName.of('FirstChar')));
  const widthsArray = lookup(dict.get(PDFName.of('Widths')));
  const ownWidth = (code: number): number | undefined => {
    if (!(widthsArray instanceof PDFArray) || !(firstChar instanceof PDFNumber)) return undefined;
    const value = lookup(widthsArray.get(code - firstChar.asNumber()));
    return value instanceof PDFNumber ? value.asNumber() : undefined;
  };

  const subset = program.createSubset();
  const gids = new Uint8Array(512);
  const widths: number[] = new Array(256).fill(0);
  const unicode = new Map<number, number>();
  for (const [code, name] of names) {
    if (code < 0 || code > 255) continue;
    const codePoint = unicodeOf(name);
    if (codePoint === undefined) continue;
    const glyph = program.glyphForCodePoint(codePoint);
    if (!glyph || glyph.id === 0) continue;
    const gid = subset.includeGlyph(glyph.id);
    gids[code * 2] = gid >> 8;
    gids[code * 2 + 1] = gid & 0xff;
    widths[code] = ownWidth(code) ?? (afm.getWidthOfGlyph(name) || Math.round((glyph.advanceWidth * 1000) / program.unitsPerEm));
    unicode.set(code, codePoint);
  }
  const bytes = subset.encode();
  const context = dict.context;
  const tag = Array.from(createHash('sha256').update(bytes).digest().subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join(
    '',
  );
  const fontName = `${tag}+${program.postscriptName}`;
  const scale = 1000 / program.unitsPerEm;
  const stream = (data: Uint8Array | string, extra: Record<string, unknown> = {}) =>
    context.register(
      PDFRawStream.of(
        context.obj({ Filter: 'FlateDecode', ...extra }),
        deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data),
      ),
    );
  const fontDescriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: fontName,
    Flags: 4 | (twin.family === 'serif' ? 2 : 0) | (twin.family === 'mono' ? 1 : 0) | (twin.style.includes('talic') ? 64 : 0),
    FontBBox: [program.bbox.minX * scale, program.bbox.minY * scale, program.bbox.maxX * scale, program.bbox.maxY * scale],
    ItalicAngle: program.italicAngle,
    Ascent: program.ascent * scale,
    Descent: program.descent * scale,
    CapHeight: (program.capHeight || program.ascent) * scale,
    StemV: twin.style.startsWith('bold') ? 140 : 80,
    FontFile2: stream(bytes, { Length1: bytes.length }),
  });
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: fontName,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(fontDescriptor),
    DW: 0,
    W: [0, widths],
    CIDToGIDMap: stream(gids),
  });
  const cmap = stream(ONE_BYTE_CMAP, {
    Type: 'CMap',
    CMapName: 'Joinder-OneByte-Identity',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
  });
  for (const key of ['FirstChar', 'LastChar', 'Widths', 'FontDescriptor', 'Encoding', 'ToUnicode', 'Subtype', 'BaseFont'])
    dict.delete(PDFName.of(key));
  dict.set(PDFName.of('Subtype'), PDFName.of('Type0'));
  dict.set(PDFName.of('BaseFont'), PDFName.of(fontName));
  dict.set(PDFName.of('Encoding'), cmap);
  dict.set(PDFName.of('DescendantFonts'), context.obj([context.register(cidFont)]));
  dict.set(PDFName.of('ToUnicode'), stream(toUnicodeCMap(unicode)));
  return true;
}

/**
 * Embeds a twin for every non-embedded standard font the pages use (their resources and those of
 * their form XObjects). Fonts shared by several pages are replaced once. Returns how many.
 */
export function embedStandardFonts(pages: readonly PDFPage[]): number {
  const seen = new Set<PDFDict>();
  let replaced = 0;
  for (const page of pages) {
    const context = page.doc.context;
    const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? context.lookup(value) : value);
    const dictOf = (value: PDFObject | undefined) => {
      const object = lookup(value);
      return object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    };
    const visit = (resources: PDFDict | undefined, depth: number) => {
      if (!resources || depth > 8) return;
      for (const [, value] of dictOf(resources.get(PDFName.of('Font')))?.entries() ?? []) {
        const font = dictOf(value);
        if (!font || seen.has(font)) continue;
        seen.add(font);
        if (embedTwin(font, lookup)) replaced++;
      }
      for (const [, value] of dictOf(resources.get(PDFName.of('XObject')))?.entries() ?? []) {
        const xobject = dictOf(value);
        if (!xobject || seen.has(xobject) || lookup(xobject.get(PDFName.of('Subtype')))?.toString() !== '/Form') continue;
        seen.add(xobject);
        visit(dictOf(xobject.get(PDFName.of('Resources'))), depth + 1);
      }
    };
    visit(page.node.Resources(), 0);
  }
  return replaced;
}
