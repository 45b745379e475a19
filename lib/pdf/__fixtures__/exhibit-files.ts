import { PDFDocument, PDFName, PDFString, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { sha256Hex } from '../exhibits/integrity';
import { DocumentFonts } from '../fonts/document-fonts';
import type { ExhibitFile } from '../types';

/** Small generated exhibit files (tests, benchmarks): nothing binary is committed. */

export type SamplePdfOptions = { pages: number; seed?: number; rotate?: 0 | 90 | 180 | 270; withText?: boolean; size?: [number, number] };

/** A bill-like PDF: ruled boxes and (with `withText`) an embedded-font line per page. */
export async function makeSamplePdf(options: SamplePdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = options.withText === false ? undefined : new DocumentFonts(doc).get('sans').pdfFont;
  for (let index = 0; index < options.pages; index++) {
    const page = doc.addPage(options.size ?? [595.28, 841.89]);
    if (options.rotate) page.setRotation({ type: 'degrees' as never, angle: options.rotate } as never);
    const shade = ((options.seed ?? 0) * 37 + index * 53) % 100;
    page.drawRectangle({
      x: 60,
      y: 600,
      width: 475,
      height: 160,
      color: rgb(0.8 + shade / 500, 0.85, 0.9),
      borderColor: rgb(0.2, 0.2, 0.4),
      borderWidth: 1,
    });
    for (let line = 0; line < 12; line++)
      page.drawLine({ start: { x: 60, y: 560 - line * 30 }, end: { x: 535, y: 560 - line * 30 }, thickness: 0.5 });
    if (font) page.drawText(`통신요금 고지서 ${index + 1}/${options.pages} — 2003년 1월분`, { x: 70, y: 700, size: 14, font });
  }
  return doc.save();
}

/** A PDF whose trailer declares encryption: pdf-lib refuses to load it, as it would a real one. */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 200]);
  doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4, O: PDFString.of('x'), U: PDFString.of('y') });
  return doc.save({ useObjectStreams: false });
}

/** A PDF with a form field (AcroForm + widget) and a JavaScript open action, to test sanitising. */
export async function makeActivePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595.28, 841.89]);
  const font = new DocumentFonts(doc).get('sans').pdfFont;
  const form = doc.getForm();
  const field = form.createTextField('claim.amount');
  field.setText('103000');
  field.addToPage(page, { x: 100, y: 600, width: 200, height: 24, font });
  page.drawText('청구 금액', { x: 100, y: 640, size: 12, font });
  field.updateAppearances(font);
  doc.addJavaScript('hello', 'app.alert("hello");');
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  return doc.save({ updateFieldAppearances: false });
}

/** A photo-like image (coarse noise scaled up smoothly): thousands of colours, no transparency. Random: not byte-stable between calls. */
export async function makePhoto(format: 'jpeg' | 'png', seed: number, width = 640, height = 480): Promise<Uint8Array> {
  const noise = { type: 'gaussian' as const, mean: 90 + (seed % 80), sigma: 60 };
  const coarse = await sharp({
    create: { width: Math.ceil(width / 8), height: Math.ceil(height / 8), channels: 3, background: { r: 0, g: 0, b: 0 }, noise },
  })
    .png()
    .toBuffer();
  const image = sharp(coarse).resize(width, height, { kernel: 'cubic' });
  return new Uint8Array(format === 'jpeg' ? await image.jpeg({ quality: 85 }).toBuffer() : await image.png().toBuffer());
}

/** A screenshot-like PNG: flat colours (low entropy), optionally with transparency. */
export async function makeScreenshot(seed: number, transparent = false, width = 400, height = 300): Promise<Uint8Array> {
  const channels = transparent ? 4 : 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * channels;
      const band = Math.floor(y / 40 + seed) % 3;
      pixels[offset] = band === 0 ? 240 : 30;
      pixels[offset + 1] = band === 1 ? 200 : 60;
      pixels[offset + 2] = x % 100 < 50 ? 220 : 90;
      if (transparent) pixels[offset + 3] = x < width / 2 ? 255 : 90;
    }
  }
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels } }).png().toBuffer());
}

let fileCounter = 0;

/** Wraps bytes as an exhibit file of a claimant, with the correct SHA-256. */
export function exhibitFile(
  bytes: Uint8Array,
  claimant: ExhibitFile['claimant'],
  meta: { label: string; filename: string; mime: string; kind?: string },
): ExhibitFile {
  fileCounter++;
  return {
    claimant,
    data: bytes,
    evidence: {
      id: `evidence-${fileCounter}`,
      kind: meta.kind ?? 'document',
      label: meta.label,
      originalFilename: meta.filename,
      mime: meta.mime,
      sha256: sha256Hex(bytes),
    },
  };
}
