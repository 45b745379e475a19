import { describe, expect, it } from 'vitest';
import { pageSizes } from '@/lib/pdf/__fixtures__/inspect';
import { hasPoppler, pdfText } from '@/lib/pdf/__fixtures__/poppler';
import { getTranslator } from '@/lib/i18n/translator';
import type { RoundWithdrawal } from './queries';
import { parseReasonLines } from './schemas';
import { type WithdrawalListText, renderWithdrawalList, withdrawalCsv } from './withdrawal-list';

const NOW = new Date('2026-04-01T00:00:00Z');
const row = (position: number, name: string): RoundWithdrawal => ({
  position,
  referenceNumber: `SLM-${String(position).padStart(6, '0')}`,
  legalName: name,
  withdrawnAt: new Date('2026-03-20T02:00:00Z'),
  filedAt: new Date('2026-03-11T00:00:00+09:00'),
  court: '서울중앙지방법원',
  courtCaseNumber: '2026가합12345',
});
const text = (language: 'ko' | 'en'): WithdrawalListText => {
  const t = getTranslator(language);
  return {
    title: t('rounds.withdrawals.pdfTitle'),
    subtitle: t('rounds.withdrawals.pdfSubtitle', { case: '슬래머 사건', round: '1차', cutoff: '2026. 3. 1.' }),
    count: t('rounds.withdrawals.pdfCount', { count: 2 }),
    position: t('rounds.withdrawals.position'),
    reference: t('rounds.withdrawals.reference'),
    name: t('rounds.withdrawals.name'),
    filedOn: t('rounds.withdrawals.filedOn'),
    withdrawnOn: t('rounds.withdrawals.withdrawnOn'),
    courtCase: t('rounds.withdrawals.courtCase'),
  };
};

describe('the 소취하 / 선정 철회 list', () => {
  it('renders an A4 table over as many pages as the rows need', async () => {
    const many = Array.from({ length: 120 }, (_, index) => row(index + 1, `신청인${index + 1}`));
    const sizes = await pageSizes(await renderWithdrawalList(many, text('ko'), { language: 'ko', now: NOW }));
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes[0]).toEqual({ width: 595.28, height: 841.89 });
  });

  it.skipIf(!hasPoppler)('prints the names, days and the court case in Korean and in English', async () => {
    const rows = [row(1, '홍길동'), row(7, '김영희')];
    const ko = pdfText(await renderWithdrawalList(rows, text('ko'), { language: 'ko', now: NOW }));
    expect(ko).toContain('소취하 · 선정 철회 대상자 목록');
    expect(ko).toContain('홍길동');
    expect(ko).toContain('2026가합12345');
    const en = pdfText(await renderWithdrawalList(rows, text('en'), { language: 'en', now: NOW }));
    expect(en).toContain('Claimants withdrawn after filing');
    expect(en).toContain('SLM-000007');
  });

  it('writes CSV with a BOM, KST days and a formula-looking name kept as text', () => {
    const csv = withdrawalCsv([row(1, '=HYPERLINK("x")')], text('ko'));
    expect(csv.startsWith('\uFEFF순번,접수번호,성명')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('2026-03-11');
    expect(csv).toContain('2026-03-20');
  });
});

describe('the deficiency reasons editor', () => {
  it('reads "code | 한국어 | English" lines', () => {
    expect(parseReasonLines('missing_evidence | 증거 누락 | Missing evidence\n\n  other|기타|Other  ')).toEqual([
      { code: 'missing_evidence', labelKo: '증거 누락', labelEn: 'Missing evidence' },
      { code: 'other', labelKo: '기타', labelEn: 'Other' },
    ]);
  });

  it.each([
    ['', 'rounds.reasons.empty'],
    ['ok | 좋음 | Fine\nBad Code | 나쁨 | Bad', 'rounds.reasons.badLine|{"line":2}'],
    ['a | 가 |', 'rounds.reasons.badLine|{"line":1}'],
    ['a | 가 | A\na | 나 | B', 'rounds.reasons.duplicateCode'],
  ])('refuses %j with its own message', (input, key) => {
    expect(() => parseReasonLines(input)).toThrowError(expect.objectContaining({ fieldErrors: { reasons: key } }) as unknown as Error);
  });
});
