import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { isDeficientSql } from './queries';

/** The review queue's "past cure deadline" filter (lib/reviews/queue-conditions adds it to the WHERE). */
export const DEFICIENCY_FILTERS = ['deficient', 'not_deficient'] as const;
export type DeficiencyFilter = (typeof DEFICIENCY_FILTERS)[number];

export function deficiencyCondition(filter: DeficiencyFilter | undefined): SQL | undefined {
  if (filter === 'deficient') return isDeficientSql();
  if (filter === 'not_deficient') return sql`not ${isDeficientSql()}`;
  return undefined;
}
