import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases, consentDocuments, consentKindEnum } from './cases';
import { claimants } from './claimants';
import { id, timestamps } from './columns';

/** The signed claim statement (`claim`, named `patch_status` while only the Slammer questionnaire existed). */
export const statementKindEnum = pgEnum('statement_kind', ['claim']);

/**
 * Signed statements. A row is written only at signing and never changed afterwards (a trigger in
 * the migrations refuses UPDATE): an amendment is a new version that names the one it supersedes.
 */
export const statements = pgTable(
  'statements',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: statementKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    /** The claim definition version whose statement template produced the text. */
    definitionVersion: integer('definition_version'),
    answers: jsonb('answers').notNull(),
    renderedText: text('rendered_text').notNull(),
    language: text('language').notNull(),
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    signerIp: text('signer_ip').notNull(),
    signerUserAgent: text('signer_user_agent').notNull(),
    textSha256: text('text_sha256').notNull(),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => statements.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('statements_claimant_kind_version_key').on(t.claimantId, t.kind, t.version),
    index('statements_case_idx').on(t.caseId),
    check('statements_language', sql`${t.language} in ('ko', 'en')`),
    check('statements_sha256_format', sql`${t.textSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** E-consents (retainer, appointment of the representative party, privacy): who, when, what text, from where. */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: consentKindEnum('kind').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => consentDocuments.id, { onDelete: 'restrict' }),
    documentVersion: integer('document_version').notNull(),
    textSha256: text('text_sha256').notNull(),
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    signerIp: text('signer_ip').notNull(),
    signerUserAgent: text('signer_user_agent').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('consents_claimant_kind_version_key').on(t.claimantId, t.kind, t.documentVersion),
    index('consents_case_kind_idx').on(t.caseId, t.kind),
    check('consents_sha256_format', sql`${t.textSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export type Statement = typeof statements.$inferSelect;
export type NewStatement = typeof statements.$inferInsert;
export type Consent = typeof consents.$inferSelect;
