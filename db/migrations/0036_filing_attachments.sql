CREATE TYPE "public"."filing_attachment_kind" AS ENUM('authority_annex', 'authority_manifest');--> statement-breakpoint
CREATE TABLE "filing_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"kind" "filing_attachment_kind" NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"page_count" integer,
	"file_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filing_attachments_sizes" CHECK ("filing_attachments"."byte_size" >= 0 and ("filing_attachments"."page_count" is null or "filing_attachments"."page_count" > 0))
);
--> statement-breakpoint
ALTER TABLE "filing_attachments" ADD CONSTRAINT "filing_attachments_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_attachments" ADD CONSTRAINT "filing_attachments_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "filing_attachments_filing_kind_key" ON "filing_attachments" USING btree ("filing_id","kind");