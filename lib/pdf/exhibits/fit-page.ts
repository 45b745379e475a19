import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  type PDFPage,
  clip,
  concatTransformationMatrix,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
} from 'pdf-lib';
import { type DocumentFormat, FORMAT_LAYOUTS } from '../geometry';
import { boxOf, frameFor } from './stamp';

const PAGE_BOXES = ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox'].map((name) => PDFName.of(name));

type Affine = [number, number, number, number, number, number];

const toAffine = (matrix: readonly number[] | undefined): Affine => (matrix ? [...matrix] : [1, 0, 0, 1, 0, 0]) as Affine;

const apply = (m: Affine, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function invert([a, b, c, d, e, f]: Affine): Affine {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The affine map that sends three reference points where `map` sends them (maps here are affine). */
function affineOf(map: (x: number, y: number) => [number, number]): Affine {
  const [e, f] = map(0, 0);
  const [ax, bx] = map(1, 0);
  const [cx, dx] = map(0, 1);
  return [ax - e, bx - f, cx - e, dx - f, e, f];
}

/**
 * Brings a copied exhibit page to the filing's paper (A4 for Korean courts, Letter for CM/ECF),
 * in the page's own orientation, with its content scaled — never cropped — into the court
 * margins and centred there. The margins stay empty for the stamps: the 갑 제N호증 label in the
 * top-right corner and the Bates number bottom right never cover the exhibit's own content. The
 * content is clipped to the page's visible box (nothing hidden before shows up in the margins);
 * links keep pointing at what they covered.
 */
export function fitPageToFormat(page: PDFPage, format: DocumentFormat): boolean {
  const box = boxOf(page);
  const [x0, y0, x1, y1] = box;
  if (x1 - x0 <= 0 || y1 - y0 <= 0) return false;
  const angle = page.getRotation().angle;
  const before = frameFor(box, angle);
  const layout = FORMAT_LAYOUTS[format];
  const isLandscape = before.width > before.height;
  const paper = isLandscape ? { width: layout.size.height, height: layout.size.width } : layout.size;
  const { top, right, bottom, left } = layout.margins;
  const scale = Math.min((paper.width - left - right) / before.width, (paper.height - top - bottom) / before.height);
  // Where the content lands on the new page as the reader sees it (origin bottom left).
  const u0 = left + (paper.width - left - right - scale * before.width) / 2;
  const v0 = bottom + (paper.height - top - bottom - scale * before.height) / 2;

  // The new page keeps its /Rotate: in its unrotated user space the reader's axes may be swapped.
  const isQuarterTurn = [90, 270].includes(((angle % 360) + 360) % 360);
  const user = isQuarterTurn ? { width: paper.height, height: paper.width } : paper;
  const after = frameFor([0, 0, user.width, user.height], angle);
  const oldToVisual = invert(toAffine(before.matrix));
  const visualToNew = toAffine(after.matrix);
  const transform = affineOf((x, y) => {
    const [u, v] = apply(oldToVisual, x, y);
    return apply(visualToNew, u0 + scale * u, v0 + scale * v);
  });

  const context = page.doc.context;
  const start = context.register(
    context.contentStream([
      pushGraphicsState(),
      concatTransformationMatrix(...transform),
      rectangle(x0, y0, x1 - x0, y1 - y0),
      clip(),
      endPath(),
    ]),
  );
  const end = context.register(context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
  moveAnnotations(page, (x, y) => apply(transform, x, y));

  page.node.set(PDFName.of('MediaBox'), context.obj([0, 0, user.width, user.height]));
  for (const name of PAGE_BOXES) page.node.delete(name);
  return true;
}

function moveAnnotations(page: PDFPage, map: (x: number, y: number) => [number, number]): void {
  const context = page.doc.context;
  const annots = context.lookup(page.node.get(PDFName.of('Annots')));
  if (!(annots instanceof PDFArray)) return;
  for (const entry of annots.asArray()) {
    const annot = context.lookup(entry);
    if (!(annot instanceof PDFDict)) continue;
    const rect = context.lookup(annot.get(PDFName.of('Rect')));
    if (!(rect instanceof PDFArray)) continue;
    const [ax, ay, bx, by] = mapPoints(rect, map);
    // A rotated page's rectangle comes back with its corners swapped: keep it normalised.
    annot.set(PDFName.of('Rect'), context.obj([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]));
    const quads = context.lookup(annot.get(PDFName.of('QuadPoints')));
    if (quads instanceof PDFArray) annot.set(PDFName.of('QuadPoints'), context.obj(mapPoints(quads, map)));
  }
}

/** [x0 y0 x1 y1 …] mapped pair by pair. */
function mapPoints(points: PDFArray, map: (x: number, y: number) => [number, number]): number[] {
  const values = points.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
  const mapped: number[] = [];
  for (let index = 0; index + 1 < values.length; index += 2) mapped.push(...map(values[index], values[index + 1]));
  return mapped;
}
