import { describe, expect, it } from 'vitest';
import { SAMPLE_CASE } from '@/lib/pdf/__fixtures__/sample-case';
import { DEMO_NOW } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { preflightPdf } from '@/lib/pdf';
import { refuseUnfitAttachment } from '../attachment-preflight';
import { FilingFailure } from '../render-result';
import { drawAuthorityAnnex } from './annex-parts';
import { drawExhibitList } from './attachment-pdfs';

const options = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;
const exhibits = Array.from({ length: 300 }, (_, index) => ({
  claimantId: `claimant-${Math.floor(index / 3)}`,
  title: `카카오톡 대화 캡처 ${index + 1}`,
  author: '원고',
  documentDate: '2003-01-25',
  provesWhat: '장애 당시 접속 불가 사실',
}));

describe('attachments fitted to the per-file limit', () => {
  it('splits an exhibit list over the limit by pages, every part under it and passing pre-flight', async () => {
    const [whole] = await drawExhibitList({ case: SAMPLE_CASE, filingVersion: 1, exhibits }, options, 50 * 1024 * 1024);
    const limit = Math.floor(whole.bytes.byteLength * 0.9);
    const parts = await drawExhibitList({ case: SAMPLE_CASE, filingVersion: 1, exhibits }, options, limit);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.bytes.byteLength).toBeLessThanOrEqual(limit);
      expect((await preflightPdf(part.bytes, 'kr', { maxBytes: limit })).ok).toBe(true);
    }
    expect(parts.reduce((sum, part) => sum + part.pageCount, 0)).toBe(whole.pageCount);
    expect(() => refuseUnfitAttachment('exhibitList', parts, limit)).not.toThrow();
  });

  it('gives back an annex whose one page is over the limit whole, and it is refused as too large', async () => {
    const annex = {
      case: SAMPLE_CASE,
      filingVersion: 1,
      auditChain: 'case:test',
      rows: [],
      manifest: { fileName: 'x-v1-authority.json', sha256: 'a'.repeat(64) },
    };
    const parts = await drawAuthorityAnnex(annex, options, 10_000);
    expect(parts).toHaveLength(1);
    expect(parts[0].bytes.byteLength).toBeGreaterThan(10_000);
    let failure: unknown;
    try {
      refuseUnfitAttachment('authority', parts, 10_000);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(FilingFailure);
    expect((failure as FilingFailure).failure.messageKey).toBe('filings.errors.attachmentTooLarge');
  });
});
