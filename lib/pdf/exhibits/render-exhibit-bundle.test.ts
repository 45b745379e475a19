import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { ExhibitIntegrityError, ExhibitSourceError } from '../errors';
import { exhibitFile, makeActivePdf, makeEncryptedPdf, makePhoto, makeSamplePdf, makeScreenshot } from '../__fixtures__/exhibit-files';
import { imageXObjectCount, loadPdf, outlineTitles } from '../__fixtures__/inspect';
import { hasPoppler, overlappingPairs, pdfFonts, pdfPageTexts, pdfText, pdfWordBoxes } from '../__fixtures__/poppler';
import { FORMAT_LAYOUTS } from '../geometry';
import { SAMPLE_CASE } from '../__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '../__fixtures__/synthetic-claimants';
import { preflightPdf } from '../preflight/preflight-pdf';
import type { ExhibitFile } from '../types';
import { renderExhibitBundle } from './render-exhibit-bundle';

const claimants = demoClaimants(3);
const ko = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;

async function sampleFiles(): Promise<ExhibitFile[]> {
  const photo = await makePhoto('jpeg', 1);
  return [
    exhibitFile(await makeSamplePdf({ pages: 2 }), claimants[0], {
      label: '인터넷 요금 고지서',
      filename: 'bill.pdf',
      mime: 'application/pdf',
    }),
    exhibitFile(photo, claimants[0], { label: '모뎀 사진', filename: 'modem.jpg', mime: 'image/jpeg' }),
    exhibitFile(await makeSamplePdf({ pages: 1, rotate: 90 }), claimants[1], {
      label: '매출 장부',
      filename: 'sales.pdf',
      mime: 'application/pdf',
    }),
    exhibitFile(await makePhoto('png', 2), claimants[1], { label: '매장 사진', filename: 'shop.png', mime: 'image/png' }),
    exhibitFile(await makeScreenshot(3, true), claimants[2], { label: '오류 화면', filename: 'error.png', mime: 'image/png' }),
    exhibitFile(photo, claimants[2], { label: '같은 모뎀 사진', filename: 'modem-copy.jpg', mime: 'image/jpeg' }),
  ];
}

