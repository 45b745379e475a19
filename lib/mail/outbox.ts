import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Mail, mailOutbox } from '@/db/schema';
import { getEnv } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';
import { enqueueJob } from '@/lib/jobs/queue';
import { type MailTemplate, renderMail } from './templates';

export const MAIL_DELIVER_JOB = 'mail.deliver';

/**
 * Records a mail in the outbox inside the caller's transaction, so it exists exactly when the
 * change it announces does. With SMTP_URL a job delivers it; without, it stays as `stored` — the
 * dev outbox admins can read — and every flow still works on a fresh machine.
 */
export async function queueMail(
  db: Database,
  input: { to: string; locale: Locale; template: MailTemplate; params: Record<string, string | number> },
): Promise<Mail> {
  const rendered = renderMail(input.template, input.locale, input.params);
  const hasSmtp = Boolean(getEnv().SMTP_URL);
  const [mail] = await db
    .insert(mailOutbox)
    .values({
      toAddress: input.to,
      locale: input.locale,
      template: input.template,
      subject: rendered.subject,
      textBody: rendered.text,
      status: hasSmtp ? 'queued' : 'stored',
    })
    .returning();
  if (hasSmtp) await enqueueJob(db, MAIL_DELIVER_JOB, { mailId: mail.id }, { maxAttempts: 5 });
  return mail;
}

export async function listOutbox(db: Database, options: { limit?: number; to?: string } = {}): Promise<Mail[]> {
  const query = db.select().from(mailOutbox);
  const filtered = options.to ? query.where(eq(mailOutbox.toAddress, options.to)) : query;
  return filtered.orderBy(desc(mailOutbox.createdAt)).limit(options.limit ?? 100);
}
