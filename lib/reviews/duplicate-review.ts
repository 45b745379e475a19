import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { type DuplicateFlag, type DuplicateReason, claimants, duplicateFlags } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { loadClaimantFile } from './claimant-file';
import { type DecisionInput, applyDecision } from './decisions';
import { syncOpenFlagCounts } from '@/lib/claimants/record';
import { forgetStatusCounts } from './status-counts';

const PAGE_SIZE = 50;

/**
 * Open signals of a case, one line per pair (each pair is stored in both directions; the line
 * shows the direction whose first id is smaller) and one per IP-burst member, newest first.
 */
export async function listDuplicatePairs(
  db: Database,
  caseId: string,
  options: { reason?: DuplicateReason; before?: { createdAt: string; id: string } } = {},
) {
  const first = alias(claimants, 'first');
  const second = alias(claimants, 'second');
  const rows = await db
    .select({
      flag: duplicateFlags,
      createdKey: sql<string>`${duplicateFlags.createdAt}::text`,
      first: { id: first.id, reference: first.referenceNumber, name: first.legalName, status: first.status },
      second: { id: second.id, reference: second.referenceNumber, name: second.legalName, status: second.status },
    })
    .from(duplicateFlags)
    .innerJoin(first, and(eq(first.id, duplicateFlags.claimantId), eq(first.caseId, caseId)))
    .leftJoin(second, and(eq(second.id, duplicateFlags.otherClaimantId), eq(second.caseId, caseId)))
    .where(
      and(
        eq(duplicateFlags.caseId, caseId),
        eq(duplicateFlags.status, 'open'),
        or(isNull(duplicateFlags.otherClaimantId), lt(duplicateFlags.claimantId, duplicateFlags.otherClaimantId)),
        options.reason ? eq(duplicateFlags.reason, options.reason) : undefined,
        options.before
          ? sql`(${duplicateFlags.createdAt}, ${duplicateFlags.id}) < (${options.before.createdAt}::timestamptz, ${options.before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(duplicateFlags.createdAt), desc(duplicateFlags.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > PAGE_SIZE && last ? { createdAt: last.createdKey, id: last.flag.id } : null };
}

/** How many open signals the duplicates view lists (pairs once, burst members each). */
export async function countOpenSignals(db: Database, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(duplicateFlags)
    .where(
      and(
        eq(duplicateFlags.caseId, caseId),
        eq(duplicateFlags.status, 'open'),
        or(isNull(duplicateFlags.otherClaimantId), lt(duplicateFlags.claimantId, duplicateFlags.otherClaimantId)),
      ),
    );
  return row?.n ?? 0;
}

/** A flag and both files, for the side-by-side view; opening it records a view of each file. */
export async function openDuplicateComparison(db: Database, input: { caseId: string; flagId: string; actorId: string; ip: string | null }) {
  return db.transaction(async (tx) => {
    const flag = await findFlag(tx, input.caseId, input.flagId);
    const left = await loadClaimantFile(tx, input.caseId, flag.claimantId);
    const right = flag.otherClaimantId ? await loadClaimantFile(tx, input.caseId, flag.otherClaimantId) : null;
    if (!left) throw new AppError('not_found');
    for (const file of [left, right]) {
      if (!file) continue;
      await recordAudit(tx, {
        action: 'claimant.viewed',
        actorUserId: input.actorId,
        caseId: input.caseId,
        subjectType: 'claimant',
        subjectId: file.claimant.id,
        ip: input.ip,
        details: { flagId: flag.id, version: file.claimant.version },
      });
    }
    return { flag, left, right };
  });
}

/** Not a duplicate after all: the flag (both directions) is closed and the counts follow. */
export async function dismissFlag(
  db: Database,
  input: { caseId: string; flagId: string; actorId: string; ip: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const flag = await findFlag(tx, input.caseId, input.flagId);
    if (flag.status !== 'open') throw new AppError('stale', { messageKey: 'review.errors.flagResolved' });
    const affected = await resolvePair(tx, flag, 'dismissed', input.actorId, false);
    await recordAudit(tx, {
      action: 'flag.dismissed',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'duplicate_flag',
      subjectId: flag.id,
      ip: input.ip,
      details: { reason: flag.reason, claimantId: flag.claimantId, otherClaimantId: flag.otherClaimantId, rows: affected },
    });
  });
}

/**
 * A real duplicate: one of the two files is rejected (a normal decision, with its optimistic
 * check, review row, mail and audit row) and every open flag between the two is confirmed.
 */
export async function rejectAsDuplicate(
  db: Database,
  input: Omit<DecisionInput, 'decision' | 'batchSize'> & { flagId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const flag = await findFlag(tx, input.caseId, input.flagId);
    if (flag.status !== 'open') throw new AppError('stale', { messageKey: 'review.errors.flagResolved' });
    if (input.claimantId !== flag.claimantId && input.claimantId !== flag.otherClaimantId) throw new AppError('not_found');
    await applyDecision(tx, { ...input, decision: 'reject' });
    const affected = await resolvePair(tx, flag, 'confirmed', input.actorId, true);
    await recordAudit(tx, {
      action: 'flag.confirmed',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'duplicate_flag',
      subjectId: flag.id,
      ip: input.ip,
      details: { reason: flag.reason, rejectedClaimantId: input.claimantId, rows: affected },
    });
  });
  forgetStatusCounts(input.caseId);
}

async function findFlag(tx: Database, caseId: string, flagId: string): Promise<DuplicateFlag> {
  const [flag] = await tx
    .select()
    .from(duplicateFlags)
    .where(and(eq(duplicateFlags.id, flagId), eq(duplicateFlags.caseId, caseId)));
  if (!flag) throw new AppError('not_found');
  return flag;
}

/** Closes the flag and its mirror (or, when confirming, every open flag between the two files). */
async function resolvePair(
  tx: Database,
  flag: DuplicateFlag,
  status: 'dismissed' | 'confirmed',
  actorId: string,
  isWholePair: boolean,
): Promise<number> {
  const sameReason = isWholePair ? undefined : eq(duplicateFlags.reason, flag.reason);
  const pair = flag.otherClaimantId
    ? or(
        and(eq(duplicateFlags.claimantId, flag.claimantId), eq(duplicateFlags.otherClaimantId, flag.otherClaimantId)),
        and(eq(duplicateFlags.claimantId, flag.otherClaimantId), eq(duplicateFlags.otherClaimantId, flag.claimantId)),
      )
    : eq(duplicateFlags.id, flag.id);
  const resolved = await tx
    .update(duplicateFlags)
    .set({ status, resolvedBy: actorId, resolvedAt: new Date() })
    .where(and(eq(duplicateFlags.caseId, flag.caseId), eq(duplicateFlags.status, 'open'), pair, sameReason))
    .returning({ claimantId: duplicateFlags.claimantId });
  await syncOpenFlagCounts(tx, flag.caseId, [...new Set([flag.claimantId, ...resolved.map((row) => row.claimantId)])]);
  return resolved.length;
}
