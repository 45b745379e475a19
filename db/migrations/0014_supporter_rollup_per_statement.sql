-- Signatures are written in batches (lib/petition/signature-batch.ts). A row trigger updated the
-- same few counter rows once per signature inside one transaction: a batch of 64 left 64 dead
-- versions of each (and as many index entries, as delta is in metric_counters_read_idx), which
-- slowed every later upsert until vacuum caught up. For inserts, a statement trigger now adds
-- each key's count once per statement from the transition table; per-row inserts (seeds, tests)
-- count the same. Updates and deletes keep the row trigger, which diffs old and new keys.
-- Keys are written in a fixed order, so concurrent statements cannot deadlock.
CREATE OR REPLACE FUNCTION supporters_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT s.case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', coalesce(k.at, now())), metric_writer_shard(), count(*)
  FROM inserted s CROSS JOIN LATERAL supporter_metric_keys(s) k
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (case_id, metric, dimension, dimension_value, bucket, shard)
  DO UPDATE SET delta = mc.delta + excluded.delta, updated_at = now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS supporters_rollup ON supporters;
--> statement-breakpoint
CREATE TRIGGER supporters_rollup AFTER UPDATE OR DELETE ON supporters
  FOR EACH ROW EXECUTE FUNCTION supporters_rollup();
--> statement-breakpoint
CREATE TRIGGER supporters_rollup_inserted AFTER INSERT ON supporters
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION supporters_rollup_inserted();
