import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, claimantMessages, claimants, mailOutbox, reviews } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { assignClaimant, assignClaimants, decideInBulk, listCaseLawyers } from './bulk';
import { type ReviewWorld, createReviewWorld, insertClaimant } from './test-world';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let handle: DatabaseHandle;
let world: ReviewWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 20 });
});

const base = () => ({ caseId: world.caseA.id, actorId: world.lawyerA.id, ip: '192.0.2.9', appUrl: 'https://joinder.test' });

describe('bulk decisions', () => {
  it('verifies a selection, each with its own review and audit row, and reports the file that changed meanwhile', async () => {
    const selection = [];
    for (let index = 0; index < 4; index++) selection.push(await insertClaimant(handle.db, world.caseA.id));
    const draft = await insertClaimant(handle.db, world.caseA.id, { status: 'draft', referenceNumber: null });
    // Someone else already asked the third claimant for information.
    await handle.db.update(claimants).set({ status: 'needs_info', version: 2 }).where(eq(claimants.id, selection[2].id));
    const items = [...selection, draft].map((claimant) => ({ claimantId: claimant.id, version: claimant.version }));

    const result = await decideInBulk(handle.db, { ...base(), decision: 'verify', items });
    expect(result.done.sort()).toEqual([selection[0].id, selection[1].id, selection[3].id].sort());
    expect(result.stale).toEqual([selection[2].id]);
    expect(result.skipped).toEqual([draft.id]);
    const rows = await handle.db
      .select()
      .from(claimants)
      .where(
        inArray(
          claimants.id,
          items.map((item) => item.claimantId),
        ),
      );
    expect(rows.filter((row) => row.status === 'verified')).toHaveLength(3);
    expect(await handle.db.select().from(reviews).where(inArray(reviews.claimantId, result.done))).toHaveLength(3);
    const audits = await handle.db.select().from(auditLog).where(inArray(auditLog.subjectId, result.done));
    expect(audits.map((entry) => [entry.action, (entry.details as { batchSize: number }).batchSize])).toEqual(
      Array(3).fill(['review.verified', 5]),
    );
  });

  it('sends one request for information to everyone selected: a message and a mail each', async () => {
    const selection = [await insertClaimant(handle.db, world.caseA.id), await insertClaimant(handle.db, world.caseA.id)];
    const text = '장애 당시 사용하던 요금제를 알려 주세요.';
    const result = await decideInBulk(handle.db, {
      ...base(),
      decision: 'request_info',
      text,
      items: selection.map((c) => ({ claimantId: c.id, version: 1 })),
    });
    expect(result.done).toHaveLength(2);
    const messages = await handle.db
      .select()
      .from(claimantMessages)
      .where(
        inArray(
          claimantMessages.claimantId,
          selection.map((c) => c.id),
        ),
      );
    expect(messages.map((message) => message.body)).toEqual([text, text]);
    await deliverQueuedMail(handle.db);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'infoRequested'));
    expect(mails.filter((mail) => (mail.textBody ?? '').includes(text))).toHaveLength(2);
  });

  it('refuses an empty selection, an oversized one and a request without a message', async () => {
    await expect(decideInBulk(handle.db, { ...base(), decision: 'verify', items: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    const many = Array.from({ length: 201 }, (_, index) => ({
      claimantId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      version: 1,
    }));
    await expect(decideInBulk(handle.db, { ...base(), decision: 'verify', items: many })).rejects.toMatchObject({ code: 'invalid_input' });
    const one = await insertClaimant(handle.db, world.caseA.id);
    await expect(
      decideInBulk(handle.db, { ...base(), decision: 'request_info', text: ' ', items: [{ claimantId: one.id, version: 1 }] }),
    ).rejects.toMatchObject({ fieldErrors: { text: 'validation.required' } });
  });

  it('skips claimants of another case slipped into the selection', async () => {
    const mine = await insertClaimant(handle.db, world.caseA.id);
    const result = await decideInBulk(handle.db, {
      ...base(),
      decision: 'verify',
      items: [mine, world.otherCaseClaimant].map((c) => ({ claimantId: c.id, version: 1 })),
    });
    expect(result).toEqual({ done: [mine.id], stale: [], skipped: [world.otherCaseClaimant.id] });
  });
});

describe('assignment', () => {
  it('assigns files to a lawyer of the case with an audit row each, and only within the case', async () => {
    const files = [await insertClaimant(handle.db, world.caseA.id), await insertClaimant(handle.db, world.caseA.id)];
    const lawyers = await listCaseLawyers(handle.db, world.caseA.id);
    expect(lawyers.map((lawyer) => lawyer.id)).toContain(world.lawyerA.id);
    expect(lawyers.map((lawyer) => lawyer.id)).not.toContain(world.organizerA.id);
    const result = await assignClaimants(handle.db, {
      ...base(),
      claimantIds: [...files.map((f) => f.id), world.otherCaseClaimant.id],
      lawyerId: world.lawyerA.id,
    });
    expect(result).toEqual({ assigned: 2 });
    const rows = await handle.db
      .select()
      .from(claimants)
      .where(inArray(claimants.id, [...files.map((f) => f.id), world.otherCaseClaimant.id]));
    expect(rows.map((row) => row.assignedLawyerId).sort()).toEqual([null, world.lawyerA.id, world.lawyerA.id].sort());
    expect(rows.every((row) => row.version === 1)).toBe(true);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.subjectId,
          files.map((f) => f.id),
        ),
      );
    expect(audits.map((entry) => entry.action)).toEqual(['review.assigned', 'review.assigned']);
  });

  it('refuses an organizer or a lawyer of another case as assignee', async () => {
    const file = await insertClaimant(handle.db, world.caseA.id);
    for (const lawyerId of [world.organizerA.id, world.lawyerB.id]) {
      await expect(assignClaimants(handle.db, { ...base(), claimantIds: [file.id], lawyerId })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    expect(await assignClaimants(handle.db, { ...base(), claimantIds: [file.id], lawyerId: null })).toEqual({ assigned: 1 });
  });

  it('answers not found for one file of another case, and leaves it alone', async () => {
    const file = await insertClaimant(handle.db, world.caseA.id);
    await assignClaimant(handle.db, { ...base(), claimantId: file.id, lawyerId: world.lawyerA.id });
    await expect(
      assignClaimant(handle.db, { ...base(), claimantId: world.otherCaseClaimant.id, lawyerId: world.lawyerA.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const [other] = await handle.db.select().from(claimants).where(eq(claimants.id, world.otherCaseClaimant.id));
    expect(other.assignedLawyerId).toBeNull();
    expect(await handle.db.$count(auditLog, eq(auditLog.subjectId, world.otherCaseClaimant.id))).toBe(0);
  });
});
