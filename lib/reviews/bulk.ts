import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseMemberships, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { recordAssignment } from '@/lib/claimants/record';
import { AppError, isAppError } from '@/lib/errors';
import { type DecisionInput, applyDecision } from './decisions';
import { forgetStatusCounts } from './status-counts';

/** A page of the queue is 50 rows; a selection is at most a few pages. */
export const MAX_BULK_SELECTION = 200;

export type BulkItem = { claimantId: string; version: number };
export type BulkResult = { done: string[]; stale: string[]; skipped: string[] };

/**
 * The same decision for each selected file, in one transaction: every file still gets its own
 * review row, audit row, message and mail. A file that changed since the queue was loaded (or
 * cannot take this decision) is left alone and reported, and the others go through.
 */
export async function decideInBulk(
  db: Database,
  input: Omit<DecisionInput, 'claimantId' | 'expectedVersion' | 'decision' | 'batchSize'> & {
    decision: 'verify' | 'request_info';
    items: BulkItem[];
  },
): Promise<BulkResult> {
  const items = dedupe(input.items);
  if (items.length === 0 || items.length > MAX_BULK_SELECTION)
    throw new AppError('invalid_input', { messageKey: 'review.errors.selection' });
  if (input.decision === 'request_info' && !input.text?.trim())
    throw new AppError('invalid_input', { fieldErrors: { text: 'validation.required' } });
  const result: BulkResult = { done: [], stale: [], skipped: [] };
  await db.transaction(async (tx) => {
    for (const item of items) {
      try {
        await applyDecision(tx, { ...input, claimantId: item.claimantId, expectedVersion: item.version, batchSize: items.length });
        result.done.push(item.claimantId);
      } catch (error) {
        // These are checks made before anything is written, so the transaction stays usable.
        if (isAppError(error) && error.code === 'stale') result.stale.push(item.claimantId);
        else if (isAppError(error) && (error.code === 'conflict' || error.code === 'not_found')) result.skipped.push(item.claimantId);
        else throw error;
      }
    }
  });
  forgetStatusCounts(input.caseId);
  return result;
}

/**
 * Gives the selected files to a lawyer of the case (or to nobody). Assignment organises the work;
 * it does not change the file, so it needs no version check and does not make others' views stale.
 */
export async function assignClaimants(
  db: Database,
  input: { caseId: string; claimantIds: string[]; lawyerId: string | null; actorId: string; ip: string | null },
): Promise<{ assigned: number }> {
  const ids = [...new Set(input.claimantIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_SELECTION) throw new AppError('invalid_input', { messageKey: 'review.errors.selection' });
  return db.transaction(async (tx) => {
    if (input.lawyerId) {
      const [member] = await tx
        .select({ role: caseMemberships.role })
        .from(caseMemberships)
        .where(
          and(
            eq(caseMemberships.caseId, input.caseId),
            eq(caseMemberships.userId, input.lawyerId),
            inArray(caseMemberships.role, ['lawyer', 'admin']),
          ),
        );
      if (!member) throw new AppError('invalid_input', { fieldErrors: { lawyerId: 'validation.choose' } });
    }
    const updated = await recordAssignment(tx, input.caseId, ids, input.lawyerId);
    for (const claimantId of updated) {
      await recordAudit(tx, {
        action: 'review.assigned',
        actorUserId: input.actorId,
        caseId: input.caseId,
        subjectType: 'claimant',
        subjectId: claimantId,
        ip: input.ip,
        details: { assigneeId: input.lawyerId, batchSize: ids.length },
      });
    }
    return { assigned: updated.length };
  });
}

/** One file from the claimant file page: a file that is not in this case is not found (never "saved"). */
export async function assignClaimant(
  db: Database,
  input: { caseId: string; claimantId: string; lawyerId: string | null; actorId: string; ip: string | null },
): Promise<void> {
  const { assigned } = await assignClaimants(db, { ...input, claimantIds: [input.claimantId] });
  if (assigned === 0) throw new AppError('not_found');
}

/** Lawyers and case admins a file can be assigned to. */
export async function listCaseLawyers(db: Database, caseId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(caseMemberships)
    .innerJoin(users, eq(users.id, caseMemberships.userId))
    .where(and(eq(caseMemberships.caseId, caseId), inArray(caseMemberships.role, ['lawyer', 'admin'])))
    .orderBy(users.name);
}

function dedupe(items: BulkItem[]): BulkItem[] {
  const seen = new Map<string, BulkItem>();
  for (const item of items) if (!seen.has(item.claimantId)) seen.set(item.claimantId, item);
  return [...seen.values()];
}
