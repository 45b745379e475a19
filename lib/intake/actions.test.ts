import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, type Case, type Claimant, consents, damageItems, mailOutbox, statements } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { decryptField } from '@/lib/crypto/field-encryption';
import { loadClaimConsentTexts } from '@/lib/consents/queries';
import { renderDraftStatement } from '@/lib/statements/sign';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs, redirectTarget, requestContext } from '@/tests/helpers/next-context';
import {
  saveConnectionAction,
  saveDamagesAction,
  saveIdentityAction,
  saveOutageAction,
  saveStatementAction,
  saveTypeAction,
  signConsentsAction,
  signStatementAction,
  submitClaimAction,
} from './actions';
import { IDENTITY_INPUT, createClaimantUser, reloadClaimant } from './test-support';
import { inspectUpload } from '@/lib/evidence/inspect';
import { evidenceLimits, storeEvidence } from '@/lib/evidence/store';
import { makePdf } from '@/lib/evidence/test-fixtures';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);

let db: Database;
let caseRow: Case;
let claimant: Claimant;
let userId: string;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  ({ claimant, caseRow, userId } = await createClaimantUser(db, 'wizard@example.com'));
  await actAs(db, userId);
});

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  data.set('caseSlug', 'slammer-2003');
  for (const [key, value] of Object.entries(values)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

/** Runs an action that redirects on success; returns the redirect target or the failure result. */
async function run<T>(action: (previous: unknown, data: FormData) => Promise<T>, data: FormData): Promise<{ redirectTo: string } | T> {
  try {
    return await action(null, data);
  } catch (error) {
    const target = redirectTarget(error);
    if (target) return { redirectTo: target };
    throw error;
  }
}

describe('the wizard, step by step through its actions', () => {
  it('type: saves and moves on; an unknown type is refused', async () => {
    expect(await run(saveTypeAction, form({ type: 'pc_bang' }))).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/identity' });
    expect(await run(saveTypeAction, form({ type: 'astronaut' }))).toMatchObject({
      ok: false,
      fieldErrors: { type: '목록에서 골라 주세요.' },
    });
  });

  it('identity: refuses a resident registration number, a bad BRN checksum and missing seats, keeping what was typed', async () => {
    const typed = {
      ...IDENTITY_INPUT,
      dateOfBirth: '750302-1234567',
      businessName: '슬래머 PC방',
      businessRegistrationNumber: '124-81-00999',
      pcBangSeats: '',
    };
    const result = await run(saveIdentityAction, form(typed));
    expect(result).toMatchObject({ ok: false, values: { legalName: '김철수', businessName: '슬래머 PC방' } });
    if (!('ok' in result) || result.ok) throw new Error('expected a failure');
    expect(result.fieldErrors.dateOfBirth).toContain('주민등록번호는 받지 않습니다');
    expect(result.message).toContain('주민등록번호');

    const second = await run(saveIdentityAction, form({ ...typed, dateOfBirth: '1975-03-02' }));
    if (!('ok' in second) || second.ok) throw new Error('expected a failure');
    expect(second.fieldErrors.businessRegistrationNumber).toBe(
      '사업자등록번호가 올바르지 않습니다. 사업자등록증의 번호를 다시 확인해 주세요.',
    );
    expect(second.fieldErrors.pcBangSeats).toBe('필수 항목입니다.');

    const third = await run(
      saveIdentityAction,
      form({ ...typed, dateOfBirth: '2005-01-01', businessRegistrationNumber: '12345', pcBangSeats: '40' }),
    );
    if (!('ok' in third) || third.ok) throw new Error('expected a failure');
    expect(third.fieldErrors.dateOfBirth).toBe('생년월일은 2003-01-25 이전이어야 합니다.');
    expect(third.fieldErrors.businessRegistrationNumber).toContain('10자리');
  });

  it('identity: stores phone, address and date of birth encrypted, with blind indexes and 초성', async () => {
    const result = await run(
      saveIdentityAction,
      form({ ...IDENTITY_INPUT, businessName: '슬래머 PC방', businessRegistrationNumber: '124-81-00998', pcBangSeats: '40' }),
    );
    expect(result).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/connection' });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.phoneEncrypted).not.toContain('2345');
    expect(decryptField(row.phoneEncrypted)).toBe('01023456789');
    expect(decryptField(row.dateOfBirthEncrypted)).toBe('1975-03-02');
    expect(decryptField(row.addressEncrypted)).toBe(IDENTITY_INPUT.address);
    expect(row.nameInitials).toBe('ㄱㅊㅅ');
    expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.businessRegistrationNumber).toBe('1248100998');
    expect(row.pcBangSeats).toBe(40);
    expect(row.completedSteps).toEqual(expect.arrayContaining(['type', 'identity']));
  });

  it('connection: needs the other ISP’s name and a service address unless it is the home address', async () => {
    const failed = await run(saveConnectionAction, form({ isp: 'other', lineType: 'adsl', monthlyFeeKrw: '3만원' }));
    if (!('ok' in failed) || failed.ok) throw new Error('expected a failure');
    expect(Object.keys(failed.fieldErrors).sort()).toEqual(['ispOther', 'monthlyFeeKrw', 'serviceAddress']);
    expect(
      await run(
        saveConnectionAction,
        form({ isp: 'hanaro', lineType: 'vdsl', serviceAddress: '서울 강남구 역삼동 1 PC방', monthlyFeeKrw: '₩ 88,000' }),
      ),
    ).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/outage' });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.monthlyFeeKrw).toBe(88_000);
    expect(decryptField(row.serviceAddressEncrypted)).toBe('서울 강남구 역삼동 1 PC방');
  });

  it('outage: times are KST, must be in order and near the incident', async () => {
    const reversed = await run(
      saveOutageAction,
      form({ outageStartedAt: '2003-01-26T10:00', outageEndedAt: '2003-01-25T10:00', impacts: ['no_internet'] }),
    );
    if (!('ok' in reversed) || reversed.ok) throw new Error('expected a failure');
    expect(reversed.fieldErrors.outageEndedAt).toBe('다시 된 때가 끊긴 때보다 빠릅니다.');
    const farAway = await run(saveOutageAction, form({ outageStartedAt: '2004-01-25T14:30', outageEndedAt: '2004-01-26T14:30' }));
    if (!('ok' in farAway) || farAway.ok) throw new Error('expected a failure');
    expect(Object.keys(farAway.fieldErrors).sort()).toEqual(['impacts', 'outageEndedAt', 'outageStartedAt']);
    expect(farAway.values.outageStartedAt).toBe('2004-01-25T14:30');
    expect(
      await run(
        saveOutageAction,
        form({ outageStartedAt: '2003-01-25T14:30', outageEndedAt: '2003-01-27T09:00', impacts: ['business_closed', 'games_down'] }),
      ),
    ).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/damages',
    });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.outageStartedAt?.toISOString()).toBe('2003-01-25T05:30:00.000Z');
    expect(row.outageImpacts).toEqual(['business_closed', 'games_down']);
  });

  it('damages: recomputes helper amounts on the server and keeps the claimant total in sync', async () => {
    const items = [
      {
        category: 'lost_revenue',
        description: '좌석 손실',
        amountKrw: '1',
        calculation: { helper: 'seats', seats: 40, hourlyRateKrw: '1,000', hours: 42.5 },
      },
      { category: 'recovery_cost', description: '복구', amountKrw: '50,000' },
    ];
    expect(await run(saveDamagesAction, form({ items: JSON.stringify(items) }))).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/statement',
    });
    const rows = await db.select().from(damageItems).where(eq(damageItems.claimantId, claimant.id));
    expect(rows.map((row) => row.amountKrw).sort((a, b) => a - b)).toEqual([50_000, 1_700_000]);
    expect((await reloadClaimant(db, claimant.id)).claimedTotalKrw).toBe(1_750_000);
    const bad = await run(saveDamagesAction, form({ items: JSON.stringify([{ category: 'other', amountKrw: 'lots' }]) }));
    if (!('ok' in bad) || bad.ok) throw new Error('expected a failure');
    expect(bad.fieldErrors['items.0.amountKrw']).toBe('금액을 원 단위 숫자로 입력해 주세요.');
    expect((await reloadClaimant(db, claimant.id)).claimedTotalKrw).toBe(1_750_000);
  });

  it('statement: branches — a patch applied before its bulletin is refused; a warning needs by whom, when and how', async () => {
    const early = await run(
      saveStatementAction,
      form({
        ranSqlServer: 'yes',
        products: ['msde_2000'],
        ms02_039_status: 'applied',
        ms02_039_appliedOn: '2002-07-01',
        ms02_056_status: 'not_applied',
        ms02_061_status: 'unsure',
        administeredBy: 'self',
        warned: 'yes',
      }),
    );
    if (!('ok' in early) || early.ok) throw new Error('expected a failure');
    expect(early.fieldErrors.ms02_039_appliedOn).toContain('MS02-039은(는) 2002-07-24에 공개되었습니다');
    expect(early.fieldErrors.warnedBy).toBe('1개 이상 골라 주세요.');
    expect(early.values.products).toBe('msde_2000');
    const saved = await run(
      saveStatementAction,
      form({
        ranSqlServer: 'yes',
        products: ['msde_2000'],
        ms02_039_status: 'applied',
        ms02_039_appliedOn: '2002-09-02',
        ms02_056_status: 'not_applied',
        ms02_061_status: 'unsure',
        administeredBy: 'employee',
        warned: 'yes',
        warnedBy: ['isp'],
        warnedOn: '2003-01-20',
        warnedHow: ['email', 'isp_notice'],
        freeText: '패치는 직원이 했습니다.',
      }),
    );
    expect(saved).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/sign' });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.statementDraft).toMatchObject({
      ranSqlServer: 'yes',
      patches: { ms02_039: { status: 'applied', appliedOn: '2002-09-02' } },
      warnedHow: ['email', 'isp_notice'],
    });
  });

  it('sign: needs the exact legal name and the text shown; signing twice keeps one version; a change makes version 2 superseding 1', async () => {
    let row = await reloadClaimant(db, claimant.id);
    const shown = renderDraftStatement(row, caseRow, 'ko')!;
    expect(shown.text).toContain('MS02-039(2002년 7월 24일 공개): 2002년 9월 2일에 적용하였습니다.');
    expect(shown.text).toContain('다음 인터넷 회선을 이용하였습니다: 하나로통신, VDSL.');
    expect(shown.text).toContain('경고한 곳: 통신사. 받은 방법: 이메일 및 통신사 안내문.');
    const wrongName = await run(signStatementAction, form({ signerName: '김영희', confirm: 'on', shownSha256: shown.sha256 }));
    expect(wrongName).toMatchObject({ ok: false, fieldErrors: { signerName: expect.stringContaining('법적 성명') } });
    const stale = await run(signStatementAction, form({ signerName: '김철수', confirm: 'on', shownSha256: 'f'.repeat(64) }));
    expect(stale).toMatchObject({ ok: false, message: expect.stringContaining('다시 읽고') });
    const unconfirmed = await run(signStatementAction, form({ signerName: '김철수', shownSha256: shown.sha256 }));
    expect(unconfirmed).toMatchObject({ ok: false, fieldErrors: { confirm: expect.any(String) } });

    requestContext.userAgent = 'Mozilla/5.0 (iPhone) signer';
    expect(await run(signStatementAction, form({ signerName: ' 김 철수 ', confirm: 'on', shownSha256: shown.sha256 }))).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/evidence',
    });
    expect(await run(signStatementAction, form({ signerName: '김철수', confirm: 'on', shownSha256: shown.sha256 }))).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/evidence',
    });
    const [first] = await db.select().from(statements).where(eq(statements.claimantId, claimant.id));
    expect(first).toMatchObject({
      version: 1,
      textSha256: shown.sha256,
      renderedText: shown.text,
      signerIp: '203.0.113.7',
      signerUserAgent: 'Mozilla/5.0 (iPhone) signer',
      language: 'ko',
    });
    expect(await db.$count(statements, eq(statements.claimantId, claimant.id))).toBe(1);

    await run(saveStatementAction, form({ ranSqlServer: 'no', warned: 'no' }));
    row = await reloadClaimant(db, claimant.id);
    const amended = renderDraftStatement(row, caseRow, 'ko')!;
    await run(signStatementAction, form({ signerName: '김철수', confirm: 'on', shownSha256: amended.sha256 }));
    const versions = await db.select().from(statements).where(eq(statements.claimantId, claimant.id));
    expect(versions.map((version) => version.version).sort()).toEqual([1, 2]);
    expect(versions.find((version) => version.version === 2)?.supersedesId).toBe(first.id);
    await expect(db.update(statements).set({ signerName: 'tampered' }).where(eq(statements.id, first.id))).rejects.toThrow();
    expect(await db.$count(auditLog, eq(auditLog.action, 'statement.signed'))).toBe(2);
  });

  it('consent: signs the texts shown, refuses a stale document id', async () => {
    const texts = await loadClaimConsentTexts(db, caseRow.id, 'ko');
    const ids = Object.fromEntries(texts.map((text) => [`document_${text.kind}`, text.document.id]));
    expect(
      await run(
        signConsentsAction,
        form({
          signerName: '김철수',
          confirm: 'on',
          document_retainer: '00000000-0000-0000-0000-000000000000',
          document_representative_appointment: ids.document_representative_appointment,
        }),
      ),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('새 판'),
    });
    expect(await run(signConsentsAction, form({ signerName: '김철수', confirm: 'on', ...ids }))).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/review',
    });
    const rows = await db.select().from(consents).where(eq(consents.claimantId, claimant.id));
    expect(rows.map((row) => row.kind).sort()).toEqual(['representative_appointment', 'retainer']);
    expect(rows.every((row) => row.textSha256 === texts.find((text) => text.kind === row.kind)!.document.bodySha256)).toBe(true);
    expect((await reloadClaimant(db, claimant.id)).hasSignedConsent).toBe(true);
  });

  it('submit: names what is missing, then submits with a reference, a mail, an audit row — once', async () => {
    const incomplete = await run(submitClaimAction, form({}));
    expect(incomplete).toMatchObject({ ok: false, message: expect.stringContaining('빠진 것') });
    const file = await inspectUpload(await makePdf(['bill']));
    await storeEvidence(db, {
      claimant,
      file,
      meta: { kind: 'isp_bill', label: 'bill', note: '', filename: 'bill.pdf' },
      limits: evidenceLimits(),
      actor: { userId, ip: '1.2.3.4' },
    });
    const done = await run(submitClaimAction, form({}));
    expect(done).toEqual({ redirectTo: '/my/cases/slammer-2003?submitted=1' });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.status).toBe('submitted');
    expect(row.referenceNumber).toMatch(/^SLM-\d{6}$/);
    expect(await db.$count(mailOutbox, eq(mailOutbox.template, 'claimSubmitted'))).toBe(1);
    expect(await db.$count(auditLog, eq(auditLog.action, 'claim.submitted'))).toBe(1);
    expect(await run(submitClaimAction, form({}))).toMatchObject({ ok: false, message: '이미 제출한 신청서입니다.' });
    expect(await run(saveTypeAction, form({ type: 'other' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('제출한 신청서는 바꿀 수 없습니다'),
    });
  });

  it('refuses everything to someone signed out, and a claim in a case the user has none in', async () => {
    await actAs(db, null);
    expect(await run(saveTypeAction, form({ type: 'other' }))).toMatchObject({ ok: false, message: '로그인이 필요합니다.' });
    await actAs(db, userId);
    const other = form({ type: 'other' });
    other.set('caseSlug', 'another-case');
    expect(await run(saveTypeAction, other)).toMatchObject({ ok: false, message: '찾을 수 없습니다.' });
  });
});
