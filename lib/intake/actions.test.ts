import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, type Case, type Claimant, claimantDimensions, consents, damageItems, mailOutbox, statements } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { decryptField } from '@/lib/crypto/field-encryption';
import { loadClaimConsentTexts } from '@/lib/consents/queries';
import { openAnswers } from '@/lib/claims/store';
import { renderClaimStatement } from '@/lib/statements/sign';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs, redirectTarget, requestContext } from '@/tests/helpers/next-context';
import {
  saveAnswersAction,
  saveDamagesAction,
  saveIdentityAction,
  saveTypeAction,
  signConsentsAction,
  signStatementAction,
  submitClaimAction,
} from './actions';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { listDamageItems } from '@/lib/claimants/damages';
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

function form(values: Record<string, string | string[]>, caseSlug = 'slammer-2003'): FormData {
  const data = new FormData();
  data.set('caseSlug', caseSlug);
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

describe('the wizard, step by step through its actions (slammer-2003)', () => {
  it('type: saves the category and moves on; a category the definition does not have is refused', async () => {
    expect(await run(saveTypeAction, form({ type: 'pc_bang' }))).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/identity' });
    expect(await run(saveTypeAction, form({ type: 'astronaut' }))).toMatchObject({
      ok: false,
      fieldErrors: { type: '목록에서 골라 주세요.' },
    });
  });

  it('identity: refuses a resident registration number and a bad BRN checksum, keeping what was typed', async () => {
    const typed = {
      ...IDENTITY_INPUT,
      dateOfBirth: '750302-1234567',
      businessName: '슬래머 PC방',
      businessRegistrationNumber: '124-81-00999',
    };
    const result = await run(saveIdentityAction, form(typed));
    expect(result).toMatchObject({ ok: false, values: { legalName: '김철수', businessName: '슬래머 PC방' } });
    if (!('ok' in result) || result.ok) throw new Error('expected a failure');
    expect(result.fieldErrors.dateOfBirth).toContain('주민등록번호는 받지 않습니다');
    const second = await run(saveIdentityAction, form({ ...typed, dateOfBirth: '1975-03-02', region: 'atlantis' }));
    if (!('ok' in second) || second.ok) throw new Error('expected a failure');
    expect(second.fieldErrors.businessRegistrationNumber).toBe(
      '사업자등록번호가 올바르지 않습니다. 사업자등록증의 번호를 다시 확인해 주세요.',
    );
    expect(second.fieldErrors.region).toBe('목록에서 골라 주세요.');
  });

  it('identity: stores phone, address and date of birth encrypted, with blind indexes and 초성', async () => {
    const result = await run(
      saveIdentityAction,
      form({ ...IDENTITY_INPUT, businessName: '슬래머 PC방', businessRegistrationNumber: '124-81-00998' }),
    );
    expect(result).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/connection' });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.phoneEncrypted).not.toContain('2345');
    expect(decryptField(row.phoneEncrypted)).toBe('01023456789');
    expect(decryptField(row.dateOfBirthEncrypted)).toBe('1975-03-02');
    expect(row.nameInitials).toBe('ㄱㅊㅅ');
    expect(row.businessRegistrationNumber).toBe('1248100998');
  });

  it('a definition step: translated errors at the field and nothing typed lost; then the answers saved under the version', async () => {
    const failed = await run(
      saveAnswersAction,
      form({ stepId: 'connection', isp: 'other', line_type: 'adsl', same_as_home: 'no', monthly_fee: '삼만 원쯤', pc_bang_seats: '40' }),
    );
    if (!('ok' in failed) || failed.ok) throw new Error('expected a failure');
    expect(Object.keys(failed.fieldErrors).sort()).toEqual(['isp.other', 'monthly_fee', 'service_address']);
    expect(failed.values).toMatchObject({ isp: 'other', monthly_fee: '삼만 원쯤', pc_bang_seats: '40' });
    expect(
      await run(
        saveAnswersAction,
        form({
          stepId: 'connection',
          isp: 'hanaro',
          line_type: 'vdsl',
          same_as_home: 'no',
          service_address: '서울 강남구 역삼동 1 PC방',
          monthly_fee: '₩ 88,000',
          pc_bang_seats: '40',
        }),
      ),
    ).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/outage' });
    const row = await reloadClaimant(db, claimant.id);
    expect(row.definitionVersion).toBe(1);
    expect(openAnswers(row.answers)).toMatchObject({ isp: 'hanaro', monthly_fee: 88_000, service_address: '서울 강남구 역삼동 1 PC방' });
    // Free text is sealed at rest.
    expect(JSON.stringify(row.answers)).not.toContain('역삼동');
    const [dimension] = await db.select().from(claimantDimensions).where(eq(claimantDimensions.claimantId, claimant.id));
    expect(dimension).toBeTruthy();
  });

  it('a date-time outside the window bound to the incident is refused in the claimant’s language', async () => {
    const farAway = await run(
      saveAnswersAction,
      form({ stepId: 'outage', outage_started_at: '2004-01-25T14:30', outage_ended_at: '2004-01-26T14:30' }),
    );
    if (!('ok' in farAway) || farAway.ok) throw new Error('expected a failure');
    expect(Object.keys(farAway.fieldErrors).sort()).toEqual(['impacts', 'outage_ended_at', 'outage_started_at']);
    expect(farAway.values.outage_started_at).toBe('2004-01-25T14:30');
    requestContext.locale = 'en';
    const english = await run(saveAnswersAction, form({ stepId: 'outage', outage_started_at: '2004-01-25T14:30', outage_ended_at: '' }));
    if (!('ok' in english) || english.ok) throw new Error('expected a failure');
    expect(english.fieldErrors.outage_started_at).toMatch(/[A-Za-z]/);
    expect(english.fieldErrors.outage_started_at).not.toMatch(/[가-힣]/);
    requestContext.locale = 'ko';
    expect(
      await run(
        saveAnswersAction,
        form({
          stepId: 'outage',
          outage_started_at: '2003-01-25T14:30',
          outage_ended_at: '2003-01-27T09:00',
          impacts: ['business_closed'],
        }),
      ),
    ).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/statement' });
    expect(
      await run(saveAnswersAction, form({ stepId: 'statement', ran_sql_server: 'no', warned: 'no', free_text: '영업을 못 했습니다.' })),
    ).toEqual({ redirectTo: '/my/cases/slammer-2003/intake/damages' });
  });

  it('a step id the definition does not have is not found', async () => {
    expect(await run(saveAnswersAction, form({ stepId: 'identity' }))).toMatchObject({ ok: false, message: '찾을 수 없습니다.' });
  });

  it('damages: recomputes helper amounts on the server and keeps the claimant total in sync', async () => {
    const items = [
      {
        category: 'lost_revenue',
        description: '좌석 손실',
        amount: '1',
        calculation: { helper: 'seats', inputs: { seats: 40, hourly_rate: '1,000', hours: 42.5 } },
      },
      { category: 'recovery_cost', description: '복구', amount: '50,000' },
    ];
    expect(await run(saveDamagesAction, form({ items: JSON.stringify(items) }))).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/sign',
    });
    const rows = await db.select().from(damageItems).where(eq(damageItems.claimantId, claimant.id));
    expect(rows.map((row) => row.amountKrw).sort((a, b) => a - b)).toEqual([50_000, 1_700_000]);
    expect((await reloadClaimant(db, claimant.id)).claimedTotalKrw).toBe(1_750_000);
    const bad = await run(saveDamagesAction, form({ items: JSON.stringify([{ category: 'other', amount: 'lots' }]) }));
    if (!('ok' in bad) || bad.ok) throw new Error('expected a failure');
    expect(bad.fieldErrors['items.0.amount']).toBeTruthy();
    expect((await reloadClaimant(db, claimant.id)).claimedTotalKrw).toBe(1_750_000);
  });

  it('sign: needs the exact legal name and the text shown; signing twice keeps one version; a change makes version 2', async () => {
    const shownFor = async () => {
      const row = await reloadClaimant(db, claimant.id);
      const context = await loadClaimContext(db, row, caseRow);
      return renderClaimStatement({
        claimant: row,
        caseRow,
        definition: context.definition,
        damages: await listDamageItems(db, row),
        locale: 'ko',
      })!;
    };
    const shown = await shownFor();
    expect(shown.text).toContain('진술인: 김철수 (PC방 업주)');
    expect(shown.text).toContain('하나로통신');
    const wrongName = await run(signStatementAction, form({ signerName: '김영희', confirm: 'on', shownSha256: shown.sha256 }));
    expect(wrongName).toMatchObject({ ok: false, fieldErrors: { signerName: expect.stringContaining('법적 성명') } });
    const stale = await run(signStatementAction, form({ signerName: '김철수', confirm: 'on', shownSha256: 'f'.repeat(64) }));
    expect(stale).toMatchObject({ ok: false, message: expect.stringContaining('다시 읽고') });
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
      definitionVersion: 1,
      textSha256: shown.sha256,
      renderedText: shown.text,
      language: 'ko',
      kind: 'claim',
    });
    expect(first.answers).toMatchObject({ category: 'pc_bang', isp: 'hanaro' });

    await run(saveAnswersAction, form({ stepId: 'statement', ran_sql_server: 'no', warned: 'unsure' }));
    const amended = await shownFor();
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
    ).toMatchObject({ ok: false, message: expect.stringContaining('새 판') });
    expect(await run(signConsentsAction, form({ signerName: '김철수', confirm: 'on', ...ids }))).toEqual({
      redirectTo: '/my/cases/slammer-2003/intake/review',
    });
    const rows = await db.select().from(consents).where(eq(consents.claimantId, claimant.id));
    expect(rows.map((row) => row.kind).sort()).toEqual(['representative_appointment', 'retainer']);
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
