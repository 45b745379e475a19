import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  claimants,
  commCaseSettings,
  commRecipients,
  commReminders,
  deficiencyNotices,
  filingRounds,
  mailOutbox,
  supporters,
} from '@/db/schema';
import { CRON_DEFINITIONS } from '@/lib/server/job-registry';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, createTestUser } from '@/tests/helpers/users';
import { REMINDER_TICK_JOB, runReminders } from './reminders';
import { communicationSettingsSchema, updateCommunicationSettings } from './settings';

let db: Database;
let caseId: string;
let caseWithoutRoundsId: string;
let adminId: string;
const DAY = 24 * 60 * 60_000;
const start = new Date('2026-12-01T00:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  ({ id: caseId } = await createTestCase(db));
  ({ id: caseWithoutRoundsId } = await createTestCase(db));
  adminId = (await createTestUser(db)).id;
  // The first round closes on 12 December: unfinished claims are reminded from 28 November on.
  await db.insert(filingRounds).values({ caseId, number: 1, name: '1차', cutoffOn: '2026-12-12' });
  await db.insert(supporters).values([
    { caseId, name: '미확인', email: 'unconfirmed@example.com', consentVersion: 1, createdAt: at(-3) },
    { caseId, name: '확인', email: 'confirmed@example.com', consentVersion: 1, createdAt: at(-3), confirmedAt: at(-3) },
    { caseId, name: '방금', email: 'fresh@example.com', consentVersion: 1, createdAt: at(-0.5) },
  ]);
  const [draftUser, needsInfoUser, curedUser, noRoundUser] = [
    await createTestUser(db, { name: '작성중' }),
    await createTestUser(db, { name: '보완', locale: 'en' }),
    await createTestUser(db, { name: '보완완료', locale: 'en' }),
    await createTestUser(db, { name: '차수없음' }),
  ];
  const [, needsInfo, cured] = await db
    .insert(claimants)
    .values([
      { caseId, userId: draftUser.id, status: 'draft', lastActivityAt: at(-5) },
      { caseId, userId: needsInfoUser.id, status: 'needs_info', needsInfoAt: at(-3), referenceNumber: 'TST-000001', locale: 'en' },
      // Marked long ago, but its only deficiency notice was cured: nothing to remind of.
      { caseId, userId: curedUser.id, status: 'needs_info', needsInfoAt: at(-30), referenceNumber: 'TST-000002', locale: 'en' },
      // Unfinished for weeks, but its case has no round: no cut-off to warn of.
      { caseId: caseWithoutRoundsId, userId: noRoundUser.id, status: 'draft', lastActivityAt: at(-30) },
    ])
    .returning();
  // Cure by the end of 10 December (KST, 15:00 UTC): "approaching" from 3 December 15:00 UTC on.
  const notice = {
    caseId,
    reasonCode: 'evidence',
    message: '증빙을 올려 주세요',
    cureBy: '2026-12-10',
    deadlineAt: new Date('2026-12-10T15:00:00Z'),
  };
  await db.insert(deficiencyNotices).values([
    { ...notice, claimantId: needsInfo.id, createdAt: at(-3) },
    { ...notice, claimantId: cured.id, createdAt: at(-30), status: 'cured', curedAt: at(-20) },
  ]);
});

describe('automatic reminders', () => {
  it("are switched per case by a case admin only, and run hourly on the job queue's schedule", async () => {
    const input = communicationSettingsSchema.parse({
      approvalThreshold: '50',
      remindUnconfirmed: 'on',
      remindIncomplete: 'on',
      remindDeadline: 'on',
    });
    await expect(updateCommunicationSettings(db, { userId: adminId, caseId, role: 'organizer' }, input)).rejects.toBeInstanceOf(AppError);
    await updateCommunicationSettings(db, { userId: adminId, caseId, role: 'admin' }, input);
    await updateCommunicationSettings(db, { userId: adminId, caseId: caseWithoutRoundsId, role: 'admin' }, input);
    const [saved] = await db.select().from(commCaseSettings).where(eq(commCaseSettings.caseId, caseId));
    expect(saved).toMatchObject({ remindUnconfirmed: true, remindIncomplete: true, remindDeadline: true });
    expect(CRON_DEFINITIONS.find((definition) => definition.id === REMINDER_TICK_JOB)).toMatchObject({ cron: '0 * * * *' });
  });

  it('remind each person at most 3 times, at least 2 days apart', async () => {
    const runs = [];
    for (const day of [0, 1, 2, 3, 4, 6, 8, 10]) runs.push(await runReminders(db, at(day)));
    // Days 0, 2, 4 remind; days 1 and 3 are too soon; from day 6 the cap of 3 holds. The signature
    // of half a day ago waits 2 days for its first reminder (days 2, 4, 6).
    expect(runs.map((run) => run.unconfirmed)).toEqual([1, 0, 2, 0, 2, 1, 0, 0]);
    expect(runs.map((run) => run.incomplete)).toEqual([1, 0, 1, 0, 1, 0, 0, 0]);
    // The deficiency waits for its deadline to come within 7 days (day 3), then days 6 and 8 (day 4
    // is too soon); on day 10 the deadline has passed.
    expect(runs.map((run) => run.deficiency)).toEqual([0, 0, 0, 1, 0, 1, 1, 0]);
    expect(
      await db.$count(mailOutbox, and(eq(mailOutbox.toAddress, 'unconfirmed@example.com'), eq(mailOutbox.template, 'petitionConfirm'))),
    ).toBe(3);
    expect(await db.$count(mailOutbox, eq(mailOutbox.toAddress, 'confirmed@example.com'))).toBe(0);
    expect(await db.$count(commReminders, eq(commReminders.caseId, caseId))).toBe(12);
    const deficiency = await db.select().from(commRecipients).where(eq(commRecipients.locale, 'en'));
    expect(deficiency).toHaveLength(3);
    expect(deficiency.map((recipient) => recipient.params)).toEqual(
      Array(3).fill(expect.objectContaining({ reference: 'TST-000001', deadline: '10 December 2026' })),
    );
    const unfinished = await db.select().from(commRecipients).where(eq(commRecipients.locale, 'ko'));
    expect(unfinished.map((recipient) => recipient.params.deadline)).toEqual(Array(3).fill('2026년 12월 12일'));
    expect(await db.$count(commReminders, eq(commReminders.caseId, caseWithoutRoundsId))).toBe(0);
  });
});
