import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases, claimDefinitions } from './cases';
import { id, timestamps } from './columns';
import { users } from './users';

export const claimantStatusEnum = pgEnum('claimant_status', ['draft', 'submitted', 'needs_info', 'verified', 'rejected', 'withdrawn']);

/**
 * One person's claim in one case. Personal fields that PIPA treats as sensitive (phone, detailed
 * addresses, date of birth) are stored field-encrypted; the `*Hash` columns are keyed blind
 * indexes (HMAC) so duplicates can be found without decrypting. No resident registration number
 * is ever collected (PIPA art. 24-2): the date of birth identifies instead.
 */
export const claimants = pgTable(
  'claimants',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    referenceNumber: text('reference_number'),
    status: claimantStatusEnum('status').notNull().default('draft'),
    /** The claimant category of the case's claim definition (its `categories[].id`). */
    category: text('category'),
    /**
     * The case-specific answers of the claim definition the draft was last saved under, keyed by
     * question id; `definitionVersion` names that version (drafts move forward on publish).
     */
    answers: jsonb('answers')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    definitionVersion: integer('definition_version'),
    /**
     * What changed for this draft when it last moved to a newer published definition (lib/claims
     * store): shown to the claimant until their next save.
     */
    definitionChanges: jsonb('definition_changes').$type<DefinitionChangeNotice | null>(),

    legalName: text('legal_name'),
    /** The name in Latin letters as in the passport, for cases that file in English. */
    latinName: text('latin_name'),
    /** NFC, lower-case, no spaces: for search and duplicate checks. */
    nameNormalized: text('name_normalized'),
    /** Leading consonants of each Hangul syllable (홍길동 → ㅎㄱㄷ) for 초성 search. */
    nameInitials: text('name_initials'),
    dateOfBirthEncrypted: text('date_of_birth_encrypted'),
    phoneEncrypted: text('phone_encrypted'),
    phoneHash: text('phone_hash'),
    /** HMAC(name_normalized | date of birth): same person signing up twice. */
    identityHash: text('identity_hash'),
    addressEncrypted: text('address_encrypted'),
    /** 시/군/구-level locality, shown where a format allows no more than that. */
    locality: text('locality'),
    region: text('region'),

    /**
     * A minor joins through a legal guardian, who holds the account and signs: 친권자 (both parents,
     * or one) or 후견인. `guardianNames` lists father first, then mother, for `parents`.
     */
    isMinor: boolean('is_minor').notNull().default(false),
    guardianRelation: text('guardian_relation'),
    guardianNames: text('guardian_names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),

    businessName: text('business_name'),
    businessRegistrationNumber: text('business_registration_number'),

    /** Wizard steps the claimant has saved at least once. */
    completedSteps: text('completed_steps')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),

    /** Denormalised for the review queue and the funnel (kept in the same transaction as the source rows). */
    claimedTotalKrw: bigint('claimed_total_krw', { mode: 'number' }).notNull().default(0),
    hasSignedStatement: boolean('has_signed_statement').notNull().default(false),
    hasSignedConsent: boolean('has_signed_consent').notNull().default(false),
    evidenceCount: integer('evidence_count').notNull().default(0),
    openFlagCount: integer('open_flag_count').notNull().default(0),
    isOnFiling: boolean('is_on_filing').notNull().default(false),

    assignedLawyerId: uuid('assigned_lawyer_id').references(() => users.id, { onDelete: 'set null' }),
    signupIpHash: text('signup_ip_hash'),
    /** Campaign code or referrer the claimant arrived from. */
    source: text('source'),
    locale: text('locale').notNull().default('ko'),

    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    needsInfoAt: timestamp('needs_info_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
    rejectionReason: text('rejection_reason'),
    /** Legal hold: once on a filing, erasure restricts processing instead of deleting. */
    restrictedAt: timestamp('restricted_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency for review decisions: a decision names the version it saw. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('claimants_case_user_key').on(t.caseId, t.userId),
    uniqueIndex('claimants_reference_key').on(t.referenceNumber),
    index('claimants_user_idx').on(t.userId),
    index('claimants_case_status_activity_idx').on(t.caseId, t.status, t.lastActivityAt),
    index('claimants_case_activity_idx').on(t.caseId, t.lastActivityAt),
    index('claimants_case_category_idx').on(t.caseId, t.category),
    index('claimants_case_region_idx').on(t.caseId, t.region),
    index('claimants_case_name_idx').on(t.caseId, t.nameNormalized),
    index('claimants_case_initials_idx').on(t.caseId, t.nameInitials),
    index('claimants_case_phone_hash_idx').on(t.caseId, t.phoneHash),
    index('claimants_case_identity_hash_idx').on(t.caseId, t.identityHash),
    index('claimants_case_signup_ip_idx').on(t.caseId, t.signupIpHash, t.createdAt),
    // Review queue (lib/reviews/queue.ts): one index per sort, keyed exactly like its ORDER BY so a
    // page is a short index range; name search through pairs of characters (search_bigrams, migration 0006).
    index('claimants_case_amount_idx').on(t.caseId, t.claimedTotalKrw, t.id),
    index('claimants_case_reference_sort_idx').on(
      t.caseId,
      sql`(${t.referenceNumber} is null)`,
      sql`coalesce(${t.referenceNumber}, '')`,
      t.id,
    ),
    index('claimants_case_name_sort_idx').on(t.caseId, sql`(${t.nameNormalized} is null)`, sql`coalesce(${t.nameNormalized}, '')`, t.id),
    index('claimants_case_flagged_idx')
      .on(t.caseId, t.lastActivityAt, t.id)
      .where(sql`${t.openFlagCount} > 0`),
    index('claimants_case_assignee_idx').on(t.caseId, t.assignedLawyerId, t.lastActivityAt),
    index('claimants_name_bigrams_idx').using('gin', sql`search_bigrams(${t.nameNormalized})`),
    index('claimants_initials_bigrams_idx').using('gin', sql`search_bigrams(${t.nameInitials})`),
    check('claimants_amounts_non_negative', sql`${t.claimedTotalKrw} >= 0`),
    check('claimants_brn_format', sql`${t.businessRegistrationNumber} is null or ${t.businessRegistrationNumber} ~ '^[0-9]{10}$'`),
    // A draft withdrawn before it was ever submitted never got a reference number.
    check(
      'claimants_submitted_has_reference',
      sql`${t.status} = 'draft' or ${t.referenceNumber} is not null or (${t.status} = 'withdrawn' and ${t.submittedAt} is null)`,
    ),
    check(
      'claimants_guardian',
      // A minor's draft may not have named the guardian yet (the category step comes first); once
      // the relation is given, its names are complete: two for both parents, one otherwise.
      sql`(${t.guardianRelation} is null and cardinality(${t.guardianNames}) = 0) or (${t.isMinor} and ${t.guardianRelation} in ('parents', 'father', 'mother', 'guardian') and cardinality(${t.guardianNames}) = case when ${t.guardianRelation} = 'parents' then 2 else 1 end)`,
    ),
    foreignKey({
      name: 'claimants_definition_fk',
      columns: [t.caseId, t.definitionVersion],
      foreignColumns: [claimDefinitions.caseId, claimDefinitions.version],
    }),
  ],
);

export const damageItems = pgTable(
  'damage_items',
  {
    id: id(),
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** A damages category of the case's claim definition. */
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    amountKrw: bigint('amount_krw', { mode: 'number' }).notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    /** The helper's inputs (seats, hourly rate, hours …) so the amount can be re-derived and explained. */
    calculation: jsonb('calculation'),
    ...timestamps,
  },
  (t) => [
    index('damage_items_claimant_idx').on(t.claimantId, t.position),
    check('damage_items_amount_non_negative', sql`${t.amountKrw} >= 0`),
  ],
);

/** A draft's move to a newer definition, as the claimant is told it (ko and en, per change). */
export type DefinitionChangeNotice = {
  fromVersion: number;
  toVersion: number;
  changes: { path: string; change: string; message: { ko: string; en: string } }[];
};

export type Claimant = typeof claimants.$inferSelect;
export type NewClaimant = typeof claimants.$inferInsert;
export type ClaimantStatus = (typeof claimantStatusEnum.enumValues)[number];
export type DamageItem = typeof damageItems.$inferSelect;

/**
 * The dimension answers of each claimant (the definition's `dimensions`), one row per value, kept
 * by a trigger on claimants from `answers` (migration claimant_dimensions): the review queue's
 * filters and the exports find claimants by value through one index, whatever the case asks.
 */
export const claimantDimensions = pgTable(
  'claimant_dimensions',
  {
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => claimants.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ name: 'claimant_dimensions_pkey', columns: [t.claimantId, t.dimension, t.value] }),
    index('claimant_dimensions_case_value_idx').on(t.caseId, t.dimension, t.value, t.claimantId),
  ],
);
export type ClaimantDimension = typeof claimantDimensions.$inferSelect;
