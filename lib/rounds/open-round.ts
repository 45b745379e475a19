import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, claimantSelections, claimants, filingRoundClaimants, filingRounds } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { endOfKoreanDay, koreanDay } from '@/lib/deficiencies/calendar';
import { expireOverdueNotices } from '@/lib/deficiencies/cure-and-expire';
import { isDeficientSql } from '@/lib/deficiencies/queries';
import { AppError, isUniqueViolation } from '@/lib/errors';

export type OpenRoundInput = { name?: string; cutoffOn: string };
export type OpenedRound = { id: string; number: number; name: string; members: number };

const invalid = (field: string, key: string) => new AppError('invalid_input', { fieldErrors: { [field]: key } });

/** Who a round opened now with this cut-off takes: the condition, over `claimants`. */
export function eligibleForRound(caseId: string, cutoffEnd: Date) {
  return and(
    eq(claimants.caseId, caseId),
    eq(claimants.status, 'verified'),
    sql`${claimants.verifiedAt} < ${cutoffEnd.toISOString()}::timestamptz`,
    sql`not exists (select 1 from ${filingRoundClaimants} where ${filingRoundClaimants.claimantId} = ${claimants.id})`,
    sql`not ${isDeficientSql()}`,
  );
}

/**
 * Opens the next round (1차, 2차 …) with its cut-off. It takes every claimant of the case verified
 * by the end of the cut-off day who is not withdrawn, not deficient and in no earlier round — so a
 * later round takes exactly those verified after the previous cut-off (and anyone cured since).
 * Deficiency deadlines that have passed are swept first, so an uncured claimant is out even if the
 * background sweep has not run yet. The case row is locked: two rounds opened at once are serial,
 * and the claimant primary key on `filing_round_claimants` holds the one-round rule regardless.
 * The members are also saved as a claimant selection of the round's name, which the packet
 * builder takes. All in one transaction with its audit row.
 */
export async function openRound(
  db: Database,
  actor: { userId: string; ip: string | null },
  caseId: string,
  input: OpenRoundInput,
  now = new Date(),
): Promise<OpenedRound> {
  if (input.cutoffOn > koreanDay(now)) throw invalid('cutoffOn', 'rounds.validation.cutoffFuture');
  try {
    return await db.transaction(async (tx) => {
      await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
      const [previous] = await tx
        .select({ number: filingRounds.number, cutoffOn: filingRounds.cutoffOn })
        .from(filingRounds)
        .where(eq(filingRounds.caseId, caseId))
        .orderBy(desc(filingRounds.number))
        .limit(1);
      if (previous && input.cutoffOn <= previous.cutoffOn)
        throw new AppError('invalid_input', {
          fieldErrors: { cutoffOn: `rounds.validation.cutoffNotAfterPrevious|${JSON.stringify({ previous: previous.cutoffOn })}` },
        });
      const number = (previous?.number ?? 0) + 1;
      const name = input.name?.trim() || `${number}차`;

      await expireOverdueNotices(tx, { now, caseId });
      const [round] = await tx
        .insert(filingRounds)
        .values({ caseId, number, name, cutoffOn: input.cutoffOn, createdBy: actor.userId })
        .returning({ id: filingRounds.id });
      const inserted = await tx.execute(sql`
        insert into ${filingRoundClaimants} (claimant_id, round_id, case_id, position)
        select ${claimants.id}, ${round.id}::uuid, ${caseId}::uuid,
               row_number() over (order by ${claimants.referenceNumber}, ${claimants.id})
        from ${claimants}
        where ${eligibleForRound(caseId, endOfKoreanDay(input.cutoffOn))}`);
      const members = rowCount(inserted);
      if (members === 0) throw invalid('cutoffOn', 'rounds.validation.nobodyEligible');

      const [selection] = await tx
        .insert(claimantSelections)
        .values({
          caseId,
          name,
          claimantIds: sql`(select array_agg(claimant_id order by position) from ${filingRoundClaimants} where round_id = ${round.id}::uuid)`,
          createdBy: actor.userId,
        })
        .returning({ id: claimantSelections.id });
      await tx.update(filingRounds).set({ selectionId: selection.id }).where(eq(filingRounds.id, round.id));
      await recordAudit(tx, {
        action: 'round.opened',
        actorUserId: actor.userId,
        caseId,
        subjectType: 'filing_round',
        subjectId: round.id,
        ip: actor.ip,
        details: { number, cutoffOn: input.cutoffOn, members, selectionId: selection.id },
      });
      return { id: round.id, number, name, members };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'filing_rounds_case_name_key') || isUniqueViolation(error, 'claimant_selections_case_name_key'))
      throw invalid('name', 'rounds.validation.nameTaken');
    if (isUniqueViolation(error, 'filing_round_claimants_claimant_id_pk'))
      throw new AppError('conflict', { messageKey: 'rounds.validation.alreadyInRound' });
    throw error;
  }
}

/** Rows written by an INSERT … SELECT, on both drivers (pg: rowCount; PGlite: affectedRows). */
function rowCount(result: unknown): number {
  const { rowCount: pgCount, affectedRows } = result as { rowCount?: number | null; affectedRows?: number };
  return Number(pgCount ?? affectedRows ?? 0);
}
