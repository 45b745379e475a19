import { describe, expect, it } from 'vitest';
import { PdfInputError } from '../errors';
import { FORMAT_LAYOUTS } from '../geometry';
import { loadPdf, pageSizes } from '../__fixtures__/inspect';
import { hasPoppler, pdfText } from '../__fixtures__/poppler';
import { SAMPLE_CASE, SAMPLE_CASE_US } from '../__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '../__fixtures__/synthetic-claimants';
import { renderComplaint } from './render-complaint';

const claimants = demoClaimants(40);
claimants[0].evidence = [
  { id: 'e1', kind: 'bill', label: '인터넷 요금 고지서', originalFilename: 'bill.pdf', mime: 'application/pdf', sha256: 'a'.repeat(64) },
  { id: 'e2', kind: 'photo', label: '장애 화면 사진', originalFilename: 'screen.jpg', mime: 'image/jpeg', sha256: 'b'.repeat(64) },
];
const total = claimants.reduce((sum, claimant) => sum + claimant.damages.totalKrw, 0).toLocaleString('en-US');
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderComplaint (KR) with a 선정당사자', () => {
  it.skipIf(!hasPoppler)('captions the appointed ones as 원고(선정당사자) with their address, the others as 선정자', async () => {
    const representative = claimants[0];
    const text = flat(
      pdfText(
        await renderComplaint(
          { case: SAMPLE_CASE, claimants, hasRepresentativeParty: true, representatives: [representative] },
          { format: 'kr', language: 'ko', now: DEMO_NOW },
        ),
      ),
    );
    expect(text).toContain(`원고(선정당사자) ${representative.legalName}`);
    expect(text).toContain(flat(representative.address));
    expect(text).toContain('(선정자: 별지 당사자목록 기재와 같음)');
    expect(text).toContain('원고(선정당사자) 및 선정자들에게');
    expect(text).not.toContain('홍길동 외 39명');
  });
});

describe('renderComplaint (KR)', () => {
  const render = () =>
    renderComplaint({ case: SAMPLE_CASE, claimants, hasRepresentativeParty: true }, { format: 'kr', language: 'ko', now: DEMO_NOW });

  it('is A4 throughout, with metadata set', async () => {
    const bytes = await render();
    const sizes = await pageSizes(bytes);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((size) => size.width === FORMAT_LAYOUTS.kr.size.width && size.height === FORMAT_LAYOUTS.kr.size.height)).toBe(true);
    const doc = await loadPdf(bytes);
    expect(doc.getTitle()).toContain('소장');
    expect(doc.getCreator()).toBe('Joinder');
    expect(doc.getAuthor()).toBe('법무법인 한결');
    expect(doc.getCreationDate()?.toISOString()).toBe(DEMO_NOW.toISOString());
  });

  it.skipIf(!hasPoppler)('has the caption, the prayer with the computed total, evidence and the addressee', async () => {
    const text = flat(pdfText(await render()));
    expect(text).toContain('소 장');
    expect(text).toContain('홍길동 외 39명');
    expect(text).toContain('별지 당사자목록 기재와 같음');
    expect(text).toContain('1. 대한민국');
    expect(text).toContain('법률상 대표자 법무부장관');
    expect(text).toContain('4. 마이크로소프트 코포레이션');
    expect(text).toContain('손해배상(기) 청구의 소');
    expect(text).toContain(`피고들은 연대하여 원고들에게`);
    expect(text).toContain(`합계 금 ${total}원`);
    expect(text).toContain('연 20%');
    expect(text).toContain('갑 제1호증의 1, 2');
    expect(text).toContain('소송위임장 40통');
    expect(text).toContain('서울중앙지방법원 귀중');
    expect(text).toContain('- 2 -');
  });

  it('renders byte for byte the same twice (deterministic)', async () => {
    expect(Buffer.from(await render()).equals(Buffer.from(await render()))).toBe(true);
  });

  it('refuses damages whose items do not add up to the total', async () => {
    const broken = demoClaimants(2);
    broken[1].damages.totalKrw += 1;
    await expect(
      renderComplaint({ case: SAMPLE_CASE, claimants: broken }, { format: 'kr', language: 'ko', now: DEMO_NOW }),
    ).rejects.toBeInstanceOf(PdfInputError);
  });
});

describe('renderComplaint (US)', () => {
  it.skipIf(!hasPoppler)('uses Letter paper and the class-action caption with numbered sections and paragraphs', async () => {
    const bytes = await renderComplaint({ case: SAMPLE_CASE_US, claimants }, { format: 'us', language: 'en', now: DEMO_NOW });
    expect((await pageSizes(bytes)).every((size) => size.width === 612 && size.height === 792)).toBe(true);
    const text = flat(pdfText(bytes));
    expect(text).toContain('UNITED STATES DISTRICT COURT');
    expect(text).toContain('individually and on behalf of all others similarly situated');
    expect(text).toContain('CLASS ACTION COMPLAINT');
    expect(text).toContain('JURY TRIAL DEMANDED');
    for (const section of [
      'I. PARTIES',
      'II. JURISDICTION AND VENUE',
      'III. FACTUAL ALLEGATIONS',
      'IV. CLASS ALLEGATIONS',
      'V. CAUSES OF ACTION',
      'VI. PRAYER FOR RELIEF',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toMatch(/1\. Plaintiff Gil-dong Hong/);
    expect(text).toContain('Numerosity. The Class has at least 40 members');
    expect(text).toContain('By: /s/ Jung-hoon Kim');
    expect(text).toContain('Page 1 of');
  });

  it.skipIf(!hasPoppler)('works in Korean too, and never prints a street address or full birth date', async () => {
    const text = flat(pdfText(await renderComplaint({ case: SAMPLE_CASE_US, claimants }, { format: 'us', language: 'ko', now: DEMO_NOW })));
    expect(text).toContain('집단소송 소장');
    expect(text).toContain('서울특별시 종로구');
    expect(text).not.toContain('세종대로 175');
    expect(text).not.toContain('1970. 8. 9.');
  });
});