describe('renderExhibitBundle', () => {
  it('numbers exhibits per claimant with branch numbers and bookmarks each one, deterministically', async () => {
    const files = await sampleFiles();
    const result = await renderExhibitBundle({ case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } }, ko);
    expect(result.entries.map((entry) => entry.label)).toEqual([
      '갑 제1호증의 1',
      '갑 제1호증의 2',
      '갑 제2호증의 1',
      '갑 제2호증의 2',
      '갑 제3호증의 1',
      '갑 제3호증의 2',
    ]);
    const titles = await outlineTitles(result.bytes);
    expect(titles[0]).toBe('증거목록');
    expect(titles).toContain('갑 제2호증의 1 매출 장부');
    expect(titles[titles.length - 1]).toBe('해시목록');
    expect(result.pageCount).toBe((await loadPdf(result.bytes)).getPageCount());
    const again = await renderExhibitBundle({ case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } }, ko);
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it.skipIf(!hasPoppler)('stamps every page with a running Bates number and exhibit pages with their label', async () => {
    const result = await renderExhibitBundle({ case: SAMPLE_CASE, files: await sampleFiles(), bates: { prefix: 'SLM', start: 41 } }, ko);
    const pages = pdfPageTexts(result.bytes);
    pages.forEach((text, index) => expect(text).toContain(`SLM-${String(41 + index).padStart(6, '0')}`));
    const bill = result.entries[0];
    expect(pages[bill.slipPageIndex + 1]).toContain('갑 제1호증의 1 (1/2)');
    expect(pages[bill.slipPageIndex + 1]).toContain('원본과 상위 없음');
    expect(pages[bill.slipPageIndex + 2]).toContain('갑 제1호증의 1 (2/2)');
    expect(pages[0]).toContain(bill.sha256.slice(0, 32));
    expect(result.batesFirst).toBe('SLM-000041');
    expect(result.batesLast).toBe(`SLM-${String(40 + pages.length).padStart(6, '0')}`);
  });

  it('copies each source PDF with one copyPages call', async () => {
    const spy = vi.spyOn(PDFDocument.prototype, 'copyPages');
    const files = await sampleFiles();
    await renderExhibitBundle({ case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } }, ko);
    expect(spy).toHaveBeenCalledTimes(files.filter((file) => file.evidence.mime === 'application/pdf').length);
    spy.mockRestore();
  });

  it('embeds an image used twice once; PNG photos become JPEG, transparent screenshots stay lossless', async () => {
    const result = await renderExhibitBundle({ case: SAMPLE_CASE, files: await sampleFiles(), bates: { prefix: 'SLM' } }, ko);
    expect(result.entries.map((entry) => entry.imageEncoding)).toEqual([
      undefined,
      'jpeg-original',
      undefined,
      'jpeg',
      'flate',
      'jpeg-original',
    ]);
    expect(await imageXObjectCount(result.bytes)).toEqual({ jpeg: 2, flate: 1 });
  });

  it('refuses a file whose bytes no longer match the recorded SHA-256, naming the exhibit', async () => {
    const files = await sampleFiles();
    files[3] = { ...files[3], evidence: { ...files[3].evidence, sha256: '0'.repeat(64) } };
    const rendering = renderExhibitBundle({ case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } }, ko);
    await expect(rendering).rejects.toBeInstanceOf(ExhibitIntegrityError);
    await expect(rendering).rejects.toMatchObject({ exhibitLabel: '갑 제2호증의 2', evidenceId: files[3].evidence.id });
  });

  it('refuses encrypted and unreadable PDFs with a typed error', async () => {
    const encrypted = exhibitFile(await makeEncryptedPdf(), claimants[0], {
      label: '암호 PDF',
      filename: 'locked.pdf',
      mime: 'application/pdf',
    });
    await expect(renderExhibitBundle({ case: SAMPLE_CASE, files: [encrypted], bates: { prefix: 'SLM' } }, ko)).rejects.toMatchObject({
      problem: 'encrypted',
      exhibitLabel: '갑 제1호증',
    });
    const broken = exhibitFile(new TextEncoder().encode('%PDF-1.7\ngarbage'), claimants[0], {
      label: '깨진 PDF',
      filename: 'broken.pdf',
      mime: 'application/pdf',
    });
    await expect(renderExhibitBundle({ case: SAMPLE_CASE, files: [broken], bates: { prefix: 'SLM' } }, ko)).rejects.toBeInstanceOf(
      ExhibitSourceError,
    );
  });

  it('flattens form fields and drops scripts from copied PDFs, so the bundle passes preflight', async () => {
    const active = exhibitFile(await makeActivePdf(), claimants[0], { label: '양식', filename: 'form.pdf', mime: 'application/pdf' });
    const result = await renderExhibitBundle(
      { case: SAMPLE_CASE, files: [...(await sampleFiles()), active], bates: { prefix: 'SLM' } },
      ko,
    );
    const report = await preflightPdf(result.bytes, 'kr');
    const failed = report.checks.filter((check) => !check.ok);
    expect(failed, JSON.stringify(failed)).toEqual([]);
  });

  it("brings copied pages to the filing's paper in their own orientation, text kept, so preflight passes", async () => {
    const letter = exhibitFile(await makeSamplePdf({ pages: 1, size: [612, 792] }), claimants[0], {
      label: 'Letter 고지서',
      filename: 'letter.pdf',
      mime: 'application/pdf',
    });
    const landscape = exhibitFile(await makeSamplePdf({ pages: 1, size: [792, 612] }), claimants[1], {
      label: '가로 장부',
      filename: 'wide.pdf',
      mime: 'application/pdf',
    });
    const isSize = (size: { width: number; height: number }, width: number, height: number) =>
      Math.abs(size.width - width) < 1 && Math.abs(size.height - height) < 1;
    for (const [format, width, height] of [
      ['kr', 595.28, 841.89],
      ['us', 612, 792],
    ] as const) {
      const result = await renderExhibitBundle(
        { case: SAMPLE_CASE, files: [...(await sampleFiles()), letter, landscape], bates: { prefix: 'SLM' } },
        { ...ko, format },
      );
      const doc = await loadPdf(result.bytes);
      for (const page of doc.getPages()) {
        const size = page.getSize();
        expect(isSize(size, width, height) || isSize(size, height, width), `${format}: ${size.width}×${size.height}`).toBe(true);
      }
      const pageOf = (file: ExhibitFile) => result.entries.find((entry) => entry.evidenceId === file.evidence.id)!.slipPageIndex + 1;
      expect(doc.getPage(pageOf(landscape)).getSize().width).toBeGreaterThan(doc.getPage(pageOf(landscape)).getSize().height);
      const failed = (await preflightPdf(result.bytes, format)).checks.filter((check) => !check.ok);
      expect(failed, JSON.stringify(failed)).toEqual([]);
      if (hasPoppler) expect(pdfPageTexts(result.bytes)[pageOf(letter)]).toContain('통신요금 고지서 1/1');
    }
  });

  it.skipIf(!hasPoppler)('scales every copied page into the court margins, so the exhibit label never covers its content', async () => {
    // An A4 page (already the filing's paper) with text up to its top-right and bottom-right corners.
    const source = await PDFDocument.create();
    const font = await source.embedFont(StandardFonts.Helvetica);
    for (const rotate of [0, 90]) {
      const page = source.addPage([595.28, 841.89]);
      page.setRotation(degrees(rotate));
      page.drawText('CORNER-TOP', { x: 480, y: 826, size: 11, font });
      page.drawText('CORNER-BOTTOM', { x: 460, y: 6, size: 11, font });
      page.drawText('CORNER-LEFT', { x: 2, y: 420, size: 11, font });
    }
    const file = exhibitFile(await source.save(), claimants[0], { label: '가장자리', filename: 'edge.pdf', mime: 'application/pdf' });
    for (const format of ['kr', 'us'] as const) {
      const result = await renderExhibitBundle({ case: SAMPLE_CASE, files: [file], bates: { prefix: 'SLM' } }, { ...ko, format });
      const { margins } = FORMAT_LAYOUTS[format];
      const words = pdfWordBoxes(result.bytes);
      for (const page of [...new Set(words.filter((word) => word.text.startsWith('CORNER')).map((word) => word.page))]) {
        const onPage = words.filter((word) => word.page === page);
        const content = onPage.filter((word) => word.text.startsWith('CORNER'));
        const stamps = onPage.filter((word) => !word.text.startsWith('CORNER'));
        expect(content.length, `${format} page ${page}`).toBe(3);
        expect(
          overlappingPairs([...content, ...stamps]).filter(([a, b]) => a.text.startsWith('CORNER') !== b.text.startsWith('CORNER')),
        ).toEqual([]);
        const copied = (await loadPdf(result.bytes)).getPage(page - 1);
        const { width, height } = copied.getSize();
        // pdftotext measures the page as shown (after /Rotate).
        const [pageWidth, pageHeight] = copied.getRotation().angle % 180 === 0 ? [width, height] : [height, width];
        for (const word of content) {
          const where = `${format} page ${page} ${word.text}`;
          expect(word.xMin, where).toBeGreaterThanOrEqual(margins.left - 1);
          expect(word.xMax, where).toBeLessThanOrEqual(pageWidth - margins.right + 1);
          expect(word.yMin, where).toBeGreaterThanOrEqual(margins.top - 1);
          expect(word.yMax, where).toBeLessThanOrEqual(pageHeight - margins.bottom + 1);
        }
      }
    }
  });

  it.skipIf(!hasPoppler)(
    'embeds the standard fonts an exhibit only names, keeping its text searchable and in place, so preflight passes',
    async () => {
      const source = await PDFDocument.create();
      const page = source.addPage([595.28, 841.89]);
      const faces = [StandardFonts.Helvetica, StandardFonts.TimesRomanBold, StandardFonts.CourierOblique] as const;
      for (const [index, face] of faces.entries()) {
        page.drawText(`Invoice ${index + 1}: 38,000 KRW - 'paid' (Jan. 2003)`, {
          x: 60,
          y: 700 - index * 40,
          size: 14,
          font: await source.embedFont(face),
        });
      }
      const original = await source.save();
      const before = await preflightPdf(original, 'kr');
      expect(before.checks.find((check) => check.id === 'fonts-embedded')?.ok).toBe(false);
      const file = exhibitFile(original, claimants[0], { label: '청구서', filename: 'invoice.pdf', mime: 'application/pdf' });
      const result = await renderExhibitBundle({ case: SAMPLE_CASE, files: [file], bates: { prefix: 'SLM' } }, ko);
      const report = await preflightPdf(result.bytes, 'kr');
      const failed = report.checks.filter((check) => !check.ok);
      expect(failed, JSON.stringify(failed)).toEqual([]);
      const fonts = pdfFonts(result.bytes).filter((font) => /Arimo|Tinos|Cousine/.test(font.name));
      expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Arimo-Regular', 'Cousine-Italic', 'Tinos-Bold']);
      expect(fonts.every((font) => font.embedded && font.subset && font.unicode)).toBe(true);
      const text = pdfText(result.bytes);
      for (const index of [1, 2, 3]) expect(text).toContain(`Invoice ${index}: 38,000 KRW - 'paid' (Jan. 2003)`);
      // Widths unchanged: each word is as long (scaled with the page) as it was.
      const originalWords = pdfWordBoxes(original).filter((word) => word.text === 'Invoice');
      const bundledWords = pdfWordBoxes(result.bytes).filter((word) => word.text === 'Invoice');
      expect(bundledWords).toHaveLength(3);
      const scale = (bundledWords[1].yMax - bundledWords[0].yMax) / (originalWords[1].yMax - originalWords[0].yMax);
      bundledWords.forEach((word, index) => {
        const expected = (originalWords[index].xMax - originalWords[index].xMin) * scale;
        expect(Math.abs(word.xMax - word.xMin - expected)).toBeLessThan(0.5);
      });
    },
  );

  it('stands a notice page in for a file type that cannot be shown, and says so', async () => {
    const memo = exhibitFile(new TextEncoder().encode('memo'), claimants[0], { label: '메모', filename: 'memo.txt', mime: 'text/plain' });
    const result = await renderExhibitBundle(
      { case: SAMPLE_CASE, files: [memo], bates: { prefix: 'SLM' } },
      { ...ko, language: 'en', format: 'us' },
    );
    expect(result.entries[0]).toMatchObject({ kind: 'unsupported', label: 'Exhibit 1', pageCount: 1 });
    expect(result.warnings).toHaveLength(1);
  });
});
