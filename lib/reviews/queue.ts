import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimantStatus, type DuplicateReason, claimants, duplicateFlags } from '@/db/schema';
import { buildQueueConditions } from './queue-conditions';
import { type CursorKey, PAGE_SIZE, type QueueFilters, type QueueSort, decodeCursor, encodeCursor } from './queue-filters';

export type QueueRow = {
  id: string;
  referenceNumber: string | null;
  legalName: string | null;
  category: string | null;
  region: string | null;
  status: ClaimantStatus;
  hasSignedStatement: boolean;
  hasSignedConsent: boolean;
  evidenceCount: number;
  claimedTotalKrw: number;
  openFlagCount: number;
  flagReasons: DuplicateReason[];
  lastActivityAt: Date;
  assignedLawyerId: string | null;
  version: number;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null; prevCursor: string | null };

type SortSpec = {
  /** ORDER BY expressions, the row id last so the order is total. Each sort has an index with exactly these. */
  keys: SQL[];
  /** SQL casts for the cursor's values, in the same order. */
  casts: string[];
  direction: 'asc' | 'desc';
};

// Nullable sort columns sort as (is null, coalesce(value, '')) so rows without a value come last
// and the key stays comparable as a row value, which is what keyset pagination needs.
const SORTS: Record<QueueSort, SortSpec> = {
  activity_asc: { keys: [sql`${claimants.lastActivityAt}`, sql`${claimants.id}`], casts: ['timestamptz', 'uuid'], direction: 'asc' },
  activity_desc: { keys: [sql`${claimants.lastActivityAt}`, sql`${claimants.id}`], casts: ['timestamptz', 'uuid'], direction: 'desc' },
  amount_desc: { keys: [sql`${claimants.claimedTotalKrw}`, sql`${claimants.id}`], casts: ['bigint', 'uuid'], direction: 'desc' },
  reference: {
    keys: [sql`(${claimants.referenceNumber} is null)`, sql`coalesce(${claimants.referenceNumber}, '')`, sql`${claimants.id}`],
    casts: ['boolean', 'text', 'uuid'],
    direction: 'asc',
  },
  name: {
    keys: [sql`(${claimants.nameNormalized} is null)`, sql`coalesce(${claimants.nameNormalized}, '')`, sql`${claimants.id}`],
    casts: ['boolean', 'text', 'uuid'],
    direction: 'asc',
  },
};

/**
 * One page of the review queue, by keyset: the cursor names the last (or, going back, the first)
 * row seen and the next page starts right after it, so page 2,000 costs what page 1 does and a
 * claimant verified meanwhile never shifts the pages under the reader.
 */
export async function listClaimantsForReview(
  db: Database,
  scope: { caseId: string; referencePrefix: string; viewerId: string },
  filters: QueueFilters,
  pageSize = PAGE_SIZE,
): Promise<QueuePage> {
  const sort = SORTS[filters.sort];
  const cursor = decodeCursor(filters.sort, filters.cursor);
  const isBackward = Boolean(cursor) && filters.dir === 'prev';
  const forward = sort.direction === 'asc' ? 'asc' : 'desc';
  const scanDirection = isBackward ? (forward === 'asc' ? 'desc' : 'asc') : forward;

  const where: SQL[] = [buildQueueConditions(scope.caseId, scope.referencePrefix, filters, scope.viewerId)];
  if (cursor && cursor.length === sort.keys.length) where.push(keysetCondition(sort, cursor, scanDirection));

  const rows = await db
    .select({
      id: claimants.id,
      referenceNumber: claimants.referenceNumber,
      legalName: claimants.legalName,
      category: claimants.category,
      region: claimants.region,
      status: claimants.status,
      hasSignedStatement: claimants.hasSignedStatement,
      hasSignedConsent: claimants.hasSignedConsent,
      evidenceCount: claimants.evidenceCount,
      claimedTotalKrw: claimants.claimedTotalKrw,
      openFlagCount: claimants.openFlagCount,
      lastActivityAt: claimants.lastActivityAt,
      assignedLawyerId: claimants.assignedLawyerId,
      version: claimants.version,
      // Full microsecond precision: a JavaScript Date would round and repeat or skip rows.
      activityKey: sql<string>`${claimants.lastActivityAt}::text`,
      referenceKey: sql<string>`coalesce(${claimants.referenceNumber}, '')`,
      nameKey: sql<string>`coalesce(${claimants.nameNormalized}, '')`,
      isNameMissing: sql<boolean>`(${claimants.nameNormalized} is null)`,
    })
    .from(claimants)
    .where(and(...where))
    .orderBy(...sort.keys.map((key) => (scanDirection === 'asc' ? sql`${key} asc` : sql`${key} desc`)))
    .limit(pageSize + 1);

  const hasMore = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (isBackward) page.reverse();
  // Most pages have no flagged row at all: ask for reasons only when there are some.
  const reasons = await listOpenFlagReasons(
    db,
    scope.caseId,
    page.filter((row) => row.openFlagCount > 0).map((row) => row.id),
  );
  const result = page.map(({ activityKey: _a, referenceKey: _r, nameKey: _n, isNameMissing: _m, ...row }) => ({
    ...row,
    flagReasons: reasons.get(row.id) ?? [],
  }));

  const keyOf = (row: (typeof rows)[number]): CursorKey => {
    switch (filters.sort) {
      case 'activity_asc':
      case 'activity_desc':
        return [row.activityKey, row.id];
      case 'amount_desc':
        return [row.claimedTotalKrw, row.id];
      case 'reference':
        return [row.referenceNumber === null, row.referenceKey, row.id];
      case 'name':
        return [row.isNameMissing, row.nameKey, row.id];
    }
  };
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = isBackward ? true : hasMore;
  const hasPrev = isBackward ? hasMore : Boolean(cursor);
  return {
    rows: result,
    nextCursor: hasNext && last ? encodeCursor(filters.sort, keyOf(last)) : null,
    prevCursor: hasPrev && first ? encodeCursor(filters.sort, keyOf(first)) : null,
  };
}

function keysetCondition(sort: SortSpec, cursor: CursorKey, scanDirection: 'asc' | 'desc'): SQL {
  const left = sql.join(sort.keys, sql`, `);
  const right = sql.join(
    cursor.map((value, index) => sql`${typeof value === 'boolean' ? value : String(value)}::${sql.raw(sort.casts[index])}`),
    sql`, `,
  );
  return scanDirection === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

async function listOpenFlagReasons(db: Database, caseId: string, claimantIds: string[]): Promise<Map<string, DuplicateReason[]>> {
  const reasons = new Map<string, DuplicateReason[]>();
  if (claimantIds.length === 0) return reasons;
  const rows = await db
    .selectDistinct({ claimantId: duplicateFlags.claimantId, reason: duplicateFlags.reason })
    .from(duplicateFlags)
    .where(and(eq(duplicateFlags.caseId, caseId), inArray(duplicateFlags.claimantId, claimantIds), eq(duplicateFlags.status, 'open')));
  for (const row of rows) reasons.set(row.claimantId, [...(reasons.get(row.claimantId) ?? []), row.reason]);
  return reasons;
}
