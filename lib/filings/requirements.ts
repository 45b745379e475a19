import type { ClaimantSnapshot } from '@/lib/pdf/types';
import type { FilingDocuments } from './options';
import { listReferences } from './schemas';

export type RequirementProblems = Record<string, string>;

function withRefs(key: string, claimants: readonly ClaimantSnapshot[]): string {
  return `${key}|${JSON.stringify({ count: claimants.length, refs: listReferences(claimants.map((claimant) => claimant.referenceNumber)) })}`;
}

const hasConsent = (claimant: ClaimantSnapshot, kind: 'retainer' | 'representative_appointment') =>
  claimant.consents.some((consent) => consent.kind === kind);

/**
 * What the chosen documents need from each claimant, checked before anything is queued so a
 * lawyer learns at once which files are incomplete (the renderers would stop on the first one).
 * The 선정서 lists only claimants who consented to the appointment: the others stay parties in
 * their own right, so it is enough that someone appoints.
 */
export function findRequirementProblems(
  snapshots: readonly ClaimantSnapshot[],
  documents: FilingDocuments,
  representatives: readonly ClaimantSnapshot[],
): RequirementProblems {
  const problems: RequirementProblems = {};
  const missingBirth = snapshots.filter((claimant) => !/^\d{4}-\d{2}-\d{2}/.test(claimant.dateOfBirth));
  if (missingBirth.length) problems.claimantSource = withRefs('filings.validation.missingBirthDate', missingBirth);
  const missingName = snapshots.filter((claimant) => !claimant.legalName.trim() || !claimant.referenceNumber);
  if (missingName.length && !problems.claimantSource) problems.claimantSource = withRefs('filings.validation.missingName', missingName);

  if (documents.powerOfAttorney !== 'none') {
    const missing = snapshots.filter((claimant) => !hasConsent(claimant, 'retainer'));
    if (missing.length) problems.powerOfAttorney = withRefs('filings.validation.missingRetainer', missing);
  }
  if (documents.declarations) {
    const missing = snapshots.filter((claimant) => !claimant.statement);
    if (missing.length) problems.docDeclarations = withRefs('filings.validation.missingStatement', missing);
  }
  if (documents.appointment) {
    const representativeIds = new Set(representatives.map((claimant) => claimant.id));
    // Someone besides the 선정당사자 must appoint them.
    const appointers = appointersOf(snapshots, [...representativeIds]).filter((claimant) => !representativeIds.has(claimant.id));
    if (appointers.length === 0) problems.docAppointment = 'filings.validation.noAppointers';
  }
  if (documents.exhibits && snapshots.every((claimant) => claimant.evidence.length === 0))
    problems.docExhibits = 'filings.validation.noEvidence';
  return problems;
}

/**
 * Appointing claimants of the 선정서 (선정자): everyone who consented. The 선정당사자 are listed among
 * them, as the usual practice has it (lib/pdf/README.md); the renderer puts them first and marks them.
 */
export function appointersOf(snapshots: readonly ClaimantSnapshot[], _representativeIds: readonly string[]): ClaimantSnapshot[] {
  return snapshots.filter((claimant) => hasConsent(claimant, 'representative_appointment'));
}
