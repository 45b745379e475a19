import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectUpload } from './inspect';
import { inspectPdf } from './pdf-inspect';
import {
  makeEncryptedPdf,
  makeExecutableNamedPdf,
  makeJpegWithGps,
  makePdf,
  makePdfWithEscapedJavaScript,
  makePdfWithJavaScript,
  makePng,
  makeWebp,
  rawPdf,
} from './test-fixtures';

describe('inspectUpload', () => {
  it('accepts a real PDF as is and counts its pages', async () => {
    const bytes = await makePdf(['Bill'], 3);
    const result = await inspectUpload(bytes);
    expect(result).toMatchObject({ mime: 'application/pdf', pageCount: 3 });
    expect(result.bytes).toBe(bytes);
  });

  it('refuses a PDF with JavaScript, also when the names hide behind lower-case escapes', async () => {
    await expect(inspectUpload(await makePdfWithJavaScript())).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'intake.evidence.errors.pdfScript',
    });
    await expect(inspectUpload(makePdfWithEscapedJavaScript())).rejects.toMatchObject({ messageKey: 'intake.evidence.errors.pdfScript' });
  });

  it('refuses an encrypted PDF and a broken one', async () => {
    await expect(inspectUpload(makeEncryptedPdf())).rejects.toMatchObject({ messageKey: 'intake.evidence.errors.pdfEncrypted' });
    const truncated = (await makePdf()).slice(0, 60);
    await expect(inspectUpload(truncated)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('decides the type by the bytes: a program named .pdf and plain text are refused', async () => {
    await expect(inspectUpload(makeExecutableNamedPdf())).rejects.toMatchObject({
      code: 'unsupported_media',
      messageKey: 'intake.evidence.errors.wrongType',
    });
    await expect(inspectUpload(new TextEncoder().encode('<html><script>alert(1)</script></html>'))).rejects.toMatchObject({
      code: 'unsupported_media',
    });
  });

  it('re-encodes a JPEG without its EXIF and GPS data, keeping the picture', async () => {
    const original = await makeJpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await inspectUpload(original);
    expect(result.mime).toBe('image/jpeg');
    const metadata = await sharp(result.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([640, 480]);
    expect(Buffer.from(result.bytes).includes(Buffer.from('SCH-X430'))).toBe(false);
  });

  it('keeps PNG and WebP in their format', async () => {
    expect((await inspectUpload(await makePng())).mime).toBe('image/png');
    expect((await inspectUpload(await makeWebp())).mime).toBe('image/webp');
  });

  it('refuses a decompression bomb image by its pixel count', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expect(inspectUpload(new Uint8Array(bomb))).rejects.toMatchObject({ messageKey: 'intake.evidence.errors.imageTooLarge' });
  });
});

describe('inspectPdf limits', () => {
  it('kills a parser that runs past its deadline', async () => {
    const pages = await makePdf(['x'], 300);
    expect(await inspectPdf(pages, { timeoutMs: 1 })).toEqual({ ok: false, reason: 'timeout' });
  });

  it('refuses a page bomb above the page limit', async () => {
    const kids = Array.from({ length: 50 }, (_, index) => `${index + 3} 0 R`).join(' ');
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${kids}] /Count 50 >>`,
      ...Array.from({ length: 50 }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>'),
    ];
    expect(await inspectPdf(rawPdf(objects), { maxPages: 10 })).toEqual({ ok: false, reason: 'too_many_pages' });
  });
});
