-- Jobs move to pg-boss (schema pgboss, installed by db/migrate.ts after these migrations).
-- Pending work: a queued or running filing keeps its old job's id in filings.job_id; at start the
-- runner (lib/filings/adopt-filings.ts) finds no pg-boss job under that id and queues a new one.
-- Pending password-reset mails are not carried over (the person asks again); finished and failed
-- rows of the old table are history only and go with it.
ALTER TABLE "filings" ADD COLUMN "job_id" uuid;--> statement-breakpoint
UPDATE "filings" AS f SET "job_id" = j."id"
FROM "jobs" AS j
WHERE j."kind" = 'filing.generate' AND j."payload" ->> 'filingId' = f."id"::text AND j."status" IN ('queued', 'running') AND f."status" IN ('queued', 'running');--> statement-breakpoint
CREATE TABLE "job_progress" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
DROP TABLE "jobs" CASCADE;--> statement-breakpoint
DROP TYPE "public"."job_status";
