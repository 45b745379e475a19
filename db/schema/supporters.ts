import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases, consentDocuments } from './cases';
import { id, timestamps } from './columns';

/** People who back the case with one signature (the petition); not claimants. */
export const supporters = pgTable(
  'supporters',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower-cased and trimmed; one signature per email per case. */
    email: text('email').notNull(),
    region: text('region'),
    phoneEncrypted: text('phone_encrypted'),
    locale: text('locale').notNull().default('ko'),
    /** Campaign code or referrer host the signature came from. */
    source: text('source'),
    consentDocumentId: uuid('consent_document_id').references(() => consentDocuments.id, { onDelete: 'restrict' }),
    consentVersion: integer('consent_version').notNull(),
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** HMAC of the signer's IP: enough to see bursts, not enough to identify anyone. */
    ipHash: text('ip_hash'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('supporters_case_email_key').on(t.caseId, t.email),
    uniqueIndex('supporters_confirm_token_key').on(t.confirmTokenHash),
    index('supporters_case_created_idx').on(t.caseId, t.createdAt),
    index('supporters_case_source_idx').on(t.caseId, t.source),
    check('supporters_locale', sql`${t.locale} in ('ko', 'en')`),
  ],
);

export type Supporter = typeof supporters.$inferSelect;
export type NewSupporter = typeof supporters.$inferInsert;
