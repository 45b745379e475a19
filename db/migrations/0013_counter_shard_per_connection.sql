-- Counter shards by connection instead of at random. With random shards 1–15, concurrent
-- signatures kept landing on the same counter rows and queued behind each other's commit (each
-- waits for the other's WAL flush): under a surge most of a signature's database time and its
-- latency tail were those waits. A connection now always writes its own shard (1–63 by backend
-- pid), so two transactions only meet on a counter row if their backends' pids collide modulo 63.
-- Readers sum all shards and compaction merges shards 1–63 into shard 0 as before; the keys,
-- buckets and fixed write order (no deadlocks) are unchanged. Functions otherwise as in 0008/0009.
CREATE OR REPLACE FUNCTION metric_writer_shard() RETURNS smallint
LANGUAGE sql STABLE AS $$
  SELECT (1 + pg_backend_pid() % 63)::smallint
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION apply_metric_deltas(p_case_id uuid, p_old jsonb, p_new jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, k.bucket, k.shard, k.delta
  FROM (
    SELECT metric, dimension, dimension_value, bucket, metric_writer_shard() AS shard, sum(delta)::bigint AS delta
    FROM (
      SELECT e->>'metric' AS metric, e->>'dimension' AS dimension, e->>'dimension_value' AS dimension_value,
        date_trunc('hour', now()) AS bucket, -1 AS delta, concat_ws('|', e->>'metric', e->>'dimension', e->>'dimension_value') AS key
      FROM jsonb_array_elements(coalesce(p_old, '[]'::jsonb)) e
      UNION ALL
      SELECT e->>'metric', e->>'dimension', e->>'dimension_value',
        date_trunc('hour', coalesce((e->>'at')::timestamptz, now())), 1, concat_ws('|', e->>'metric', e->>'dimension', e->>'dimension_value')
      FROM jsonb_array_elements(coalesce(p_new, '[]'::jsonb)) e
    ) changes
    -- A key present before and after is no change at all, even if its timestamp moved.
    WHERE key NOT IN (
      SELECT concat_ws('|', o->>'metric', o->>'dimension', o->>'dimension_value') FROM jsonb_array_elements(coalesce(p_old, '[]'::jsonb)) o
      INTERSECT
      SELECT concat_ws('|', n->>'metric', n->>'dimension', n->>'dimension_value') FROM jsonb_array_elements(coalesce(p_new, '[]'::jsonb)) n
    )
    GROUP BY metric, dimension, dimension_value, bucket
    HAVING sum(delta) <> 0
  ) k
  ORDER BY k.metric, k.dimension, k.dimension_value, k.bucket
  ON CONFLICT (case_id, metric, dimension, dimension_value, bucket, shard)
  DO UPDATE SET delta = mc.delta + excluded.delta, updated_at = now();
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION supporters_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys jsonb;
  new_keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
    SELECT NEW.case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', coalesce(k.at, now())), metric_writer_shard(), 1
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
CREATE OR REPLACE FUNCTION claimants_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys jsonb;
  new_keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
    SELECT NEW.case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', coalesce(k.at, now())), metric_writer_shard(), 1
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
