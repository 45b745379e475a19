import fontkit1 from '@pdf-lib/fontkit';
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { expectedInk, inkRatios } from '../__fixtures__/glyph-ink';
import { hasPoppler, pdfFonts, pdfText, rasterizePage } from '../__fixtures__/poppler';
import { DocumentFonts } from './document-fonts';
import { loadFont } from './font-files';

const SAMPLE = '손해배상청구';
const SIZE = 48;
const LEFT = 20;
const BASELINE = 70;
const PAGE = { width: 340, height: 100 };

/** Draws SAMPLE on one page with our embedder or with pdf-lib's stock fontkit-1 subsetting. */
async function samplePage(embedder: 'ours' | 'stock'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([PAGE.width, PAGE.height]);
  let font;
  if (embedder === 'ours') font = new DocumentFonts(doc).get('serif').pdfFont;
  else {
    doc.registerFontkit(fontkit1);
    const file = require.resolve('@expo-google-fonts/noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf');
    font = await doc.embedFont(fs.readFileSync(file), { subset: true });
  }
  page.drawText(SAMPLE, { x: LEFT, y: PAGE.height - BASELINE, size: SIZE, font });
  return doc.save();
}

/** Per-syllable ink on the rendered page against the ink of the same glyph drawn from its outline. */
async function glyphComparison(pdf: Uint8Array): Promise<{ char: string; actual: number; expected: number }[]> {
  const png = rasterizePage(pdf, 1, 72);
  const font = loadFont('serif');
  let x = LEFT;
  const cells = Array.from(SAMPLE).map((char) => {
    const width = (font.glyph(char.codePointAt(0) ?? 0).width * SIZE) / 1000;
    const cell = { char, left: x, top: BASELINE - SIZE, width, height: SIZE * 1.25 };
    x += width;
    return cell;
  });
  const actual = await inkRatios(png, cells);
  return Promise.all(
    cells.map(async (cell, index) => ({
      char: cell.char,
      actual: actual[index],
      expected: await expectedInk('serif', cell.char, SIZE, { width: cell.width, height: cell.height, baseline: SIZE }),
    })),
  );
}

function glyphsDrawn(comparison: { actual: number; expected: number }[]): boolean {
  return comparison.every(({ actual, expected }) => expected > 0.05 && Math.abs(actual - expected) / expected < 0.35);
}

describe('subset font embedding', () => {
  it.skipIf(!hasPoppler)('draws every Hangul glyph (rasterised page matches the glyph outlines)', async () => {
    const comparison = await glyphComparison(await samplePage('ours'));
    expect(glyphsDrawn(comparison), JSON.stringify(comparison)).toBe(true);
  });

  it.skipIf(!hasPoppler)('the raster check catches missing glyphs: stock @pdf-lib/fontkit subsetting fails it', async () => {
    const stock = await samplePage('stock');
    expect(pdfText(stock)).toContain(SAMPLE);
    expect(glyphsDrawn(await glyphComparison(stock))).toBe(false);
  });

  it.skipIf(!hasPoppler)('embeds and subsets the font with a ToUnicode map, so Hangul is searchable', async () => {
    const pdf = await samplePage('ours');
    const fonts = pdfFonts(pdf);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(fonts[0].name).toMatch(/^[A-Z]{6}\+NotoSerifKR-Regular$/);
    expect(pdfText(pdf).trim()).toBe(SAMPLE);
  });

  it('keeps only the glyphs used: the subset is a tiny share of the 14 MB font', async () => {
    const pdf = await samplePage('ours');
    expect(pdf.length).toBeLessThan(60_000);
  });

  it.skipIf(!hasPoppler)('draws a character the font lacks as □ but keeps the real character in the text layer', async () => {
    const doc = await PDFDocument.create();
    const font = new DocumentFonts(doc).get('serif');
    doc.addPage([200, 60]).drawText('A\u{1D11E}B', { x: 10, y: 20, size: 20, font: font.pdfFont });
    const pdf = await doc.save();
    expect(pdfText(pdf).trim()).toBe('A\u{1D11E}B');
    expect(font.widthOf('\u{1D11E}', 10)).toBeCloseTo(font.widthOf('□', 10));
  });
});
