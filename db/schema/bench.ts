import { bigserial, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rows written only by the benchmark's ceiling route (a bare route doing one insert), which the
 * real routes are measured against. The route answers 404 unless JOINDER_BENCH_ROUTES=1.
 */
export const benchProbes = pgTable('bench_probes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
