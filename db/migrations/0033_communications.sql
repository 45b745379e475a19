CREATE TYPE "public"."comm_audience" AS ENUM('supporters', 'claimants');--> statement-breakpoint
CREATE TYPE "public"."comm_channel" AS ENUM('email', 'sms', 'lms', 'alimtalk');--> statement-breakpoint
CREATE TYPE "public"."comm_kind" AS ENUM('update', 'transactional');--> statement-breakpoint
CREATE TYPE "public"."comm_message_status" AS ENUM('draft', 'awaiting_approval', 'scheduled', 'sending', 'sent', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."comm_recipient_status" AS ENUM('queued', 'sending', 'sent', 'deferred', 'bounced', 'failed', 'suppressed');--> statement-breakpoint
CREATE TABLE "comm_case_settings" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"approval_threshold" integer DEFAULT 100 NOT NULL,
	"remind_unconfirmed" boolean DEFAULT false NOT NULL,
	"remind_incomplete" boolean DEFAULT false NOT NULL,
	"remind_deadline" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comm_consents" (
	"case_id" uuid NOT NULL,
	"supporter_id" uuid NOT NULL,
	"consent_text" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comm_consents_case_id_supporter_id_pk" PRIMARY KEY("case_id","supporter_id")
);
--> statement-breakpoint
CREATE TABLE "comm_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"audience" "comm_audience" NOT NULL,
	"channel" "comm_channel" DEFAULT 'email' NOT NULL,
	"kind" "comm_kind" DEFAULT 'update' NOT NULL,
	"segment" jsonb NOT NULL,
	"subject_ko" text DEFAULT '' NOT NULL,
	"subject_en" text DEFAULT '' NOT NULL,
	"body_ko" text NOT NULL,
	"body_en" text NOT NULL,
	"status" "comm_message_status" DEFAULT 'draft' NOT NULL,
	"reminder_kind" text,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_count" integer,
	"send_at" timestamp with time zone,
	"frozen_at" timestamp with time zone,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"hold_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comm_messages_transactional_claimants" CHECK ("comm_messages"."kind" = 'update' or "comm_messages"."audience" = 'claimants')
);
--> statement-breakpoint
CREATE TABLE "comm_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"address" text NOT NULL,
	"locale" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "comm_recipient_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comm_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comm_reminders_kind" CHECK ("comm_reminders"."kind" in ('unconfirmed', 'incomplete', 'deficiency'))
);
--> statement-breakpoint
CREATE TABLE "comm_suppressions" (
	"case_id" uuid NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comm_suppressions_case_id_address_pk" PRIMARY KEY("case_id","address"),
	CONSTRAINT "comm_suppressions_reason" CHECK ("comm_suppressions"."reason" in ('unsubscribed', 'bounced'))
);
--> statement-breakpoint
ALTER TABLE "comm_case_settings" ADD CONSTRAINT "comm_case_settings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_consents" ADD CONSTRAINT "comm_consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_consents" ADD CONSTRAINT "comm_consents_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_messages" ADD CONSTRAINT "comm_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_messages" ADD CONSTRAINT "comm_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_messages" ADD CONSTRAINT "comm_messages_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_recipients" ADD CONSTRAINT "comm_recipients_message_id_comm_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."comm_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_recipients" ADD CONSTRAINT "comm_recipients_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_reminders" ADD CONSTRAINT "comm_reminders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_suppressions" ADD CONSTRAINT "comm_suppressions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comm_messages_case_created_idx" ON "comm_messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "comm_recipients_idempotency_key" ON "comm_recipients" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "comm_recipients_message_status_idx" ON "comm_recipients" USING btree ("message_id","status");--> statement-breakpoint
CREATE INDEX "comm_recipients_due_idx" ON "comm_recipients" USING btree ("message_id","next_attempt_at") WHERE status in ('queued', 'deferred', 'sending');--> statement-breakpoint
CREATE INDEX "comm_recipients_person_idx" ON "comm_recipients" USING btree ("case_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "comm_reminders_person_idx" ON "comm_reminders" USING btree ("case_id","kind","person_id","created_at");