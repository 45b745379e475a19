ALTER TABLE "claimants" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "filed_at" timestamp with time zone;