-- Live counts (issue 14.4): every change of a case's counters notifies channel 'joinder_counts'
-- with the case id, and each app instance's one listener (lib/live) pushes new numbers to the
-- open streams. NOTIFY is delivered at commit, never for a rolled-back write, and PostgreSQL
-- folds identical notifications of one transaction into one, so a signature that touches a dozen
-- counter rows sends one message.
CREATE OR REPLACE FUNCTION metric_counters_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('joinder_counts', NEW.case_id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS metric_counters_notify ON metric_counters;
--> statement-breakpoint
CREATE TRIGGER metric_counters_notify AFTER INSERT OR UPDATE ON metric_counters
  FOR EACH ROW EXECUTE FUNCTION metric_counters_notify();
