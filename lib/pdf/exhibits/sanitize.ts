import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFPage, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

const HIDDEN_FLAG = 2;

function numbers(value: unknown): number[] {
  return value instanceof PDFArray ? value.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : 0)) : [];
}

function isJavaScriptAction(page: PDFPage, action: unknown): boolean {
  const dict = page.doc.context.lookup(action as PDFRef);
  if (!(dict instanceof PDFDict)) return false;
  const kind = dict.get(PDFName.of('S'));
  return kind instanceof PDFName && (kind.asString() === '/JavaScript' || kind.asString() === '/Launch');
}

/** The appearance stream a viewer would show for a widget, if any. */
function appearanceOf(page: PDFPage, annot: PDFDict): PDFRef | undefined {
  const context = page.doc.context;
  const ap = context.lookup(annot.get(PDFName.of('AP')));
  if (!(ap instanceof PDFDict)) return undefined;
  const normal = ap.get(PDFName.of('N'));
  if (normal instanceof PDFRef && context.lookup(normal) instanceof PDFStream) return normal;
  const states = context.lookup(normal);
  const state = annot.get(PDFName.of('AS'));
  if (states instanceof PDFDict && state instanceof PDFName) {
    const chosen = states.get(state);
    if (chosen instanceof PDFRef) return chosen;
  }
  return undefined;
}

/** `q a 0 0 d e f cm /Fx Do Q`: maps the appearance's (transformed) BBox onto the annotation's Rect (PDF 32000-1, 12.5.5). */
function flattenOp(page: PDFPage, annot: PDFDict, appearance: PDFRef): string | undefined {
  const context = page.doc.context;
  const stream = context.lookup(appearance);
  if (!(stream instanceof PDFStream)) return undefined;
  const [rx0, ry0, rx1, ry1] = numbers(context.lookup(annot.get(PDFName.of('Rect'))));
  const [bx0, by0, bx1, by1] = numbers(context.lookup(stream.dict.get(PDFName.of('BBox'))));
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers(context.lookup(stream.dict.get(PDFName.of('Matrix'))));
  const corners = [
    [bx0, by0],
    [bx1, by0],
    [bx0, by1],
    [bx1, by1],
  ].map(([x, y]) => [a * x + c * y + e, b * x + d * y + f]);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const [tx0, tx1, ty0, ty1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (rx1 === undefined || tx1 - tx0 === 0 || ty1 - ty0 === 0) return undefined;
  const sx = (Math.max(rx0, rx1) - Math.min(rx0, rx1)) / (tx1 - tx0);
  const sy = (Math.max(ry0, ry1) - Math.min(ry0, ry1)) / (ty1 - ty0);
  const name = page.node.newXObject('JdFx', appearance).asString();
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return `q ${round(sx)} 0 0 ${round(sy)} ${round(Math.min(rx0, rx1) - tx0 * sx)} ${round(Math.min(ry0, ry1) - ty0 * sy)} cm ${name} Do Q`;
}

/**
 * Makes a copied exhibit page inert, as CM/ECF and the Korean e-filing system require: form
 * widgets are flattened into the page (their visible appearance kept) and removed, JavaScript
 * and launch actions and page-level additional actions (/AA) are dropped.
 */
export function sanitizeCopiedPage(page: PDFPage): void {
  const node = page.node;
  const context = page.doc.context;
  node.delete(PDFName.of('AA'));
  const annots = context.lookup(node.get(PDFName.of('Annots')));
  if (!(annots instanceof PDFArray)) return;
  const kept: PDFRef[] = [];
  const flattened: string[] = [];
  for (const entry of annots.asArray()) {
    const annot = context.lookup(entry);
    if (!(annot instanceof PDFDict)) continue;
    const subtype = annot.get(PDFName.of('Subtype'));
    const isWidget = subtype instanceof PDFName && subtype.asString() === '/Widget';
    if (isWidget) {
      const flags = annot.get(PDFName.of('F'));
      const isHidden = flags instanceof PDFNumber && (flags.asNumber() & HIDDEN_FLAG) !== 0;
      const appearance = isHidden ? undefined : appearanceOf(page, annot);
      const op = appearance ? flattenOp(page, annot, appearance) : undefined;
      if (op) flattened.push(op);
      continue;
    }
    if (isJavaScriptAction(page, annot.get(PDFName.of('A')))) continue;
    annot.delete(PDFName.of('AA'));
    if (entry instanceof PDFRef) kept.push(entry);
  }
  if (kept.length > 0) node.set(PDFName.of('Annots'), context.obj(kept));
  else node.delete(PDFName.of('Annots'));
  if (flattened.length > 0) {
    const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(Buffer.from(flattened.join('\n'), 'latin1')));
    node.addContentStream(context.register(stream));
  }
}
