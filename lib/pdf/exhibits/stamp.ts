import { PDFArray, PDFNumber, PDFPage } from 'pdf-lib';
import type { EmbeddedFont } from '../fonts/document-fonts';
import { FONT_SIZE, FURNITURE } from '../geometry';
import type { PageCanvas, Rgb, VisualFrame } from '../layout/canvas';

const STAMP_PADDING = 2.5;
const STAMP_COLOR: Rgb = [0.1, 0.1, 0.45];
const WHITE: Rgb = [1, 1, 1];

/** How far in from the top and bottom edges the stamps can reach (a two-line exhibit box at most). */
export const STAMP_BAND = FURNITURE.stampInset + 2 * (FONT_SIZE.stamp + 1) * 1.3 + 2 * STAMP_PADDING;

/** The page's visible box in user space (CropBox, else MediaBox) as [x0, y0, x1, y1]. */
export function boxOf(page: PDFPage): [number, number, number, number] {
  const crop = page.node.CropBox() ?? page.node.MediaBox();
  const values = (crop instanceof PDFArray ? crop.asArray() : []).map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = values;
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
}

/**
 * The upright view of a page as a reader sees it (CropBox, /Rotate applied) and the matrix from
 * that view to the page's user space, so stamps land in the visible bottom-right corner of
 * landscape scans and offset boxes too.
 */
export function visualFrameOf(page: PDFPage): VisualFrame {
  return frameFor(boxOf(page), page.getRotation().angle);
}

/** The upright view of a box [x0, y0, x1, y1] shown with /Rotate `angle`, and its matrix to user space. */
export function frameFor([x0, y0, x1, y1]: [number, number, number, number], angle: number): VisualFrame {
  const rotation = (((angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const width = x1 - x0;
  const height = y1 - y0;
  switch (rotation) {
    case 90:
      return { width: height, height: width, matrix: [0, 1, -1, 0, x1, y0] };
    case 180:
      return { width, height, matrix: [-1, 0, 0, -1, x1, y1] };
    case 270:
      return { width: height, height: width, matrix: [0, -1, 1, 0, x0, y1] };
    default:
      return { width, height, matrix: x0 === 0 && y0 === 0 ? undefined : [1, 0, 0, 1, x0, y0] };
  }
}

export type StampText = {
  /** Bottom-right: the page's Bates number. */
  bates: string;
  /** Top-right box: the exhibit label (갑 제1호증의 1) and the page within the exhibit (2/3). */
  exhibit?: { label: string; page: string; certification?: string };
};

function boxedText(
  canvas: PageCanvas,
  lines: readonly string[],
  right: number,
  top: number,
  font: EmbeddedFont,
  size: number,
  border: boolean,
): void {
  const leading = size * 1.3;
  const width = Math.max(...lines.map((line) => font.widthOf(line, size))) + 2 * STAMP_PADDING;
  const height = lines.length * leading + 2 * STAMP_PADDING;
  canvas.rect(right - width, top, width, height, border ? { fill: WHITE, stroke: STAMP_COLOR, lineWidth: 0.6 } : { fill: WHITE });
  lines.forEach((line, index) => {
    canvas.text(
      line,
      right - width / 2,
      top + STAMP_PADDING + index * leading + size * 0.95,
      { font, size, color: STAMP_COLOR },
      { align: 'center' },
    );
  });
}

/**
 * Stamps a page in its margin corners, on a white ground so the stamp stays legible over a
 * scan that runs to the edge. Marked as an artifact: not part of the exhibit's own text.
 */
export function drawStamp(canvas: PageCanvas, fonts: { regular: EmbeddedFont; bold: EmbeddedFont }, stamp: StampText): void {
  const inset = FURNITURE.stampInset;
  canvas.artifact(() => {
    boxedText(
      canvas,
      [stamp.bates],
      canvas.width - inset,
      canvas.height - inset - FONT_SIZE.stamp * 1.3 - 2 * STAMP_PADDING,
      fonts.regular,
      FONT_SIZE.stamp,
      false,
    );
    if (!stamp.exhibit) return;
    const lines = [`${stamp.exhibit.label} (${stamp.exhibit.page})`, ...(stamp.exhibit.certification ? [stamp.exhibit.certification] : [])];
    boxedText(canvas, lines, canvas.width - inset, inset, fonts.bold, FONT_SIZE.stamp + 1, true);
  });
}
