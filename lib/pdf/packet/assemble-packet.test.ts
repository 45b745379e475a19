import { beforeAll, describe, expect, it } from 'vitest';
import { renderComplaint } from '../complaint/render-complaint';
import { PdfAbortedError } from '../errors';
import { renderExhibitBundle } from '../exhibits/render-exhibit-bundle';
import { exhibitFile, makePhoto, makeSamplePdf } from '../__fixtures__/exhibit-files';
import { loadPdf, outlineTitles } from '../__fixtures__/inspect';
import { hasPoppler, pdfFonts, pdfPageTexts } from '../__fixtures__/poppler';
import { SAMPLE_CASE } from '../__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '../__fixtures__/synthetic-claimants';
import { preflightPdf } from '../preflight/preflight-pdf';
import type { PacketInput } from '../types';
import { assemblePacket, exhibitBundleDocument } from './assemble-packet';

const LIMIT = 300_000;
let input: PacketInput;

beforeAll(async () => {
  const claimants = demoClaimants(6);
  const files = [];
  for (let index = 0; index < 12; index++) {
    const claimant = claimants[index % 6];
    files.push(
      index % 2
        ? exhibitFile(await makePhoto('jpeg', index, 700, 500), claimant, {
            label: `사진 ${index}`,
            filename: `p${index}.jpg`,
            mime: 'image/jpeg',
          })
        : exhibitFile(await makeSamplePdf({ pages: 1 + (index % 3), seed: index }), claimant, {
            label: `고지서 ${index}`,
            filename: `b${index}.pdf`,
            mime: 'application/pdf',
          }),
    );
  }
  const options = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;
  const bundle = await renderExhibitBundle({ case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } }, options);
  input = {
    documents: [
      { title: '소장', bytes: await renderComplaint({ case: SAMPLE_CASE, claimants }, options) },
      exhibitBundleDocument('증거자료', bundle, { prefix: 'SLM' }),
    ],
    metadata: { title: '소장 및 증거자료', author: '법무법인 한결', subject: '손해배상(기)', language: 'ko', createdAt: DEMO_NOW },
    maxPartBytes: LIMIT,
  };
});

describe('assemblePacket', () => {
  it('splits into parts under the byte limit, keeping every page in order', async () => {
    const { parts, pageCount } = await assemblePacket(input);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.byteLength === part.bytes.length && part.byteLength <= LIMIT)).toBe(true);
    expect(parts.reduce((sum, part) => sum + part.pageCount, 0)).toBe(pageCount);
    for (const part of parts) expect((await loadPdf(part.bytes)).getPageCount()).toBe(part.pageCount);
    parts.slice(1).forEach((part, index) => expect(part.firstPage).toBe(parts[index].lastPage + 1));
  });

  it.skipIf(!hasPoppler)('keeps Bates numbers continuous across parts and reports first/last per part', async () => {
    const { parts } = await assemblePacket(input);
    const stamped = parts.filter((part) => part.batesFirst !== null);
    expect(stamped.length).toBeGreaterThan(1);
    const numberOf = (label: string | null) => Number(label?.slice(-6));
    stamped.slice(1).forEach((part, index) => expect(numberOf(part.batesFirst)).toBe(numberOf(stamped[index].batesLast) + 1));
    for (const part of stamped) {
      const pages = pdfPageTexts(part.bytes);
      expect(pages[pages.length - 1]).toContain(part.batesLast);
      expect(pages.some((page) => page.includes(part.batesFirst ?? '-'))).toBe(true);
    }
  });

  it('bookmarks each document, continued documents and exhibits, and sets metadata', async () => {
    const { parts } = await assemblePacket(input);
    const first = await outlineTitles(parts[0].bytes);
    expect(first[0]).toBe('소장');
    expect(first).toContain('증거자료');
    expect(first.some((title) => title.startsWith('갑 제1호증'))).toBe(true);
    expect((await outlineTitles(parts[1].bytes))[0]).toBe('증거자료 (계속)');
    const doc = await loadPdf(parts[0].bytes);
    expect(doc.getTitle()).toBe(`소장 및 증거자료 (${parts.length}개 중 1)`);
    expect(doc.getAuthor()).toBe('법무법인 한결');
    expect(doc.getCreator()).toBe('Joinder');
    expect(doc.getProducer()).toContain('Joinder');
    expect(doc.getModificationDate()?.toISOString()).toBe(DEMO_NOW.toISOString());
  });

  it('passes preflight part by part: no scripts or forms, fonts embedded and subset', async () => {
    const { parts } = await assemblePacket(input);
    for (const part of parts) {
      const report = await preflightPdf(part.bytes, 'kr', { maxBytes: LIMIT });
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
      if (hasPoppler) expect(pdfFonts(part.bytes).every((font) => font.embedded && font.subset && font.unicode)).toBe(true);
    }
  });

  it('reports progress up to the page total and can be cancelled', async () => {
    const progress: [number, number][] = [];
    const { pageCount } = await assemblePacket(input, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress[progress.length - 1]).toEqual([pageCount, pageCount]);
    const controller = new AbortController();
    const cancelled = assemblePacket(input, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toBeInstanceOf(PdfAbortedError);
  });
});
