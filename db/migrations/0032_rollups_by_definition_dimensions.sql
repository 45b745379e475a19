CREATE TABLE "metric_dimensions" (
	"case_id" uuid NOT NULL,
	"definition_version" integer NOT NULL,
	"dimension" text NOT NULL,
	"question" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_dimensions_case_id_definition_version_dimension_pk" PRIMARY KEY("case_id","definition_version","dimension")
);
--> statement-breakpoint
ALTER TABLE "metric_dimensions" ADD CONSTRAINT "metric_dimensions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Issue 18: the dashboard breaks down by the claim definition, not by Slammer's columns. Only the
-- dimensions a definition marks for the dashboard are counted (validation refuses free text there),
-- read from this small table, kept in step with every definition version written.
CREATE OR REPLACE FUNCTION metric_dimensions_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM metric_dimensions WHERE case_id = NEW.case_id AND definition_version = NEW.version;
  INSERT INTO metric_dimensions (case_id, definition_version, dimension, question)
  SELECT DISTINCT ON (d ->> 'id') NEW.case_id, NEW.version, d ->> 'id', d #>> '{source,question}'
  FROM jsonb_array_elements(CASE jsonb_typeof(NEW.definition -> 'dimensions') WHEN 'array' THEN NEW.definition -> 'dimensions' ELSE '[]'::jsonb END) d
  WHERE d #>> '{source,kind}' = 'question'
    AND d #>> '{source,question}' IS NOT NULL
    AND jsonb_typeof(d -> 'uses') = 'array'
    AND d -> 'uses' ? 'dashboard';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER claim_definitions_metric_dimensions AFTER INSERT OR UPDATE OF definition ON claim_definitions
  FOR EACH ROW EXECUTE FUNCTION metric_dimensions_sync();
--> statement-breakpoint
INSERT INTO metric_dimensions (case_id, definition_version, dimension, question)
SELECT DISTINCT ON (cd.case_id, cd.version, d ->> 'id') cd.case_id, cd.version, d ->> 'id', d #>> '{source,question}'
FROM claim_definitions cd
CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(cd.definition -> 'dimensions') WHEN 'array' THEN cd.definition -> 'dimensions' ELSE '[]'::jsonb END) d
WHERE d #>> '{source,kind}' = 'question'
  AND d #>> '{source,question}' IS NOT NULL
  AND jsonb_typeof(d -> 'uses') = 'array'
  AND d -> 'uses' ? 'dashboard';
--> statement-breakpoint
-- Claimant counters: the category (dimension `category`, was `type`) and each dashboard dimension
-- of the claimant's definition version under its id (Slammer's `isp` as before). A dimension whose
-- id is one of the fixed names is not counted, so it can never be added into `region` or `source`.
-- A multiple choice counts under each option chosen; an unanswered (or sealed) answer under ''.
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
    VALUES ('', ''), ('region', coalesce(c.region, '')), ('category', coalesce(c.category, '')), ('source', coalesce(c.source, ''))
    UNION ALL
    SELECT md.dimension, v.value
    FROM metric_dimensions md
    CROSS JOIN LATERAL (
      SELECT DISTINCT e #>> '{}' AS value
      FROM jsonb_array_elements(
        CASE
          WHEN jsonb_typeof(c.answers -> md.question) = 'array' AND jsonb_array_length(c.answers -> md.question) > 0 THEN c.answers -> md.question
          WHEN jsonb_typeof(c.answers -> md.question) IN ('string', 'number', 'boolean') THEN jsonb_build_array(c.answers -> md.question)
          ELSE '[""]'::jsonb
        END
      ) e
      WHERE jsonb_typeof(e) IN ('string', 'number', 'boolean')
    ) v
    WHERE md.case_id = c.case_id AND md.definition_version = c.definition_version
      AND md.dimension NOT IN ('', 'region', 'source', 'category', 'type')
  )
  SELECT stages.metric, dims.dimension, dims.dimension_value, stages.at FROM stages CROSS JOIN dims
  ORDER BY 1, 2, 3
$$;
--> statement-breakpoint
-- Claimant counters recounted under the new keys (supporters' untouched), once, here.
DELETE FROM metric_counters WHERE metric LIKE 'claimants.%';
--> statement-breakpoint
INSERT INTO metric_counters (case_id, metric, dimension, dimension_value, bucket, shard, delta)
SELECT c.case_id, k.metric, k.dimension, k.dimension_value, metric_counter_bucket(k.metric, k.dimension, k.at, metric_hourly_since()), 0, count(*)
FROM claimants c CROSS JOIN LATERAL claimant_metric_keys(c) k
GROUP BY c.case_id, k.metric, k.dimension, k.dimension_value, metric_counter_bucket(k.metric, k.dimension, k.at, metric_hourly_since());
