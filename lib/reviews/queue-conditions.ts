import { type SQL, and, eq, gt, isNull, sql } from 'drizzle-orm';
import { claimantDimensions, claimants, duplicateFlags } from '@/db/schema';
import { deficiencyCondition } from '@/lib/deficiencies/queue-filter';
import type { QueueFilters } from './queue-filters';
import { type SearchTerm, classifySearch, escapeLike, searchBigrams } from './search';

/**
 * The WHERE clause of the review queue. The case id always comes first: every index the queue
 * uses starts with it, and no filter can ever reach another case's claimants.
 */
export function buildQueueConditions(caseId: string, referencePrefix: string, filters: QueueFilters, viewerId: string): SQL {
  const conditions: (SQL | undefined)[] = [eq(claimants.caseId, caseId)];
  if (filters.status !== 'all') conditions.push(eq(claimants.status, filters.status));
  if (filters.category) conditions.push(eq(claimants.category, filters.category));
  if (filters.region) conditions.push(eq(claimants.region, filters.region));
  for (const [dimension, value] of Object.entries(filters.dimensions)) conditions.push(dimensionCondition(caseId, dimension, value));
  conditions.push(completenessCondition(filters.completeness));
  conditions.push(flagCondition(filters.flags));
  conditions.push(deficiencyCondition(filters.deficiency));
  if (filters.assignee === 'none') conditions.push(isNull(claimants.assignedLawyerId));
  else if (filters.assignee) conditions.push(eq(claimants.assignedLawyerId, filters.assignee === 'me' ? viewerId : filters.assignee));
  if (filters.q) {
    const term = classifySearch(filters.q, referencePrefix);
    conditions.push(term ? searchCondition(term) : sql`false`);
  }
  return and(...conditions)!;
}

/**
 * A definition dimension's answer, through the claimant_dimensions index (case, dimension, value,
 * claimant): whatever the case asks, one index range per filter, and a multiple choice matches
 * each of its options.
 */
function dimensionCondition(caseId: string, dimension: string, value: string): SQL {
  return sql`${claimants.id} in (select ${claimantDimensions.claimantId} from ${claimantDimensions} where ${claimantDimensions.caseId} = ${caseId} and ${claimantDimensions.dimension} = ${dimension} and ${claimantDimensions.value} = ${value})`;
}

function completenessCondition(filter: QueueFilters['completeness']): SQL | undefined {
  switch (filter) {
    case 'complete':
      return sql`(${claimants.hasSignedStatement} and ${claimants.hasSignedConsent} and ${claimants.evidenceCount} > 0)`;
    case 'incomplete':
      return sql`not (${claimants.hasSignedStatement} and ${claimants.hasSignedConsent} and ${claimants.evidenceCount} > 0)`;
    case 'missing_statement':
      return eq(claimants.hasSignedStatement, false);
    case 'missing_consent':
      return eq(claimants.hasSignedConsent, false);
    case 'missing_evidence':
      return eq(claimants.evidenceCount, 0);
    default:
      return undefined;
  }
}

function flagCondition(filter: QueueFilters['flags']): SQL | undefined {
  if (!filter) return undefined;
  // Flagged files are few: a partial index on open_flag_count > 0 keeps this a short scan.
  if (filter === 'flagged') return gt(claimants.openFlagCount, 0);
  if (filter === 'unflagged') return eq(claimants.openFlagCount, 0);
  return and(
    gt(claimants.openFlagCount, 0),
    sql`exists (select 1 from ${duplicateFlags} where ${duplicateFlags.claimantId} = ${claimants.id} and ${duplicateFlags.status} = 'open' and ${duplicateFlags.reason} = ${filter})`,
  );
}

export function searchCondition(term: SearchTerm): SQL {
  switch (term.kind) {
    case 'email':
      // The same mailbox under another spelling (Hong.Gildong+case@gmail.com) is the same person.
      return sql`${claimants.userId} in (select id from users where canonical_email(email) = canonical_email(${term.email}))`;
    case 'phone':
      return eq(claimants.phoneHash, term.phoneHash);
    case 'reference':
      return eq(claimants.referenceNumber, term.reference);
    case 'initials':
      return nameMatch(claimants.nameInitials, term.initials);
    case 'mixed':
      return sql`${nameMatch(claimants.nameInitials, term.initials)} and ${claimants.nameNormalized} ~ ${term.pattern}`;
    case 'name':
      return nameMatch(claimants.nameNormalized, term.name);
  }
}

/** A part of a name: the pairs narrow it through the GIN index, LIKE keeps only true substrings. */
function nameMatch(column: typeof claimants.nameNormalized | typeof claimants.nameInitials, value: string): SQL {
  const contains = sql`${column} like ${`%${escapeLike(value)}%`}`;
  const pairs = searchBigrams(value);
  if (pairs.length === 0) return contains;
  const array = sql.join(
    pairs.map((pair) => sql`${pair}`),
    sql`, `,
  );
  return sql`(search_bigrams(${column}) @> array[${array}]::text[] and ${contains})`;
}
