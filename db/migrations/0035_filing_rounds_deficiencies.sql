CREATE TYPE "public"."deficiency_status" AS ENUM('open', 'cured', 'expired', 'closed');--> statement-breakpoint
CREATE TABLE "deficiency_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"claimant_id" uuid NOT NULL,
	"reason_code" text NOT NULL,
	"message" text NOT NULL,
	"cure_by" date NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"status" "deficiency_status" DEFAULT 'open' NOT NULL,
	"message_id" uuid,
	"sent_by" uuid,
	"cured_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deficiency_notices_message_present" CHECK (length("deficiency_notices"."message") > 0)
);
--> statement-breakpoint
CREATE TABLE "deficiency_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_ko" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deficiency_reasons_labels_present" CHECK (length("deficiency_reasons"."label_ko") > 0 and length("deficiency_reasons"."label_en") > 0)
);
--> statement-breakpoint
CREATE TABLE "filing_round_claimants" (
	"claimant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filing_round_claimants_claimant_id_pk" PRIMARY KEY("claimant_id")
);
--> statement-breakpoint
CREATE TABLE "filing_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"cutoff_on" date NOT NULL,
	"selection_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filing_rounds_positive" CHECK ("filing_rounds"."number" > 0 and length("filing_rounds"."name") > 0)
);
--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_message_id_claimant_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."claimant_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_reasons" ADD CONSTRAINT "deficiency_reasons_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_round_claimants" ADD CONSTRAINT "filing_round_claimants_claimant_id_claimants_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."claimants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_round_claimants" ADD CONSTRAINT "filing_round_claimants_round_id_filing_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."filing_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_round_claimants" ADD CONSTRAINT "filing_round_claimants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_rounds" ADD CONSTRAINT "filing_rounds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_rounds" ADD CONSTRAINT "filing_rounds_selection_id_claimant_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."claimant_selections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_rounds" ADD CONSTRAINT "filing_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deficiency_notices_claimant_idx" ON "deficiency_notices" USING btree ("claimant_id","created_at");--> statement-breakpoint
CREATE INDEX "deficiency_notices_case_status_idx" ON "deficiency_notices" USING btree ("case_id","status","deadline_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deficiency_reasons_case_code_key" ON "deficiency_reasons" USING btree ("case_id","code");--> statement-breakpoint
CREATE INDEX "filing_round_claimants_round_idx" ON "filing_round_claimants" USING btree ("round_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_rounds_case_number_key" ON "filing_rounds" USING btree ("case_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_rounds_case_name_key" ON "filing_rounds" USING btree ("case_id","name");