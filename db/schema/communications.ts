import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { id, timestamps } from './columns';
import { supporters } from './supporters';
import { users } from './users';

/** Organizers write to supporters, lawyers to claimants (issue 13, item 2). */
export const commAudienceEnum = pgEnum('comm_audience', ['supporters', 'claimants']);
/** `sms` is one 90-byte (EUC-KR) message, `lms` a long one; `alimtalk` is KakaoTalk's information-only channel. */
export const commChannelEnum = pgEnum('comm_channel', ['email', 'sms', 'lms', 'alimtalk']);
/**
 * `update` needs consent and honours unsubscribes; `transactional` is a legally necessary notice to a
 * claimant (deficiency, deadline, filing, withdrawal) that no unsubscribe suppresses.
 */
export const commKindEnum = pgEnum('comm_kind', ['update', 'transactional']);
export const commMessageStatusEnum = pgEnum('comm_message_status', [
  'draft',
  'awaiting_approval',
  'scheduled',
  'sending',
  'sent',
  'held',
  'cancelled',
]);
/** Per recipient: what a court report counts (mailed, re-mailed, undeliverable, skipped). */
export const commRecipientStatusEnum = pgEnum('comm_recipient_status', [
  'queued',
  'sending',
  'sent',
  'deferred',
  'bounced',
  'failed',
  'suppressed',
]);

/** Per-case switches: the approval threshold and which automatic reminders run. */
export const commCaseSettings = pgTable('comm_case_settings', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  /** A send to more than this many people needs a second staff member's approval. */
  approvalThreshold: integer('approval_threshold').notNull().default(100),
  remindUnconfirmed: boolean('remind_unconfirmed').notNull().default(false),
  remindIncomplete: boolean('remind_incomplete').notNull().default(false),
  remindDeadline: boolean('remind_deadline').notNull().default(false),
  ...timestamps,
});

export type SegmentDefinition = Record<string, unknown>;

export const commMessages = pgTable(
  'comm_messages',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    audience: commAudienceEnum('audience').notNull(),
    channel: commChannelEnum('channel').notNull().default('email'),
    kind: commKindEnum('kind').notNull().default('update'),
    /** The segment's filters (lib/communications/segments); evaluated when the send starts. */
    segment: jsonb('segment').$type<SegmentDefinition>().notNull(),
    subjectKo: text('subject_ko').notNull().default(''),
    subjectEn: text('subject_en').notNull().default(''),
    bodyKo: text('body_ko').notNull(),
    bodyEn: text('body_en').notNull(),
    status: commMessageStatusEnum('status').notNull().default('draft'),
    /** Set by an automatic reminder (lib/communications/reminders): which kind sent it. */
    reminderKind: text('reminder_kind'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The live count the approver saw; a frozen list larger than the threshold needs approval. */
    approvedCount: integer('approved_count'),
    sendAt: timestamp('send_at', { withTimezone: true }),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    recipientCount: integer('recipient_count').notNull().default(0),
    holdReason: text('hold_reason'),
    ...timestamps,
  },
  (t) => [
    index('comm_messages_case_created_idx').on(t.caseId, t.createdAt),
    check('comm_messages_transactional_claimants', sql`${t.kind} = 'update' or ${t.audience} = 'claimants'`),
  ],
);

/**
 * The frozen recipient list: one row per person per message, written when the send starts. The
 * idempotency key (message, person) is unique, so a resumed send can never add anyone twice, and
 * a row leaves `queued`/`sending` exactly once. `params` holds what the placeholders need and is
 * emptied once the message is out.
 */
export const commRecipients = pgTable(
  'comm_recipients',
  {
    id: id(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => commMessages.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** E-mail address, or the encrypted phone number for SMS channels. */
    address: text('address').notNull(),
    locale: text('locale').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    status: commRecipientStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('comm_recipients_idempotency_key').on(t.idempotencyKey),
    index('comm_recipients_message_status_idx').on(t.messageId, t.status),
    index('comm_recipients_due_idx')
      .on(t.messageId, t.nextAttemptAt)
      .where(sql`status in ('queued', 'deferred', 'sending')`),
    index('comm_recipients_person_idx').on(t.caseId, t.personId, t.createdAt),
  ],
);

/** Unsubscribed or bounced addresses, per case: updates skip them, transactional notices do not. */
export const commSuppressions = pgTable(
  'comm_suppressions',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Lower-cased e-mail, or the phone number's blind index. */
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.address] }),
    check('comm_suppressions_reason', sql`${t.reason} in ('unsubscribed', 'bounced')`),
  ],
);

/** A supporter's agreement to receive updates, naming the consent text they saw. */
export const commConsents = pgTable(
  'comm_consents',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id')
      .notNull()
      .references(() => supporters.id, { onDelete: 'cascade' }),
    /** The consent text's key and version, e.g. `petition.updates@1`. */
    consentText: text('consent_text').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.caseId, t.supporterId] })],
);

/**
 * One automatic reminder sent to one person: what the cap (3 per person and kind) and the spacing
 * (at least 2 days apart) are counted against.
 */
export const commReminders = pgTable(
  'comm_reminders',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    personId: uuid('person_id').notNull(),
    ...timestamps,
  },
  (t) => [
    index('comm_reminders_person_idx').on(t.caseId, t.kind, t.personId, t.createdAt),
    check('comm_reminders_kind', sql`${t.kind} in ('unconfirmed', 'incomplete', 'deficiency')`),
  ],
);

export type CommMessage = typeof commMessages.$inferSelect;
export type CommRecipient = typeof commRecipients.$inferSelect;
export type CommCaseSettings = typeof commCaseSettings.$inferSelect;
