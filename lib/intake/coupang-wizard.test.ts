import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { type Case, type Claimant, damageItems, statements } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { openAnswers } from '@/lib/claims/store';
import { renderClaimStatement } from '@/lib/statements/sign';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs, redirectTarget, requestContext } from '@/tests/helpers/next-context';
import { saveAnswersAction, saveDamagesAction, saveIdentityAction, saveTypeAction, signStatementAction } from './actions';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { listDamageItems } from '@/lib/claimants/damages';
import { createClaimantUser, reloadClaimant } from './test-support';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);

/**
 * The Coupang breach case through the same wizard, with no code of its own: a parent joins for
 * their child, the dates are bound to the breach start, 위자료 is fixed per person, the guardian signs.
 */
let db: Database;
let caseRow: Case;
let claimant: Claimant;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  let userId: string;
  ({ claimant, caseRow, userId } = await createClaimantUser(db, 'parent@example.com', 'coupang-2025'));
  await actAs(db, userId);
  requestContext.locale = 'ko';
});

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  data.set('caseSlug', 'coupang-2025');
  for (const [key, value] of Object.entries(values)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

async function run<T>(action: (previous: unknown, data: FormData) => Promise<T>, data: FormData): Promise<{ redirectTo: string } | T> {
  try {
    return await action(null, data);
  } catch (error) {
    const target = redirectTarget(error);
    if (target) return { redirectTo: target };
    throw error;
  }
}

const CHILD = {
  legalName: '김하늘',
  dateOfBirth: '2012-05-05',
  phone: '010-3456-7890',
  address: '대구광역시 수성구 달구벌대로 1',
  locality: '수성구',
  region: 'daegu',
};

describe('coupang-2025 through the wizard', () => {
  it('a member category lets a parent join for a minor; the definition’s first step comes next', async () => {
    expect(await run(saveTypeAction, form({ type: 'member', isMinor: 'on' }))).toEqual({
      redirectTo: '/my/cases/coupang-2025/intake/identity',
    });
    expect(await reloadClaimant(db, claimant.id)).toMatchObject({ category: 'member', isMinor: true });
  });

  it('identity for a minor asks for the guardians; an adult’s birth date is refused as not a minor', async () => {
    const missing = await run(saveIdentityAction, form({ ...CHILD, guardianRelation: 'parents', guardianName: '김철수' }));
    if (!('ok' in missing) || missing.ok) throw new Error('expected a failure');
    expect(missing.fieldErrors.secondGuardianName).toBe('필수 항목입니다.');
    const adult = await run(
      saveIdentityAction,
      form({ ...CHILD, dateOfBirth: '1990-01-01', guardianRelation: 'parents', guardianName: '김철수', secondGuardianName: '이영희' }),
    );
    if (!('ok' in adult) || adult.ok) throw new Error('expected a failure');
    expect(adult.fieldErrors.dateOfBirth).toContain('19세');
    expect(
      await run(saveIdentityAction, form({ ...CHILD, guardianRelation: 'parents', guardianName: '김철수', secondGuardianName: '이영희' })),
    ).toEqual({ redirectTo: '/my/cases/coupang-2025/intake/account' });
    expect(await reloadClaimant(db, claimant.id)).toMatchObject({ guardianRelation: 'parents', guardianNames: ['김철수', '이영희'] });
  });

  it('answers the definition’s steps; a harm dated before the breach began is refused at the field', async () => {
    expect(await run(saveAnswersAction, form({ stepId: 'account', account_email: 'sky@example.com', wow_member: 'no' }))).toEqual({
      redirectTo: '/my/cases/coupang-2025/intake/notice',
    });
    expect(
      await run(saveAnswersAction, form({ stepId: 'notice', notice_received: 'yes', notice_date: '2025-11-30', notice_channels: ['sms'] })),
    ).toEqual({ redirectTo: '/my/cases/coupang-2025/intake/exposure' });
    expect(await run(saveAnswersAction, form({ stepId: 'exposure', exposed_items: ['name', 'phone', 'address_book'] }))).toEqual({
      redirectTo: '/my/cases/coupang-2025/intake/harm',
    });
    const early = await run(
      saveAnswersAction,
      form({ stepId: 'harm', harm_suffered: 'yes', harm_kinds: ['smishing'], first_harm_date: '2025-06-01', harm_description: '문자' }),
    );
    if (!('ok' in early) || early.ok) throw new Error('expected a failure');
    expect(early.fieldErrors.first_harm_date).toContain('2025');
    expect(early.values).toMatchObject({ harm_kinds: 'smishing', harm_description: '문자' });
    const saved = await run(
      saveAnswersAction,
      form({ stepId: 'harm', harm_suffered: 'yes', harm_kinds: ['smishing'], first_harm_date: '2025-12-02', police_report: 'no' }),
    );
    expect(saved).toMatchObject({ redirectTo: expect.stringMatching(/\/intake\/(damages|heard|source|harm)/) });
    const row = await reloadClaimant(db, claimant.id);
    expect(openAnswers(row.answers)).toMatchObject({ account_email: 'sky@example.com', exposed_items: ['name', 'phone', 'address_book'] });
  });

  it('damages: the fixed 위자료 per person counts without being typed; actual losses are added', async () => {
    const result = await run(
      saveDamagesAction,
      form({ items: JSON.stringify([{ category: 'actual_loss', description: '스미싱으로 결제된 금액', amount: '35,000' }]) }),
    );
    expect(result).toEqual({ redirectTo: '/my/cases/coupang-2025/intake/sign' });
    const rows = await db.select().from(damageItems).where(eq(damageItems.claimantId, claimant.id));
    expect(rows.map((row) => [row.category, row.amountKrw])).toEqual([
      ['consolation', 100_000],
      ['actual_loss', 35_000],
    ]);
    expect((await reloadClaimant(db, claimant.id)).claimedTotalKrw).toBe(135_000);
  });

  it('the guardian signs the statement made from the definition; the minor’s own name is not a signature', async () => {
    const row = await reloadClaimant(db, claimant.id);
    const context = await loadClaimContext(db, row, caseRow);
    const shown = renderClaimStatement({
      claimant: row,
      caseRow,
      definition: context.definition,
      damages: await listDamageItems(db, row),
      locale: 'ko',
    })!;
    expect(shown.text).toContain('김하늘');
    const byMinor = await run(signStatementAction, form({ signerName: '김하늘', confirm: 'on', shownSha256: shown.sha256 }));
    expect(byMinor).toMatchObject({ ok: false, fieldErrors: { signerName: expect.stringContaining('법정대리인') } });
    expect(await run(signStatementAction, form({ signerName: '이영희', confirm: 'on', shownSha256: shown.sha256 }))).toEqual({
      redirectTo: '/my/cases/coupang-2025/intake/evidence',
    });
    const [signed] = await db.select().from(statements).where(eq(statements.claimantId, claimant.id));
    expect(signed).toMatchObject({ signerName: '이영희', definitionVersion: 1, kind: 'claim', textSha256: shown.sha256 });
  });
});
