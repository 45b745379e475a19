import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { claimants } from './claimants';
import { blobStoreEnum } from './evidence';
import { timestamps } from './columns';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** What the claimant typed with a file; 작성자 and 작성일 are absent in uploads begun before they were asked. */
export type UploadMeta = {
  kind: string;
  label: string;
  note: string;
  filename: string;
  documentAuthor?: string;
  documentDate?: string | null;
};

/**
 * A resumable (tus) evidence upload in progress: whose it is, how long it will be, how much has
 * arrived, and the fingerprint of the file it was started with (a resume with another file is
 * refused). The bytes wait as numbered pieces in the store named here until the upload completes
 * and is checked; then the row goes and an evidence row takes its place.
 */
export const evidenceUploads = pgTable(
  'evidence_uploads',
  {
    id: text('id').primaryKey(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    byteSize: integer('byte_size').notNull(),
    receivedBytes: integer('received_bytes').notNull().default(0),
    pieceCount: integer('piece_count').notNull().default(0),
    fingerprint: text('fingerprint').notNull(),
    meta: jsonb('meta').$type<UploadMeta>().notNull(),
    store: blobStoreEnum('store').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    index('evidence_uploads_claimant_idx').on(t.claimantId),
    index('evidence_uploads_expires_idx').on(t.expiresAt),
    check('evidence_uploads_id_format', sql`${t.id} ~ '^[0-9a-f]{32}$'`),
    check('evidence_uploads_fingerprint_format', sql`${t.fingerprint} ~ '^[0-9a-f]{64}$'`),
    check('evidence_uploads_progress', sql`${t.receivedBytes} >= 0 and ${t.receivedBytes} <= ${t.byteSize}`),
  ],
);

/** The pieces of an upload in progress when the blob store is `postgres` (other stores keep them as objects). */
export const uploadPieces = pgTable(
  'upload_pieces',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => evidenceUploads.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.position] })],
);

export type EvidenceUpload = typeof evidenceUploads.$inferSelect;
