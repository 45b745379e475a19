import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseRoleEnum, cases } from './cases';
import { id, timestamps } from './columns';
import { users } from './users';

/**
 * A role offered to an address (issue 17, item 3). No role reaches an account through its address
 * alone: the holder must open the mailed link (only its SHA-256 is kept), which binds the offer to
 * their account (`acceptedAt`, `acceptedUserId`); the membership itself is created only once that
 * account has two-step sign-in (`activatedAt`). Until then the staff areas stay shut.
 */
export const caseInvitations = pgTable(
  'case_invitations',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Normalised like users.email. */
    email: text('email').notNull(),
    role: caseRoleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id, { onDelete: 'cascade' }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('case_invitations_token_hash_key').on(t.tokenHash),
    index('case_invitations_case_email_idx').on(t.caseId, t.email),
    index('case_invitations_accepted_user_idx').on(t.acceptedUserId),
  ],
);

export type CaseInvitation = typeof caseInvitations.$inferSelect;
