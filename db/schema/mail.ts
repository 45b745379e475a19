import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

/**
 * `queued` waits for the sweeper (lib/mail/sweeper.ts); `sending` is leased by one sweeper;
 * `sent` went out over SMTP; `stored` was delivered to the dev mailbox (no SMTP, local demo or
 * development only); `failed` was refused for good; `cancelled` lost its token before sending
 * (used, expired or superseded), so there was nothing left worth mailing.
 */
export const mailStatusEnum = pgEnum('mail_status', ['queued', 'sent', 'stored', 'failed', 'sending', 'cancelled']);

/** Where a mail's one-time token lives; the sweeper mints the token at send time into that row. */
export const mailTokenKindEnum = pgEnum('mail_token_kind', ['auth_token', 'supporter', 'invitation']);

/**
 * Every mail the app sends, written in the transaction of the action it announces. It holds what
 * is needed to render at send time (template and parameters) and, for a mail with a link that
 * signs someone in or confirms something, only a reference to the row whose token hash the link
 * must match: the live token is minted by the sweeper as it sends, and exists nowhere but in the
 * mail itself. Parameters are dropped once the mail is sent. `subject`/`textBody` are kept only
 * for the dev mailbox (status `stored`).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    /** Template parameters without secrets; `{}` once sent. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    tokenKind: mailTokenKindEnum('token_kind'),
    tokenRef: uuid('token_ref'),
    /** Template parameter → URL that gets `token=…` appended at send time. */
    tokenLinks: jsonb('token_links').$type<Record<string, string>>().notNull().default({}),
    subject: text('subject'),
    textBody: text('text_body'),
    status: mailStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    ...timestamps,
  },
  (t) => [
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_to_idx').on(t.toAddress, t.createdAt),
    // The sweeper's scan: only mails still to send are in it, so it stays small however many were sent.
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status not in ('sent', 'stored')`),
  ],
);

export type Mail = typeof mailOutbox.$inferSelect;
export type NewMail = typeof mailOutbox.$inferInsert;
