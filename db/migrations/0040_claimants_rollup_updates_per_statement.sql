-- Recording a court filing marks every claimant of the packet filed in one UPDATE. The row
-- trigger then upserted the same few counter rows once per claimant in one transaction: each
-- upsert found the live version at the end of a chain of all the earlier ones, so 100,000
-- claimants took longer than seven minutes (quadratic). As supporters' inserts did in 0014,
-- updates are now rolled up once per statement from the transition tables, with the row
-- trigger's rule unchanged: a claimant whose keys did not change moves nothing; otherwise each
-- key it lost is taken off in the current hour and each key it gained is added in its own hour.
-- Inserts and deletes keep the row trigger.
-- A claimant's counter keys as arrays, each key also joined into one text to compare by (metric
-- and dimension ids hold no '|', so a joined key is one key). Read once per row and side.
CREATE OR REPLACE FUNCTION claimant_metric_key_arrays(c claimants)
RETURNS TABLE(keys text[], metrics text[], dimensions text[], dimension_values text[], ats timestamptz[])
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(concat_ws('|', k.metric, k.dimension, k.dimension_value)), '{}'), array_agg(k.metric),
    array_agg(k.dimension), array_agg(k.dimension_value), array_agg(k.at)
  FROM claimant_metric_keys(c) k
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claimants_rollup_updated() RETURNS trigger LANGUAGE plpgsql
-- Planned without row estimates for the transition tables, a one-row update looked costly enough
-- to be compiled by JIT first: a second spent on every claimant write.
SET jit = off
AS $$
BEGIN
  WITH pairs AS MATERIALIZED (
    -- Through jsonb: a transition table's rows lack the table's dropped columns, so they are not
    -- of its row type as they stand. Materialized, so each row is converted once.
    SELECT jsonb_populate_record(null::claimants, to_jsonb(o)) AS old_row, jsonb_populate_record(null::claimants, to_jsonb(n)) AS new_row
    FROM old_rows o JOIN new_rows n ON n.id = o.id
  ),
  keyed AS MATERIALIZED (
    SELECT (pairs.old_row).case_id AS old_case_id, (pairs.new_row).case_id AS new_case_id,
      old_keys.keys AS old_keys, old_keys.metrics AS old_metrics, old_keys.dimensions AS old_dimensions,
      old_keys.dimension_values AS old_dimension_values,
      new_keys.keys AS new_keys, new_keys.metrics AS new_metrics, new_keys.dimensions AS new_dimensions,
      new_keys.dimension_values AS new_dimension_values, new_keys.ats AS new_ats
    FROM pairs
    CROSS JOIN LATERAL claimant_metric_key_arrays(pairs.old_row) old_keys
    CROSS JOIN LATERAL claimant_metric_key_arrays(pairs.new_row) new_keys
  ),
  changes AS (
    SELECT keyed.old_case_id AS case_id, lost.metric, lost.dimension, lost.dimension_value, date_trunc('hour', now()) AS bucket, -1 AS delta
    FROM keyed
    CROSS JOIN LATERAL unnest(keyed.old_keys, keyed.old_metrics, keyed.old_dimensions, keyed.old_dimension_values)
      AS lost(key, metric, dimension, dimension_value)
    WHERE NOT (lost.key = ANY (keyed.new_keys))
    UNION ALL
    SELECT keyed.new_case_id, gained.metric, gained.dimension, gained.dimension_value, date_trunc('hour', coalesce(gained.at, now())), 1
    FROM keyed
    CROSS JOIN LATERAL unnest(keyed.new_keys, keyed.new_metrics, keyed.new_dimensions, keyed.new_dimension_values, keyed.new_ats)
      AS gained(key, metric, dimension, dimension_value, at)
    WHERE NOT (gained.key = ANY (keyed.old_keys))
  )
  INSERT INTO metric_counters AS mc (case_id, metric, dimension, dimension_value, bucket, shard, delta)
  SELECT changes.case_id, changes.metric, changes.dimension, changes.dimension_value, changes.bucket, metric_writer_shard(), sum(changes.delta)::bigint
  FROM changes
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(changes.delta) <> 0
  -- Keys in a fixed order, so concurrent statements cannot deadlock.
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (case_id, metric, dimension, dimension_value, bucket, shard)
  DO UPDATE SET delta = mc.delta + excluded.delta, updated_at = now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS claimants_rollup ON claimants;
--> statement-breakpoint
CREATE TRIGGER claimants_rollup AFTER INSERT OR DELETE ON claimants
  FOR EACH ROW EXECUTE FUNCTION claimants_rollup();
--> statement-breakpoint
CREATE TRIGGER claimants_rollup_updated AFTER UPDATE ON claimants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claimants_rollup_updated();
