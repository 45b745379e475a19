ALTER TYPE "public"."filing_attachment_kind" ADD VALUE 'party_list_xlsx';--> statement-breakpoint
ALTER TYPE "public"."filing_attachment_kind" ADD VALUE 'exhibit_list';--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "document_author" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "document_date" date;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "proves_what" text DEFAULT '' NOT NULL;