import { describe, expect, it } from 'vitest';
import { renderAppointment } from './appointment';
import { renderDeclaration } from './declaration';
import { PdfInputError } from './errors';
import { renderPowerOfAttorney } from './power-of-attorney';
import { loadPdf } from './__fixtures__/inspect';
import { hasPoppler, pdfPageTexts, pdfText } from './__fixtures__/poppler';
import { SAMPLE_CASE, SAMPLE_CASE_US } from './__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from './__fixtures__/synthetic-claimants';

const claimants = demoClaimants(30);
const lead = claimants[0];
const flat = (text: string) => text.replace(/\s+/g, ' ');
const ko = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;
const us = { format: 'us', language: 'en', now: DEMO_NOW } as const;

describe('renderAppointment (선정서)', () => {
  it.skipIf(!hasPoppler)('names the representative and lists every appointer with the consent time, version and hash', async () => {
    const text = flat(pdfText(await renderAppointment({ case: SAMPLE_CASE, representatives: [lead], appointers: claimants }, ko)));
    expect(text).toContain('선 정 서');
    expect(text).toContain('민사소송법 제53조');
    expect(text).toContain('선정당사자');
    const consent = claimants[7].consents.find((item) => item.kind === 'representative_appointment');
    expect(text).toContain(claimants[7].legalName);
    expect(text).toContain(consent?.textSha256);
    expect(text).toContain(consent?.documentVersion);
    expect(text).toContain('서울중앙지방법원 귀중');
  });

  it.skipIf(!hasPoppler)('lists the 선정당사자 among the 선정자, first and marked, and captions them 원고(선정당사자)', async () => {
    const others = claimants.slice(1, 5);
    const pages = pdfPageTexts(await renderAppointment({ case: SAMPLE_CASE, representatives: [lead], appointers: others }, ko)).map(flat);
    expect(pages[0]).toContain(`원고(선정당사자) ${lead.legalName}`);
    const list = pages.find((page) => page.includes('선 정 자 목 록'))!;
    expect(list).toContain(`1 ${lead.legalName} (선정당사자)`);
    for (const other of others) expect(list).toContain(other.legalName);
    expect(list.match(new RegExp(lead.legalName, 'g'))?.length).toBeGreaterThanOrEqual(1);
    expect(pages.join(' ')).toContain('선정자 5명');
  });

  it('refuses an appointer without a signed appointment consent', async () => {
    const missing = demoClaimants(3);
    missing[2].consents = missing[2].consents.filter((item) => item.kind !== 'representative_appointment');
    await expect(renderAppointment({ case: SAMPLE_CASE, representatives: [missing[0]], appointers: missing }, ko)).rejects.toBeInstanceOf(
      PdfInputError,
    );
  });

  it.skipIf(!hasPoppler)('has an English variant for US filings with localities only', async () => {
    const text = flat(pdfText(await renderAppointment({ case: SAMPLE_CASE_US, representatives: [lead], appointers: claimants }, us)));
    expect(text).toContain('APPOINTMENT OF REPRESENTATIVE PARTY');
    expect(text).not.toContain('세종대로');
  });
});

describe('renderPowerOfAttorney (소송위임장)', () => {
  it.skipIf(!hasPoppler)('gives each claimant their own power of attorney with the e-signature record', async () => {
    const bytes = await renderPowerOfAttorney({ case: SAMPLE_CASE, claimants: claimants.slice(0, 3), mode: 'per_claimant' }, ko);
    const pages = pdfPageTexts(bytes);
    expect(pages).toHaveLength(3);
    claimants.slice(0, 3).forEach((claimant, index) => {
      const retainer = claimant.consents.find((item) => item.kind === 'retainer');
      expect(flat(pages[index])).toContain(`원고 ${claimant.legalName}`);
      expect(pages[index]).toContain(retainer?.textSha256);
      expect(pages[index]).toContain(retainer?.ip);
      expect(pages[index]).toContain('수 권 사 항');
    });
  });

  it.skipIf(!hasPoppler)('combines many principals into one grant with a list', async () => {
    const text = pdfText(await renderPowerOfAttorney({ case: SAMPLE_CASE, claimants, mode: 'combined' }, ko));
    expect(text).toContain('위 임 인 목 록');
    expect(text).toContain(claimants[29].legalName);
  });
});

describe('renderDeclaration (진술서)', () => {
  it.skipIf(!hasPoppler)('prints the signed statement verbatim, the damages and the signature record', async () => {
    const bytes = await renderDeclaration({ case: SAMPLE_CASE, claimant: lead }, ko);
    const text = flat(pdfText(bytes));
    expect(text).toContain('진 술 서');
    expect(text).toContain(flat(lead.statement?.text ?? '').slice(0, 40));
    expect(text).toContain(lead.statement?.textSha256);
    expect(text).toContain(lead.statement?.userAgent);
    expect(text).toContain('1970. 8. 9.');
    expect(text).toContain('010-9670-3793');
    expect((await loadPdf(bytes)).getTitle()).toContain(lead.referenceNumber);
  });

  it.skipIf(!hasPoppler)('declares under penalty of perjury and redacts per FRCP 5.2 in US form', async () => {
    const text = flat(pdfText(await renderDeclaration({ case: SAMPLE_CASE_US, claimant: lead }, us)));
    expect(text).toContain('I declare under penalty of perjury under the laws of the United States of America');
    expect(text).toContain('XXX-XXXX-3793');
    expect(text).not.toContain('010-9670-3793');
    expect(text).toContain('1970');
    expect(text).not.toContain('1970. 8. 9.');
    expect(text).not.toContain('세종대로');
  });

  it.skipIf(!hasPoppler)('prints a phone number and a 사업자등록번호 stored as bare digits with their hyphens', async () => {
    const owner = { ...lead, phone: '01048217735', businessName: '스타PC방', businessRegistrationNumber: '2208162517' };
    const text = flat(pdfText(await renderDeclaration({ case: SAMPLE_CASE, claimant: owner }, ko)));
    expect(text).toContain('010-4821-7735');
    expect(text).toContain('스타PC방 (220-81-62517)');
    expect(text).not.toContain('01048217735');
  });

  it('refuses a claimant without a signed statement', async () => {
    const unsigned = { ...lead, statement: undefined };
    await expect(renderDeclaration({ case: SAMPLE_CASE, claimant: unsigned }, ko)).rejects.toBeInstanceOf(PdfInputError);
  });
});
