import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, courtFilings, filingClaimants, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { recordOnCourtFiling } from '@/lib/claimants/record';
import { AppError } from '@/lib/errors';
import { parseCalendarDate, toKstDateInput } from '@/lib/forms/validators';
import type { CourtFilingInput } from './court-filing-schema';
import type { FilingActor } from './create-filing';
import { listReferences } from './schemas';

/**
 * Records that a built packet was filed with the court, in ONE transaction with what follows
 * from it in law: the record (day, court, 사건번호), its claimants marked filed as of that day
 * (the legal hold that turns an erasure request into a restriction, and the 소 제기 count of the
 * dashboard, report and public stats through the rollup triggers), and the audit row. Until then
 * a packet is a draft.
 *
 * Refused: a packet that is not finished, one already recorded, a day before the packet was
 * built, and a packet holding claimants already on another recorded filing (a claimant is a
 * party to one suit of the case, not two).
 */
export async function recordCourtFiling(
  db: Database,
  actor: FilingActor,
  caseId: string,
  version: number,
  input: CourtFilingInput,
): Promise<{ claimants: number }> {
  return db.transaction(async (tx) => {
    // One recording at a time per case: two packets sharing a claimant cannot both pass the check below.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    const [filing] = await tx
      .select({ id: filings.id, status: filings.status, finishedAt: filings.finishedAt })
      .from(filings)
      .where(and(eq(filings.caseId, caseId), eq(filings.version, version)))
      .for('update');
    if (!filing) throw new AppError('not_found');
    if (filing.status !== 'done' || !filing.finishedAt) throw new AppError('conflict', { messageKey: 'filings.errors.notFinished' });
    const [existing] = await tx
      .select({ courtCaseNumber: courtFilings.courtCaseNumber })
      .from(courtFilings)
      .where(eq(courtFilings.filingId, filing.id));
    if (existing)
      throw new AppError('conflict', {
        messageKey: `filings.errors.alreadyRecorded|${JSON.stringify({ caseNumber: existing.courtCaseNumber })}`,
      });
    refuseFiledBeforeBuilt(input.filedOn, filing.finishedAt);

    const members = tx.select({ id: filingClaimants.claimantId }).from(filingClaimants).where(eq(filingClaimants.filingId, filing.id));
    const alreadyFiled = await tx
      .select({ reference: sql<string>`${filingClaimants.snapshot}->>'referenceNumber'`, caseNumber: courtFilings.courtCaseNumber })
      .from(filingClaimants)
      .innerJoin(courtFilings, eq(courtFilings.filingId, filingClaimants.filingId))
      .where(and(eq(courtFilings.caseId, caseId), ne(filingClaimants.filingId, filing.id), inArray(filingClaimants.claimantId, members)));
    if (alreadyFiled.length)
      throw new AppError('conflict', {
        messageKey: `filings.errors.claimantsAlreadyFiled|${JSON.stringify({
          count: alreadyFiled.length,
          refs: listReferences(alreadyFiled.map((row) => row.reference)),
          caseNumber: alreadyFiled[0].caseNumber,
        })}`,
      });

    await tx.insert(courtFilings).values({
      filingId: filing.id,
      caseId,
      filedOn: input.filedOn,
      court: input.court,
      courtCaseNumber: input.courtCaseNumber,
      recordedBy: actor.userId,
    });
    // Filed as of the court's day (midnight in Korea), so the 소 제기 stage is charted on that day.
    const filedAt = parseCalendarDate(input.filedOn)!;
    const marked = await recordOnCourtFiling(tx, caseId, members, filedAt);
    await recordAudit(tx, {
      action: 'filing.recorded',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'filing',
      subjectId: filing.id,
      ip: actor.ip,
      details: { version, filedOn: input.filedOn, court: input.court, courtCaseNumber: input.courtCaseNumber, claimants: marked.length },
    });
    return { claimants: marked.length };
  });
}

/** The court cannot have received a packet before it existed: the day is checked against the day (in Korea) it was built. */
export function refuseFiledBeforeBuilt(filedOn: string, finishedAt: Date): void {
  const builtOn = toKstDateInput(finishedAt);
  if (filedOn < builtOn)
    throw new AppError('invalid_input', {
      fieldErrors: { filedOn: `filings.validation.filedBeforeBuilt|${JSON.stringify({ date: builtOn })}` },
    });
}
