CREATE TABLE "court_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"filed_on" date NOT NULL,
	"court" text NOT NULL,
	"court_case_number" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_filings_text_present" CHECK (length("court_filings"."court") > 0 and length("court_filings"."court_case_number") > 0)
);
--> statement-breakpoint
ALTER TABLE "court_filings" ADD CONSTRAINT "court_filings_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_filings" ADD CONSTRAINT "court_filings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_filings" ADD CONSTRAINT "court_filings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "court_filings_filing_key" ON "court_filings" USING btree ("filing_id");--> statement-breakpoint
CREATE INDEX "court_filings_case_filed_idx" ON "court_filings" USING btree ("case_id","filed_on");