import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Mail, mailOutbox } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import type { MailTemplate } from './templates';
import { kickMailSweeper } from './wake';

/**
 * The row whose token the mail's links carry. The token itself is minted by the sweeper when the
 * mail is sent (its hash written into that row), so no live token is ever stored: not in the
 * outbox, not in a backup, not on /admin/outbox.
 */
export type MailToken = {
  kind: 'auth_token' | 'supporter' | 'invitation';
  id: string;
  /** Template parameter → URL; the sweeper appends `token=…` to each. */
  links: Record<string, string>;
};

export type QueuedMail = {
  to: string;
  locale: Locale;
  template: MailTemplate;
  /** Rendered into the template at send time; never a secret (see `token`). */
  params: Record<string, string | number>;
  token?: MailToken;
};

/**
 * Records a mail in the outbox inside the caller's transaction, so it exists exactly when the
 * change it announces does; the sweeper (./sweeper) delivers it after commit, over SMTP when
 * SMTP_URL is set and to the dev mailbox otherwise. This is the only way a mail is sent.
 */
export async function queueMail(db: Database, input: QueuedMail): Promise<Mail> {
  const [mail] = await db
    .insert(mailOutbox)
    .values({
      toAddress: input.to,
      locale: input.locale,
      template: input.template,
      params: input.params,
      tokenKind: input.token?.kind ?? null,
      tokenRef: input.token?.id ?? null,
      tokenLinks: input.token?.links ?? {},
    })
    .returning();
  kickMailSweeper();
  return mail;
}

export async function listOutbox(db: Database, options: { limit?: number; to?: string } = {}): Promise<Mail[]> {
  const query = db.select().from(mailOutbox);
  const filtered = options.to ? query.where(eq(mailOutbox.toAddress, options.to)) : query;
  return filtered.orderBy(desc(mailOutbox.createdAt)).limit(options.limit ?? 100);
}
