ALTER TABLE "users" ADD COLUMN "totp_last_time_step" integer;--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","id");