import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, deficiencyNotices } from '@/db/schema';
import { reasonLabels } from './reasons';

/**
 * A claimant is deficient while a notice of theirs expired after counsel last verified them:
 * verifying again (after a late cure) is how counsel takes them back. The condition is a SQL
 * fragment over `claimants`, shared by the review-queue filter and the round builder.
 */
export function isDeficientSql(): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${deficiencyNotices} where ${deficiencyNotices.claimantId} = ${claimants.id}
    and ${deficiencyNotices.status} = 'expired'
    and ${deficiencyNotices.expiredAt} > coalesce(${claimants.verifiedAt}, '-infinity'::timestamptz))`;
}

export type ClaimantNotice = {
  id: string;
  status: 'open' | 'cured' | 'expired' | 'closed';
  reasonKo: string;
  reasonEn: string;
  message: string;
  cureBy: string;
  deadlineAt: Date;
  createdAt: Date;
};

/** The claimant's newest notice in this case, for their home page (their own claim only). */
export async function latestNoticeForClaimant(db: Database, caseId: string, claimantId: string): Promise<ClaimantNotice | null> {
  const [row] = await db
    .select()
    .from(deficiencyNotices)
    .where(and(eq(deficiencyNotices.caseId, caseId), eq(deficiencyNotices.claimantId, claimantId)))
    .orderBy(desc(deficiencyNotices.createdAt))
    .limit(1);
  if (!row) return null;
  const reason = (await reasonLabels(db, caseId)).get(row.reasonCode);
  return {
    id: row.id,
    status: row.status,
    reasonKo: reason?.labelKo ?? row.reasonCode,
    reasonEn: reason?.labelEn ?? row.reasonCode,
    message: row.message,
    cureBy: row.cureBy,
    deadlineAt: row.deadlineAt,
    createdAt: row.createdAt,
  };
}

/** Claimant ids of the case that are deficient now (for the queue's badge on a page of rows). */
export async function deficientAmong(db: Database, caseId: string, claimantIds: readonly string[]): Promise<Set<string>> {
  if (claimantIds.length === 0) return new Set();
  const rows = await db
    .select({ id: claimants.id })
    .from(claimants)
    .where(
      and(
        eq(claimants.caseId, caseId),
        sql`${claimants.id} in (${sql.join(
          claimantIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        isDeficientSql(),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

export async function countDeficient(db: Database, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(claimants)
    .where(and(eq(claimants.caseId, caseId), isDeficientSql()));
  return row?.n ?? 0;
}
