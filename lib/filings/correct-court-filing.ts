import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, courtFilings, filingClaimants, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { recordOnCourtFiling } from '@/lib/claimants/record';
import { AppError } from '@/lib/errors';
import { parseCalendarDate } from '@/lib/forms/validators';
import type { CourtFilingCorrectionInput } from './court-filing-schema';
import type { FilingActor } from './create-filing';
import type { CourtFilingSummary } from './queries';
import { refuseFiledBeforeBuilt } from './record-court-filing';

/**
 * Corrects a recorded court filing (a mistyped 사건번호, court or day) in ONE transaction with
 * what follows from it: a new day moves its claimants' filed date (the 소 제기 charts follow
 * through the rollup triggers), and the audit row keeps the values before and after with the
 * reason — the record itself has no history, the audit log is it.
 *
 * Refused: a packet not recorded yet (recording is the way in), a day before the packet was built,
 * and a "correction" that changes nothing.
 */
export async function correctCourtFiling(
  db: Database,
  actor: FilingActor,
  caseId: string,
  version: number,
  input: CourtFilingCorrectionInput,
): Promise<{ claimantsMoved: number }> {
  return db.transaction(async (tx) => {
    // The same locks, in the same order, as recording: a correction never interleaves with one.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    const [filing] = await tx
      .select({ id: filings.id, finishedAt: filings.finishedAt, createdAt: filings.createdAt })
      .from(filings)
      .where(and(eq(filings.caseId, caseId), eq(filings.version, version)))
      .for('update');
    if (!filing) throw new AppError('not_found');
    const [recorded] = await tx
      .select({
        id: courtFilings.id,
        filedOn: courtFilings.filedOn,
        court: courtFilings.court,
        courtCaseNumber: courtFilings.courtCaseNumber,
      })
      .from(courtFilings)
      .where(eq(courtFilings.filingId, filing.id))
      .for('update');
    if (!recorded) throw new AppError('conflict', { messageKey: 'filings.errors.notRecorded' });
    // Only a finished packet can be recorded, so finishedAt is there; createdAt keeps the type honest.
    refuseFiledBeforeBuilt(input.filedOn, filing.finishedAt ?? filing.createdAt);

    const before: CourtFilingSummary = { filedOn: recorded.filedOn, court: recorded.court, courtCaseNumber: recorded.courtCaseNumber };
    const after: CourtFilingSummary = { filedOn: input.filedOn, court: input.court, courtCaseNumber: input.courtCaseNumber };
    if (before.filedOn === after.filedOn && before.court === after.court && before.courtCaseNumber === after.courtCaseNumber)
      throw new AppError('invalid_input', { messageKey: 'filings.errors.correctionUnchanged' });

    await tx.update(courtFilings).set(after).where(eq(courtFilings.id, recorded.id));
    let claimantsMoved = 0;
    if (after.filedOn !== before.filedOn) {
      const members = tx.select({ id: filingClaimants.claimantId }).from(filingClaimants).where(eq(filingClaimants.filingId, filing.id));
      // Filed as of the court's day (midnight in Korea), as when it was recorded.
      claimantsMoved = (await recordOnCourtFiling(tx, caseId, members, parseCalendarDate(after.filedOn)!)).length;
    }
    await recordAudit(tx, {
      action: 'filing.record_corrected',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'filing',
      subjectId: filing.id,
      ip: actor.ip,
      details: { version, reason: input.reason, before, after },
    });
    return { claimantsMoved };
  });
}
