import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import {
  auditLog,
  blobs,
  type Case,
  claimantMessages,
  claimants,
  courtFilings,
  evidence,
  filingClaimants,
  filings,
  reviews,
  statements,
  supporters,
  users,
} from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { submitClaim } from '@/lib/intake/submit';
import { TEST_PASSWORD, createClaimantUser, fillCompleteClaim, reloadClaimant } from '@/lib/intake/test-support';
import { readMetricTotals } from '@/lib/metrics/counters';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs, redirectTarget } from '@/tests/helpers/next-context';
import { readZip } from '@/tests/helpers/zip';
import { GET as exportRoute } from '@/app/api/my/export/route';
import { eraseAccountAction } from '@/lib/erasure/actions';
import { answerInfoRequestAction, joinCaseAction, withdrawClaimAction } from './actions';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);
const revalidated: string[] = [];
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

let db: Database;
let caseRow: Case;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

async function submittedClaimant(email: string) {
  const person = await createClaimantUser(db, email);
  caseRow = person.caseRow;
  const claimant = await fillCompleteClaim(db, person);
  await submitClaim(db, {
    claimant,
    caseRow,
    user: { id: person.userId, email, name: 'x' },
    locale: 'ko',
    ip: '1.1.1.1',
    appUrl: 'http://x',
  });
  return { ...person, claimant: await reloadClaimant(db, claimant.id) };
}

