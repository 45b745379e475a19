CREATE TYPE "public"."auth_token_kind" AS ENUM('email_verification', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('ko', 'en');--> statement-breakpoint
CREATE TYPE "public"."login_attempt_scope" AS ENUM('account', 'ip');--> statement-breakpoint
CREATE TYPE "public"."case_role" AS ENUM('lawyer', 'organizer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('draft', 'open', 'closed', 'filed');--> statement-breakpoint
CREATE TYPE "public"."consent_kind" AS ENUM('retainer', 'representative_appointment', 'privacy', 'petition_privacy');--> statement-breakpoint
CREATE TYPE "public"."defendant_kind" AS ENUM('state', 'isp', 'vendor', 'company', 'person', 'other');--> statement-breakpoint
CREATE TYPE "public"."jurisdiction" AS ENUM('KR', 'US');--> statement-breakpoint
CREATE TYPE "public"."claimant_status" AS ENUM('draft', 'submitted', 'needs_info', 'verified', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."claimant_type" AS ENUM('home_subscriber', 'pc_bang', 'online_shop', 'server_operator', 'other');--> statement-breakpoint
CREATE TYPE "public"."damage_category" AS ENUM('service_fee', 'lost_revenue', 'lost_sales', 'recovery_cost', 'data_loss', 'other');--> statement-breakpoint
CREATE TYPE "public"."statement_kind" AS ENUM('patch_status');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('isp_bill', 'screenshot', 'revenue_record', 'outage_log', 'other');--> statement-breakpoint
CREATE TYPE "public"."duplicate_reason" AS ENUM('same_email', 'same_phone', 'same_identity', 'same_evidence', 'ip_burst');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'dismissed', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."message_direction" AS ENUM('to_claimant', 'from_claimant');--> statement-breakpoint
CREATE TYPE "public"."filing_kind" AS ENUM('packet');--> statement-breakpoint
CREATE TYPE "public"."filing_status" AS ENUM('queued', 'running', 'done', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('queued', 'sent', 'stored', 'failed');--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "auth_token_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" "login_attempt_scope" NOT NULL,
	"subject" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"locale" "locale" DEFAULT 'ko' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"totp_secret_encrypted" text,
	"totp_enabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_signed_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"starts_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_codes_code_format" CHECK ("campaign_codes"."code" ~ '^[a-z0-9][a-z0-9_-]{0,47}$')
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"is_date_only" boolean DEFAULT false NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"description_ko" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"source_label" text DEFAULT '' NOT NULL,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "case_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_ko" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"court_ko" text DEFAULT '' NOT NULL,
	"court_en" text DEFAULT '' NOT NULL,
	"jurisdiction" "jurisdiction" DEFAULT 'KR' NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"reference_prefix" text NOT NULL,
	"supporter_goal" integer DEFAULT 0 NOT NULL,
	"plaintiff_goal" integer DEFAULT 0 NOT NULL,
	"incident_started_at" timestamp with time zone,
	"complaint_causes_ko" text DEFAULT '' NOT NULL,
	"complaint_causes_en" text DEFAULT '' NOT NULL,
	"counsel_name_ko" text DEFAULT '' NOT NULL,
	"counsel_name_en" text DEFAULT '' NOT NULL,
	"counsel_address_ko" text DEFAULT '' NOT NULL,
	"counsel_address_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_slug_format" CHECK ("cases"."slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
	CONSTRAINT "cases_goals_non_negative" CHECK ("cases"."supporter_goal" >= 0 and "cases"."plaintiff_goal" >= 0)
);
--> statement-breakpoint
CREATE TABLE "consent_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"version" integer NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_sha256" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_documents_locale" CHECK ("consent_documents"."locale" in ('ko', 'en'))
);
--> statement-breakpoint
CREATE TABLE "defendants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "defendant_kind" NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"representative_ko" text DEFAULT '' NOT NULL,
	"representative_en" text DEFAULT '' NOT NULL,
	"address_ko" text DEFAULT '' NOT NULL,
	"address_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"region" text,
	"phone_encrypted" text,
	"locale" text DEFAULT 'ko' NOT NULL,
	"source" text,
	"consent_document_id" uuid,
	"consent_version" integer NOT NULL,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"ip_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supporters_locale" CHECK ("supporters"."locale" in ('ko', 'en'))
);
--> statement-breakpoint
CREATE TABLE "claimants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reference_number" text,
	"status" "claimant_status" DEFAULT 'draft' NOT NULL,
	"type" "claimant_type",
	"legal_name" text,
	"name_normalized" text,
	"name_initials" text,
	"date_of_birth_encrypted" text,
	"phone_encrypted" text,
	"phone_hash" text,
	"identity_hash" text,
	"address_encrypted" text,
	"locality" text,
	"region" text,
	"isp" text,
	"isp_other" text,
	"line_type" text,
	"service_address_encrypted" text,
	"monthly_fee_krw" integer,
	"business_name" text,
	"business_registration_number" text,
	"pc_bang_seats" integer,
	"outage_started_at" timestamp with time zone,
	"outage_ended_at" timestamp with time zone,
	"outage_impacts" text[],
	"outage_note" text,
	"statement_draft" jsonb,
	"completed_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"claimed_total_krw" bigint DEFAULT 0 NOT NULL,
	"has_signed_statement" boolean DEFAULT false NOT NULL,
	"has_signed_consent" boolean DEFAULT false NOT NULL,
	"evidence_count" integer DEFAULT 0 NOT NULL,
	"open_flag_count" integer DEFAULT 0 NOT NULL,
	"is_on_filing" boolean DEFAULT false NOT NULL,
	"assigned_lawyer_id" uuid,
	"signup_ip_hash" text,
	"locale" text DEFAULT 'ko' NOT NULL,
	"submitted_at" timestamp with time zone,
	"needs_info_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"rejection_reason" text,
	"restricted_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claimants_amounts_non_negative" CHECK ("claimants"."claimed_total_krw" >= 0 and coalesce("claimants"."monthly_fee_krw", 0) >= 0),
	CONSTRAINT "claimants_seats_positive" CHECK ("claimants"."pc_bang_seats" is null or "claimants"."pc_bang_seats" > 0),
	CONSTRAINT "claimants_brn_format" CHECK ("claimants"."business_registration_number" is null or "claimants"."business_registration_number" ~ '^[0-9]{10}$'),
	CONSTRAINT "claimants_submitted_has_reference" CHECK ("claimants"."status" = 'draft' or "claimants"."reference_number" is not null),
	CONSTRAINT "claimants_outage_order" CHECK ("claimants"."outage_ended_at" is null or "claimants"."outage_started_at" is null or "claimants"."outage_ended_at" >= "claimants"."outage_started_at")
);
--> statement-breakpoint
CREATE TABLE "damage_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"category" "damage_category" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_krw" bigint NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"calculation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "damage_items_amount_non_negative" CHECK ("damage_items"."amount_krw" >= 0)
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"document_id" uuid NOT NULL,
	"document_version" integer NOT NULL,
	"text_sha256" text NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signer_ip" text NOT NULL,
	"signer_user_agent" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_sha256_format" CHECK ("consents"."text_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "statement_kind" NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"rendered_text" text NOT NULL,
	"language" text NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signer_ip" text NOT NULL,
	"signer_user_agent" text NOT NULL,
	"text_sha256" text NOT NULL,
	"supersedes_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_language" CHECK ("statements"."language" in ('ko', 'en')),
	CONSTRAINT "statements_sha256_format" CHECK ("statements"."text_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"mime" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blobs_sha256_format" CHECK ("blobs"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "blobs_size" CHECK ("blobs"."byte_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "evidence_kind" DEFAULT 'other' NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"original_filename" text NOT NULL,
	"detected_mime" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"page_count" integer,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_mime_allowed" CHECK ("evidence"."detected_mime" in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE TABLE "claimant_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"direction" "message_direction" NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claimant_selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"claimant_ids" uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"claimant_id" uuid NOT NULL,
	"other_claimant_id" uuid,
	"reason" "duplicate_reason" NOT NULL,
	"detail" jsonb,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_flags_pair_key" UNIQUE NULLS NOT DISTINCT("claimant_id","other_claimant_id","reason"),
	CONSTRAINT "duplicate_flags_not_self" CHECK ("duplicate_flags"."other_claimant_id" is null or "duplicate_flags"."other_claimant_id" <> "duplicate_flags"."claimant_id")
);
--> statement-breakpoint
CREATE TABLE "review_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"from_status" "claimant_status" NOT NULL,
	"to_status" "claimant_status" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_claimants" (
	"filing_id" uuid NOT NULL,
	"claimant_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filing_claimants_filing_id_claimant_id_pk" PRIMARY KEY("filing_id","claimant_id")
);
--> statement-breakpoint
CREATE TABLE "filing_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"part_number" integer NOT NULL,
	"sha256" text NOT NULL,
	"page_count" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"bates_first" text,
	"bates_last" text,
	"preflight" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filing_parts_positive" CHECK ("filing_parts"."part_number" > 0 and "filing_parts"."page_count" >= 0 and "filing_parts"."byte_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" "filing_kind" DEFAULT 'packet' NOT NULL,
	"options" jsonb NOT NULL,
	"status" "filing_status" DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_attempts" CHECK ("jobs"."attempts" >= 0 and "jobs"."max_attempts" > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"case_id" uuid,
	"subject_type" text,
	"subject_id" text,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"locale" text NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"status" "mail_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_counters" (
	"case_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"dimension_value" text DEFAULT '' NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"delta" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_counters_case_id_metric_dimension_dimension_value_bucket_shard_pk" PRIMARY KEY("case_id","metric","dimension","dimension_value","bucket","shard"),
	CONSTRAINT "metric_counters_shard_range" CHECK ("metric_counters"."shard" >= 0 and "metric_counters"."shard" < 64)
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_codes" ADD CONSTRAINT "campaign_codes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_codes" ADD CONSTRAINT "campaign_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_memberships" ADD CONSTRAINT "case_memberships_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_memberships" ADD CONSTRAINT "case_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_documents" ADD CONSTRAINT "consent_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defendants" ADD CONSTRAINT "defendants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters_consent_document_id_consent_documents_id_fk" FOREIGN KEY ("consent_document_id") REFERENCES "public"."consent_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_assigned_lawyer_id_users_id_fk" FOREIGN KEY ("assigned_lawyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "damage_items" ADD CONSTRAINT "damage_items_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "damage_items" ADD CONSTRAINT "damage_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_document_id_consent_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consent_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_supersedes_id_statements_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_messages" ADD CONSTRAINT "claimant_messages_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_messages" ADD CONSTRAINT "claimant_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_messages" ADD CONSTRAINT "claimant_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_selections" ADD CONSTRAINT "claimant_selections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_selections" ADD CONSTRAINT "claimant_selections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_other_claimant_id_claimants_id_fk" FOREIGN KEY ("other_claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_flags" ADD CONSTRAINT "duplicate_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_claimants" ADD CONSTRAINT "filing_claimants_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_claimants" ADD CONSTRAINT "filing_claimants_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_parts" ADD CONSTRAINT "filing_parts_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_parts" ADD CONSTRAINT "filing_parts_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_counters" ADD CONSTRAINT "metric_counters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auth_tokens_token_hash_key" ON "auth_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "login_attempts_subject_idx" ON "login_attempts" USING btree ("scope","subject","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_codes_case_code_key" ON "campaign_codes" USING btree ("case_id","code");--> statement-breakpoint
CREATE INDEX "case_events_case_time_idx" ON "case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_memberships_case_user_key" ON "case_memberships" USING btree ("case_id","user_id");--> statement-breakpoint
CREATE INDEX "case_memberships_user_idx" ON "case_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_slug_key" ON "cases" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_documents_version_key" ON "consent_documents" USING btree ("case_id","kind","version","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "defendants_case_position_key" ON "defendants" USING btree ("case_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "supporters_case_email_key" ON "supporters" USING btree ("case_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "supporters_confirm_token_key" ON "supporters" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "supporters_case_created_idx" ON "supporters" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "supporters_case_source_idx" ON "supporters" USING btree ("case_id","source");--> statement-breakpoint
CREATE UNIQUE INDEX "claimants_case_user_key" ON "claimants" USING btree ("case_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claimants_reference_key" ON "claimants" USING btree ("reference_number");--> statement-breakpoint
CREATE INDEX "claimants_user_idx" ON "claimants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "claimants_case_status_activity_idx" ON "claimants" USING btree ("case_id","status","last_activity_at");--> statement-breakpoint
CREATE INDEX "claimants_case_activity_idx" ON "claimants" USING btree ("case_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "claimants_case_type_idx" ON "claimants" USING btree ("case_id","type");--> statement-breakpoint
CREATE INDEX "claimants_case_region_idx" ON "claimants" USING btree ("case_id","region");--> statement-breakpoint
CREATE INDEX "claimants_case_isp_idx" ON "claimants" USING btree ("case_id","isp");--> statement-breakpoint
CREATE INDEX "claimants_case_name_idx" ON "claimants" USING btree ("case_id","name_normalized");--> statement-breakpoint
CREATE INDEX "claimants_case_initials_idx" ON "claimants" USING btree ("case_id","name_initials");--> statement-breakpoint
CREATE INDEX "claimants_case_phone_hash_idx" ON "claimants" USING btree ("case_id","phone_hash");--> statement-breakpoint
CREATE INDEX "claimants_case_identity_hash_idx" ON "claimants" USING btree ("case_id","identity_hash");--> statement-breakpoint
CREATE INDEX "claimants_case_signup_ip_idx" ON "claimants" USING btree ("case_id","signup_ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "damage_items_claimant_idx" ON "damage_items" USING btree ("claimant_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_claimant_kind_version_key" ON "consents" USING btree ("claimant_id","kind","document_version");--> statement-breakpoint
CREATE INDEX "consents_case_kind_idx" ON "consents" USING btree ("case_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_claimant_kind_version_key" ON "statements" USING btree ("claimant_id","kind","version");--> statement-breakpoint
CREATE INDEX "statements_case_idx" ON "statements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "evidence_claimant_idx" ON "evidence" USING btree ("claimant_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "evidence_case_sha_idx" ON "evidence" USING btree ("case_id","sha256");--> statement-breakpoint
CREATE INDEX "claimant_messages_claimant_idx" ON "claimant_messages" USING btree ("claimant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "claimant_selections_case_name_key" ON "claimant_selections" USING btree ("case_id","name");--> statement-breakpoint
CREATE INDEX "duplicate_flags_case_status_idx" ON "duplicate_flags" USING btree ("case_id","status","created_at");--> statement-breakpoint
CREATE INDEX "duplicate_flags_other_idx" ON "duplicate_flags" USING btree ("other_claimant_id");--> statement-breakpoint
CREATE INDEX "review_notes_claimant_idx" ON "review_notes" USING btree ("claimant_id","created_at");--> statement-breakpoint
CREATE INDEX "reviews_claimant_idx" ON "reviews" USING btree ("claimant_id","created_at");--> statement-breakpoint
CREATE INDEX "reviews_case_idx" ON "reviews" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "filing_claimants_claimant_idx" ON "filing_claimants" USING btree ("claimant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_parts_filing_part_key" ON "filing_parts" USING btree ("filing_id","part_number");--> statement-breakpoint
CREATE UNIQUE INDEX "filings_case_version_key" ON "filings" USING btree ("case_id","version");--> statement-breakpoint
CREATE INDEX "filings_case_created_idx" ON "filings" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_claimable_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_to_idx" ON "mail_outbox" USING btree ("to_address","created_at");--> statement-breakpoint
CREATE INDEX "metric_counters_case_metric_bucket_idx" ON "metric_counters" USING btree ("case_id","metric","bucket");