-- Since 0014 inserts are counted by the statement trigger supporters_rollup_inserted and the row
-- trigger supporters_rollup fires only on UPDATE and DELETE, so its INSERT branch (0009, kept in
-- 0013) could no longer run. The function is re-created without it; updates and deletes are
-- counted exactly as before (diff of the old and new keys). If the row trigger were ever attached
-- to INSERT again, an insert would now count through the same diff (no old keys) and stay correct.
CREATE OR REPLACE FUNCTION supporters_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys jsonb;
  new_keys jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT jsonb_agg(to_jsonb(k)) INTO old_keys FROM supporter_metric_keys(OLD) k;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT jsonb_agg(to_jsonb(k)) INTO new_keys FROM supporter_metric_keys(NEW) k;
  END IF;
  IF old_keys IS DISTINCT FROM new_keys THEN
    PERFORM apply_metric_deltas(coalesce(NEW.case_id, OLD.case_id), old_keys, new_keys);
  END IF;
  RETURN NULL;
END
$$;
