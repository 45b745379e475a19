import { describe, expect, it } from 'vitest';
import { type ExhibitListEntry, renderExhibitList } from './exhibit-list';
import { loadPdf } from './__fixtures__/inspect';
import { hasPoppler, pdfText } from './__fixtures__/poppler';
import { SAMPLE_CASE, SAMPLE_CASE_US } from './__fixtures__/sample-case';
import { DEMO_NOW } from './__fixtures__/synthetic-claimants';

const exhibits: ExhibitListEntry[] = [
  {
    claimantId: 'a',
    title: '통신요금 청구서',
    author: '한국통신',
    documentDate: '2003-01-31',
    provesWhat: '장애 기간에도 요금이 청구된 사실',
  },
  { claimantId: 'a', title: '접속 장애 화면', author: '', documentDate: null, provesWhat: '' },
  { claimantId: 'b', title: '영업 손실 장부', author: '김민지', documentDate: '2003-02-03', provesWhat: '영업 손실액' },
];

describe('renderExhibitList', () => {
  it.skipIf(!hasPoppler)(
    'lists 갑 제N호증 (의 M) with title, author, date and 입증취지 in order, dashes for what is not known',
    async () => {
      const bytes = await renderExhibitList(
        { case: SAMPLE_CASE, filingVersion: 3, exhibits },
        { format: 'kr', language: 'ko', now: DEMO_NOW },
      );
      const text = pdfText(bytes);
      expect(text).toContain('증거목록');
      const order = [
        '갑 제1호증의 1',
        '통신요금 청구서',
        '한국통신',
        '2003. 1. 31.',
        '요금이 청구된',
        '갑 제1호증의 2',
        '접속 장애 화면',
        '갑 제2호증',
        '영업 손실 장부',
        '김민지',
        '2003. 2. 3.',
        '영업 손실액',
      ];
      let at = -1;
      for (const expected of order) {
        const found = text.indexOf(expected, at + 1);
        expect(found, expected).toBeGreaterThan(at);
        at = found;
      }
      expect(text).toContain('—');
      expect(text).not.toContain('undefined');
      expect(text).not.toContain('null');
    },
  );

  it.skipIf(!hasPoppler)('prints Exhibit N-M and US dates on Letter paper in English', async () => {
    const bytes = await renderExhibitList(
      { case: SAMPLE_CASE_US, filingVersion: 1, exhibits },
      { format: 'us', language: 'en', now: DEMO_NOW },
    );
    const page = (await loadPdf(bytes)).getPage(0);
    expect(Math.round(page.getWidth())).toBe(612);
    const text = pdfText(bytes);
    expect(text).toContain('EXHIBIT LIST');
    expect(text).toMatch(/Exhibit 1-1[\s\S]*Exhibit 1-2[\s\S]*Exhibit 2\b/);
    expect(text).toContain('January 31, 2003');
    expect(text).not.toContain('undefined');
  });
});
