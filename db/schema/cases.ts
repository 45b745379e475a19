import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './users';

export const jurisdictionEnum = pgEnum('jurisdiction', ['KR', 'US']);
export const caseStatusEnum = pgEnum('case_status', ['draft', 'open', 'closed', 'filed']);
export const caseRoleEnum = pgEnum('case_role', ['lawyer', 'organizer', 'admin']);
export const defendantKindEnum = pgEnum('defendant_kind', ['state', 'service_provider', 'vendor', 'company', 'person', 'other']);

export const cases = pgTable(
  'cases',
  {
    id: id(),
    slug: text('slug').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    summaryKo: text('summary_ko').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    courtKo: text('court_ko').notNull().default(''),
    courtEn: text('court_en').notNull().default(''),
    jurisdiction: jurisdictionEnum('jurisdiction').notNull().default('KR'),
    status: caseStatusEnum('status').notNull().default('open'),
    /** Prefix of claimant reference numbers, e.g. SLM → SLM-000123. */
    referencePrefix: text('reference_prefix').notNull(),
    supporterGoal: integer('supporter_goal').notNull().default(0),
    plaintiffGoal: integer('plaintiff_goal').notNull().default(0),
    /** When the harm began; the intake's outage questions default to it. */
    incidentStartedAt: timestamp('incident_started_at', { withTimezone: true }),
    /** Lawyers' template text for the causes of action, per language (edited per case). */
    complaintCausesKo: text('complaint_causes_ko').notNull().default(''),
    complaintCausesEn: text('complaint_causes_en').notNull().default(''),
    counselNameKo: text('counsel_name_ko').notNull().default(''),
    counselNameEn: text('counsel_name_en').notNull().default(''),
    counselAddressKo: text('counsel_address_ko').notNull().default(''),
    counselAddressEn: text('counsel_address_en').notNull().default(''),
    /**
     * Sites that may frame the embedded petition and send supporters back after a form post
     * (exact origins, e.g. https://www.pspd.org): the frame-ancestors and return-URL allow-list.
     */
    partnerOrigins: text('partner_origins')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The published claim definition new drafts start on (claim_definitions.version of this case). */
    claimDefinitionVersion: integer('claim_definition_version'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cases_slug_key').on(t.slug),
    foreignKey({
      name: 'cases_claim_definition_fk',
      columns: [t.id, t.claimDefinitionVersion],
      foreignColumns: [claimDefinitions.caseId as AnyPgColumn, claimDefinitions.version as AnyPgColumn],
    }),
    check('cases_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check('cases_goals_non_negative', sql`${t.supporterGoal} >= 0 and ${t.plaintiffGoal} >= 0`),
  ],
);

/**
 * A case's claim definition (lib/claims), one row per version. A published row never changes (a
 * trigger refuses UPDATE, migration claim_definitions): what a claimant signed names its version,
 * and that version's text, questions and formulas stay readable for good. An unpublished row is a
 * draft the case admin is still editing.
 */
export const claimDefinitions = pgTable(
  'claim_definitions',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references((): AnyPgColumn => cases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    /**
     * The definition's question-sourced dimensions, `{ dimensionId: questionId }`, kept beside it so
     * the claimant_dimensions trigger reads a small object rather than the whole definition.
     */
    dimensionQuestions: jsonb('dimension_questions')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('claim_definitions_case_version_key').on(t.caseId, t.version),
    check('claim_definitions_version_positive', sql`${t.version} > 0`),
    check('claim_definitions_published_by', sql`${t.publishedAt} is not null or ${t.publishedBy} is null`),
  ],
);

export const caseMemberships = pgTable(
  'case_memberships',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: caseRoleEnum('role').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('case_memberships_case_user_key').on(t.caseId, t.userId), index('case_memberships_user_idx').on(t.userId)],
);

export const defendants = pgTable(
  'defendants',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: defendantKindEnum('kind').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    representativeKo: text('representative_ko').notNull().default(''),
    representativeEn: text('representative_en').notNull().default(''),
    /** The representative's own name (대표이사 이용경): printed only when known. */
    representativeNameKo: text('representative_name_ko').notNull().default(''),
    representativeNameEn: text('representative_name_en').notNull().default(''),
    addressKo: text('address_ko').notNull().default(''),
    addressEn: text('address_en').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('defendants_case_position_key').on(t.caseId, t.position)],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Day-precision events (a bulletin date) leave `occurredAt` at local midnight and set `isDateOnly`. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    isDateOnly: boolean('is_date_only').notNull().default(false),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionKo: text('description_ko').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    sourceLabel: text('source_label').notNull().default(''),
    sourceUrl: text('source_url'),
    ...timestamps,
  },
  (t) => [index('case_events_case_time_idx').on(t.caseId, t.occurredAt)],
);

export const consentKindEnum = pgEnum('consent_kind', ['retainer', 'representative_appointment', 'privacy', 'petition_privacy']);

/**
 * The exact texts people agree to, versioned per case, kind and language. A signature points at
 * one row and stores the text's hash, so what was agreed can be proven later (Civil Procedure
 * Act art. 53 requires the representative's authority in writing).
 */
export const consentDocuments = pgTable(
  'consent_documents',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: consentKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodySha256: text('body_sha256').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('consent_documents_version_key').on(t.caseId, t.kind, t.version, t.locale),
    check('consent_documents_locale', sql`${t.locale} in ('ko', 'en')`),
  ],
);

export const campaignCodes = pgTable(
  'campaign_codes',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    startsOn: date('starts_on'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('campaign_codes_case_code_key').on(t.caseId, t.code),
    check('campaign_codes_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_-]{0,47}$'`),
  ],
);

export type Case = typeof cases.$inferSelect;
export type ClaimDefinitionRow = typeof claimDefinitions.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseMembership = typeof caseMemberships.$inferSelect;
export type CaseRole = (typeof caseRoleEnum.enumValues)[number];
export type Defendant = typeof defendants.$inferSelect;
export type CaseEvent = typeof caseEvents.$inferSelect;
export type ConsentDocument = typeof consentDocuments.$inferSelect;
export type ConsentKind = (typeof consentKindEnum.enumValues)[number];
export type CampaignCode = typeof campaignCodes.$inferSelect;
