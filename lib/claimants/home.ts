import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type Claimant,
  type ClaimantMessage,
  type ClaimantStatus,
  type Statement,
  claimantMessages,
  courtFilings,
  filingClaimants,
  reviews,
  statements,
} from '@/db/schema';

export type TimelineEntry = {
  kind: ClaimantStatus | 'registered' | 'filed';
  at: Date;
  reason?: string;
  /** The court filing: a calendar day (no time of day is known), the court and its 사건번호. */
  filing?: { filedOn: string; court: string; courtCaseNumber: string };
};

const DAY_MS = 24 * 3600_000;

/**
 * The claimant's view of their claim's history: from the status-change rows, completed by the
 * claim's own timestamps for changes made before those rows existed (imported or seeded claims).
 * "Filed" comes only from a recorded court filing of a packet the claim is on — a built packet is
 * a draft. Lawyers' internal notes are never part of it.
 */
export async function loadStatusTimeline(db: Database, claimant: Claimant): Promise<TimelineEntry[]> {
  const rows = await db
    .select({ toStatus: reviews.toStatus, at: reviews.createdAt, reason: reviews.reason })
    .from(reviews)
    .where(and(eq(reviews.claimantId, claimant.id), eq(reviews.caseId, claimant.caseId)))
    .orderBy(asc(reviews.createdAt));
  const entries: TimelineEntry[] = [{ kind: 'registered', at: claimant.createdAt }];
  for (const row of rows)
    entries.push({
      kind: row.toStatus,
      at: row.at,
      reason: row.toStatus === 'rejected' || row.toStatus === 'withdrawn' ? row.reason : undefined,
    });
  const fallbacks: [TimelineEntry['kind'], Date | null, string | null][] = [
    ['submitted', claimant.submittedAt, null],
    ['needs_info', claimant.needsInfoAt, null],
    ['verified', claimant.verifiedAt, null],
    ['rejected', claimant.rejectedAt, claimant.rejectionReason],
    ['withdrawn', claimant.withdrawnAt, claimant.withdrawalReason],
  ];
  for (const [kind, at, reason] of fallbacks) {
    if (at && !entries.some((entry) => entry.kind === kind)) entries.push({ kind, at, reason: reason ?? undefined });
  }
  const [filing] = await db
    .select({ filedOn: courtFilings.filedOn, court: courtFilings.court, courtCaseNumber: courtFilings.courtCaseNumber })
    .from(filingClaimants)
    .innerJoin(courtFilings, eq(courtFilings.filingId, filingClaimants.filingId))
    .where(and(eq(filingClaimants.claimantId, claimant.id), eq(courtFilings.caseId, claimant.caseId)))
    .orderBy(asc(courtFilings.filedOn))
    .limit(1);
  if (filing) entries.push({ kind: 'filed', at: new Date(`${filing.filedOn}T00:00:00+09:00`), filing });
  // A filing has a day, not a time: it sorts after whatever else happened on that day.
  const sortKey = (entry: TimelineEntry) => (entry.filing ? entry.at.getTime() + DAY_MS - 1 : entry.at.getTime());
  return entries.sort((a, b) => sortKey(a) - sortKey(b));
}

/** The visible thread with counsel, oldest first. */
export async function listOwnMessages(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>): Promise<ClaimantMessage[]> {
  return db
    .select()
    .from(claimantMessages)
    .where(and(eq(claimantMessages.claimantId, claimant.id), eq(claimantMessages.caseId, claimant.caseId)))
    .orderBy(asc(claimantMessages.createdAt));
}

/** Marks counsel's messages as read once the claimant has seen them (the lawyer's queue shows it). */
export async function markMessagesRead(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>, now = new Date()): Promise<void> {
  await db
    .update(claimantMessages)
    .set({ readAt: now })
    .where(
      and(
        eq(claimantMessages.claimantId, claimant.id),
        eq(claimantMessages.caseId, claimant.caseId),
        eq(claimantMessages.direction, 'to_claimant'),
        isNull(claimantMessages.readAt),
      ),
    );
}

/** Every signed version of the statement, newest first; old versions stay on the record. */
export async function listStatementVersions(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>): Promise<Statement[]> {
  return db
    .select()
    .from(statements)
    .where(and(eq(statements.claimantId, claimant.id), eq(statements.caseId, claimant.caseId)))
    .orderBy(desc(statements.version));
}
