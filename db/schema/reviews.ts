import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { claimantStatusEnum, claimants } from './claimants';
import { id, timestamps } from './columns';
import { users } from './users';

/** Every status change of a claimant, by whom and why. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: claimantStatusEnum('from_status').notNull(),
    toStatus: claimantStatusEnum('to_status').notNull(),
    reason: text('reason').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('reviews_claimant_idx').on(t.claimantId, t.createdAt), index('reviews_case_idx').on(t.caseId, t.createdAt)],
);

/** Lawyers' internal notes on a claimant file; never shown to the claimant. */
export const reviewNotes = pgTable(
  'review_notes',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    ...timestamps,
  },
  (t) => [index('review_notes_claimant_idx').on(t.claimantId, t.createdAt)],
);

export const messageDirectionEnum = pgEnum('message_direction', ['to_claimant', 'from_claimant']);

/** The visible thread between the legal team and a claimant (requests for information and answers). */
export const claimantMessages = pgTable(
  'claimant_messages',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    direction: messageDirectionEnum('direction').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('claimant_messages_claimant_idx').on(t.claimantId, t.createdAt)],
);

export const duplicateReasonEnum = pgEnum('duplicate_reason', ['same_email', 'same_phone', 'same_identity', 'same_evidence', 'ip_burst']);
export const flagStatusEnum = pgEnum('flag_status', ['open', 'dismissed', 'confirmed']);

/** Duplicate and fraud signals; `otherClaimantId` is empty for signals about one file (an IP burst). */
export const duplicateFlags = pgTable(
  'duplicate_flags',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    otherClaimantId: uuid('other_claimant_id').references(() => claimants.id, { onDelete: 'cascade' }),
    reason: duplicateReasonEnum('reason').notNull(),
    detail: jsonb('detail'),
    status: flagStatusEnum('status').notNull().default('open'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique('duplicate_flags_pair_key').on(t.claimantId, t.otherClaimantId, t.reason).nullsNotDistinct(),
    index('duplicate_flags_case_status_idx').on(t.caseId, t.status, t.createdAt),
    index('duplicate_flags_other_idx').on(t.otherClaimantId),
    check('duplicate_flags_not_self', sql`${t.otherClaimantId} is null or ${t.otherClaimantId} <> ${t.claimantId}`),
  ],
);

/** A named list of claimants a lawyer can reuse (a bulk assignment, a filing batch). */
export const claimantSelections = pgTable(
  'claimant_selections',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    claimantIds: uuid('claimant_ids').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('claimant_selections_case_name_key').on(t.caseId, t.name)],
);

export type Review = typeof reviews.$inferSelect;
export type ReviewNote = typeof reviewNotes.$inferSelect;
export type ClaimantMessage = typeof claimantMessages.$inferSelect;
export type DuplicateFlag = typeof duplicateFlags.$inferSelect;
export type DuplicateReason = (typeof duplicateReasonEnum.enumValues)[number];
export type ClaimantSelection = typeof claimantSelections.$inferSelect;
