import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { claimants } from './claimants';
import { id, timestamps } from './columns';
import { claimantMessages, claimantSelections } from './reviews';
import { users } from './users';

/**
 * A filing round (1차, 2차 …): the claimants verified by its cut-off who were in no earlier round.
 * Its members are also saved as a claimant selection of the same name, which is how the packet
 * builder takes a round without knowing about rounds.
 */
export const filingRounds = pgTable(
  'filing_rounds',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** 1 for 1차, 2 for 2차 …, in cut-off order. */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    /** The last day (Korea's calendar) on which a verification counts for this round. */
    cutoffOn: date('cutoff_on', { mode: 'string' }).notNull(),
    selectionId: uuid('selection_id').references(() => claimantSelections.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('filing_rounds_case_number_key').on(t.caseId, t.number),
    uniqueIndex('filing_rounds_case_name_key').on(t.caseId, t.name),
    check('filing_rounds_positive', sql`${t.number} > 0 and length(${t.name}) > 0`),
  ],
);

/** Who a round includes. The primary key on the claimant alone is the rule: one round per claimant. */
export const filingRoundClaimants = pgTable(
  'filing_round_claimants',
  {
    claimantId: uuid('claimant_id')
      .notNull()
      // Erasing an unfiled claimant drops them from the round; a filed one is on legal hold anyway.
      .references(() => claimants.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => filingRounds.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.claimantId] }), index('filing_round_claimants_round_idx').on(t.roundId, t.position)],
);

/** The per-case list of reasons a deficiency notice can give; codes are stable, labels editable. */
export const deficiencyReasons = pgTable(
  'deficiency_reasons',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    labelKo: text('label_ko').notNull(),
    labelEn: text('label_en').notNull(),
    position: integer('position').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('deficiency_reasons_case_code_key').on(t.caseId, t.code),
    check('deficiency_reasons_labels_present', sql`length(${t.labelKo}) > 0 and length(${t.labelEn}) > 0`),
  ],
);

export const deficiencyStatusEnum = pgEnum('deficiency_status', ['open', 'cured', 'expired', 'closed']);

/**
 * A deficiency notice (보정 요청): what is missing, and the day by which to cure it. `open` until
 * the claimant answers in time (`cured`), the deadline passes unanswered (`expired`: the claimant
 * is deficient and out of the next round), or counsel decides the file otherwise (`closed`).
 */
export const deficiencyNotices = pgTable(
  'deficiency_notices',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    reasonCode: text('reason_code').notNull(),
    message: text('message').notNull(),
    /** The last day to cure, in Korea's calendar; `deadlineAt` is the instant that day ends. */
    cureBy: date('cure_by', { mode: 'string' }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    status: deficiencyStatusEnum('status').notNull().default('open'),
    messageId: uuid('message_id').references(() => claimantMessages.id, { onDelete: 'set null' }),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    curedAt: timestamp('cured_at', { withTimezone: true }),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('deficiency_notices_claimant_idx').on(t.claimantId, t.createdAt),
    index('deficiency_notices_case_status_idx').on(t.caseId, t.status, t.deadlineAt),
    check('deficiency_notices_message_present', sql`length(${t.message}) > 0`),
  ],
);

export type FilingRound = typeof filingRounds.$inferSelect;
export type FilingRoundClaimant = typeof filingRoundClaimants.$inferSelect;
export type DeficiencyReason = typeof deficiencyReasons.$inferSelect;
export type DeficiencyNotice = typeof deficiencyNotices.$inferSelect;
export type DeficiencyStatus = (typeof deficiencyStatusEnum.enumValues)[number];