describe('answering a request for information', () => {
  it('puts the answer in the thread and the claim back to submitted; refuses when nothing was asked', async () => {
    const { userId, claimant } = await submittedClaimant('asked@example.com');
    await actAs(db, userId);
    expect(await answerInfoRequestAction(null, form({ caseSlug: 'slammer-2003', message: '여기 있습니다' }))).toMatchObject({
      ok: false,
      message: '지금은 보완 요청이 없는 신청서입니다.',
    });
    await db.update(claimants).set({ status: 'needs_info', needsInfoAt: new Date() }).where(eq(claimants.id, claimant.id));
    await db
      .insert(claimantMessages)
      .values({ claimantId: claimant.id, caseId: claimant.caseId, direction: 'to_claimant', body: '1월 요금 청구서를 올려 주세요.' });
    expect(await answerInfoRequestAction(null, form({ caseSlug: 'slammer-2003', message: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { message: '필수 항목입니다.' },
    });
    // Done: the claim page is refreshed and opened again, saying so (no stale request left on it).
    const target = await answerInfoRequestAction(null, form({ caseSlug: 'slammer-2003', message: '청구서를 올렸습니다.' })).catch(
      redirectTarget,
    );
    expect(target).toBe('/my/cases/slammer-2003?done=answered');
    expect(revalidated).toContain('/my/cases/slammer-2003');
    expect((await reloadClaimant(db, claimant.id)).status).toBe('submitted');
    const thread = await db.select().from(claimantMessages).where(eq(claimantMessages.claimantId, claimant.id));
    expect(thread.map((message) => message.direction)).toEqual(['to_claimant', 'from_claimant']);
    expect(await db.$count(auditLog, eq(auditLog.action, 'claim.answered'))).toBe(1);
  });
});

describe('withdrawing', () => {
  it('needs a reason and a confirmation; the counts drop at once and nothing is deleted', async () => {
    const { userId, claimant } = await submittedClaimant('leaving@example.com');
    await actAs(db, userId);
    const before = await readMetricTotals(db, claimant.caseId, ['claimants.submitted', 'claimants.withdrawn'] as const);
    expect(await withdrawClaimAction(null, form({ caseSlug: 'slammer-2003', reason: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { reason: expect.any(String), confirm: expect.any(String) },
    });
    expect(
      await withdrawClaimAction(null, form({ caseSlug: 'slammer-2003', reason: '개인 사정', confirm: 'on' })).catch(redirectTarget),
    ).toBe('/my/cases/slammer-2003?done=withdrawn');
    const after = await readMetricTotals(db, claimant.caseId, ['claimants.submitted', 'claimants.withdrawn'] as const);
    expect(after['claimants.submitted']).toBe(before['claimants.submitted'] - 1);
    expect(after['claimants.withdrawn']).toBe(before['claimants.withdrawn'] + 1);
    const row = await reloadClaimant(db, claimant.id);
    expect(row).toMatchObject({ status: 'withdrawn', withdrawalReason: '개인 사정' });
    expect(await db.$count(statements, eq(statements.claimantId, claimant.id))).toBe(1);
    expect(await db.$count(evidence, eq(evidence.claimantId, claimant.id))).toBe(1);
    expect(await db.$count(reviews, eq(reviews.claimantId, claimant.id))).toBe(2);
    expect(await withdrawClaimAction(null, form({ caseSlug: 'slammer-2003', reason: '다시', confirm: 'on' }))).toMatchObject({ ok: false });
  });

  it('withdraws a draft that was never submitted (it has no reference number, and needs none)', async () => {
    const { userId, claimant } = await createClaimantUser(db, 'draft-leaver@example.com');
    await actAs(db, userId);
    const before = await readMetricTotals(db, claimant.caseId, ['claimants.registered', 'claimants.withdrawn'] as const);
    expect(
      await withdrawClaimAction(null, form({ caseSlug: 'slammer-2003', reason: '마음이 바뀌었습니다', confirm: 'on' })).catch(
        redirectTarget,
      ),
    ).toBe('/my/cases/slammer-2003?done=withdrawn');
    expect(await reloadClaimant(db, claimant.id)).toMatchObject({ status: 'withdrawn', referenceNumber: null, submittedAt: null });
    const after = await readMetricTotals(db, claimant.caseId, ['claimants.registered', 'claimants.withdrawn'] as const);
    expect(after['claimants.withdrawn']).toBe(before['claimants.withdrawn'] + 1);
  });
});

describe('download my data', () => {
  it('streams a zip with the decrypted claim, the signed statement and the files, and audits it', async () => {
    const { userId, claimant } = await submittedClaimant('exporter@example.com');
    await db.insert(supporters).values({ caseId: claimant.caseId, name: 'exporter', email: 'exporter@example.com', consentVersion: 1 });
    await actAs(db, userId);
    const response = await exportRoute(new Request('http://localhost:3000/api/my/export'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="joinder-my-data-/);
    const zip = readZip(Buffer.from(await response.arrayBuffer()));
    expect([...zip.keys()]).toEqual([
      'README.txt',
      'account.json',
      'signatures.json',
      'claims/slammer-2003/claim.json',
      'claims/slammer-2003/files/01-bill.pdf',
    ]);
    const claim = JSON.parse(zip.get('claims/slammer-2003/claim.json')!.toString('utf8'));
    expect(claim.claim).toMatchObject({ phone: '01023456789', dateOfBirth: '1975-03-02', legalName: '김철수' });
    expect(claim.claim.phoneEncrypted).toBeUndefined();
    expect(claim.statements[0].renderedText).toContain('진술서');
    expect(claim.consents).toHaveLength(2);
    expect(zip.get('claims/slammer-2003/files/01-bill.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(zip.get('account.json')!.toString()).passwordHash).toBeUndefined();
    expect(JSON.parse(zip.get('signatures.json')!.toString())).toHaveLength(1);
    expect(await db.$count(auditLog, eq(auditLog.action, 'export.own_data'))).toBe(1);
  });
});

describe('deleting my account', () => {
  it('asks for the password, then erases the account, claims, files and signatures', async () => {
    const { userId, claimant } = await submittedClaimant('forget-me@example.com');
    await db.insert(supporters).values({ caseId: claimant.caseId, name: 'f', email: 'forget-me@example.com', consentVersion: 1 });
    const [file] = await db.select().from(evidence).where(eq(evidence.claimantId, claimant.id));
    await actAs(db, userId);
    expect(await eraseAccountAction(null, form({ password: 'wrong password!', confirm: 'on' }))).toMatchObject({
      ok: false,
      fieldErrors: { password: '비밀번호가 맞지 않습니다.' },
    });
    expect(await eraseAccountAction(null, form({ password: TEST_PASSWORD, confirm: 'on' }))).toMatchObject({
      ok: true,
      data: { outcome: 'erased', claims: 1, files: 1, signatures: 1 },
    });
    expect(await db.$count(users, eq(users.id, userId))).toBe(0);
    expect(await db.$count(claimants, eq(claimants.id, claimant.id))).toBe(0);
    expect(await db.$count(statements, eq(statements.claimantId, claimant.id))).toBe(0);
    expect(await db.$count(blobs, eq(blobs.sha256, file.sha256))).toBe(0);
    expect(await db.$count(supporters, eq(supporters.email, 'forget-me@example.com'))).toBe(0);
    expect(await db.$count(auditLog, eq(auditLog.action, 'account.erased'))).toBe(2);
  });

  it('restricts instead of deleting once a claim is on a recorded court filing, and says so', async () => {
    const { userId, claimant } = await submittedClaimant('on-filing@example.com');
    const [filing] = await db.insert(filings).values({ caseId: claimant.caseId, version: 1, options: {} }).returning();
    await db.insert(filingClaimants).values({ filingId: filing.id, claimantId: claimant.id, position: 1, snapshot: {} });
    // What record-court-filing.ts writes (lib/filings/court-filing.test.ts goes through it).
    await db.insert(courtFilings).values({
      filingId: filing.id,
      caseId: claimant.caseId,
      filedOn: '2026-03-02',
      court: '서울중앙지방법원',
      courtCaseNumber: '2026가합1',
    });
    await db.update(claimants).set({ isOnFiling: true }).where(eq(claimants.id, claimant.id));
    await actAs(db, userId);
    expect(await eraseAccountAction(null, form({ password: TEST_PASSWORD, confirm: 'on' }))).toMatchObject({
      ok: true,
      data: { outcome: 'restricted', claims: 1 },
    });
    expect((await reloadClaimant(db, claimant.id)).restrictedAt).toBeInstanceOf(Date);
    expect(await db.$count(users, eq(users.id, userId))).toBe(1);
    expect(await db.$count(auditLog, eq(auditLog.action, 'account.restricted'))).toBe(1);
  });

  it('erases a claim that is only in a draft packet (never filed), and discards the draft', async () => {
    const { userId, claimant } = await submittedClaimant('on-draft@example.com');
    const [filing] = await db.insert(filings).values({ caseId: claimant.caseId, version: 2, options: {}, status: 'done' }).returning();
    await db.insert(filingClaimants).values({ filingId: filing.id, claimantId: claimant.id, position: 1, snapshot: {} });
    await actAs(db, userId);
    expect(await eraseAccountAction(null, form({ password: TEST_PASSWORD, confirm: 'on' }))).toMatchObject({
      ok: true,
      data: { outcome: 'erased', claims: 1 },
    });
    expect(await db.$count(claimants, eq(claimants.id, claimant.id))).toBe(0);
    expect(await db.$count(filingClaimants, eq(filingClaimants.filingId, filing.id))).toBe(0);
    const [discarded] = await db.select().from(filings).where(eq(filings.id, filing.id));
    expect(discarded).toMatchObject({ status: 'cancelled', error: 'filings.errors.discardedForErasure' });
  });
});

describe('joining a case when signed in', () => {
  it('starts a draft and goes to the first step; joining twice keeps one claim', async () => {
    const [user] = await db
      .insert(users)
      .values({ email: 'joiner@example.com', name: 'j', passwordHash: 'x', emailVerifiedAt: new Date() })
      .returning();
    await actAs(db, user.id);
    for (let attempt = 0; attempt < 2; attempt++) {
      const target = await joinCaseAction(null, form({ caseSlug: 'slammer-2003' })).catch((error: unknown) => redirectTarget(error));
      expect(target).toBe('/my/cases/slammer-2003/intake/type');
    }
    expect(await db.$count(claimants, eq(claimants.userId, user.id))).toBe(1);
    expect(await joinCaseAction(null, form({ caseSlug: 'nope' }))).toMatchObject({
      ok: false,
      message: '지금은 참여를 받지 않는 사건입니다.',
    });
  });
});
