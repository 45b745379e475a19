import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Mail, mailOutbox } from '@/db/schema';
import { sweepOutbox } from '@/lib/mail/sweeper';

/**
 * Runs the outbox sweeper, delivering to the dev mailbox, until nothing is due: what the server's
 * sweeper does moments after a commit. Tests read links only from delivered mail, as people do.
 */
export async function deliverQueuedMail(db: Database): Promise<void> {
  while ((await sweepOutbox(db, { transport: { kind: 'mailbox' } })).claimed > 0);
}

/** The mails delivered to an address, newest first. */
export async function readMailTo(db: Database, to: string): Promise<Mail[]> {
  await deliverQueuedMail(db);
  return db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).orderBy(desc(mailOutbox.createdAt));
}
