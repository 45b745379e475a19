import { describe, expect, it } from 'vitest';
import { type AuthorityAnnexRow, renderAuthorityAnnex } from './authority-annex';
import { imageXObjectCount, loadPdf } from './__fixtures__/inspect';
import { hasPoppler, pdfText } from './__fixtures__/poppler';
import { SAMPLE_CASE, SAMPLE_CASE_US } from './__fixtures__/sample-case';
import { DEMO_NOW } from './__fixtures__/synthetic-claimants';

// Among the widest hex digits: a wrapped hash would show as two words in the extracted text.
const HASH = 'd'.repeat(64);
const rows: AuthorityAnnexRow[] = [
  {
    referenceNumber: 'SLM-000001',
    legalName: '홍길동',
    legalNameLatin: 'Gil-dong Hong',
    dateOfBirth: '1971-04-12',
    isMinor: false,
    guardian: null,
    email: 'hong@example.kr',
    emailVerifiedAt: '2026-01-05T02:03:04.000Z',
    phone: '010-2003-0125',
    documents: [
      {
        kind: 'retainer',
        version: 'v1 (ko)',
        textSha256: HASH,
        signedAt: '2026-02-10T03:00:00.000Z',
        ip: '198.51.100.7',
        userAgent: 'Firefox',
      },
    ],
    auditEntries: [{ id: 41, seq: 7, action: 'consent.signed', hash: 'b'.repeat(64) }],
  },
  {
    referenceNumber: 'SLM-000002',
    legalName: '김민지',
    legalNameLatin: 'Min-ji Kim',
    dateOfBirth: '2014-09-01',
    isMinor: true,
    guardian: { relation: 'mother', names: ['이영희'] },
    email: 'lee@example.kr',
    emailVerifiedAt: null,
    phone: null,
    documents: [],
    auditEntries: [],
  },
];
const input = {
  case: SAMPLE_CASE,
  filingVersion: 3,
  auditChain: 'chain-1',
  rows,
  manifest: { fileName: 'x-v3-authority.json', sha256: 'c'.repeat(64) },
};
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderAuthorityAnnex (선정 및 소송위임 확인서)', () => {
  it.skipIf(!hasPoppler)('prints each appointing party with the signatures, audit hashes and the manifest hash, in Korean', async () => {
    const text = flat(pdfText(await renderAuthorityAnnex(input, { format: 'kr', language: 'ko', now: DEMO_NOW })));
    expect(text).toContain('선정 및 소송위임 확인서');
    expect(text).toContain('법정대리인(친권자 모) 이영희');
    expect(text).toContain('전자우편 lee@example.kr (확인되지 않음)');
    expect(text).toContain('전화번호 없음');
    expect(text).toContain(HASH);
    expect(text).toContain('감사 #41 · 순번 7 · consent.signed');
    expect(text).toContain(`목록 SHA-256: ${'c'.repeat(64)}`);
  });

  it.skipIf(!hasPoppler)('follows the filing language: English, US redaction of the birth date and a minor by initials', async () => {
    const text = flat(
      pdfText(await renderAuthorityAnnex({ ...input, case: SAMPLE_CASE_US }, { format: 'us', language: 'en', now: DEMO_NOW })),
    );
    expect(text).toContain('CONFIRMATION OF APPOINTMENT AND POWER OF ATTORNEY');
    expect(text).toContain('Gil-dong Hong (홍길동) (SLM-000001)');
    expect(text).toContain('Born 1971');
    expect(text).not.toContain('2014-09-01');
    expect(text).toContain('Legal representative (mother): 이영희');
    expect(text).toContain('E-mail hong@example.kr (verified 2026-01-05 11:03:04 KST)');
    expect(text).toContain('Phone 010-2003-0125 (as entered by the claimant; not verified)');
    expect(text).toContain('npm run authority:verify -- x-v3-authority.json');
    expect(text).toContain(HASH);
  });

  it('is deterministic for a given now, carries the title in its metadata and draws no image (typed names, no stamps)', async () => {
    const options = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;
    const [first, second] = [await renderAuthorityAnnex(input, options), await renderAuthorityAnnex(input, options)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect((await loadPdf(first)).getTitle()).toContain('선정및소송위임확인서');
    expect(await imageXObjectCount(first)).toEqual({ jpeg: 0, flate: 0 });
  });
});
