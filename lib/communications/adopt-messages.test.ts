import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { commMessages } from '@/db/schema';
import { JOB_SCHEMA } from '@/lib/jobs/boss';
import { setupTestDatabase } from '@/tests/helpers/database';
import { listJobs } from '@/tests/helpers/jobs';
import { createTestCase } from '@/tests/helpers/users';
import { adoptOrphanedMessages } from './adopt-messages';
import { DELIVER_MESSAGE_JOB } from './delivery-kind';

let db: Database;
let caseId: string;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  ({ id: caseId } = await createTestCase(db));
});

async function addMessage(status: 'scheduled' | 'sending' | 'sent', sendAt: Date) {
  const [message] = await db
    .insert(commMessages)
    .values({
      caseId,
      audience: 'supporters',
      channel: 'email',
      kind: 'update',
      segment: { audience: 'supporters' },
      subjectKo: '소식',
      subjectEn: 'News',
      bodyKo: '본문',
      bodyEn: 'Body',
      status,
      sendAt,
    })
    .returning();
  return message;
}

const jobsFor = async (messageId: string) => (await listJobs(db, DELIVER_MESSAGE_JOB)).filter((job) => job.data.messageId === messageId);

describe('adoptOrphanedMessages', () => {
  it('queues a delivery job for each scheduled or sending message without one (a restored backup), once', async () => {
    const sending = await addMessage('sending', new Date(Date.now() - 60_000));
    const later = new Date(Date.now() + 3_600_000);
    const scheduled = await addMessage('scheduled', later);
    const sent = await addMessage('sent', new Date(Date.now() - 120_000));

    expect(await adoptOrphanedMessages(db)).toBe(2);
    expect(await jobsFor(sending.id)).toEqual([expect.objectContaining({ state: 'created' })]);
    expect(await jobsFor(scheduled.id)).toHaveLength(1);
    expect(await jobsFor(sent.id)).toHaveLength(0);
    // A scheduled one waits for its own time, not now.
    const startAfter = (
      (await db.execute(
        sql`select start_after from ${sql.identifier(JOB_SCHEMA)}.job where name = ${DELIVER_MESSAGE_JOB} and data->>'messageId' = ${scheduled.id}`,
      )) as unknown as { rows: { start_after: Date }[] }
    ).rows[0].start_after;
    expect(Math.abs(new Date(startAfter).getTime() - later.getTime())).toBeLessThan(1_000);

    // Each has its job now: nothing more.
    expect(await adoptOrphanedMessages(db)).toBe(0);
    expect(await jobsFor(sending.id)).toHaveLength(1);
    // Two instances starting at once adopt a new orphan once between them.
    const another = await addMessage('sending', new Date());
    expect((await Promise.all([adoptOrphanedMessages(db), adoptOrphanedMessages(db)])).reduce((a, b) => a + b)).toBe(1);
    expect(await jobsFor(another.id)).toHaveLength(1);
  });
});
