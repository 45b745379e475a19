import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, claimantMessages, claimants, mailOutbox, reviews } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { type DecisionInput, decideClaimant } from './decisions';
import { readStatusCounts } from './status-counts';
import { type ReviewWorld, createReviewWorld, insertClaimant } from './test-world';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let handle: DatabaseHandle;
let world: ReviewWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 40 });
});

async function freshClaimant(values: Parameters<typeof insertClaimant>[2] = {}) {
  return insertClaimant(handle.db, world.caseA.id, { legalName: '검토대상', ...values });
}

const decision = (claimantId: string, version: number, extra: Partial<DecisionInput> = {}): DecisionInput => ({
  caseId: world.caseA.id,
  claimantId,
  expectedVersion: version,
  decision: 'verify',
  actorId: world.lawyerA.id,
  ip: '192.0.2.1',
  appUrl: 'https://joinder.test',
  ...extra,
});

const auditFor = (subjectId: string) =>
  handle.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(desc(auditLog.id));

describe('review decisions', () => {
  it('verifies: status, version, review row, audit row and a mail to the claimant, together', async () => {
    const claimant = await freshClaimant();
    const before = await readStatusCounts(handle.db, world.caseA.id);
    const result = await decideClaimant(handle.db, decision(claimant.id, claimant.version));
    expect(result).toEqual({ claimantId: claimant.id, status: 'verified', version: claimant.version + 1 });

    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row).toMatchObject({ status: 'verified', version: 2 });
    expect(row.verifiedAt).toBeInstanceOf(Date);
    const [review] = await handle.db.select().from(reviews).where(eq(reviews.claimantId, claimant.id));
    expect(review).toMatchObject({ fromStatus: 'submitted', toStatus: 'verified', reviewerId: world.lawyerA.id });
    const [audit] = await auditFor(claimant.id);
    expect(audit).toMatchObject({ action: 'review.verified', actorUserId: world.lawyerA.id, caseId: world.caseA.id, ip: '192.0.2.1' });
    expect(audit.details).toMatchObject({ reviewId: review.id, from: 'submitted', to: 'verified' });
    await deliverQueuedMail(handle.db);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'claimDecision'));
    expect(mails.some((mail) => (mail.subject ?? '').includes(claimant.referenceNumber!) && mail.toAddress.endsWith('@test.kr'))).toBe(
      true,
    );

    const after = await readStatusCounts(handle.db, world.caseA.id);
    expect(after.verified).toBe(before.verified + 1);
    expect(after.submitted).toBe(before.submitted - 1);
  });

  it('rejects with a reason the claimant is told, and refuses a rejection without one', async () => {
    const claimant = await freshClaimant();
    await expect(decideClaimant(handle.db, decision(claimant.id, 1, { decision: 'reject', text: '  ' }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await decideClaimant(handle.db, decision(claimant.id, 1, { decision: 'reject', text: '같은 사람이 두 번 신청했습니다.' }));
    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row).toMatchObject({ status: 'rejected', rejectionReason: '같은 사람이 두 번 신청했습니다.' });
    const [audit] = await auditFor(claimant.id);
    expect(audit.action).toBe('review.rejected');
    // The reason is correspondence with the claimant, not audit material.
    expect(JSON.stringify(audit.details)).not.toContain('같은 사람');
    const [review] = await handle.db.select().from(reviews).where(eq(reviews.claimantId, claimant.id));
    expect(review.reason).toBe('같은 사람이 두 번 신청했습니다.');
  });

  it('requests information: the claimant gets the message in the thread and by mail', async () => {
    const claimant = await freshClaimant();
    const text = '2003년 1월 요금 청구서를 다시 올려 주세요.';
    await decideClaimant(handle.db, decision(claimant.id, 1, { decision: 'request_info', text }));
    const [message] = await handle.db.select().from(claimantMessages).where(eq(claimantMessages.claimantId, claimant.id));
    expect(message).toMatchObject({ direction: 'to_claimant', body: text, authorId: world.lawyerA.id, caseId: world.caseA.id });
    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row.status).toBe('needs_info');
    await deliverQueuedMail(handle.db);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'infoRequested'));
    expect(mails.some((mail) => (mail.textBody ?? '').includes(text) && (mail.textBody ?? '').includes('/my/cases/slammer-2003'))).toBe(
      true,
    );
    const [audit] = await auditFor(claimant.id);
    expect(audit).toMatchObject({ action: 'review.info_requested' });
    expect(audit.details).toMatchObject({ messageId: message.id });
  });

  it('answers a decision on an outdated version with stale and changes nothing', async () => {
    const claimant = await freshClaimant();
    await decideClaimant(handle.db, decision(claimant.id, 1, { decision: 'request_info', text: '주소를 확인해 주세요.' }));
    await expect(decideClaimant(handle.db, decision(claimant.id, 1))).rejects.toMatchObject({
      code: 'stale',
      messageKey: 'review.errors.stale',
    });
    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row).toMatchObject({ status: 'needs_info', version: 2 });
    expect(await handle.db.select().from(reviews).where(eq(reviews.claimantId, claimant.id))).toHaveLength(1);
  });

  it('lets exactly one of two lawyers deciding at once win; the other is told the file changed', async () => {
    const claimant = await freshClaimant();
    const outcomes = await Promise.allSettled([
      decideClaimant(handle.db, decision(claimant.id, 1, { decision: 'reject', text: '서류 불충분' })),
      decideClaimant(handle.db, decision(claimant.id, 1, { actorId: world.adminA.id })),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'stale' });
    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row.version).toBe(2);
    const history = await handle.db.select().from(reviews).where(eq(reviews.claimantId, claimant.id));
    expect(history).toHaveLength(1);
    expect(history[0].toStatus).toBe(row.status);
    const audits = (await auditFor(claimant.id)).filter((entry) => entry.action.startsWith('review.'));
    expect(audits).toHaveLength(1);
  });

  it('refuses decisions on drafts and withdrawn claims, and rejecting a claimant already on a filing', async () => {
    const draft = await freshClaimant({ status: 'draft', referenceNumber: null });
    await expect(decideClaimant(handle.db, decision(draft.id, 1))).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'review.errors.notDecidable',
    });
    const withdrawn = await freshClaimant({ status: 'withdrawn' });
    await expect(decideClaimant(handle.db, decision(withdrawn.id, 1, { decision: 'request_info', text: '?' }))).rejects.toMatchObject({
      code: 'conflict',
    });
    const filed = await freshClaimant({ status: 'verified', isOnFiling: true });
    await expect(decideClaimant(handle.db, decision(filed.id, 1, { decision: 'reject', text: '중복' }))).rejects.toMatchObject({
      messageKey: 'review.errors.onFiling',
    });
  });

  it('cannot reach a claimant of another case through this case', async () => {
    await expect(decideClaimant(handle.db, decision(world.otherCaseClaimant.id, 1))).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await handle.db
      .select()
      .from(claimants)
      .where(and(eq(claimants.id, world.otherCaseClaimant.id)));
    expect(row.status).toBe('submitted');
  });
});
