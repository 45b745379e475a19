CREATE INDEX "users_canonical_email_idx" ON "users" USING btree (canonical_email("email"));--> statement-breakpoint
CREATE INDEX "claimants_case_amount_idx" ON "claimants" USING btree ("case_id","claimed_total_krw","id");--> statement-breakpoint
CREATE INDEX "claimants_case_reference_sort_idx" ON "claimants" USING btree ("case_id",("reference_number" is null),coalesce("reference_number", ''),"id");--> statement-breakpoint
CREATE INDEX "claimants_case_name_sort_idx" ON "claimants" USING btree ("case_id",("name_normalized" is null),coalesce("name_normalized", ''),"id");--> statement-breakpoint
CREATE INDEX "claimants_case_flagged_idx" ON "claimants" USING btree ("case_id","last_activity_at","id") WHERE "claimants"."open_flag_count" > 0;--> statement-breakpoint
CREATE INDEX "claimants_case_assignee_idx" ON "claimants" USING btree ("case_id","assigned_lawyer_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "claimants_name_bigrams_idx" ON "claimants" USING gin (search_bigrams("name_normalized"));--> statement-breakpoint
CREATE INDEX "claimants_initials_bigrams_idx" ON "claimants" USING gin (search_bigrams("name_initials"));