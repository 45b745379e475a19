import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

export const mailStatusEnum = pgEnum('mail_status', ['queued', 'sent', 'stored', 'failed']);

/**
 * Every mail the app sends. Without SMTP_URL mails stay here with status `stored` (the dev outbox,
 * readable by platform admins) so every flow works on a fresh machine.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    status: mailStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    ...timestamps,
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt), index('mail_outbox_to_idx').on(t.toAddress, t.createdAt)],
);

export type Mail = typeof mailOutbox.$inferSelect;
export type NewMail = typeof mailOutbox.$inferInsert;
