import { describe, expect, it } from 'vitest';
import { renderAppointment } from './appointment';
import { renderPartyList } from './party-list/render-party-list';
import { renderPowerOfAttorney } from './power-of-attorney';
import { hasPoppler, pdfText } from './__fixtures__/poppler';
import { SAMPLE_CASE, SAMPLE_CASE_US } from './__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from './__fixtures__/synthetic-claimants';
import type { ClaimantSnapshot } from './types';

const flat = (text: string) => text.replace(/\s+/g, ' ');
// Narrow table cells wrap Korean between any two syllables.
const tight = (text: string) => text.replace(/\s+/g, '');
const ko = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;
const us = { format: 'us', language: 'en', now: DEMO_NOW } as const;

// Issue 18, item 6: a minor joins through the guardian who holds the account and signs, and the
// party list, 선정서 and 위임장 say so: "미성년자 X의 법정대리인 친권자 부 Y, 모 Z".
const [lead, ...rest] = demoClaimants(4);
const minor: ClaimantSnapshot = {
  ...rest[0],
  legalName: '김민지',
  legalNameLatin: 'Min-ji Kim',
  dateOfBirth: '2014-09-01',
  guardian: { relation: 'parents', names: ['김아버지', '이어머니'] },
};
const byMother: ClaimantSnapshot = { ...rest[1], dateOfBirth: '2012-03-04', guardian: { relation: 'mother', names: ['박엄마'] } };
const claimants = [lead, minor, byMother, rest[2]];
const IN_CELL_PARENTS = tight('김민지 (미성년자이므로 법정대리인 친권자 부 김아버지, 모 이어머니)');
const IN_CELL_MOTHER = tight(`${byMother.legalName} (미성년자이므로 법정대리인 친권자 모 박엄마)`);

describe('a minor on the court papers', () => {
  it.skipIf(!hasPoppler)('is named with the legal representative on the party list, in Korean and in the US schedule', async () => {
    const korean = tight(pdfText(await renderPartyList({ case: SAMPLE_CASE, claimants }, ko)));
    expect(korean).toContain(IN_CELL_PARENTS);
    expect(korean).toContain(IN_CELL_MOTHER);
    expect(korean.match(/법정대리인/g)).toHaveLength(2);
    const english = flat(pdfText(await renderPartyList({ case: SAMPLE_CASE_US, claimants }, us)));
    expect(english).toContain('M. K., a minor, by 김아버지 and 이어머니, parents and legal representatives');
    expect(english.match(/M\. K\./g)).toHaveLength(1);
    expect(english).not.toContain('Min-ji Kim');
  });

  it.skipIf(!hasPoppler)('is listed among the 선정자 with the legal representative on the 선정서', async () => {
    const text = tight(pdfText(await renderAppointment({ case: SAMPLE_CASE, representatives: [lead], appointers: claimants }, ko)));
    expect(text).toContain(IN_CELL_PARENTS);
    expect(text).toContain(IN_CELL_MOTHER);
  });

  it.skipIf(!hasPoppler)('grants the power of attorney through the legal representative, alone and in the combined list', async () => {
    const alone = flat(pdfText(await renderPowerOfAttorney({ case: SAMPLE_CASE, claimants: [minor], mode: 'per_claimant' }, ko)));
    // The grant and the signature line both name the minor through the representative.
    expect(alone.match(/원고 미성년자 김민지의 법정대리인 친권자 부 김아버지, 모 이어머니/g)).toHaveLength(2);
    const combined = tight(pdfText(await renderPowerOfAttorney({ case: SAMPLE_CASE, claimants, mode: 'combined' }, ko)));
    expect(combined).toContain(IN_CELL_PARENTS);
    expect(combined).not.toContain(tight(`${lead.legalName} (미성년자`));
  });
});
