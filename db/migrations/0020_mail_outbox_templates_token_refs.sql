CREATE TYPE "public"."mail_token_kind" AS ENUM('auth_token', 'supporter');--> statement-breakpoint
ALTER TYPE "public"."mail_status" ADD VALUE 'sending';--> statement-breakpoint
ALTER TYPE "public"."mail_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "subject" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "text_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "token_kind" "mail_token_kind";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "token_ref" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "token_links" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP COLUMN "html_body";--> statement-breakpoint
-- New enum values cannot be used in the transaction that adds them (all pending migrations run in
-- one), so the sweeper's index names only the old ones it leaves out.
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE status not in ('sent', 'stored');--> statement-breakpoint
-- Bodies of sent mails held live reset, invitation, verification and petition tokens: drop them.
UPDATE "mail_outbox" SET "text_body" = NULL, "subject" = NULL WHERE "status" = 'sent';--> statement-breakpoint
-- The sweeper replaces the per-mail delivery job; mails those jobs were for are still queued and
-- the sweeper sends them (a legacy row keeps its rendered body until then).
UPDATE "jobs" SET "status" = 'cancelled', "finished_at" = now() WHERE "kind" = 'mail.deliver' AND "status" IN ('queued', 'running');
