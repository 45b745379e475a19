import { describe, expect, it } from 'vitest';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { encryptField } from '@/lib/crypto/field-encryption';
import { getTranslator } from '@/lib/i18n/translator';
import { type ClaimantExportRow, claimantExportColumns } from './claimants';

/** The claimant CSV's columns come from the case's claim definition: both demo cases, both languages, each role. */
const row = (values: Partial<ClaimantExportRow>): ClaimantExportRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  referenceNumber: 'X-000001',
  status: 'submitted',
  type: null,
  legalName: '김원고',
  accountName: '김원고',
  email: 'a@example.test',
  phoneEncrypted: null,
  region: 'seoul',
  locality: '마포구',
  answers: {},
  source: null,
  hasSignedStatement: true,
  hasSignedConsent: true,
  evidenceCount: 1,
  isOnFiling: false,
  restrictedAt: null,
  createdAt: new Date('2025-12-01T00:00:00Z'),
  submittedAt: null,
  verifiedAt: null,
  dateOfBirthEncrypted: null,
  addressEncrypted: null,
  businessName: null,
  businessRegistrationNumber: null,
  claimedTotalKrw: 0,
  ...values,
});

function table(role: 'organizer' | 'lawyer', locale: 'ko' | 'en', definition: typeof SLAMMER_2003, sample: ClaimantExportRow) {
  const columns = claimantExportColumns(role, getTranslator(locale), { definition, locale });
  return Object.fromEntries(columns.map((column) => [column.header, column.value(sample)]));
}

describe('claimant CSV columns from the claim definition', () => {
  const coupangClaim = row({
    type: 'member',
    answers: {
      account_email: { $encrypted: encryptField('me@example.test') },
      wow_member: 'yes',
      notice_received: 'yes',
      exposed_items: ['name', 'address_book'],
      heard_from: 'other',
      'heard_from.other': '맘카페',
    },
  });

  it('gives coupang-2025 a column per export dimension, labelled in the reader’s language', () => {
    const en = table('organizer', 'en', COUPANG_2025, coupangClaim);
    expect(en).toMatchObject({ 'Claimant type': 'Coupang customer', Source: '맘카페', Region: 'Seoul' });
    expect(en[COUPANG_2025.steps[0].questions.find((question) => question.id === 'wow_member')!.label.en]).toBe('yes');
    const ko = table('organizer', 'ko', COUPANG_2025, coupangClaim);
    expect(ko['알게 된 경로']).toBe('맘카페');
    // A multiple choice is one cell listing the chosen options' labels.
    expect(Object.values(ko).some((value) => typeof value === 'string' && /^이름.+배송지 주소록$/.test(value))).toBe(true);
  });

  it('keeps free text from organizers and gives it to lawyers, with a column for every other question', () => {
    const organizer = table('organizer', 'en', COUPANG_2025, coupangClaim);
    expect(Object.values(organizer)).not.toContain('me@example.test');
    const lawyer = table('lawyer', 'en', COUPANG_2025, coupangClaim);
    expect(Object.values(lawyer)).toContain('me@example.test');
    const questionCount = COUPANG_2025.steps.flatMap((step) => step.questions).length;
    expect(claimantExportColumns('lawyer', getTranslator('en'), { definition: COUPANG_2025, locale: 'en' }).length).toBeGreaterThan(
      claimantExportColumns('organizer', getTranslator('en'), { definition: COUPANG_2025, locale: 'en' }).length + questionCount / 2,
    );
  });

  it('gives slammer-2003 its provider and line type, and prints nothing for a hidden or unanswered question', () => {
    const slammer = row({
      type: 'home_subscriber',
      answers: { isp: 'other', 'isp.other': '동네케이블', line_type: 'vdsl', pc_bang_seats: 30 },
    });
    const en = table('lawyer', 'en', SLAMMER_2003, slammer);
    expect(en).toMatchObject({ 'Claimant type': 'Home subscriber', Provider: '동네케이블', 'Line type': 'VDSL' });
    // Seats are asked of a PC-bang only: a home subscriber's stray answer is not theirs to print.
    expect(en['Seats in the PC-bang']).toBeNull();
    const coupangHeaders = Object.keys(table('lawyer', 'en', COUPANG_2025, coupangClaim));
    expect(coupangHeaders).not.toContain('Provider');
  });

  it('keeps only the reference and status of a restricted claimant', () => {
    const restricted = table('lawyer', 'en', COUPANG_2025, { ...coupangClaim, restrictedAt: new Date() });
    expect(Object.values(restricted).filter((value) => value !== null && value !== '')).toHaveLength(2);
  });
});
