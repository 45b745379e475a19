-- Dashboard and public-counter rollups, kept in the same transaction as every write to
-- supporters and claimants, whatever code path made it. Each row contributes +1 to the counter
-- keys it belongs to (metric × dimension); an update subtracts the old row's keys and adds the new
-- row's, and only net changes are written. Entries are bucketed by the hour of the stage's own
-- timestamp (so seeded history charts correctly), departures by the hour they happen.
CREATE OR REPLACE FUNCTION supporter_metric_keys(s supporters)
RETURNS TABLE(metric text, dimension text, dimension_value text, at timestamptz)
LANGUAGE sql STABLE AS $$
  WITH stages(metric, at) AS (
    SELECT 'supporters.signed', s.created_at WHERE s.withdrawn_at IS NULL
    UNION ALL SELECT 'supporters.confirmed', s.confirmed_at WHERE s.withdrawn_at IS NULL AND s.confirmed_at IS NOT NULL
    UNION ALL SELECT 'supporters.withdrawn', s.withdrawn_at WHERE s.withdrawn_at IS NOT NULL
  ),
  dims(dimension, dimension_value) AS (
    VALUES ('', ''), ('region', coalesce(s.region, '')), ('source', coalesce(s.source, ''))
  )
  SELECT stages.metric, dims.dimension, dims.dimension_value, stages.at FROM stages CROSS JOIN dims
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claimant_metric_keys(c claimants)
RETURNS TABLE(metric text, dimension text, dimension_value text, at timestamptz)
LANGUAGE sql STABLE AS $$
  WITH stages(metric, at) AS (
    SELECT 'claimants.registered', c.created_at WHERE c.status <> 'withdrawn'
    UNION ALL SELECT 'claimants.submitted', coalesce(c.submitted_at, c.updated_at)
      WHERE c.status IN ('submitted', 'needs_info', 'verified', 'rejected')
    UNION ALL SELECT 'claimants.complete', coalesce(c.submitted_at, c.updated_at)
      WHERE c.status IN ('submitted', 'needs_info', 'verified')
        AND c.has_signed_statement AND c.has_signed_consent AND c.evidence_count > 0
    UNION ALL SELECT 'claimants.verified', coalesce(c.verified_at, c.updated_at) WHERE c.status = 'verified'
    UNION ALL SELECT 'claimants.filed', coalesce(c.filed_at, c.updated_at) WHERE c.is_on_filing AND c.status <> 'withdrawn'
    UNION ALL SELECT 'claimants.withdrawn', coalesce(c.withdrawn_at, c.updated_at) WHERE c.status = 'withdrawn'
    UNION ALL SELECT 'claimants.status.' || c.status::text, c.updated_at
  ),
  dims(dimension, dimension_value) AS (
    VALUES ('', ''), ('region', coalesce(c.region, '')), ('isp', coalesce(c.isp, '')),
      ('type', coalesce(c.type::text, '')), ('source', coalesce(c.source, ''))
  )
  SELECT stages.metric, dims.dimension, dims.dimension_value, stages.at FROM stages CROSS JOIN dims
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION apply_metric_deltas(p_case_id uuid, p_old jsonb, p_new jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, k.bucket, (floor(random() * 16))::smallint, k.delta
  FROM (
    SELECT metric, dimension, dimension_value, bucket, sum(delta)::bigint AS delta
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
--> statement-breakpoint
CREATE TRIGGER supporters_rollup AFTER INSERT OR UPDATE OR DELETE ON supporters
  FOR EACH ROW EXECUTE FUNCTION supporters_rollup();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claimants_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys jsonb;
  new_keys jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT jsonb_agg(to_jsonb(k) - 'at') INTO old_keys FROM claimant_metric_keys(OLD) k;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT jsonb_agg(to_jsonb(k) - 'at') INTO new_keys FROM claimant_metric_keys(NEW) k;
  END IF;
  -- Most claimant writes (a wizard step saved) change no stage or dimension: skip them cheaply.
  IF old_keys IS DISTINCT FROM new_keys THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      SELECT jsonb_agg(to_jsonb(k)) INTO new_keys FROM claimant_metric_keys(NEW) k;
    END IF;
    PERFORM apply_metric_deltas(coalesce(NEW.case_id, OLD.case_id), old_keys, new_keys);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER claimants_rollup AFTER INSERT OR UPDATE OR DELETE ON claimants
  FOR EACH ROW EXECUTE FUNCTION claimants_rollup();
--> statement-breakpoint
-- Recount from the source rows: used after bulk loads (which skip the row triggers) and by the
-- tests that prove the incremental rollups equal a brute-force recount.
CREATE OR REPLACE FUNCTION rebuild_metric_counters(p_case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM metric_counters WHERE case_id = p_case_id;
  INSERT INTO metric_counters (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', k.at), 0, count(*)
  FROM supporters s CROSS JOIN LATERAL supporter_metric_keys(s) k
  WHERE s.case_id = p_case_id
  GROUP BY k.metric, k.dimension, k.dimension_value, date_trunc('hour', k.at);
  INSERT INTO metric_counters (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT p_case_id, k.metric, k.dimension, k.dimension_value, date_trunc('hour', k.at), 0, count(*)
  FROM claimants c CROSS JOIN LATERAL claimant_metric_keys(c) k
  WHERE c.case_id = p_case_id
  GROUP BY k.metric, k.dimension, k.dimension_value, date_trunc('hour', k.at);
END
$$;
