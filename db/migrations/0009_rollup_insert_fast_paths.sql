-- A signature surge is almost all INSERTs into supporters. The general rollup (0004) turns both
-- row versions into jsonb key lists and diffs them; a new row has no old version, so its keys
-- are simply +1 each. Same keys, buckets and writer shards (1–15; shard 0 belongs to compaction,
-- see 0008) as apply_metric_deltas, at about two thirds of the cost; UPDATE and DELETE keep the
-- general path. Keys are written in a fixed order, so concurrent inserts cannot deadlock.
CREATE OR REPLACE FUNCTION supporters_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys jsonb;
  new_keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
    SELECT NEW.case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', coalesce(k.at, now())), (1 + floor(random() * 15))::smallint, 1
    FROM supporter_metric_keys(NEW) k
    ORDER BY k.metric, k.dimension, k.dimension_value
    ON CONFLICT (case_id, metric, dimension, dimension_value, bucket, shard)
    DO UPDATE SET delta = mc.delta + 1, updated_at = now();
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT jsonb_agg(to_jsonb(k)) INTO old_keys FROM supporter_metric_keys(OLD) k;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(to_jsonb(k)) INTO new_keys FROM supporter_metric_keys(NEW) k;
  END IF;
  IF old_keys IS DISTINCT FROM new_keys THEN
    PERFORM apply_metric_deltas(coalesce(NEW.case_id, OLD.case_id), old_keys, new_keys);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The same for claimants: a sign-up inserts a draft (registered + status.draft, five dimensions
-- each); updates, which must diff old and new stages, keep the general path.
CREATE OR REPLACE FUNCTION claimants_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys jsonb;
  new_keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
    SELECT NEW.case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', coalesce(k.at, now())), (1 + floor(random() * 15))::smallint, 1
    FROM claimant_metric_keys(NEW) k
    ORDER BY k.metric, k.dimension, k.dimension_value
    ON CONFLICT (case_id, metric, dimension, dimension_value, bucket, shard)
    DO UPDATE SET delta = mc.delta + 1, updated_at = now();
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT jsonb_agg(to_jsonb(k) - 'at') INTO old_keys FROM claimant_metric_keys(OLD) k;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(to_jsonb(k) - 'at') INTO new_keys FROM claimant_metric_keys(NEW) k;
  END IF;
  -- Most claimant writes (a wizard step saved) change no stage or dimension: skip them cheaply.
  IF old_keys IS DISTINCT FROM new_keys THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT jsonb_agg(to_jsonb(k)) INTO new_keys FROM claimant_metric_keys(NEW) k;
    END IF;
    PERFORM apply_metric_deltas(coalesce(NEW.case_id, OLD.case_id), old_keys, new_keys);
  END IF;
  RETURN NULL;
END
$$;
