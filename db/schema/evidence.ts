import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { claimants } from './claimants';
import { id, timestamps } from './columns';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** Where a blob's bytes live (lib/blobs): in this table, in a filesystem folder, or in an S3 bucket. */
export const blobStoreEnum = pgEnum('blob_store', ['postgres', 'fs', 's3']);

/**
 * Content-addressed file store: the SHA-256 of the bytes is the key, so a file is kept once. The
 * row is the index every evidence and filing row refers to; the bytes are here only for the
 * `postgres` store, otherwise in the object store the row names (lib/blobs).
 */
export const blobs = pgTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    bytes: bytea('bytes'),
    byteSize: integer('byte_size').notNull(),
    mime: text('mime').notNull(),
    store: blobStoreEnum('store').notNull().default('postgres'),
    ...timestamps,
  },
  (t) => [
    check('blobs_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('blobs_size', sql`${t.byteSize} >= 0`),
    check('blobs_bytes_where_stored', sql`(${t.store} = 'postgres') = (${t.bytes} is not null)`),
    index('blobs_store_idx').on(t.store, t.sha256),
  ],
);

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
    /** An evidence kind of the case's claim definition (`evidence[].id`). */
    kind: text('kind').notNull().default('other'),
    /** The exhibit's title (표목) in the exhibit list; the claimant's own words until counsel edits it. */
    label: text('label').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Who made the document (작성자), for the exhibit list (민사소송규칙 제105조); set at upload or review. */
    documentAuthor: text('document_author').notNull().default(''),
    /** When the document was made (작성일), a calendar date; null when not known. */
    documentDate: date('document_date', { mode: 'string' }),
    /** What the exhibit proves (입증취지), written by counsel at review. */
    provesWhat: text('proves_what').notNull().default(''),
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
export type BlobStoreKind = (typeof blobStoreEnum.enumValues)[number];
export type Evidence = typeof evidence.$inferSelect;
export type NewEvidence = typeof evidence.$inferInsert;
