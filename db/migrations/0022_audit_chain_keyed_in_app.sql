-- The audit chain moves into application code (lib/audit): an HMAC under a key kept outside the
-- database, one chain per case plus one for the platform, each ordered by a row lock on its head
-- (audit_chain_heads) instead of one advisory lock for every audited action everywhere.
DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_log_chain();
--> statement-breakpoint
-- Rows written until now form the `legacy` chain, in the id order the old trigger linked them in.
-- The verifier still checks them with the old unkeyed digest (recomputed in lib/audit/legacy.ts),
-- and the first anchor recorded after the upgrade pins their head outside the database.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log SET seq = numbered.seq
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_log) AS numbered
WHERE audit_log.id = numbered.id;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_log_digest(text, bigint, timestamptz, uuid, text, uuid, text, text, text, jsonb);
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN chain DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq DROP DEFAULT;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_key" ON "audit_log" USING btree ("chain","seq");
