import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The queue itself is pg-boss's (schema `pgboss`, lib/jobs/boss.ts). pg-boss keeps no progress of
 * a running job, so a long job saves its own here, keyed by the pg-boss job id: a retry after a
 * killed process resumes from it. Deleted when the job completes.
 */
export const jobProgress = pgTable('job_progress', {
  jobId: uuid('job_id').primaryKey(),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

export type JobProgressRow = typeof jobProgress.$inferSelect;
