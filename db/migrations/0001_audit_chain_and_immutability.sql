-- Audit trail: hash-chained in commit order and append-only.
CREATE OR REPLACE FUNCTION audit_log_digest(
  prev_hash text, row_id bigint, occurred_at timestamptz, actor_user_id uuid, action text,
  case_id uuid, subject_type text, subject_id text, ip text, details jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    prev_hash,
    row_id::text,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(actor_user_id::text, ''),
    action,
    coalesce(case_id::text, ''),
    coalesce(subject_type, ''),
    coalesce(subject_id, ''),
    coalesce(ip, ''),
    details::text
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The advisory lock serialises appends until commit, and the id is drawn under it, so walking
-- the table by id follows the chain even when transactions start out of order.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(730125143000);
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := audit_log_digest(NEW.prev_hash, NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.action,
    NEW.case_id, NEW.subject_type, NEW.subject_id, NEW.ip, NEW.details);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Signed statements never change; an amendment is a new row. Deleting stays possible for the
-- erasure of a claimant who is on no filing (filing_claimants restricts that delete otherwise).
CREATE TRIGGER statements_immutable BEFORE UPDATE ON statements FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.claimant_id, NEW.case_id, NEW.kind, NEW.document_id, NEW.document_version, NEW.text_sha256,
      NEW.signer_name, NEW.signed_at, NEW.signer_ip, NEW.signer_user_agent)
     IS DISTINCT FROM
     (OLD.claimant_id, OLD.case_id, OLD.kind, OLD.document_id, OLD.document_version, OLD.text_sha256,
      OLD.signer_name, OLD.signed_at, OLD.signer_ip, OLD.signer_user_agent) THEN
    RAISE EXCEPTION 'a signed consent cannot be changed, only revoked' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER consents_immutable BEFORE UPDATE ON consents FOR EACH ROW EXECUTE FUNCTION consents_guard();
