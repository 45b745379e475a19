-- Claims defined per case (issue 18): versioned claim definitions, answers in jsonb stamped with
-- the version, the category as text, identity columns for English filings and minors' guardians,
-- and the dimension index. The data moves in the next migration (claim_definitions_data_move).
CREATE TABLE "claim_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"dimension_questions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_definitions_version_positive" CHECK ("claim_definitions"."version" > 0),
	CONSTRAINT "claim_definitions_published_by" CHECK ("claim_definitions"."published_at" is not null or "claim_definitions"."published_by" is null)
);
--> statement-breakpoint
CREATE TABLE "claimant_dimensions" (
	"claimant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "claimant_dimensions_pkey" PRIMARY KEY("claimant_id","dimension","value")
);
--> statement-breakpoint
ALTER TABLE "claimants" RENAME COLUMN "type" TO "category";--> statement-breakpoint
ALTER TABLE "claimants" ALTER COLUMN "category" SET DATA TYPE text;--> statement-breakpoint
-- The signed statement is the claim's statement, whatever the case asks: renaming the enum value
-- relabels the signed rows without touching them (they are immutable).
ALTER TYPE "public"."statement_kind" RENAME VALUE 'patch_status' TO 'claim';--> statement-breakpoint
DROP INDEX "claimants_case_type_idx";--> statement-breakpoint
ALTER TABLE "damage_items" ALTER COLUMN "category" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "evidence" ALTER COLUMN "kind" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "evidence" ALTER COLUMN "kind" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "evidence" ALTER COLUMN "kind" SET DEFAULT 'other';--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "claim_definition_version" integer;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "definition_version" integer;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "definition_changes" jsonb;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "latin_name" text;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "is_minor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "guardian_relation" text;--> statement-breakpoint
ALTER TABLE "claimants" ADD COLUMN "guardian_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "definition_version" integer;--> statement-breakpoint
ALTER TABLE "claim_definitions" ADD CONSTRAINT "claim_definitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_definitions" ADD CONSTRAINT "claim_definitions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_dimensions" ADD CONSTRAINT "claimant_dimensions_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimant_dimensions" ADD CONSTRAINT "claimant_dimensions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_definitions_case_version_key" ON "claim_definitions" USING btree ("case_id","version");--> statement-breakpoint
CREATE INDEX "claimant_dimensions_case_value_idx" ON "claimant_dimensions" USING btree ("case_id","dimension","value","claimant_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_claim_definition_fk" FOREIGN KEY ("id","claim_definition_version") REFERENCES "public"."claim_definitions"("case_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_definition_fk" FOREIGN KEY ("case_id","definition_version") REFERENCES "public"."claim_definitions"("case_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claimants_case_category_idx" ON "claimants" USING btree ("case_id","category");--> statement-breakpoint
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_guardian" CHECK (("claimants"."guardian_relation" is null and cardinality("claimants"."guardian_names") = 0) or ("claimants"."is_minor" and "claimants"."guardian_relation" in ('parents', 'father', 'mother', 'guardian') and cardinality("claimants"."guardian_names") = case when "claimants"."guardian_relation" = 'parents' then 2 else 1 end));--> statement-breakpoint
DROP TYPE "public"."claimant_type";--> statement-breakpoint
DROP TYPE "public"."damage_category";--> statement-breakpoint
DROP TYPE "public"."evidence_kind";