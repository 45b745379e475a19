import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, claimantSelections, claimants, deficiencyNotices, filingRoundClaimants, filingRounds, mailOutbox } from '@/db/schema';
import { answerInfoRequest, withdrawClaim } from '@/lib/claimants/status-changes';
import { koreanDay } from '@/lib/deficiencies/calendar';
import { expireOverdueNotices } from '@/lib/deficiencies/cure-and-expire';
import { countDeficient, latestNoticeForClaimant } from '@/lib/deficiencies/queries';
import { saveReasons } from '@/lib/deficiencies/reasons';
import { deficiencyStatsPerRound } from '@/lib/deficiencies/round-stats';
import { sendDeficiencyNotice } from './send-deficiency';
import { AppError } from '@/lib/errors';
import { listClaimantsForReview } from '@/lib/reviews/queue';
import { parseQueueFilters } from '@/lib/reviews/queue-filters';
import { type ReviewWorld, createReviewWorld, insertClaimant } from '@/lib/reviews/test-world';
import { setupTestDatabase } from '@/tests/helpers/database';
import { openRound } from './open-round';
import { countPerRound, listRoundWithdrawals } from './queries';

let handle: DatabaseHandle;
let world: ReviewWorld;
const actor = () => ({ userId: world.lawyerA.id, ip: '192.0.2.7' });

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 0 });
});

/** A fresh case of its own per test, so rounds of one test do not see another's claimants. */
async function freshCase(slug: string) {
  const { cases } = await import('@/db/schema');
  const [row] = await handle.db
    .insert(cases)
    .values({ slug, titleKo: `사건 ${slug}`, titleEn: `Case ${slug}`, referencePrefix: slug.slice(0, 3).toUpperCase() })
    .returning();
  return row;
}

const verifiedOn = (caseId: string, at: string, values: Parameters<typeof insertClaimant>[2] = {}) =>
  insertClaimant(handle.db, caseId, { status: 'verified', verifiedAt: new Date(at), ...values });

async function expectInvalid(work: Promise<unknown>, field: string, key: string) {
  const error = await work.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).fieldErrors?.[field]?.split('|')[0]).toBe(key);
}

describe('filing rounds', () => {
  it('opens 1차 with those verified by the cut-off day (Korean calendar), 2차 with those verified after', async () => {
    const found = await freshCase('rounds-basic');
    const early = await verifiedOn(found.id, '2026-03-01T14:59:00Z'); // 23:59 KST on 1 March
    const late = await verifiedOn(found.id, '2026-03-01T15:00:00Z'); // 00:00 KST on 2 March
    const submitted = await insertClaimant(handle.db, found.id, { status: 'submitted' });
    const first = await openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-01' }, new Date('2026-03-10T00:00:00Z'));
    expect(first).toMatchObject({ number: 1, name: '1차', members: 1 });
    const members = await handle.db.select().from(filingRoundClaimants).where(eq(filingRoundClaimants.roundId, first.id));
    expect(members.map((row) => row.claimantId)).toEqual([early.id]);
    const [selection] = await handle.db.select().from(claimantSelections).where(eq(claimantSelections.caseId, found.id));
    expect(selection).toMatchObject({ name: '1차', claimantIds: [early.id] });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'round.opened'), eq(auditLog.subjectId, first.id)));
    expect(audit.details).toMatchObject({ number: 1, members: 1 });

    const second = await openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-05' }, new Date('2026-03-10T00:00:00Z'));
    expect(second).toMatchObject({ number: 2, name: '2차', members: 1 });
    const secondMembers = await handle.db.select().from(filingRoundClaimants).where(eq(filingRoundClaimants.roundId, second.id));
    expect(secondMembers.map((row) => row.claimantId)).toEqual([late.id]);
    expect(secondMembers.some((row) => row.claimantId === submitted.id)).toBe(false);
    expect(await countPerRound(handle.db, found.id)).toEqual([
      { number: 1, name: '1차', cutoffOn: '2026-03-01', members: 1, filed: 0, withdrawn: 0 },
      { number: 2, name: '2차', cutoffOn: '2026-03-05', members: 1, filed: 0, withdrawn: 0 },
    ]);
  });

  it('refuses a cut-off not after the previous round, in the future, or with nobody to take, and writes nothing', async () => {
    const found = await freshCase('rounds-refused');
    await verifiedOn(found.id, '2026-03-01T00:00:00Z');
    const now = new Date('2026-03-10T00:00:00Z');
    await expectInvalid(
      openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-11' }, now),
      'cutoffOn',
      'rounds.validation.cutoffFuture',
    );
    await openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-05' }, now);
    await expectInvalid(
      openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-04' }, now),
      'cutoffOn',
      'rounds.validation.cutoffNotAfterPrevious',
    );
    await expectInvalid(
      openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-05' }, now),
      'cutoffOn',
      'rounds.validation.cutoffNotAfterPrevious',
    );
    await expectInvalid(
      openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-08' }, now),
      'cutoffOn',
      'rounds.validation.nobodyEligible',
    );
    const rounds = await handle.db.select().from(filingRounds).where(eq(filingRounds.caseId, found.id));
    expect(rounds).toHaveLength(1);
    const selections = await handle.db.select().from(claimantSelections).where(eq(claimantSelections.caseId, found.id));
    expect(selections).toHaveLength(1);
  });

  it('holds a claimant to one round in the database itself', async () => {
    const found = await freshCase('rounds-unique');
    const claimant = await verifiedOn(found.id, '2026-03-01T00:00:00Z');
    const first = await openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-02' }, new Date('2026-03-10T00:00:00Z'));
    const [other] = await handle.db
      .insert(filingRounds)
      .values({ caseId: found.id, number: 9, name: '임의', cutoffOn: '2026-03-09' })
      .returning();
    await expect(
      handle.db.insert(filingRoundClaimants).values({ claimantId: claimant.id, roundId: other.id, caseId: found.id, position: 1 }),
    ).rejects.toThrow();
    const rows = await handle.db.select().from(filingRoundClaimants).where(eq(filingRoundClaimants.claimantId, claimant.id));
    expect(rows.map((row) => row.roundId)).toEqual([first.id]);
  });

  it('lists members who withdrew after the court filing, for the 소취하 or 선정 철회', async () => {
    const found = await freshCase('rounds-withdrawn');
    const staying = await verifiedOn(found.id, '2026-03-01T00:00:00Z', { legalName: '남는이' });
    const leaving = await verifiedOn(found.id, '2026-03-01T00:00:00Z', { legalName: '떠나는이' });
    const round = await openRound(handle.db, actor(), found.id, { cutoffOn: '2026-03-02' }, new Date('2026-03-10T00:00:00Z'));
    // The court filing as lib/filings records it: on the packet, filed, with the day.
    await handle.db
      .update(claimants)
      .set({ isOnFiling: true, filedAt: new Date('2026-03-11T00:00:00+09:00') })
      .where(eq(claimants.caseId, found.id));
    await withdrawClaim(handle.db, { claimant: leaving, reason: '개인 사정', actor: { userId: leaving.userId, ip: '192.0.2.9' } });
    const list = await listRoundWithdrawals(handle.db, found.id, round.id);
    expect(list.map((row) => row.legalName)).toEqual(['떠나는이']);
    expect(list.some((row) => row.legalName === staying.legalName)).toBe(false);
    expect(await listRoundWithdrawals(handle.db, world.caseB.id, round.id)).toEqual([]);
    expect((await countPerRound(handle.db, found.id))[0]).toMatchObject({ members: 2, filed: 2, withdrawn: 1 });
  });
});

