import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';

/**
 * Rollups for the dashboard and the public counter, kept current in the same transaction as the
 * writes they count (never a count over a million rows per view). A counter is identified by
 * metric (e.g. `supporters.confirmed`), an optional dimension and its value, and an hourly bucket.
 * Dimensions: `region` and `source` (supporters and claimants), `category` (the claimant's category
 * of the case's claim definition) and the dimension id of each dashboard dimension of the
 * definition version the claimant is on (one counter per value: a multiple choice counts under
 * each option chosen; unanswered under ''). Writers add ±1 to one of several shards chosen at random
 * so a surge of signatures does not queue on one hot row; readers sum the shards.
 */
export const metricCounters = pgTable(
  'metric_counters',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    dimension: text('dimension').notNull().default(''),
    dimensionValue: text('dimension_value').notNull().default(''),
    /** Start of the hour the change happened in (UTC). */
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    shard: smallint('shard').notNull().default(0),
    delta: bigint('delta', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.metric, t.dimension, t.dimensionValue, t.bucket, t.shard] }),
    index('metric_counters_case_metric_bucket_idx').on(t.caseId, t.metric, t.bucket),
    check('metric_counters_shard_range', sql`${t.shard} >= 0 and ${t.shard} < 64`),
  ],
);

export type MetricCounter = typeof metricCounters.$inferSelect;

/**
 * The question-sourced dashboard dimensions of each claim definition version, `{ dimension,
 * question }`, kept by a trigger on claim_definitions (db/migrations: rollups by definition
 * dimensions) so the claimant rollup trigger reads a few short rows, never the whole definition,
 * and only dashboard dimensions are counted (an e-mail asked as an export column never becomes a
 * counter's value).
 */
export const metricDimensions = pgTable(
  'metric_dimensions',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    definitionVersion: integer('definition_version').notNull(),
    dimension: text('dimension').notNull(),
    question: text('question').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.definitionVersion, t.dimension] })],
);

export type MetricDimensionRow = typeof metricDimensions.$inferSelect;
