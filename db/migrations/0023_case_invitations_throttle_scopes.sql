ALTER TYPE "public"."login_attempt_scope" ADD VALUE 'reauth';--> statement-breakpoint
ALTER TYPE "public"."login_attempt_scope" ADD VALUE 'reset_address';--> statement-breakpoint
ALTER TYPE "public"."login_attempt_scope" ADD VALUE 'reset_ip';--> statement-breakpoint
ALTER TYPE "public"."login_attempt_scope" ADD VALUE 'notice';--> statement-breakpoint
ALTER TYPE "public"."login_attempt_scope" ADD VALUE 'verification';--> statement-breakpoint
CREATE TABLE "case_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "case_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_invitations" ADD CONSTRAINT "case_invitations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_invitations" ADD CONSTRAINT "case_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_invitations" ADD CONSTRAINT "case_invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_invitations_token_hash_key" ON "case_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "case_invitations_case_email_idx" ON "case_invitations" USING btree ("case_id","email");--> statement-breakpoint
CREATE INDEX "case_invitations_accepted_user_idx" ON "case_invitations" USING btree ("accepted_user_id");