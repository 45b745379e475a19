DROP INDEX "filing_attachments_filing_kind_key";--> statement-breakpoint
ALTER TABLE "filing_attachments" ADD COLUMN "part" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "filing_attachments_filing_kind_part_key" ON "filing_attachments" USING btree ("filing_id","kind","part");--> statement-breakpoint
ALTER TABLE "filing_attachments" ADD CONSTRAINT "filing_attachments_part_positive" CHECK ("filing_attachments"."part" >= 1);