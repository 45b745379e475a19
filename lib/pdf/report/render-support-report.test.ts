import { describe, expect, it } from 'vitest';
import { pageSizes } from '../__fixtures__/inspect';
import { hasPoppler, overlappingPairs, pdfText, pdfWordBoxes } from '../__fixtures__/poppler';
import { SAMPLE_REPORT } from '../__fixtures__/sample-report';
import { DEMO_NOW } from '../__fixtures__/synthetic-claimants';
import { preflightPdf } from '../preflight/preflight-pdf';
import { renderSupportReport } from './render-support-report';

describe('renderSupportReport', () => {
  it('is one A4 page', async () => {
    const bytes = await renderSupportReport(SAMPLE_REPORT, { language: 'ko', now: DEMO_NOW });
    expect(await pageSizes(bytes)).toEqual([{ width: 595.28, height: 841.89 }]);
    expect((await preflightPdf(bytes, 'kr')).checks.find((check) => check.id === 'fonts-embedded')?.ok).toBe(true);
  });

  it.skipIf(!hasPoppler)('shows the headline numbers, goals and top lists in Korean and English', async () => {
    const korean = pdfText(await renderSupportReport(SAMPLE_REPORT, { language: 'ko', now: DEMO_NOW }));
    expect(korean).toContain('지지 현황 보고서');
    expect(korean).toContain('3,412');
    expect(korean).toContain('1,586 / 2,000 (79%)');
    expect(korean).toContain('서울특별시');
    expect(korean).toContain('4/30');
    const english = pdfText(await renderSupportReport(SAMPLE_REPORT, { language: 'en', now: DEMO_NOW }));
    expect(english).toContain('Support report');
    expect(english).toContain('Top claimant categories');
    expect(english).toContain('As of April 30, 2003');
  });

  it.skipIf(!hasPoppler)('labels the growth columns without any two dates or counts running into each other', async () => {
    const days = Array.from({ length: 14 }, (_, index) => {
      const date = new Date(Date.UTC(2003, 11, 15 + index));
      return { date: date.toISOString().slice(0, 10), count: 12_000 + index * 37 };
    });
    const bytes = await renderSupportReport({ ...SAMPLE_REPORT, growth: days }, { language: 'ko', now: DEMO_NOW });
    const words = pdfWordBoxes(bytes);
    const dates = words.filter((word) => /^\d{1,2}\/\d{1,2}$/.test(word.text));
    expect(dates.map((word) => word.text)).toContain('12/28');
    expect(overlappingPairs(dates)).toEqual([]);
    const counts = words.filter((word) => /^12,\d{3}$/.test(word.text));
    expect(counts.length).toBeGreaterThan(0);
    expect(overlappingPairs(counts)).toEqual([]);
  });
});
