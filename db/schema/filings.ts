import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { claimants } from './claimants';
import { id, timestamps } from './columns';
import { blobs } from './evidence';
import { users } from './users';

export const filingKindEnum = pgEnum('filing_kind', ['packet']);
export const filingStatusEnum = pgEnum('filing_status', ['queued', 'running', 'done', 'failed', 'cancelled']);

/** One generated packet. Output is immutable: generating again makes a new version. */
export const filings = pgTable(
  'filings',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: filingKindEnum('kind').notNull().default('packet'),
    /** Documents, format (KR | US), language, Bates prefix and start, size limit, selection. */
    options: jsonb('options').notNull(),
    status: filingStatusEnum('status').notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    error: text('error'),
    /**
     * The pg-boss job that renders this filing (queue filing.generate). The job owns the run:
     * attempts, retries, heartbeat and dead letter live there; the filing keeps only what the
     * lawyer sees (status, progress, error), written by that job alone.
     */
    jobId: uuid('job_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('filings_case_version_key').on(t.caseId, t.version), index('filings_case_created_idx').on(t.caseId, t.createdAt)],
);

export const filingParts = pgTable(
  'filing_parts',
  {
    id: id(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'restrict' }),
    pageCount: integer('page_count').notNull(),
    byteSize: integer('byte_size').notNull(),
    batesFirst: text('bates_first'),
    batesLast: text('bates_last'),
    /** Pre-flight results for this part (pages, size vs limit, text layer, no JS or forms, geometry, fonts). */
    preflight: jsonb('preflight'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('filing_parts_filing_part_key').on(t.filingId, t.partNumber),
    check('filing_parts_positive', sql`${t.partNumber} > 0 and ${t.pageCount} >= 0 and ${t.byteSize} >= 0`),
  ],
);

/** The exact claimant data a filing was built from, frozen at generation time. */
export const filingClaimants = pgTable(
  'filing_claimants',
  {
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.filingId, t.claimantId] }),
    index('filing_claimants_claimant_idx').on(t.claimantId),
    // The job reads a filing's claimants a slice at a time in packet order.
    index('filing_claimants_position_idx').on(t.filingId, t.position),
  ],
);

/**
 * That a built packet was filed with the court: the day, the court and the court's case number
 * (사건번호). A packet is a draft until a lawyer records this; only then are its claimants filed
 * (claimants.is_on_filing, with the legal hold that keeps them from erasure). One record per
 * packet; the packet row it names cannot be deleted while the record stands.
 */
export const courtFilings = pgTable(
  'court_filings',
  {
    id: id(),
    filingId: uuid('filing_id')
      .notNull()
      // NO ACTION, not RESTRICT: checked at the end of the statement, so deleting a whole case
      // (which cascades to both tables) still works, while deleting a filed packet alone does not.
      .references(() => filings.id, { onDelete: 'no action' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The day the court received the packet (its 접수일), a calendar date in Korea's time zone. */
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    court: text('court').notNull(),
    courtCaseNumber: text('court_case_number').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('court_filings_filing_key').on(t.filingId),
    index('court_filings_case_filed_idx').on(t.caseId, t.filedOn),
    check('court_filings_text_present', sql`length(${t.court}) > 0 and length(${t.courtCaseNumber}) > 0`),
  ],
);

/**
 * Files generated beside a packet's parts: the proof of authority annex (선정 및 소송위임 확인서)
 * and its machine-readable manifest, the party list spreadsheet, the exhibit list. A PDF
 * attachment over the court's per-file limit is split into numbered parts like the packet, so a
 * kind has one row per part (1, 2 …); a data file is always part 1. Content-addressed like the
 * parts, so the printed SHA-256 names the stored bytes.
 */
export const filingAttachmentKindEnum = pgEnum('filing_attachment_kind', [
  'authority_annex',
  'authority_manifest',
  'party_list_xlsx',
  'exhibit_list',
]);

export const filingAttachments = pgTable(
  'filing_attachments',
  {
    id: id(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    kind: filingAttachmentKindEnum('kind').notNull(),
    part: integer('part').notNull().default(1),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'restrict' }),
    byteSize: integer('byte_size').notNull(),
    /** Pages of a PDF attachment; null for data files. */
    pageCount: integer('page_count'),
    fileName: text('file_name').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('filing_attachments_filing_kind_part_key').on(t.filingId, t.kind, t.part),
    check('filing_attachments_sizes', sql`${t.byteSize} >= 0 and (${t.pageCount} is null or ${t.pageCount} > 0)`),
    check('filing_attachments_part_positive', sql`${t.part} >= 1`),
  ],
);

export type Filing = typeof filings.$inferSelect;
export type NewFiling = typeof filings.$inferInsert;
export type FilingStatus = (typeof filingStatusEnum.enumValues)[number];
export type FilingPart = typeof filingParts.$inferSelect;
export type FilingAttachment = typeof filingAttachments.$inferSelect;
export type FilingAttachmentKind = (typeof filingAttachmentKindEnum.enumValues)[number];
export type FilingClaimant = typeof filingClaimants.$inferSelect;
export type CourtFiling = typeof courtFilings.$inferSelect;
