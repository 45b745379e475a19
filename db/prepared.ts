import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './client';

const dialect = new PgDialect();

/**
 * Runs a hand-written statement as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of on every call (a third of the database's work for the
 * signature CTE). Only for the hottest paths; each name must always carry the same SQL text,
 * with the values as parameters. PGlite runs it like `db.execute`.
 */
export async function executePrepared<Row extends Record<string, unknown>>(db: Database, name: string, query: SQL): Promise<Row[]> {
  const result = await db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
  // pg and PGlite both answer with `rows`.
  return (result as { rows: Row[] }).rows;
}
