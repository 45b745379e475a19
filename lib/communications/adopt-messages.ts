import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { commMessages } from '@/db/schema';
import { JOB_SCHEMA } from '@/lib/jobs/boss';
import { enqueue } from '@/lib/jobs/define';
import { DELIVER_MESSAGE_JOB, deliverMessageKind } from './delivery-kind';

/** The same "lock" space for every instance, so two that start together adopt a message once. */
const ADOPT_LOCK_SPACE = 0x636f6d6d; // "comm"

const hasLiveJob = (messageId: ReturnType<typeof sql>) =>
  sql`exists (select 1 from ${sql.identifier(JOB_SCHEMA)}.job j
       where j.name = ${DELIVER_MESSAGE_JOB} and j.data->>'messageId' = ${messageId}
         and j.state in ('created', 'retry', 'active'))`;

/**
 * Gives a delivery job to every scheduled or sending message that has none: after a restore (the
 * backup leaves out the queue's own schema, lib/backup) or a job deleted by hand. The recipients'
 * own states say where the send stood, so the new job goes on from there, and at its send time for
 * one still scheduled. Returns how many were queued again.
 */
export async function adoptOrphanedMessages(db: Database): Promise<number> {
  const orphans = await db
    .select({ id: commMessages.id, status: commMessages.status, sendAt: commMessages.sendAt })
    .from(commMessages)
    .where(sql`${inArray(commMessages.status, ['scheduled', 'sending'])} and not ${hasLiveJob(sql`${commMessages.id}::text`)}`);
  let adopted = 0;
  for (const orphan of orphans) {
    const queued = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ADOPT_LOCK_SPACE}, hashtext(${orphan.id}))`);
      const [stillOrphan] = (
        (await tx.execute(sql`select not ${hasLiveJob(sql`${orphan.id}`)} as "isOrphan"`)) as unknown as { rows: { isOrphan: boolean }[] }
      ).rows;
      if (!stillOrphan?.isOrphan) return false;
      const runAt = orphan.status === 'scheduled' && orphan.sendAt && orphan.sendAt > new Date() ? orphan.sendAt : undefined;
      await enqueue(tx, deliverMessageKind, { messageId: orphan.id }, { runAt });
      return true;
    });
    if (queued) adopted++;
  }
  return adopted;
}
