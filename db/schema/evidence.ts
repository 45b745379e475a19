import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { claimants } from './claimants';
import { id, timestamps } from './columns';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** Content-addressed file store: the SHA-256 of the bytes is the key, so a file is kept once. */
export const blobs = pgTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    bytes: bytea('bytes').notNull(),
    byteSize: integer('byte_size').notNull(),
    mime: text('mime').notNull(),
    ...timestamps,
  },
  (t) => [check('blobs_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`), check('blobs_size', sql`${t.byteSize} >= 0`)],
);

export const evidenceKindEnum = pgEnum('evidence_kind', ['isp_bill', 'screenshot', 'revenue_record', 'outage_log', 'other']);

export const evidence = pgTable(
  'evidence',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: evidenceKindEnum('kind').notNull().default('other'),
    label: text('label').notNull().default(''),
    note: text('note').notNull().default(''),
    originalFilename: text('original_filename').notNull(),
    /** Decided from the bytes (magic numbers), never from the name or the browser's claim. */
    detectedMime: text('detected_mime').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'restrict' }),
    pageCount: integer('page_count'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    index('evidence_claimant_idx').on(t.claimantId, t.uploadedAt),
    index('evidence_case_sha_idx').on(t.caseId, t.sha256),
    check('evidence_mime_allowed', sql`${t.detectedMime} in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')`),
  ],
);

export type Blob = typeof blobs.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type NewEvidence = typeof evidence.$inferInsert;
export type EvidenceKind = (typeof evidenceKindEnum.enumValues)[number];
