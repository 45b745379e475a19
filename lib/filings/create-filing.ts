import { eq, max } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, cases, filingClaimants, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs/define';
import { buildCaseInfo } from './case-info';
import { type ClaimantRequest, resolveClaimants } from './claimant-selection';
import { filingGenerateKind } from './job-kind';
import { type FilingDocuments, type FilingOptions, MEGABYTE, chosenDocuments } from './options';
import { findRequirementProblems } from './requirements';
import type { FilingRequestInput } from './schemas';
import { buildClaimantSnapshots } from './snapshot';

export type FilingActor = { userId: string; ip: string | null };

const SNAPSHOT_INSERT_SLICE = 500;

function claimantRequestOf(input: FilingRequestInput): ClaimantRequest {
  if (input.claimantSource === 'selection') return { source: 'selection', selectionId: input.selectionId };
  if (input.claimantSource === 'references')
    return { source: 'references', references: input.references, selectionName: input.selectionName };
  return { source: 'all_verified' };
}

function documentsOf(input: FilingRequestInput): FilingDocuments {
  return {
    complaint: input.docComplaint,
    partyList: input.docPartyList,
    appointment: input.docAppointment,
    powerOfAttorney: input.powerOfAttorney,
    declarations: input.docDeclarations,
    exhibits: input.docExhibits,
  };
}

/**
 * Requests a packet. One transaction writes the filing (the next version of the case), the exact
 * claimant snapshots it will be built from, the job that builds it and the audit row — so a
 * filing never exists without its job or its snapshot. Rendering happens later, off the request.
 */
export async function createFiling(
  db: Database,
  actor: FilingActor,
  found: Case,
  input: FilingRequestInput,
  now = new Date(),
): Promise<{ filingId: string; version: number }> {
  const documents = documentsOf(input);
  return db.transaction(async (tx) => {
    // Versions are numbered per case: hold the case row so two requests cannot take the same number.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, found.id)).for('update');
    const resolved = await resolveClaimants(tx, found.id, actor.userId, claimantRequestOf(input));
    const snapshots = await buildClaimantSnapshots(tx, found.id, resolved.ids, input.language);
    if (snapshots.length !== resolved.ids.length) throw new AppError('stale');

    let representatives = snapshots.slice(0, 1);
    if (documents.appointment && input.representativeReference) {
      const chosen = snapshots.find((claimant) => claimant.referenceNumber === input.representativeReference);
      if (!chosen)
        throw new AppError('invalid_input', { fieldErrors: { representativeReference: 'filings.validation.representativeNotIncluded' } });
      representatives = [chosen];
    }
    const problems = findRequirementProblems(snapshots, documents, representatives);
    if (Object.keys(problems).length) throw new AppError('invalid_input', { fieldErrors: problems });

    const [{ last }] = await tx
      .select({ last: max(filings.version) })
      .from(filings)
      .where(eq(filings.caseId, found.id));
    const version = (last ?? 0) + 1;
    const options: FilingOptions = {
      documents,
      format: input.format,
      language: input.language,
      bates: { prefix: input.batesPrefix, start: input.batesStart },
      maxPartBytes: input.maxPartMb * MEGABYTE,
      claimants: resolved.choice,
      representativeClaimantIds: documents.appointment ? representatives.map((claimant) => claimant.id) : [],
      documentDate: now.toISOString(),
      caseInfo: await buildCaseInfo(tx, found, input.format),
    };
    // The job's id is chosen here so the filing names its job in the same insert (filings.job_id).
    const jobId = crypto.randomUUID();
    const [filing] = await tx
      .insert(filings)
      .values({ caseId: found.id, version, options, createdBy: actor.userId, jobId })
      .returning({ id: filings.id });
    for (let start = 0; start < snapshots.length; start += SNAPSHOT_INSERT_SLICE) {
      await tx
        .insert(filingClaimants)
        .values(
          snapshots
            .slice(start, start + SNAPSHOT_INSERT_SLICE)
            .map((snapshot, offset) => ({ filingId: filing.id, claimantId: snapshot.id, position: start + offset + 1, snapshot })),
        );
    }
    const job = await enqueue(tx, filingGenerateKind, { filingId: filing.id }, { id: jobId });
    await recordAudit(tx, {
      action: 'filing.requested',
      actorUserId: actor.userId,
      caseId: found.id,
      subjectType: 'filing',
      subjectId: filing.id,
      ip: actor.ip,
      details: {
        version,
        jobId: job.id,
        claimants: snapshots.length,
        documents: chosenDocuments(documents),
        format: input.format,
        language: input.language,
        source: resolved.choice.source,
        selectionId: resolved.choice.source === 'all_verified' ? null : resolved.choice.selectionId,
        maxPartBytes: options.maxPartBytes,
      },
    });
    return { filingId: filing.id, version };
  });
}
