import { describe, expect, it } from 'vitest';
import { pageSizes } from '../__fixtures__/inspect';
import { hasPoppler, pdfPageTexts, pdfText } from '../__fixtures__/poppler';
import { SAMPLE_CASE, SAMPLE_CASE_US } from '../__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '../__fixtures__/synthetic-claimants';
import type { PartyListPart } from '../types';
import { renderPartyList, renderPartyListParts } from './render-party-list';

const claimants = demoClaimants(150);
const total = claimants.reduce((sum, claimant) => sum + claimant.damages.totalKrw, 0).toLocaleString('en-US');

describe('renderPartyList', () => {
  it.skipIf(!hasPoppler)('repeats the header row and numbers every page, and closes with the totals (KR)', async () => {
    const bytes = await renderPartyList({ case: SAMPLE_CASE, claimants }, { format: 'kr', language: 'ko', now: DEMO_NOW });
    const pages = pdfPageTexts(bytes);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page).toContain('번호');
      expect(page).toContain('청구금액');
      expect(page).toContain(`- ${index + 1} -`);
    });
    expect(pages[0]).toContain('당 사 자 목 록');
    expect(pages[0]).toContain('홍길동');
    expect(pages[0]).toContain('서울특별시 종로구 세종대로 175');
    expect(pages[pages.length - 1]).toContain('합계 150명');
    expect(pages[pages.length - 1]).toContain(`${total}원`);
    expect((await pageSizes(bytes)).every((size) => size.width === 595.28)).toBe(true);
  });

  it.skipIf(!hasPoppler)('prints only the locality in US filings (FRCP 5.2), with "Page n of N"', async () => {
    const bytes = await renderPartyList({ case: SAMPLE_CASE_US, claimants }, { format: 'us', language: 'en', now: DEMO_NOW });
    const text = pdfText(bytes);
    const pages = pdfPageTexts(bytes);
    expect(text).toContain('서울특별시 종로구');
    expect(text).not.toContain('세종대로');
    expect(text).not.toContain('Date of birth');
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
    expect((await pageSizes(bytes)).every((size) => size.width === 612)).toBe(true);
  });

  it('splits into parts at page boundaries with plaintiff and page numbers running on', async () => {
    const parts: PartyListPart[] = [];
    for await (const part of renderPartyListParts(
      { case: SAMPLE_CASE, claimants },
      { format: 'kr', language: 'ko', now: DEMO_NOW, rowsPerPart: 60 },
    ))
      parts.push(part);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((part) => part.parts === parts.length)).toBe(true);
    expect(parts[0].firstRow).toBe(1);
    expect(parts[parts.length - 1].lastRow).toBe(150);
    parts.forEach((part, index) => {
      expect(part.lastRow - part.firstRow + 1).toBeLessThanOrEqual(60);
      if (index === 0) return;
      expect(part.firstRow).toBe(parts[index - 1].lastRow + 1);
      expect(part.firstPage).toBe(parts[index - 1].lastPage + 1);
    });
    if (hasPoppler) {
      const second = pdfPageTexts(parts[1].bytes);
      expect(second[0]).toContain(`- ${parts[1].firstPage} -`);
      expect(second[0]).toContain(String(parts[1].firstRow));
    }
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: number[] = [];
    await renderPartyList(
      { case: SAMPLE_CASE, claimants },
      { format: 'kr', language: 'ko', now: DEMO_NOW, onProgress: (done) => seen.push(done) },
    );
    expect(seen[seen.length - 1]).toBe(150);
    const controller = new AbortController();
    controller.abort();
    await expect(
      renderPartyList({ case: SAMPLE_CASE, claimants }, { format: 'kr', language: 'ko', now: DEMO_NOW, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'aborted' });
  });
});
