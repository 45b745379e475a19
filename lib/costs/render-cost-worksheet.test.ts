import { describe, expect, it } from 'vitest';
import { buildCostWorksheet } from './worksheet';
import { pageSizes } from '@/lib/pdf/__fixtures__/inspect';
import { hasPoppler, overlappingPairs, pdfText, pdfWordBoxes } from '@/lib/pdf/__fixtures__/poppler';
import { DEMO_NOW } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { preflightPdf } from '@/lib/pdf/preflight/preflight-pdf';
import { renderCostWorksheet } from './render-cost-worksheet';

const worksheet = buildCostWorksheet({
  claimValueKrw: 1_586 * 101_935,
  claimantCount: 1_586,
  defendantCount: 1,
  representativeCount: 3,
  isElectronic: true,
  instance: 'first',
  day: '2026-03-02',
});
const document = (language: 'ko' | 'en') => ({
  caseTitle: language === 'ko' ? '1·25 인터넷 대란 손해배상 공동소송' : 'Slammer worm joint suit',
  scope: language === 'ko' ? '확인 완료, 아직 소 제기 전' : 'verified, not yet filed',
  worksheet,
});

describe('renderCostWorksheet', () => {
  it('is one A4 page with embedded fonts', async () => {
    const bytes = await renderCostWorksheet(document('ko'), { language: 'ko', now: DEMO_NOW });
    expect(await pageSizes(bytes)).toEqual([{ width: 595.28, height: 841.89 }]);
    expect((await preflightPdf(bytes, 'kr')).checks.find((check) => check.id === 'fonts-embedded')?.ok).toBe(true);
  });

  it.skipIf(!hasPoppler)('prints the value, each step of the stamp duty and both scenarios, in Korean and English', async () => {
    const ko = pdfText(await renderCostWorksheet(document('ko'), { language: 'ko', now: DEMO_NOW }));
    expect(ko).toContain('소송비용 계산표');
    expect(ko).toContain('161,668,910원');
    expect(ko).toContain('소가 × 1만분의 40 + 55,000원');
    expect(ko).toContain('701,675원');
    expect(ko).toContain('701,600원');
    expect(ko).toContain('631,400원');
    expect(ko).toContain('원고 전원이 당사자');
    expect(ko).toContain('1,587');
    expect(ko).toContain('123,786,000원');
    expect(ko).toContain('선정당사자 3명');
    expect(ko).toContain('312,000원');
    expect(ko).toContain('123,474,000원');
    expect(ko).toContain('1회분 5,200원');
    const en = pdfText(await renderCostWorksheet(document('en'), { language: 'en', now: DEMO_NOW }));
    expect(en).toContain('Court-cost worksheet');
    expect(en).toContain('KRW 631,400');
    expect(en).toContain('Every claimant a party');
    expect(en).toContain('As of March 2, 2026');
  });

  it.skipIf(!hasPoppler)('sets no two words on top of each other', async () => {
    for (const language of ['ko', 'en'] as const) {
      const words = pdfWordBoxes(await renderCostWorksheet(document(language), { language, now: DEMO_NOW }));
      expect(overlappingPairs(words)).toEqual([]);
    }
  });
});
