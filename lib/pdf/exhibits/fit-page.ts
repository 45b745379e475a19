import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  type PDFPage,
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { type DocumentFormat, FORMAT_LAYOUTS } from '../geometry';
import { STAMP_BAND, boxOf } from './stamp';

/** Pages within this many points of the format's size are left as they are. */
const SIZE_TOLERANCE = 2;
const PAGE_BOXES = ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox'].map((name) => PDFName.of(name));

/**
 * Brings a copied exhibit page to the filing's paper (A4 for Korean courts, Letter for CM/ECF),
 * in the page's own orientation: the content is scaled to fit — never cropped — and centred, with
 * the top and bottom bands left free for the exhibit label and the Bates number. Links keep
 * pointing at what they covered. Returns whether the page was changed.
 */
export function fitPageToFormat(page: PDFPage, format: DocumentFormat): boolean {
  const [x0, y0, x1, y1] = boxOf(page);
  const width = x1 - x0;
  const height = y1 - y0;
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const isQuarterTurn = rotation === 90 || rotation === 270;
  const visual = isQuarterTurn ? { width: height, height: width } : { width, height };
  const paper = FORMAT_LAYOUTS[format].size;
  const target = visual.width > visual.height ? { width: paper.height, height: paper.width } : { width: paper.width, height: paper.height };
  if (Math.abs(visual.width - target.width) <= SIZE_TOLERANCE && Math.abs(visual.height - target.height) <= SIZE_TOLERANCE) return false;
  if (width <= 0 || height <= 0) return false;

  // In the page's unrotated user space the reader's vertical axis is x after a quarter turn.
  const user = isQuarterTurn ? { width: target.height, height: target.width } : target;
  const band = { x: isQuarterTurn ? STAMP_BAND : 0, y: isQuarterTurn ? 0 : STAMP_BAND };
  const scale = Math.min((user.width - 2 * band.x) / width, (user.height - 2 * band.y) / height);
  const dx = (user.width - scale * width) / 2 - scale * x0;
  const dy = (user.height - scale * height) / 2 - scale * y0;

  const context = page.doc.context;
  const start = context.register(context.contentStream([pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, dx, dy)]));
  const end = context.register(context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
  moveAnnotations(page, (x, y) => [scale * x + dx, scale * y + dy]);

  page.node.set(PDFName.of('MediaBox'), context.obj([0, 0, user.width, user.height]));
  for (const box of PAGE_BOXES) page.node.delete(box);
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
    annot.set(PDFName.of('Rect'), context.obj(mapPoints(rect, map)));
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
