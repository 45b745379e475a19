import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, courtFilings, filingClaimants, filingRoundClaimants, filingRounds } from '@/db/schema';

export type RoundSummary = {
  id: string;
  number: number;
  name: string;
  cutoffOn: string;
  selectionId: string | null;
  createdAt: Date;
  members: number;
  filed: number;
  withdrawn: number;
};

/**
 * The case's rounds in order with how many claimants each includes, how many of them are filed
 * with the court and how many have withdrawn since: one grouped query, scoped to the case. Counts
 * only — what the dashboard and the public stats show per round.
 */
export async function listRounds(db: Database, caseId: string): Promise<RoundSummary[]> {
  return db
    .select({
      id: filingRounds.id,
      number: filingRounds.number,
      name: filingRounds.name,
      cutoffOn: filingRounds.cutoffOn,
      selectionId: filingRounds.selectionId,
      createdAt: filingRounds.createdAt,
      members: sql<number>`count(${filingRoundClaimants.claimantId})::int`,
      filed: sql<number>`count(*) filter (where ${claimants.isOnFiling})::int`,
      withdrawn: sql<number>`count(*) filter (where ${claimants.status} = 'withdrawn')::int`,
    })
    .from(filingRounds)
    .leftJoin(filingRoundClaimants, eq(filingRoundClaimants.roundId, filingRounds.id))
    .leftJoin(claimants, eq(claimants.id, filingRoundClaimants.claimantId))
    .where(eq(filingRounds.caseId, caseId))
    .groupBy(filingRounds.id)
    .orderBy(asc(filingRounds.number));
}

export async function findRound(db: Database, caseId: string, number: number) {
  const [round] = await db
    .select()
    .from(filingRounds)
    .where(and(eq(filingRounds.caseId, caseId), eq(filingRounds.number, number)));
  return round ?? null;
}

/** Per-round counts for the dashboard and public stats: members and filed, nothing personal. */
export async function countPerRound(db: Database, caseId: string) {
  const rounds = await listRounds(db, caseId);
  return rounds.map(({ number, name, cutoffOn, members, filed, withdrawn }) => ({ number, name, cutoffOn, members, filed, withdrawn }));
}

export type RoundWithdrawal = {
  position: number;
  referenceNumber: string | null;
  legalName: string | null;
  withdrawnAt: Date | null;
  filedAt: Date | null;
  court: string | null;
  courtCaseNumber: string | null;
};

/**
 * Members of the round who withdrew after they were filed with the court: the list a 소취하 (or,
 * for a 선정자 under a 선정당사자, a 선정 철회) is drawn from. Names go only to counsel of the case.
 */
export async function listRoundWithdrawals(db: Database, caseId: string, roundId: string): Promise<RoundWithdrawal[]> {
  return db
    .select({
      position: filingRoundClaimants.position,
      referenceNumber: claimants.referenceNumber,
      legalName: claimants.legalName,
      withdrawnAt: claimants.withdrawnAt,
      filedAt: claimants.filedAt,
      court: courtFilings.court,
      courtCaseNumber: courtFilings.courtCaseNumber,
    })
    .from(filingRoundClaimants)
    .innerJoin(claimants, and(eq(claimants.id, filingRoundClaimants.claimantId), eq(claimants.caseId, caseId)))
    .leftJoin(
      courtFilings,
      and(
        eq(courtFilings.caseId, caseId),
        sql`${courtFilings.filingId} in (select ${filingClaimants.filingId} from ${filingClaimants} where ${filingClaimants.claimantId} = ${claimants.id})`,
      ),
    )
    .where(
      and(
        eq(filingRoundClaimants.roundId, roundId),
        eq(filingRoundClaimants.caseId, caseId),
        eq(claimants.status, 'withdrawn'),
        eq(claimants.isOnFiling, true),
        sql`${claimants.withdrawnAt} >= ${claimants.filedAt}`,
      ),
    )
    .orderBy(asc(filingRoundClaimants.position));
}

export async function countRoundMembers(db: Database, roundId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(filingRoundClaimants).where(eq(filingRoundClaimants.roundId, roundId));
  return row?.n ?? 0;
}
