import { eq, sql } from 'drizzle-orm';
import { mailOutbox } from '@/db/schema';
import { getEnv } from '@/lib/env';
import type { JobHandler } from '@/lib/jobs/types';

let transport: import('nodemailer').Transporter | undefined;

async function getTransport() {
  if (!transport) {
    const nodemailer = await import('nodemailer');
    transport = nodemailer.createTransport(getEnv().SMTP_URL);
  }
  return transport;
}

/** Job handler: sends one queued mail over SMTP; the queue retries failures with backoff. */
export const deliverMail: JobHandler = async (job, { db }) => {
  const mailId = String((job.payload as { mailId?: unknown }).mailId ?? '');
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
  if (!mail || mail.status === 'sent') return;
  try {
    await (await getTransport()).sendMail({ from: getEnv().MAIL_FROM, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
    await db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1`, error: null })
      .where(eq(mailOutbox.id, mail.id));
  } catch (error) {
    await db
      .update(mailOutbox)
      .set({ status: 'failed', attempts: sql`${mailOutbox.attempts} + 1`, error: (error as Error).message.slice(0, 500) })
      .where(eq(mailOutbox.id, mail.id));
    throw error;
  }
};
