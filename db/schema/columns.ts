import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key shared by every aggregate: random UUIDs, so ids leak no counts or order. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** createdAt/updatedAt on every table; updatedAt moves with each write through `$onUpdate`. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
