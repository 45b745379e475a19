import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentFonts } from '../fonts/document-fonts';
import { PAGE_SIZES, type PageSize } from '../geometry';
import { makeActivePdf } from '../__fixtures__/exhibit-files';
import { preflightPdf } from './preflight-pdf';

async function pdfWith(draw: (doc: PDFDocument) => Promise<void> | void, size: PageSize = PAGE_SIZES.A4): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([size.width, size.height]);
  await draw(doc);
  return doc.save();
}

const failed = async (bytes: Uint8Array, format: 'kr' | 'us' = 'kr', maxBytes?: number) =>
  (await preflightPdf(bytes, format, { maxBytes })).checks.filter((check) => !check.ok).map((check) => check.id);

describe('preflightPdf', () => {
  it('passes a clean page with embedded, subset fonts inside the margins', async () => {
    const bytes = await pdfWith((doc) => {
      doc.getPage(0).drawText('원고 홍길동', { x: 80, y: 600, size: 12, font: new DocumentFonts(doc).get('serif').pdfFont });
    });
    const report = await preflightPdf(bytes, 'kr');
    expect(report.ok).toBe(true);
    expect(report.pageCount).toBe(1);
    expect(report.checks.find((check) => check.id === 'margins')?.detail).toContain('45/20/30/20 mm');
  });

  it('finds JavaScript and form fields', async () => {
    expect(await failed(await makeActivePdf())).toEqual(expect.arrayContaining(['no-javascript', 'no-forms']));
    const openAction = await pdfWith((doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('1') }));
    });
    expect(await failed(openAction)).toContain('no-javascript');
  });

  it('finds fonts that are not embedded', async () => {
    const bytes = await pdfWith(async (doc) => {
      doc.getPage(0).drawText('Hello', { x: 80, y: 600, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    });
    expect(await failed(bytes)).toContain('fonts-embedded');
  });

  it('finds pages of the wrong size, text outside the margins and files over the limit', async () => {
    const letter = await pdfWith(() => {}, PAGE_SIZES.LETTER);
    expect(await failed(letter, 'kr')).toEqual(expect.arrayContaining(['page-size', 'text-layer']));
    const outside = await pdfWith((doc) => {
      doc.getPage(0).drawText('여백 침범', { x: 10, y: 820, size: 12, font: new DocumentFonts(doc).get('serif').pdfFont });
    });
    expect(await failed(outside, 'kr')).toContain('margins');
    expect(await failed(outside, 'kr', 100)).toContain('file-size');
  });

  it('reports an unreadable file instead of throwing', async () => {
    const report = await preflightPdf(new TextEncoder().encode('not a pdf'), 'us');
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'parse', ok: false });
  });
});
