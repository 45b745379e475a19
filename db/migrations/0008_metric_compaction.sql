-- Keeps dashboard reads small as a campaign runs for months (0004 writes one row per key, hour and
-- random shard). Compaction merges the shards of finished hours into shard 0 and folds rows into
-- one per Korean calendar day wherever hours are never shown. Only the growth chart shows hours,
-- only for its two series (case-wide signatures and claimant accounts) and only for spans up to
-- 400 hours (lib/metrics/growth.ts), which always lie within the last 17 days: those rows stay
-- hourly for 17 days, everything else (other metrics, breakdown rows) becomes daily once settled.
-- Totals are unchanged by either step; the property tests hold compaction to that.
CREATE OR REPLACE FUNCTION metric_day_start(p_at timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('day', p_at AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul'
$$;
--> statement-breakpoint
-- The first instant whose case-wide rows stay hourly.
CREATE OR REPLACE FUNCTION metric_hourly_since() RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT metric_day_start(now() - interval '17 days')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_counter_bucket(p_metric text, p_dimension text, p_at timestamptz, p_hourly_since timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_dimension = '' AND p_metric IN ('supporters.signed', 'claimants.registered') AND p_at >= p_hourly_since THEN date_trunc('hour', p_at)
    ELSE metric_day_start(p_at)
  END
$$;
--> statement-breakpoint
-- Writers now use shards 1–15 and leave shard 0 to compaction and rebuilds: compaction then never
-- waits for a writer (the rows it merges are taken with SKIP LOCKED, the shard-0 rows it adds to
-- are its own), so it cannot deadlock with a signature — a writer at most waits for it to commit.
-- Within one statement the keys are written in a fixed order, so two writers cannot deadlock on
-- each other's keys either.
CREATE OR REPLACE FUNCTION apply_metric_deltas(p_case_id uuid, p_old jsonb, p_new jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, k.bucket, k.shard, k.delta
  FROM (
    SELECT metric, dimension, dimension_value, bucket, (1 + floor(random() * 15))::smallint AS shard, sum(delta)::bigint AS delta
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
CREATE OR REPLACE FUNCTION compact_metric_counters(p_case_id uuid, p_before timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_metrics text[];
  v_dimensions text[];
  v_values text[];
  v_buckets timestamptz[];
  v_deltas bigint[];
  v_moved integer;
  v_hourly_since timestamptz := metric_hourly_since();
BEGIN
  -- Several app instances may ask at once: one compacts, the others skip (-1).
  IF NOT pg_try_advisory_xact_lock(730125002, hashtext(p_case_id::text)) THEN
    RETURN -1;
  END IF;
  -- Rows a writer holds right now are skipped (merged next time). Two statements, not one: the
  -- re-insert must not meet rows the same statement deleted; a writer that wants a row being
  -- deleted waits for this transaction, then inserts it afresh.
  WITH moved AS (
    DELETE FROM metric_counters m
    WHERE (m.case_id, m.metric, m.dimension, m.dimension_value, m.bucket, m.shard) IN (
      SELECT c.case_id, c.metric, c.dimension, c.dimension_value, c.bucket, c.shard
      FROM metric_counters c
      WHERE c.case_id = p_case_id AND c.bucket < p_before
        AND (c.shard <> 0 OR c.delta = 0 OR c.bucket <> metric_counter_bucket(c.metric, c.dimension, c.bucket, v_hourly_since))
      FOR UPDATE SKIP LOCKED
    )
    RETURNING m.metric, m.dimension, m.dimension_value, metric_counter_bucket(m.metric, m.dimension, m.bucket, v_hourly_since) AS target, m.delta
  ),
  merged AS (
    SELECT metric, dimension, dimension_value, target, sum(delta)::bigint AS delta, count(*)::integer AS n
    FROM moved GROUP BY metric, dimension, dimension_value, target
  )
  SELECT array_agg(metric), array_agg(dimension), array_agg(dimension_value), array_agg(target), array_agg(delta), coalesce(sum(n), 0)::integer
  INTO v_metrics, v_dimensions, v_values, v_buckets, v_deltas, v_moved
  FROM merged;
  IF v_moved = 0 THEN
    RETURN 0;
  END IF;
  INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, u.metric, u.dimension, u.dimension_value, u.bucket, 0, u.delta
  FROM unnest(v_metrics, v_dimensions, v_values, v_buckets, v_deltas) AS u(metric, dimension, dimension_value, bucket, delta)
  WHERE u.delta <> 0
  ON CONFLICT (case_id, metric, dimension, dimension_value, bucket, shard)
  DO UPDATE SET delta = mc.delta + excluded.delta, updated_at = now();
  RETURN v_moved;
END
$$;
--> statement-breakpoint
-- The recount now writes what compaction would leave, and refreshes the planner's statistics (a
-- bulk load changes the table's shape at once, before autovacuum would notice).
CREATE OR REPLACE FUNCTION rebuild_metric_counters(p_case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_hourly_since timestamptz := metric_hourly_since();
BEGIN
  -- Not while a compaction of the case runs (it would re-add what this deletes).
  PERFORM pg_advisory_xact_lock(730125002, hashtext(p_case_id::text));
  DELETE FROM metric_counters WHERE case_id = p_case_id;
  INSERT INTO metric_counters (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, metric_counter_bucket(k.metric, k.dimension, k.at, v_hourly_since), 0, count(*)
  FROM supporters s CROSS JOIN LATERAL supporter_metric_keys(s) k
  WHERE s.case_id = p_case_id
  GROUP BY k.metric, k.dimension, k.dimension_value, metric_counter_bucket(k.metric, k.dimension, k.at, v_hourly_since);
  INSERT INTO metric_counters (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, metric_counter_bucket(k.metric, k.dimension, k.at, v_hourly_since), 0, count(*)
  FROM claimants c CROSS JOIN LATERAL claimant_metric_keys(c) k
  WHERE c.case_id = p_case_id
  GROUP BY k.metric, k.dimension, k.dimension_value, metric_counter_bucket(k.metric, k.dimension, k.at, v_hourly_since);
  ANALYZE metric_counters;
END
$$;
--> statement-breakpoint
-- Every dashboard read filters on these columns and sums delta: with delta in the index the reads
-- are index-only over settled (all-visible) rows instead of one heap visit per row.
CREATE INDEX IF NOT EXISTS metric_counters_read_idx ON metric_counters (case_id, metric, dimension, dimension_value, bucket) INCLUDE (delta);