describe('deficiency notices', () => {
  const now = new Date('2026-03-10T03:00:00Z'); // 12:00 KST, 10 March
  const notice = (caseId: string, claimant: { id: string; version: number }, extra: Record<string, unknown> = {}) => ({
    caseId,
    claimantId: claimant.id,
    expectedVersion: claimant.version,
    reasonCode: 'missing_evidence',
    message: '요금 청구서를 올려 주세요.',
    cureBy: '2026-03-12',
    actorId: world.lawyerA.id,
    ip: '192.0.2.7',
    appUrl: 'https://joinder.test',
    now,
    ...extra,
  });

  it('sends: needs_info, the notice with its deadline, the deficiency mail and the claimant sees it', async () => {
    const found = await freshCase('deficiency-send');
    const claimant = await insertClaimant(handle.db, found.id, { status: 'submitted' });
    const sent = await sendDeficiencyNotice(handle.db, notice(found.id, claimant));
    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row.status).toBe('needs_info');
    expect(sent.version).toBe(row.version);
    const [stored] = await handle.db.select().from(deficiencyNotices).where(eq(deficiencyNotices.id, sent.noticeId));
    expect(stored).toMatchObject({ status: 'open', cureBy: '2026-03-12', reasonCode: 'missing_evidence' });
    expect(stored.deadlineAt.toISOString()).toBe('2026-03-12T15:00:00.000Z');
    expect(stored.messageId).not.toBeNull();
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'deficiencyNotice'));
    expect(mails.some((mail) => (mail.params as Record<string, string>).reason === '증거 자료 누락')).toBe(true);
    const infoMails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'infoRequested'));
    expect(infoMails).toHaveLength(0);
    expect(await latestNoticeForClaimant(handle.db, found.id, claimant.id)).toMatchObject({
      reasonKo: '증거 자료 누락',
      cureBy: '2026-03-12',
    });
    expect(await latestNoticeForClaimant(handle.db, world.caseB.id, claimant.id)).toBeNull();
  });

  it('refuses a past deadline or a reason not on the case list, and writes nothing', async () => {
    const found = await freshCase('deficiency-refused');
    const claimant = await insertClaimant(handle.db, found.id, { status: 'submitted' });
    await expectInvalid(
      sendDeficiencyNotice(handle.db, notice(found.id, claimant, { cureBy: '2026-03-09' })),
      'cureBy',
      'rounds.deficiency.deadlinePast',
    );
    await saveReasons(handle.db, actor(), found.id, [{ code: 'name_mismatch', labelKo: '이름 불일치', labelEn: 'Name mismatch' }]);
    await expectInvalid(sendDeficiencyNotice(handle.db, notice(found.id, claimant)), 'reasonCode', 'validation.choose');
    const [row] = await handle.db.select().from(claimants).where(eq(claimants.id, claimant.id));
    expect(row.status).toBe('submitted');
    expect(await handle.db.select().from(deficiencyNotices).where(eq(deficiencyNotices.claimantId, claimant.id))).toHaveLength(0);
  });

  it('an answer in time cures; an unanswered notice expires, the claimant is deficient and out of the next round', async () => {
    const found = await freshCase('deficiency-cure');
    const curing = await insertClaimant(handle.db, found.id, { status: 'submitted' });
    const lapsing = await insertClaimant(handle.db, found.id, { status: 'verified', verifiedAt: new Date('2026-03-01T00:00:00Z') });
    await sendDeficiencyNotice(handle.db, notice(found.id, curing, { now: new Date(), cureBy: '2099-01-01' }));
    await sendDeficiencyNotice(handle.db, notice(found.id, lapsing));
    await answerInfoRequest(handle.db, { claimant: curing, message: '올렸습니다.', actor: { userId: curing.userId, ip: '192.0.2.8' } });
    const [cured] = await handle.db.select().from(deficiencyNotices).where(eq(deficiencyNotices.claimantId, curing.id));
    expect(cured.status).toBe('cured');
    expect(cured.curedAt).toBeInstanceOf(Date);

    // Not yet past 12 March in Seoul: nothing expires.
    expect(await expireOverdueNotices(handle.db, { now: new Date('2026-03-12T14:59:00Z'), caseId: found.id })).toEqual({
      expired: 0,
      closed: 0,
    });
    expect(await expireOverdueNotices(handle.db, { now: new Date('2026-03-12T15:01:00Z'), caseId: found.id })).toEqual({
      expired: 1,
      closed: 0,
    });
    expect(await countDeficient(handle.db, found.id)).toBe(1);
    // The review queue shows and filters them.
    const scope = { caseId: found.id, referencePrefix: found.referencePrefix, viewerId: world.lawyerA.id };
    const deficient = await listClaimantsForReview(handle.db, scope, parseQueueFilters({ status: 'all', deficiency: 'deficient' }));
    expect(deficient.rows.map((row) => row.id)).toEqual([lapsing.id]);
    const others = await listClaimantsForReview(handle.db, scope, parseQueueFilters({ status: 'all', deficiency: 'not_deficient' }));
    expect(others.rows.map((row) => row.id)).toEqual([curing.id]);

    // Counsel verifies the cured claimant; the lapsed one is out of the round even once verified earlier.
    await handle.db
      .update(claimants)
      .set({ status: 'verified', verifiedAt: new Date('2026-03-13T00:00:00Z') })
      .where(eq(claimants.id, curing.id));
    const round = await openRound(handle.db, actor(), found.id, { cutoffOn: koreanDay(new Date()) });
    const members = await handle.db.select().from(filingRoundClaimants).where(eq(filingRoundClaimants.roundId, round.id));
    expect(members.map((row) => row.claimantId)).toEqual([curing.id]);

    const stats = await deficiencyStatsPerRound(handle.db, found.id);
    expect(stats[0]).toMatchObject({ roundNumber: 1, notices: 2, cured: 1, expired: 1, open: 0 });
    expect(stats[0].medianHoursToCure).not.toBeNull();
    expect(stats[1]).toMatchObject({ roundNumber: null, notices: 0 });
  });

  it('a late answer does not cure; a notice whose claimant counsel verified anyway is closed', async () => {
    const found = await freshCase('deficiency-late');
    const late = await insertClaimant(handle.db, found.id, { status: 'submitted' });
    const decided = await insertClaimant(handle.db, found.id, { status: 'submitted' });
    const lateNotice = await sendDeficiencyNotice(handle.db, notice(found.id, late));
    const decidedNotice = await sendDeficiencyNotice(handle.db, notice(found.id, decided));
    // 12 March has long passed by the real clock when the claimant answers.
    await answerInfoRequest(handle.db, { claimant: late, message: '늦었습니다.', actor: { userId: late.userId, ip: '192.0.2.8' } });
    const [lateRow] = await handle.db.select().from(deficiencyNotices).where(eq(deficiencyNotices.id, lateNotice.noticeId));
    expect(lateRow.status).toBe('expired');
    expect(lateRow.curedAt).toBeNull();

    await handle.db
      .update(claimants)
      .set({ status: 'verified', verifiedAt: new Date('2026-03-11T00:00:00Z') })
      .where(eq(claimants.id, decided.id));
    expect(await expireOverdueNotices(handle.db, { now: new Date('2026-03-11T01:00:00Z'), caseId: found.id })).toEqual({
      expired: 0,
      closed: 1,
    });
    const [closed] = await handle.db.select().from(deficiencyNotices).where(eq(deficiencyNotices.id, decidedNotice.noticeId));
    expect(closed.status).toBe('closed');
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deficiency.expired'), eq(auditLog.subjectId, late.id)));
    expect(audits).toHaveLength(1);
  });
});
