CREATE TYPE "public"."blob_store" AS ENUM('postgres', 'fs', 's3');--> statement-breakpoint
CREATE TABLE "evidence_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"byte_size" integer NOT NULL,
	"received_bytes" integer DEFAULT 0 NOT NULL,
	"piece_count" integer DEFAULT 0 NOT NULL,
	"fingerprint" text NOT NULL,
	"meta" jsonb NOT NULL,
	"store" "blob_store" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_uploads_id_format" CHECK ("evidence_uploads"."id" ~ '^[0-9a-f]{32}$'),
	CONSTRAINT "evidence_uploads_fingerprint_format" CHECK ("evidence_uploads"."fingerprint" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_uploads_progress" CHECK ("evidence_uploads"."received_bytes" >= 0 and "evidence_uploads"."received_bytes" <= "evidence_uploads"."byte_size")
);
--> statement-breakpoint
CREATE TABLE "upload_pieces" (
	"upload_id" text NOT NULL,
	"position" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upload_pieces_upload_id_position_pk" PRIMARY KEY("upload_id","position")
);
--> statement-breakpoint
ALTER TABLE "blobs" ALTER COLUMN "bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "blobs" ADD COLUMN "store" "blob_store" DEFAULT 'postgres' NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_pieces" ADD CONSTRAINT "upload_pieces_upload_id_evidence_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."evidence_uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_uploads_claimant_idx" ON "evidence_uploads" USING btree ("claimant_id");--> statement-breakpoint
CREATE INDEX "evidence_uploads_expires_idx" ON "evidence_uploads" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "blobs_store_idx" ON "blobs" USING btree ("store","sha256");--> statement-breakpoint
ALTER TABLE "blobs" ADD CONSTRAINT "blobs_bytes_where_stored" CHECK (("blobs"."store" = 'postgres') = ("blobs"."bytes" is not null));