-- The Slammer columns go (issue 18): migration 0029 moved every claimant's into `answers`, and
-- nothing reads them any more (the review queue, the claimant file, the exports read the claim
-- definition and claimant_dimensions). A row written in the old shape after 0029 (an old seed, a
-- deploy that ran old code) is moved here first, exactly as 0029 moved them, so nothing is lost:
-- only rows whose answers hold none of the Slammer keys yet, and never over an answer given since.
UPDATE claimants c SET
  definition_version = coalesce(c.definition_version, (SELECT claim_definition_version FROM cases WHERE id = c.case_id)),
  answers = jsonb_strip_nulls(jsonb_build_object(
    'pc_bang_seats', c.pc_bang_seats,
    'isp', c.isp,
    'isp.other', CASE WHEN c.isp = 'other' THEN nullif(c.isp_other, '') END,
    'line_type', c.line_type,
    -- The wizard kept "same as home" as no separate address once the connection step was saved.
    'same_as_home', CASE WHEN c.service_address_encrypted IS NOT NULL THEN 'no' WHEN 'connection' = ANY(c.completed_steps) OR c.isp IS NOT NULL THEN 'yes' END,
    -- Still encrypted: the stored form of an encrypted answer (lib/claims/store: sealed answers).
    'service_address', CASE WHEN c.service_address_encrypted IS NOT NULL THEN jsonb_build_object('$encrypted', c.service_address_encrypted) END,
    'monthly_fee', c.monthly_fee_krw,
    'outage_started_at', to_char(c.outage_started_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI'),
    'outage_ended_at', to_char(c.outage_ended_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI'),
    'impacts', CASE WHEN cardinality(c.outage_impacts) > 0 THEN to_jsonb(c.outage_impacts) END,
    'outage_note', nullif(c.outage_note, ''),
    'ran_sql_server', c.statement_draft ->> 'ranSqlServer',
    'products', CASE WHEN jsonb_array_length(coalesce(c.statement_draft -> 'products', '[]')) > 0 THEN c.statement_draft -> 'products' END,
    'products.other', nullif(c.statement_draft ->> 'productOther', ''),
    'ms02_039_status', c.statement_draft #>> '{patches,ms02_039,status}',
    'ms02_039_applied_on', nullif(c.statement_draft #>> '{patches,ms02_039,appliedOn}', ''),
    'ms02_056_status', c.statement_draft #>> '{patches,ms02_056,status}',
    'ms02_056_applied_on', nullif(c.statement_draft #>> '{patches,ms02_056,appliedOn}', ''),
    'ms02_061_status', c.statement_draft #>> '{patches,ms02_061,status}',
    'ms02_061_applied_on', nullif(c.statement_draft #>> '{patches,ms02_061,appliedOn}', ''),
    'administered_by', c.statement_draft ->> 'administeredBy',
    'administered_by.other', nullif(c.statement_draft ->> 'administeredByOther', ''),
    'warned', c.statement_draft ->> 'warned',
    'warned_by', CASE WHEN jsonb_array_length(coalesce(c.statement_draft -> 'warnedBy', '[]')) > 0 THEN c.statement_draft -> 'warnedBy' END,
    'warned_by.other', nullif(c.statement_draft ->> 'warnedByOther', ''),
    'warned_on', nullif(c.statement_draft ->> 'warnedOn', ''),
    'warned_how', CASE WHEN jsonb_array_length(coalesce(c.statement_draft -> 'warnedHow', '[]')) > 0 THEN c.statement_draft -> 'warnedHow' END,
    'free_text', nullif(c.statement_draft ->> 'freeText', '')
  )) || c.answers
WHERE (c.isp IS NOT NULL OR c.line_type IS NOT NULL OR c.monthly_fee_krw IS NOT NULL OR c.pc_bang_seats IS NOT NULL
    OR c.outage_started_at IS NOT NULL OR c.service_address_encrypted IS NOT NULL OR c.statement_draft IS NOT NULL)
  AND NOT (c.answers ?| array['isp', 'line_type', 'monthly_fee', 'pc_bang_seats', 'outage_started_at', 'service_address', 'ran_sql_server']);
--> statement-breakpoint
-- A defendant that is a service provider is no Slammer notion: the kind is renamed, its rows keep it.
ALTER TYPE "public"."defendant_kind" RENAME VALUE 'isp' TO 'service_provider';--> statement-breakpoint
ALTER TABLE "claimants" DROP CONSTRAINT "claimants_seats_positive";--> statement-breakpoint
ALTER TABLE "claimants" DROP CONSTRAINT "claimants_outage_order";--> statement-breakpoint
ALTER TABLE "claimants" DROP CONSTRAINT "claimants_amounts_non_negative";--> statement-breakpoint
DROP INDEX "claimants_case_isp_idx";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "isp";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "isp_other";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "line_type";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "service_address_encrypted";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "monthly_fee_krw";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "pc_bang_seats";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "outage_started_at";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "outage_ended_at";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "outage_impacts";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "outage_note";--> statement-breakpoint
ALTER TABLE "claimants" DROP COLUMN "statement_draft";--> statement-breakpoint
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_amounts_non_negative" CHECK ("claimants"."claimed_total_krw" >= 0);
