ALTER TABLE "cases" ADD COLUMN "partner_origins" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "defendants" ADD COLUMN "representative_name_ko" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "defendants" ADD COLUMN "representative_name_en" text DEFAULT '' NOT NULL;