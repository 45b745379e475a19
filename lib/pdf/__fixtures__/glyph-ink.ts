import sharp from 'sharp';
import { loadFont, type FontFace } from '../fonts/font-files';

/** Share of dark pixels in a region of a grey raster: how much "ink" a glyph put on the page. */
export async function inkRatios(
  png: Buffer,
  cells: readonly { left: number; top: number; width: number; height: number }[],
): Promise<number[]> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return cells.map((cell) => {
    let dark = 0;
    let total = 0;
    for (let y = Math.max(0, Math.round(cell.top)); y < Math.min(info.height, Math.round(cell.top + cell.height)); y++) {
      for (let x = Math.max(0, Math.round(cell.left)); x < Math.min(info.width, Math.round(cell.left + cell.width)); x++) {
        total++;
        if (data[y * info.width + x] < 128) dark++;
      }
    }
    return total === 0 ? 0 : dark / total;
  });
}

/**
 * The ink a glyph should leave, rendered straight from the font's outline (fontkit path →
 * SVG → raster), in a cell of the same geometry as on the PDF page: `size` px em, baseline at
 * `baseline` px from the cell's top.
 */
export async function expectedInk(
  face: FontFace,
  char: string,
  size: number,
  cell: { width: number; height: number; baseline: number },
): Promise<number> {
  const font = loadFont(face).font;
  const glyph = font.glyphForCodePoint(char.codePointAt(0) ?? 0) as unknown as { path: { toSVG(): string } };
  const scale = size / font.unitsPerEm;
  const width = Math.round(cell.width);
  const height = Math.round(cell.height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/><path fill="black" transform="translate(0 ${cell.baseline}) scale(${scale} ${-scale})" d="${glyph.path.toSVG()}"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const [ratio] = await inkRatios(png, [{ left: 0, top: 0, width, height }]);
  return ratio;
}
